import { useI18n } from '../i18n/context.tsx';

/** The partner's own host and the credentials it issued to us, as text fields. */
export const EMPTY_PARTNER = { partnerUrl: '', partnerClientId: '', partnerSecret: '', partnerCa: '' };
export type PartnerDraft = typeof EMPTY_PARTNER;

export const orNull = (s: string) => s.trim() || null;

/** The draft as the API takes it: an empty field is null (nothing recorded). */
export const partnerInput = (d: PartnerDraft) => ({
  partnerUrl: orNull(d.partnerUrl),
  partnerClientId: orNull(d.partnerClientId),
  partnerSecret: orNull(d.partnerSecret),
  partnerCa: orNull(d.partnerCa),
});

/**
 * Where the partner's PACT host is and how Tanji authenticates there: to pull its footprints and
 * to post answers to the requests it sends (its token endpoint is found through its OpenID
 * configuration, else `{host}/auth/token`).
 */
export function PartnerFields({ draft, onChange }: { draft: PartnerDraft; onChange: (d: PartnerDraft) => void }) {
  const { t } = useI18n();
  const field = (key: keyof PartnerDraft) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => onChange({ ...draft, [key]: e.target.value }),
  });
  return (
    <>
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
        <input
          type="password"
          autoComplete="new-password"
          {...field('partnerSecret')}
          data-testid="connection-partner-secret"
        />
      </label>
      <label className="field span-all">
        <span>{t('pact.partnerCa')}</span>
        <textarea
          rows={3}
          placeholder="-----BEGIN CERTIFICATE-----"
          {...field('partnerCa')}
          data-testid="connection-partner-ca"
        />
        <span className="small muted">{t('pact.partnerCaHint')}</span>
      </label>
    </>
  );
}
