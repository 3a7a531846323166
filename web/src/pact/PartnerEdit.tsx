import { useState, type FormEvent } from 'react';
import { pactApi } from '../api/pact.ts';
import type { Connection } from '../api/types.ts';
import { useI18n } from '../i18n/context.tsx';
import { ErrorDetails } from './ErrorDetails.tsx';
import { EMPTY_PARTNER, PartnerFields, partnerInput } from './PartnerFields.tsx';

/**
 * Records, after the connection exists, the partner's host and the credentials it issued to us
 * (a conformance run hands them out once it has our client id). Secrets are never shown again:
 * an empty secret field keeps the recorded one.
 */
export function PartnerEdit({ connection, onSaved }: { connection: Connection; onSaved: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState({
    ...EMPTY_PARTNER,
    partnerUrl: connection.partnerUrl ?? '',
    partnerClientId: connection.partnerClientId ?? '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { partnerSecret, partnerCa, ...rest } = partnerInput(draft);
      await pactApi.updatePartner(connection.id, {
        ...rest,
        ...(partnerSecret ? { partnerSecret } : {}),
        ...(partnerCa ? { partnerCa } : {}),
      });
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)} data-testid="partner-edit">
      <PartnerFields draft={draft} onChange={setDraft} />
      <div className="span-all">
        <ErrorDetails error={error} testId="partner-edit-errors" />
        <button type="submit" className="primary" disabled={busy} data-testid="partner-save">
          {busy ? t('common.loading') : t('pact.partnerSave')}
        </button>
      </div>
    </form>
  );
}
