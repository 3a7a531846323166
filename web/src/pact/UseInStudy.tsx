import { useState } from 'react';
import type { Study } from '../../../src/model/study.ts';
import { api } from '../api/endpoints.ts';
import { pactApi } from '../api/pact.ts';
import type { Me, ReceivedFootprint } from '../api/types.ts';
import { ErrorMessage } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatNumber } from '../lib/format.ts';
import { useLoad } from '../lib/useLoad.ts';
import { href } from '../router.ts';

interface UseInStudyProps {
  me: Me;
  received: ReceivedFootprint;
  onClose: () => void;
}

/** Putting a supplier's footprint into one entry of one of the company's studies, as a new version. */
export function UseInStudy({ me, received, onClose }: UseInStudyProps) {
  const { t, lang } = useI18n();
  const studies = useLoad(() => api.studies(), []);
  const own = (studies.data ?? []).filter((s) => s.companyId === me.companyId);
  const [studyId, setStudyId] = useState('');
  const study = useLoad(() => (studyId ? api.study(studyId) : Promise.resolve(null)), [studyId]);
  // direct emissions and removals are not purchased, so a supplier's footprint cannot cost them
  const entries = (study.data?.entries ?? []).filter((e) => e.kind !== 'emission' && e.kind !== 'removal');
  const [entryId, setEntryId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<Study | null>(null);

  async function apply() {
    if (!study.data || !entryId) return;
    setBusy(true);
    setError(null);
    try {
      setSaved(await pactApi.useSupplierFootprint(study.data.id, entryId, received.id, study.data.version));
      // the next use starts from the version just saved
      study.reload();
      studies.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card" data-testid="use-dialog">
      <h3>{t('pact.useTitle', { product: received.productName, company: received.companyName })}</h3>
      <p className="small muted">
        {t('pact.useIntro', { pcf: formatNumber(Number(received.pcf), lang), unit: received.declaredUnit })}
      </p>
      <div className="inline-fields">
        <select
          aria-label={t('pact.study')}
          value={studyId}
          onChange={(e) => {
            setStudyId(e.target.value);
            setEntryId('');
            setSaved(null);
          }}
          data-testid="use-study"
        >
          <option value="">{t('pact.chooseStudy')}</option>
          {own.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} (v{s.version})
            </option>
          ))}
        </select>
        <select
          aria-label={t('pact.entry')}
          value={entryId}
          onChange={(e) => setEntryId(e.target.value)}
          disabled={!study.data}
          data-testid="use-entry"
        >
          <option value="">{t('pact.chooseEntry')}</option>
          {entries.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name} ({e.unit})
            </option>
          ))}
        </select>
        <button
          type="button"
          className="primary"
          disabled={busy || !entryId || !study.data}
          onClick={() => void apply()}
          data-testid="use-apply"
        >
          {busy ? t('common.loading') : t('pact.useApply')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
      <ErrorMessage error={studies.error || study.error} />
      <ErrorMessage error={error} />
      {saved && (
        <p className="alert alert-ok" role="status" data-testid="use-result" data-version={saved.version}>
          {t('pact.useDone', { version: saved.version })}{' '}
          <a href={href({ page: 'study', id: saved.id, tab: 'inventory' })}>{saved.name}</a>
        </p>
      )}
    </div>
  );
}
