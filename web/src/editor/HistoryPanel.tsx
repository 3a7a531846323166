import { render } from '../../../src/i18n/catalogue.ts';
import { useState } from 'react';
import { api } from '../api/endpoints.ts';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatDateTime } from '../lib/format.ts';
import { auditDetailLines, newestEventsFirst, newestVersionsFirst } from '../lib/history.ts';
import { useLoad } from '../lib/useLoad.ts';

type View = 'versions' | 'audit';

/** Versions and the audit trail; reloaded whenever the study gets a new version. */
export function HistoryPanel({ studyId, version }: { studyId: string; version: number }) {
  const { t, lang } = useI18n();
  const [view, setView] = useState<View>('versions');
  const versions = useLoad(() => api.versions(studyId), [studyId, version]);
  const audit = useLoad(() => api.audit(studyId), [studyId, version]);
  const shown = view === 'versions' ? versions : audit;

  return (
    <section className="card" data-testid="history-panel">
      <div className="tabs small-tabs" role="tablist">
        {(['versions', 'audit'] as const).map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={view === v}
            className={view === v ? 'active' : ''}
            onClick={() => setView(v)}
          >
            {t(`history.${v}`)}
          </button>
        ))}
      </div>
      {shown.loading && <Loading />}
      <ErrorMessage error={shown.error} />
      {view === 'versions' && versions.data && (
        <ol className="timeline">
          {newestVersionsFirst(versions.data).map((v) => (
            <li key={v.version}>
              <strong>v{v.version}</strong>{' '}
              <span className="muted small">
                {formatDateTime(v.at, lang)} · {v.by}
              </span>
              {v.comment && <div className="small">{v.comment}</div>}
            </li>
          ))}
        </ol>
      )}
      {view === 'audit' && audit.data && (
        <ol className="timeline">
          {audit.data.length === 0 && <li className="muted">{t('history.noAudit')}</li>}
          {newestEventsFirst(audit.data).map((a, i) => (
            <li key={`${a.at}-${i}`}>
              <strong title={a.action}>
                {render({ code: `audit.${a.action}`, params: {}, message: a.action }, lang)}
              </strong>{' '}
              <span className="muted small">
                {formatDateTime(a.at, lang)}
                {a.user && ` · ${a.user}`}
              </span>
              {auditDetailLines(a.detail).map((line, k) => (
                <div key={k} className="small">
                  {line}
                </div>
              ))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
