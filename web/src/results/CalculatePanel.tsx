import type { ReactNode } from 'react';
import { render } from '../../../src/i18n/catalogue.ts';
import { JobFailedError } from '../api/jobs.ts';
import type { Job } from '../api/types.ts';
import { ErrorMessage } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatPercent } from '../lib/format.ts';
import { isActive } from './useCalculation.ts';

interface CalculatePanelProps {
  job: Job | null;
  error: unknown;
  onStart: () => void;
  disabledReason?: string;
  /** further actions on the result, shown at the end of the bar */
  children?: ReactNode;
}

export function CalculatePanel({ job, error, onStart, disabledReason, children }: CalculatePanelProps) {
  const { t, lang } = useI18n();
  const running = isActive(job);
  // a job stored before its messages were coded has only the English text
  const message = job ? render(job.codedMessage ?? job.message, lang) : '';
  // the reason in the catalogue's words when the failure carried them (a job's `codedError`)
  const failure = job?.state === 'failed' ? (job.error ? new JobFailedError(job) : new Error(message)) : undefined;
  return (
    <div className="card calculate">
      <div className="inline-fields">
        <button
          type="button"
          className="primary"
          onClick={onStart}
          disabled={running || disabledReason !== undefined}
          data-testid="calculate"
        >
          {running ? t('results.calculating') : t('results.calculate')}
        </button>
        {disabledReason && <span className="muted small">{disabledReason}</span>}
        {job && (
          <div className="progress-wrap" data-testid="job-status" data-state={job.state}>
            <div
              className={`progress progress-${job.state}`}
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(job.progress * 100)}
              aria-label={t('results.progress')}
              data-testid="progress-bar"
            >
              <div className="progress-fill" style={{ width: `${Math.min(100, Math.max(0, job.progress * 100))}%` }} />
            </div>
            <span className="small">
              {t(`job.${job.state}`)} · {formatPercent(job.progress, lang)}
              {message && ` · ${message}`}
            </span>
          </div>
        )}
        <div className="bar-end">{children}</div>
      </div>
      {failure && <ErrorMessage error={failure} title={t('results.failed')} />}
      <ErrorMessage error={error} />
    </div>
  );
}
