import { useEffect, useState, type FormEvent } from 'react';
import type { PcrStage } from '../../../src/model/pcr.ts';
import type { Entry, EntryKind } from '../../../src/model/study.ts';
import type { DatasetHit } from '../api/types.ts';
import { useI18n } from '../i18n/context.tsx';
import { DIRECT_GASES, EVIDENCE_TYPES, GHG_LINES, KINDS, STAGES, TRANSPORT_MODES } from '../lib/enums.ts';
import { formatNumber } from '../lib/format.ts';
import { datasetKey, datasetName, pickedDataset, rememberDataset } from '../study/datasets.ts';
import { regionLabel, STUDY_REGIONS } from '../lib/regions.ts';
import {
  PEDIGREE_CRITERIA,
  draftToEntry,
  draftTonneKm,
  sourceTypesFor,
  TONNE_KM,
  withDataset,
  withKind,
  type DraftError,
  type DraftField,
  type EntryDraft,
} from '../study/entryDraft.ts';
import { DatasetSearch, type SearchScope } from './DatasetSearch.tsx';
import { ComponentStudyField } from './ComponentStudyField.tsx';
import { RangeFields } from './RangeFields.tsx';
import { SupplierFields } from './SupplierFields.tsx';

interface EntryDialogProps {
  initial: EntryDraft;
  scope: SearchScope;
  /** the stages of the study's product rule: the entry may name the one it belongs to */
  ruleStages?: readonly PcrStage[];
  /** names of the datasets the study's entries use, for a selection made in an earlier session */
  datasetNames: ReadonlyMap<string, string>;
  onApply: (entry: Entry) => void;
  onCancel: () => void;
}

