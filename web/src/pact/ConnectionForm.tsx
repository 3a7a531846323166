import { useState, type FormEvent } from 'react';
import { pactApi } from '../api/pact.ts';
import type { NewConnection } from '../api/types.ts';
import { useI18n } from '../i18n/context.tsx';
import { ErrorDetails } from './ErrorDetails.tsx';
import { EMPTY_PARTNER, PartnerFields, partnerInput } from './PartnerFields.tsx';

const EMPTY = { name: '', products: '', ...EMPTY_PARTNER };

/** Adding a partner: what it may see of us, and optionally its own host to pull from. */
export function ConnectionForm({ onAdded }: { onAdded: (created: NewConnection) => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const field = (key: keyof typeof EMPTY) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await pactApi.addConnection({
        name: form.name.trim(),
        products: form.products.split(/\s+/).filter(Boolean),
        ...partnerInput(form),
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
      <PartnerFields draft={form} onChange={(d) => setForm({ ...form, ...d })} />
      <div className="span-all">
        <ErrorDetails error={error} testId="connection-errors" />
        <button type="submit" className="primary" disabled={busy} data-testid="connection-add">
          {busy ? t('common.loading') : t('pact.connectionAdd')}
        </button>
      </div>
    </form>
  );
}
