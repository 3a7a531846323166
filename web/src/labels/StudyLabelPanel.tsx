import { useState } from 'react';
import type { Study, StudyResult } from '../../../src/model/study.ts';
import { labelFileUrl, labelsApi } from '../api/labels.ts';
import { useSession } from '../auth/session.tsx';
import { ErrorMessage } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatDateTime, formatNumber } from '../lib/format.ts';
import { useLoad } from '../lib/useLoad.ts';
import { href } from '../router.ts';
import { GradeBadge, StatusBadge } from './badges.tsx';

/** On a study's results: ask a verifier for a signed label, follow the request, download the labels. */
export function StudyLabelPanel({ study, result }: { study: Study; result: StudyResult }) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const state = useLoad(() => labelsApi.studyLabels(study.id), [study.id, study.version, result.computedAt]);
  const current = result.version === study.version;
  return (
    <section className="card" data-testid="label-panel">
      <h2>{t('label.panel.title')}</h2>
      <p className="small muted">{t('label.panel.intro')}</p>
      {me?.role === 'enterprise' &&
        me.companyId === study.companyId &&
        (current ? (
          <RequestForm studyId={study.id} onSent={state.reload} />
        ) : (
          <p className="muted small">{t('label.panel.notCurrent')}</p>
        ))}
      {me?.role === 'verifier' && <a href={href({ page: 'verification' })}>{t('label.queue.title')}</a>}
      <ErrorMessage error={state.error} />
      {state.data && state.data.requests.length > 0 && (
        <>
          <h3>{t('label.panel.requests')}</h3>
          <ul className="small" data-testid="label-requests">
            {state.data.requests.map((r) => (
              <li key={r.id} data-state={r.state}>
                v{r.version} → {r.verifier} · {t(`label.request.${r.state}`)} · {formatDateTime(r.createdAt, lang)}
                {r.reason && ` · ${r.reason}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {state.data && state.data.labels.length > 0 && (
        <>
          <h3>{t('label.panel.labels')}</h3>
          <table className="table compact" data-testid="study-labels">
            <tbody>
              {state.data.labels.map((l) => (
                <tr key={l.id}>
                  <td>
                    <a href={href({ page: 'registry', id: l.id })}>
                      {formatNumber(l.value, lang)} kg CO2e / {l.declaredUnit}
                    </a>
                  </td>
                  <td>
                    <GradeBadge grade={l.grade} />
                  </td>
                  <td>
                    <StatusBadge status={l.status} />
                  </td>
                  <td className="downloads">
                    <a href={labelFileUrl(l.id, 'label.svg', lang)} download>
                      SVG
                    </a>{' '}
                    <a href={labelFileUrl(l.id, 'label.png', lang)} download>
                      PNG
                    </a>{' '}
                    <a href={labelFileUrl(l.id, 'label.pdf', lang)} download>
                      PDF
                    </a>{' '}
                    <a href={labelFileUrl(l.id, 'credential')} download>
                      {t('label.download.credential')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function RequestForm({ studyId, onSent }: { studyId: string; onSent: () => void }) {
  const { t, lang } = useI18n();
  const verifiers = useLoad(() => labelsApi.verifiers(), []);
  const benchmarks = useLoad(() => labelsApi.benchmarks(), []);
  const [verifierEmail, setVerifier] = useState('');
  const [benchmark, setBenchmark] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const latest = new Map((benchmarks.data ?? []).map((b) => [b.id, b]));
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await labelsApi.request(studyId, { verifierEmail, ...(benchmark ? { benchmark } : {}), message });
      setMessage('');
      onSent();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="toolbar" data-testid="label-request-form">
      <select
        aria-label={t('label.panel.verifier')}
        value={verifierEmail}
        onChange={(e) => setVerifier(e.target.value)}
        data-testid="label-verifier"
      >
        <option value="">{t('label.panel.verifier')}</option>
        {verifiers.data?.map((v) => (
          <option key={v.email} value={v.email}>
            {v.name}
            {v.organisation ? ` · ${v.organisation}` : ''}
          </option>
        ))}
      </select>
      <select
        aria-label={t('label.sign.benchmark')}
        value={benchmark}
        onChange={(e) => setBenchmark(e.target.value)}
        data-testid="label-benchmark"
      >
        <option value="">{t('label.sign.noBenchmark')}</option>
        {[...latest.values()].map((b) => (
          <option key={b.id} value={b.id}>
            {b.title[lang]} ({b.declaredUnit})
          </option>
        ))}
      </select>
      <input
        aria-label={t('label.panel.message')}
        placeholder={t('label.panel.message')}
        value={message}
        maxLength={2000}
        onChange={(e) => setMessage(e.target.value)}
      />
      <button type="button" disabled={busy || !verifierEmail} onClick={() => void send()} data-testid="label-request">
        {t('label.panel.request')}
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}