export function EntryDialog({ initial, scope, datasetNames, ruleStages = [], onApply, onCancel }: EntryDialogProps) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<DraftError[]>([]);
  const set = (patch: Partial<EntryDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const invalid = (field: DraftField) => errors.some((e) => e.field === field) || undefined;
  const tkm = draftTonneKm(draft);
  const isTransport = draft.kind === 'transport';
  const typedAmount = Number(draft.amount.trim().replace(/,/g, ''));
  const amountValue = draft.amount.trim() !== '' && Number.isFinite(typedAmount) ? typedAmount : undefined;
  const picked = draft.dataset ? pickedDataset(draft.dataset) : undefined;
  // the rule stages that lie in the entry's life cycle stage; a stage set before stays listed
  const stageChoices = ruleStages.filter((s) => s.maps.includes(draft.stage) || s.id === draft.pcrStage);
  // the entry's own region, when it has one, is where its datasets are searched (and fall back from)
  const entryScope = draft.region ? { ...scope, region: draft.region } : scope;

  useEffect(() => {
    const close = (e: KeyboardEvent) => e.key === 'Escape' && onCancel();
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [onCancel]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = draftToEntry(draft);
    if (result.entry) onApply(result.entry);
    else setErrors(result.errors);
  }

  function choose(hit: DatasetHit) {
    rememberDataset(hit);
    setDraft((d) => withDataset(d, hit, datasetName(hit, lang)));
  }

  return (
    <div className="overlay" role="presentation">
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="entry-dialog-title"
        onSubmit={submit}
        noValidate
      >
        <h2 id="entry-dialog-title">{initial.original ? t('entry.editTitle') : t('entry.addTitle')}</h2>
        <div className="form-grid">
          <label className="field">
            <span>{t('entry.stage')}</span>
            <select
              value={draft.stage}
              onChange={(e) => set({ stage: e.target.value as EntryDraft['stage'] })}
              data-testid="entry-stage"
            >
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {t(`stage.${s}`)}
                </option>
              ))}
            </select>
          </label>
          {stageChoices.length > 0 && (
            <label className="field">
              <span>{t('pcr.entryStage')}</span>
              <select
                value={draft.pcrStage}
                onChange={(e) => set({ pcrStage: e.target.value })}
                data-testid="entry-rule-stage"
              >
                <option value="">{t('pcr.entryStageNone')}</option>
                {stageChoices.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name[lang]}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="field">
            <span>{t('entry.kind')}</span>
            <select
              value={draft.kind}
              onChange={(e) => setDraft((d) => withKind(d, e.target.value as EntryKind))}
              data-testid="entry-kind"
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field span-2">
            <span>{t('entry.name')} *</span>
            <input
              value={draft.name}
              onChange={(e) => set({ name: e.target.value })}
              aria-invalid={invalid('name')}
              data-testid="entry-name"
              autoFocus
            />
          </label>

          {isTransport && (
            <div className="field span-all">
              <span>{t('entry.transportLeg')}</span>
              <div className="inline-fields">
                <input
                  aria-label={t('entry.massKg')}
                  placeholder={t('entry.massKg')}
                  inputMode="decimal"
                  value={draft.transport.massKg}
                  onChange={(e) => set({ transport: { ...draft.transport, massKg: e.target.value } })}
                  aria-invalid={invalid('massKg')}
                  data-testid="entry-mass"
                />
                <span aria-hidden="true">×</span>
                <input
                  aria-label={t('entry.distanceKm')}
                  placeholder={t('entry.distanceKm')}
                  inputMode="decimal"
                  value={draft.transport.distanceKm}
                  onChange={(e) => set({ transport: { ...draft.transport, distanceKm: e.target.value } })}
                  aria-invalid={invalid('distanceKm')}
                  data-testid="entry-distance"
                />
                <select
                  aria-label={t('entry.mode')}
                  value={draft.transport.mode}
                  onChange={(e) =>
                    set({ transport: { ...draft.transport, mode: e.target.value as EntryDraft['transport']['mode'] } })
                  }
                  data-testid="entry-mode"
                >
                  {TRANSPORT_MODES.map((m) => (
                    <option key={m} value={m}>
                      {t(`mode.${m}`)}
                    </option>
                  ))}
                </select>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={draft.transport.refrigerated}
                    onChange={(e) => set({ transport: { ...draft.transport, refrigerated: e.target.checked } })}
                    data-testid="entry-refrigerated"
                  />
                  {t('entry.refrigerated')}
                </label>
              </div>
            </div>
          )}
          <label className="field">
            <span>{isTransport ? t('entry.amountTkm') : `${t('entry.amount')} *`}</span>
            <input
              inputMode="decimal"
              value={isTransport ? (tkm === undefined ? '' : formatNumber(tkm, lang)) : draft.amount}
              readOnly={isTransport}
              onChange={(e) => set({ amount: e.target.value })}
              aria-invalid={invalid('amount')}
              data-testid="entry-amount"
            />
          </label>
          <label className="field">
            <span>{t('entry.unit')} *</span>
            <input
              value={isTransport ? TONNE_KM : draft.unit}
              readOnly={isTransport}
              onChange={(e) => set({ unit: e.target.value })}
              aria-invalid={invalid('unit')}
              data-testid="entry-unit"
            />
          </label>

          <label className="field">
            <span>{t('entry.region')}</span>
            <select value={draft.region} onChange={(e) => set({ region: e.target.value })} data-testid="entry-region">
              <option value="">{t('entry.regionOfStudy', { region: regionLabel(scope.region, lang) })}</option>
              {STUDY_REGIONS.map((r) => (
                <option key={r.code} value={r.code}>
                  {regionLabel(r.code, lang)}
                </option>
              ))}
            </select>
          </label>

          <label className="field span-2">
            <span>{t('entry.source')}</span>
            <select
              value={draft.sourceType}
              onChange={(e) => set({ sourceType: e.target.value as EntryDraft['sourceType'] })}
              data-testid="entry-source-type"
            >
              {sourceTypesFor(draft.kind).map((s) => (
                <option key={s} value={s}>
                  {t(`source.${s}`)}
                </option>
              ))}
            </select>
          </label>

          {draft.sourceType === 'background' && (
            <div className="span-all source-box" aria-invalid={invalid('dataset')}>
              {draft.dataset && (
                <p className="selected-dataset" data-testid="dataset-selected">
                  <strong>{t('dataset.selected')}:</strong>{' '}
                  {picked
                    ? datasetName(picked, lang)
                    : (datasetNames.get(datasetKey(draft.dataset)) ?? draft.dataset.id)}{' '}
                  <span className="muted small">
                    {t(`datasetType.${draft.dataset.type}`)} · {draft.dataset.release}
                    {picked && ` · ${formatNumber(picked.kgCo2ePerUnit, lang)} kg CO2e/${picked.perUnit}`}
                  </span>
                </p>
              )}
              <DatasetSearch scope={entryScope} selected={draft.dataset} onSelect={choose} />
            </div>
          )}
          {draft.sourceType === 'supplier' && (
            <SupplierFields
              value={draft.supplier}
              unit={draft.unit}
              invalid={invalid}
              onChange={(supplier) => set({ supplier })}
              lines={GHG_LINES.filter((l) => l !== 'biogenicRemovals')}
            />
          )}
          <label className="field span-2">
            <span>{t('entry.formula')}</span>
            <input
              value={draft.formula}
              onChange={(e) => set({ formula: e.target.value })}
              placeholder="n_rate_kg_ha / (yield_t_ha * 1000)"
              maxLength={500}
              data-testid="entry-formula"
            />
            <span className="small muted">{t('entry.formulaHint')}</span>
          </label>
          {draft.kind === 'removal' && (
            <label className="field span-2">
              <span>{t('entry.removalType')}</span>
              <select
                value={draft.removalPool}
                onChange={(e) => set({ removalPool: e.target.value as EntryDraft['removalPool'] })}
                data-testid="entry-removal-pool"
              >
                <option value="land">{t('headline.landManagement')}</option>
                <option value="product">{t('headline.uptake')}</option>
              </select>
            </label>
          )}
          {draft.sourceType === 'study' && (
            <ComponentStudyField
              value={draft.studyId}
              invalid={invalid('study')}
              onChange={(studyId) => set({ studyId })}
            />
          )}
          {draft.sourceType === 'direct' && (
            <label className="field span-2">
              <span>{t('entry.gas')}</span>
              <select
                value={draft.kind === 'removal' ? 'CO2-biogenic' : draft.gas}
                disabled={draft.kind === 'removal'}
                onChange={(e) => set({ gas: e.target.value as EntryDraft['gas'] })}
                data-testid="entry-gas"
              >
                {DIRECT_GASES.map((g) => (
                  <option key={g} value={g}>
                    {t(`gas.${g}`)}
                  </option>
                ))}
              </select>
            </label>
          )}

          <label className="field">
            <span>{t('entry.evidenceType')}</span>
            <select
              value={draft.evidenceType}
              onChange={(e) => set({ evidenceType: e.target.value as EntryDraft['evidenceType'] })}
              data-testid="entry-evidence-type"
            >
              <option value="">{t('entry.noEvidence')}</option>
              {EVIDENCE_TYPES.map((ev) => (
                <option key={ev} value={ev}>
                  {t(`evidence.${ev}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field span-3">
            <span>{t('entry.evidenceReference')}</span>
            <input
              value={draft.evidenceReference}
              disabled={!draft.evidenceType}
              placeholder={t('entry.evidenceReferenceHint')}
              onChange={(e) => set({ evidenceReference: e.target.value })}
              aria-invalid={invalid('evidenceReference')}
              data-testid="entry-evidence-ref"
            />
          </label>
          <details
            className="span-all range-box"
            open={draft.range.distribution !== '' || PEDIGREE_CRITERIA.some((c) => draft.pedigree[c] !== '')}
            data-testid="entry-range"
          >
            <summary>{t('range.title')}</summary>
            <p className="small muted">{t('range.hintEntry')}</p>
            <RangeFields
              value={draft.range}
              onChange={(range) => set({ range })}
              scale="multiples"
              centre={1}
              amount={isTransport ? tkm : amountValue}
              unit={isTransport ? TONNE_KM : draft.unit}
              invalid={invalid}
              testId="entry-range"
            />
            <div className="inline-fields" aria-invalid={invalid('pedigree')}>
              <span className="small">{t('range.pedigree')}</span>
              {PEDIGREE_CRITERIA.map((c) => (
                <label className="field" key={c}>
                  <span>{t(`cobuild.pedigree.${c}`)}</span>
                  <select
                    value={draft.pedigree[c]}
                    onChange={(e) => set({ pedigree: { ...draft.pedigree, [c]: e.target.value } })}
                    data-testid={`entry-pedigree-${c}`}
                  >
                    <option value="">{t('range.pedigreeNone')}</option>
                    {['1', '2', '3', '4', '5'].map((score) => (
                      <option key={score} value={score}>
                        {score}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
          </details>
          <label className="field span-all">
            <span>{t('entry.comment')}</span>
            <input value={draft.comment} onChange={(e) => set({ comment: e.target.value })} />
          </label>
        </div>
        {errors.length > 0 && (
          <ul className="alert alert-error" role="alert" data-testid="entry-errors">
            {errors.map((e) => (
              <li key={e.field}>
                {t(`entry.field.${e.field}`)}: {t(e.message)}
              </li>
            ))}
          </ul>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel} data-testid="entry-cancel">
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" data-testid="entry-apply">
            {initial.original ? t('entry.apply') : t('entry.addToInventory')}
          </button>
        </div>
      </form>
    </div>
  );
}
