import { useState, type FormEvent } from 'react';
import { pactApi } from '../api/pact.ts';
import type { NewConnection } from '../api/types.ts';
import { useI18n } from '../i18n/context.tsx';
import { ErrorDetails } from './ErrorDetails.tsx';

const EMPTY = { name: '', products: '', partnerUrl: '', partnerClientId: '', partnerSecret: '', partnerCa: '' };

const orNull = (s: string) => s.trim() || null;

/** Adding a partner: what it may see of us, and optionally its own host to pull from. */
export function ConnectionForm({ onAdded }: { onAdded: (created: NewConnection) => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const field = (key: keyof typeof EMPTY) => ({ value: form[key], onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }) });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await pactApi.addConnection({
        name: form.name.trim(),
        products: form.products.split(/\s+/).filter(Boolean),
        partnerUrl: orNull(form.partnerUrl),
        partnerClientId: orNull(form.partnerClientId),
        partnerSecret: orNull(form.partnerSecret),
        partnerCa: orNull(form.partnerCa),
      });
      setForm(EMPTY);
      onAdded(created);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)}>
      <label className="field span-2">
        <span>{t('pact.connectionName')} *</span>
        <input required {...field('name')} data-testid="connection-name" />
      </label>
      <label className="field span-2">
        <span>{t('pact.connectionProducts')}</span>
        <textarea rows={2} placeholder="urn:tanji:product:…" {...field('products')} data-testid="connection-products" />
        <span className="small muted">{t('pact.connectionProductsHint')}</span>
      </label>
      <p className="small muted span-all">{t('pact.partnerHostHint')}</p>
      <label className="field span-2">
        <span>{t('pact.partnerUrl')}</span>
        <input type="url" placeholder="https://…" {...field('partnerUrl')} data-testid="connection-partner-url" />
      </label>
      <label className="field">
        <span>{t('pact.partnerClientId')}</span>
        <input autoComplete="off" {...field('partnerClientId')} data-testid="connection-partner-client-id" />
      </label>
      <label className="field">
        <span>{t('pact.partnerSecret')}</span>
        <input type="password" autoComplete="new-password" {...field('partnerSecret')} data-testid="connection-partner-secret" />
      </label>
      <label className="field span-all">
        <span>{t('pact.partnerCa')}</span>
        <textarea rows={3} placeholder="-----BEGIN CERTIFICATE-----" {...field('partnerCa')} data-testid="connection-partner-ca" />
        <span className="small muted">{t('pact.partnerCaHint')}</span>
      </label>
      <div className="span-all">
        <ErrorDetails error={error} testId="connection-errors" />
        <button type="submit" className="primary" disabled={busy} data-testid="connection-add">
          {busy ? t('common.loading') : t('pact.connectionAdd')}
        </button>
      </div>
    </form>
  );
}
