import { useState, type FormEvent } from 'react';
import { pactApi } from '../api/pact.ts';
import type { Connection, PactSpec, PullResult } from '../api/types.ts';
import { useI18n } from '../i18n/context.tsx';
import { ErrorDetails } from './ErrorDetails.tsx';

type Mode = 'sync' | 'async';

/** Asking a supplier for its footprints of a product: at once, or by a request event it answers later. */
export function PullSection({ connections, onPulled }: { connections: Connection[]; onPulled: () => void }) {
  const { t } = useI18n();
  const active = connections.filter((c) => !c.revokedAt);
  const [connectionId, setConnectionId] = useState('');
  const [productId, setProductId] = useState('');
  const [spec, setSpec] = useState<PactSpec>('3.0');
  const [mode, setMode] = useState<Mode>('sync');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<PullResult | null>(null);
  const chosen = active.find((c) => c.id === connectionId) ?? active.find((c) => c.partnerUrl);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!chosen) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await pactApi.pull({ connectionId: chosen.id, productId: productId.trim(), spec, mode }));
      onPulled();
    } catch (err) {
      setError(err);
      // a failed pull is logged as an event too
      onPulled();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card">
      <h2>{t('pact.pull')}</h2>
      <p className="small muted">{t('pact.pullIntro')}</p>
      <form className="form-grid" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('pact.partner')}</span>
          <select
            value={chosen?.id ?? ''}
            onChange={(e) => setConnectionId(e.target.value)}
            data-testid="pull-connection"
          >
            {!chosen && <option value="">{t('pact.noPartnerHost')}</option>}
            {active.map((c) => (
              <option key={c.id} value={c.id} disabled={!c.partnerUrl}>
                {c.partnerUrl ? c.name : `${c.name} (${t('pact.noPartnerHost')})`}
              </option>
            ))}
          </select>
        </label>
        <label className="field span-2">
          <span>{t('pact.productUrn')} *</span>
          <input
            required
            pattern="[uU][rR][nN]:.+"
            placeholder="urn:…"
            value={productId}
            onChange={(e) => setProductId(e.target.value)}
            data-testid="pull-product"
          />
        </label>
        <div className="inline-fields">
          <label className="field">
            <span>{t('pact.spec')}</span>
            <select value={spec} onChange={(e) => setSpec(e.target.value as PactSpec)} data-testid="pull-spec">
              <option value="3.0">v3.0</option>
              <option value="2.3">v2.3</option>
            </select>
          </label>
          <label className="field">
            <span>{t('pact.mode')}</span>
            <select value={mode} onChange={(e) => setMode(e.target.value as Mode)} data-testid="pull-mode">
              <option value="sync">{t('pact.mode.sync')}</option>
              <option value="async">{t('pact.mode.async')}</option>
            </select>
          </label>
        </div>
        <div className="span-all">
          <button type="submit" className="primary" disabled={busy || !chosen} data-testid="pull-submit">
            {busy ? t('pact.pulling') : t('pact.pullSubmit')}
          </button>
        </div>
      </form>
      <ErrorDetails error={error} testId="pull-errors" />
      {result && <PullOutcome result={result} />}
    </section>
  );
}

function PullOutcome({ result }: { result: PullResult }) {
  const { t } = useI18n();
  return (
    <p className="alert alert-ok" role="status" data-testid="pull-result">
      {result.requestEventId
        ? t('pact.requestSent', { id: result.requestEventId })
        : t('pact.receivedCount', { count: result.received.length })}
    </p>
  );
}
