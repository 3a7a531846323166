import { useState } from 'react';
import type { Study, StudyResult } from '../../../src/model/study.ts';
import { pactApi } from '../api/pact.ts';
import type { Published, Verification } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { ErrorMessage } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatDateTime } from '../lib/format.ts';
import { useLoad } from '../lib/useLoad.ts';
import { href } from '../router.ts';

interface ResultPactPanelProps {
  study: Study;
  result: StudyResult;
  /** the study's own company may publish it */
  canPublish: boolean;
}

/** A result goes out over PACT only once a verifier has signed off that very calculation. */
export function ResultPactPanel({ study, result, canPublish }: ResultPactPanelProps) {
  const { t } = useI18n();
  const { me } = useSession();
  const current = result.version === study.version;
  const verifications = useLoad(() => pactApi.verifications(study.id), [study.id, study.version, result.computedAt]);
  return (
    <section className="card" data-testid="pact-panel">
      <h2>{t('pact.resultTitle')}</h2>
      <p className="small muted">{t('pact.resultIntro')}</p>
      {me?.role === 'verifier' &&
        (current ? (
          <VerifyForm studyId={study.id} onVerified={verifications.reload} />
        ) : (
          <p className="muted small">{t('pact.verifyNotCurrent')}</p>
        ))}
      {canPublish && <PublishButton studyId={study.id} />}
      <h3>{t('pact.verifications')}</h3>
      <ErrorMessage error={verifications.error} />
      {verifications.data?.length === 0 && <p className="muted small">{t('pact.noVerifications')}</p>}
      {verifications.data && verifications.data.length > 0 && (
        <VerificationList rows={verifications.data} computedAt={result.computedAt} />
      )}
    </section>
  );
}

function VerifyForm({ studyId, onVerified }: { studyId: string; onVerified: () => void }) {
  const { t } = useI18n();
  const [statement, setStatement] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function verify() {
    setBusy(true);
    setError(null);
    try {
      await pactApi.verify(studyId, statement.trim());
      setStatement('');
      onVerified();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <label className="field">
        <span>{t('pact.verifyStatement')}</span>
        <textarea
          rows={3}
          value={statement}
          onChange={(e) => setStatement(e.target.value)}
          data-testid="verify-statement"
        />
      </label>
      <button
        type="button"
        className="primary"
        disabled={busy || !statement.trim()}
        onClick={() => void verify()}
        data-testid="verify-submit"
      >
        {busy ? t('common.loading') : t('pact.verify')}
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}

function PublishButton({ studyId }: { studyId: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [published, setPublished] = useState<Published | null>(null);

  async function publish() {
    setBusy(true);
    setError(null);
    setPublished(null);
    try {
      setPublished(await pactApi.publish(studyId));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => void publish()}
        data-testid="publish-pact"
      >
        {busy ? t('common.loading') : t('pact.publish')}
      </button>
      <ErrorMessage error={error} />
      {published && (
        <div className="alert alert-ok" role="status" data-testid="publish-result" data-id={published.id}>
          {t('pact.published.id', { id: published.id })}
          {published.deprecated.length > 0 &&
            ` ${t('pact.published.deprecated', { count: published.deprecated.length })}`}{' '}
          <a href={href({ page: 'supply-chain' })}>{t('pact.nav')}</a>
          {published.v2Problems.length > 0 && (
            <>
              <p className="small">{t('pact.published.noV2')}</p>
              <ul className="small">
                {published.v2Problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}

function VerificationList({ rows, computedAt }: { rows: Verification[]; computedAt: string }) {
  const { t, lang } = useI18n();
  return (
    <ul className="timeline">
      {rows.map((v, i) => {
        const ofThisResult = Date.parse(v.computedAt) === Date.parse(computedAt);
        return (
          <li key={i} data-testid="verification-row">
            <strong>{v.verifier}</strong> · {formatDateTime(v.at, lang)}{' '}
            <span className={`badge ${ofThisResult ? 'badge-ok' : 'badge-warn'}`}>
              {ofThisResult ? t('pact.ofThisResult') : t('pact.ofEarlierResult')}
            </span>
            <span className="block small">{v.statement}</span>
          </li>
        );
      })}
    </ul>
  );
}
