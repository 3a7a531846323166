import { useState } from 'react';
import { renderIn } from '../../../src/i18n/define.ts';
import { LABEL_TEXTS } from '../../../src/i18n/labels.ts';
import { labelsApi, type LabelCheck, type VerificationRequest } from '../api/labels.ts';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatDateTime, formatNumber } from '../lib/format.ts';
import { useLoad } from '../lib/useLoad.ts';
import { href } from '../router.ts';
import { GradeBadge } from './badges.tsx';

/** The verifier's workspace: requests addressed to them; check a study against its rule and sign, or decline. */
export function VerifierPage() {
  const { t, lang } = useI18n();
  const queue = useLoad(() => labelsApi.queue(), []);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section data-testid="verifier-page">
      <div className="page-head">
        <h1>{t('label.queue.title')}</h1>
      </div>
      <p className="muted small">{t('label.queue.intro')}</p>
      {queue.loading && <Loading />}
      <ErrorMessage error={queue.error} />
      {queue.data?.length === 0 && <p className="muted">{t('label.queue.empty')}</p>}
      {queue.data && queue.data.length > 0 && (
        <table className="table" data-testid="queue">
          <thead>
            <tr>
              <th>{t('label.f.study')}</th>
              <th>{t('label.f.company')}</th>
              <th>{t('label.queue.requested')}</th>
              <th>{t('label.f.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {queue.data.map((r) => (
              <tr key={r.id} data-testid="queue-row" data-state={r.state}>
                <td>
                  <a href={href({ page: 'study', id: r.studyId, tab: 'results' })}>{r.studyName}</a> v{r.version}
                  {r.message && <div className="small muted">{r.message}</div>}
                </td>
                <td>{r.companyName}</td>
                <td className="nowrap small">
                  {r.requestedBy} · {formatDateTime(r.createdAt, lang)}
                </td>
                <td>
                  {t(`label.request.${r.state}`)}
                  {r.labelId && (
                    <>
                      {' '}
                      <a href={href({ page: 'registry', id: r.labelId })}>{t('label.open')}</a>
                    </>
                  )}
                  {r.reason && <div className="small muted">{r.reason}</div>}
                </td>
                <td>
                  {r.state === 'open' && (
                    <button
                      type="button"
                      onClick={() => setOpen(open === r.id ? null : r.id)}
                      data-testid="queue-check"
                    >
                      {t('label.queue.check')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && queue.data?.find((r) => r.id === open) && (
        <SignPanel
          key={open}
          request={queue.data.find((r) => r.id === open)!}
          onDone={() => {
            setOpen(null);
            queue.reload();
          }}
        />
      )}
    </section>
  );
}

function SignPanel({ request, onDone }: { request: VerificationRequest; onDone: () => void }) {
  const { t, lang } = useI18n();
  const benchmarks = useLoad(() => labelsApi.benchmarks(), []);
  const [benchmark, setBenchmark] = useState(request.benchmark ?? '');
  const check = useLoad(() => labelsApi.check(request.studyId, benchmark || undefined), [request.studyId, benchmark]);
  const [statement, setStatement] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const latest = new Map((benchmarks.data ?? []).map((b) => [b.id, b]));
  return (
    <div className="card" data-testid="sign-panel">
      <h2>{t('label.sign.title', { study: request.studyName, version: request.version })}</h2>
      <label>
        {t('label.sign.benchmark')}{' '}
        <select value={benchmark} onChange={(e) => setBenchmark(e.target.value)} data-testid="sign-benchmark">
          <option value="">{t('label.sign.noBenchmark')}</option>
          {[...latest.values()].map((b) => (
            <option key={b.id} value={b.id}>
              {b.title[lang]} (v{b.version}, {b.declaredUnit})
            </option>
          ))}
        </select>
      </label>
      {check.loading && <Loading />}
      <ErrorMessage error={check.error} />
      {check.data && <CheckView check={check.data} />}
      <label className="block">
        {t('label.sign.statement')}
        <textarea
          value={statement}
          onChange={(e) => setStatement(e.target.value)}
          rows={3}
          maxLength={4000}
          data-testid="sign-statement"
        />
      </label>
      <ErrorMessage error={error} />
      <div className="toolbar">
        <button
          type="button"
          disabled={busy || !statement.trim() || !check.data || check.data.blockers.length > 0}
          onClick={() =>
            void act(() =>
              labelsApi.sign(request.studyId, {
                statement,
                requestId: request.id,
                ...(benchmark ? { benchmark: { id: benchmark } } : {}),
              }),
            )
          }
          data-testid="sign-button"
        >
          {t('label.sign.sign')}
        </button>
        <input
          aria-label={t('label.sign.declineReason')}
          placeholder={t('label.sign.declineReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <button
          type="button"
          disabled={busy || !reason.trim()}
          onClick={() => void act(() => labelsApi.decline(request.id, reason))}
        >
          {t('label.sign.decline')}
        </button>
      </div>
    </div>
  );
}

function CheckView({ check }: { check: LabelCheck }) {
  const { t, lang } = useI18n();
  const problems = check.conformance.findings.filter((f) => f.status !== 'ok');
  return (
    <div data-testid="label-check">
      <dl className="facts">
        <dt>{t('label.f.pcr')}</dt>
        <dd>
          {check.conformance.pcr.title[lang]} ({check.conformance.pcr.id} {check.conformance.pcr.version}) ·{' '}
          {check.conformance.conforms ? (
            <span className="badge badge-ok">{t('label.sign.conforms')}</span>
          ) : (
            <span className="badge badge-error">{t('label.sign.notConforming')}</span>
          )}
        </dd>
        <dt>{t('label.f.value')}</dt>
        <dd>
          {check.declared
            ? `${formatNumber(check.declared.value, lang)} kg CO2e / ${check.declared.declaredUnit.amount} ${check.declared.declaredUnit.unit}`
            : '—'}
        </dd>
        <dt>{t('label.f.grade')}</dt>
        <dd>
          <GradeBadge grade={check.grade?.grade ?? null} /> {check.grade && check.grade.benchmark.bounds.join(' | ')}
        </dd>
        <dt>{t('label.f.resultHash')}</dt>
        <dd className="mono small">{check.resultHash}</dd>
      </dl>
      {check.blockers.map((b) => (
        <p key={b.code} className="alert alert-error" data-testid="blocker">
          {renderIn(LABEL_TEXTS, b, lang)}
        </p>
      ))}
      {problems.length > 0 && (
        <ul className="small">
          {problems.map((f, i) => (
            <li key={i} className={f.status === 'missing' && f.mandatory ? 'check-fail' : 'check-unknown'}>
              {f.requirement}: {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
