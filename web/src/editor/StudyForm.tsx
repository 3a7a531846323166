import type { StudyInput } from '../../../src/model/study.ts';
import { DECLARED_UNIT_CHOICES, unitWord } from '../../../src/i18n/units.ts';
import { ParametersEditor } from './ParametersEditor.tsx';
import type { ReleaseInfo } from '../api/types.ts';
import { useI18n } from '../i18n/context.tsx';
import { BOUNDARIES, METHODS } from '../lib/enums.ts';
import { STUDY_REGIONS } from '../lib/regions.ts';
import { implicitProductName, implicitReferenceFlow } from '../study/draft.ts';

interface StudyFormProps {
  input: StudyInput;
  onChange: (input: StudyInput) => void;
  releases: readonly ReleaseInfo[];
  readOnly: boolean;
  /** hears the names of the parameters whose range, as typed, is not valid (and so not in the input) */
  onRangeProblems: (parameters: string[]) => void;
}

/** The study's scope and method: everything of a study except its inventory. */
export function StudyForm({ input, onChange, releases, readOnly, onRangeProblems }: StudyFormProps) {
  const { t, lang } = useI18n();
  const set = (patch: Partial<StudyInput>) => onChange({ ...input, ...patch });
  const regions = STUDY_REGIONS.some((r) => r.code === input.region)
    ? STUDY_REGIONS
    : [{ code: input.region, zh: input.region, en: input.region }, ...STUDY_REGIONS];
  const releaseOptions = (kind: ReleaseInfo['kind'], current: string) => {
    const ofKind = releases.filter((r) => r.kind === kind);
    const known = ofKind.some((r) => r.release === current);
    return (
      <>
        {!current && <option value="">{t('study.noRelease')}</option>}
        {current && !known && <option value={current}>{current}</option>}
        {ofKind.map((r) => (
          <option key={r.release} value={r.release}>
            {r.release} — {r.name}
          </option>
        ))}
      </>
    );
  };

  return (
    <fieldset className="card form-grid" disabled={readOnly}>
      <legend>{t('study.scope')}</legend>
      <label className="field span-2">
        <span>{t('study.name')} *</span>
        <input value={input.name} onChange={(e) => set({ name: e.target.value })} data-testid="study-name" />
      </label>
      <label className="field">
        <span>{t('study.productName')} *</span>
        <input
          value={input.product.name}
          placeholder={implicitProductName(input)}
          data-user-text
          onChange={(e) => set({ product: { ...input.product, name: e.target.value } })}
          data-testid="study-product"
        />
      </label>
      <label className="field">
        <span>{t('study.classification')}</span>
        <input
          value={input.product.classification ?? ''}
          onChange={(e) => set({ product: { ...input.product, classification: e.target.value || undefined } })}
        />
      </label>
      <label className="field span-2">
        <span>{t('study.productDescription')}</span>
        <input
          value={input.product.description}
          onChange={(e) => set({ product: { ...input.product, description: e.target.value } })}
        />
      </label>
      <div className="field span-2">
        <span>{t('study.unit')} *</span>
        <div className="inline-fields">
          <select
            aria-label={t('study.unitKind')}
            value={input.unit.kind}
            onChange={(e) => set({ unit: { ...input.unit, kind: e.target.value as StudyInput['unit']['kind'] } })}
          >
            <option value="declared">{t('study.unitKind.declared')}</option>
            <option value="functional">{t('study.unitKind.functional')}</option>
          </select>
          <input
            aria-label={t('study.unitAmount')}
            type="number"
            min="0"
            step="any"
            className="narrow"
            value={Number.isFinite(input.unit.amount) ? input.unit.amount : ''}
            onChange={(e) => set({ unit: { ...input.unit, amount: e.target.valueAsNumber } })}
          />
          <input
            aria-label={t('study.unitUnit')}
            className="narrow"
            list="declared-unit-choices"
            value={input.unit.unit}
            onChange={(e) => set({ unit: { ...input.unit, unit: e.target.value } })}
          />
          <datalist id="declared-unit-choices">
            {DECLARED_UNIT_CHOICES.map((u) => (
              <option key={u} value={u} label={unitWord(u, lang)} />
            ))}
          </datalist>
          <input
            aria-label={t('study.unitDescription')}
            placeholder={t('study.unitDescription')}
            value={input.unit.description}
            onChange={(e) => set({ unit: { ...input.unit, description: e.target.value } })}
          />
        </div>
      </div>
      <label className="field span-2">
        <span>{t('study.referenceFlow')} *</span>
        <input
          value={input.referenceFlow}
          placeholder={implicitReferenceFlow(input)}
          data-user-text
          onChange={(e) => set({ referenceFlow: e.target.value })}
          data-testid="study-reference-flow"
        />
      </label>
      <label className="field">
        <span>{t('study.boundary')}</span>
        <select value={input.boundary} onChange={(e) => set({ boundary: e.target.value as StudyInput['boundary'] })}>
          {BOUNDARIES.map((b) => (
            <option key={b} value={b}>
              {t(`boundary.${b}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('study.region')}</span>
        <select value={input.region} onChange={(e) => set({ region: e.target.value })} data-testid="study-region">
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {lang === 'zh' ? r.zh : r.en} ({r.code})
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('study.year')}</span>
        <input
          type="number"
          step="1"
          value={Number.isFinite(input.year) ? input.year : ''}
          onChange={(e) => set({ year: e.target.valueAsNumber })}
        />
      </label>
      <label className="field">
        <span>{t('study.method')}</span>
        <select value={input.method} onChange={(e) => set({ method: e.target.value as StudyInput['method'] })}>
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`method.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('study.releaseLci')} *</span>
        <select
          value={input.releases.lci}
          onChange={(e) => set({ releases: { ...input.releases, lci: e.target.value } })}
        >
          {releaseOptions('lci', input.releases.lci)}
        </select>
      </label>
      <label className="field">
        <span>{t('study.releaseFactors')} *</span>
        <select
          value={input.releases.factors}
          onChange={(e) => set({ releases: { ...input.releases, factors: e.target.value } })}
        >
          {releaseOptions('factors', input.releases.factors)}
        </select>
      </label>
      <details className="span-all method-texts">
        <summary>{t('study.methodTexts')}</summary>
        <label className="field">
          <span>{t('study.cutoff')}</span>
          <textarea rows={2} value={input.cutoff} onChange={(e) => set({ cutoff: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('study.allocation')}</span>
          <textarea rows={2} value={input.allocation} onChange={(e) => set({ allocation: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('study.electricity')}</span>
          <textarea rows={2} value={input.electricity} onChange={(e) => set({ electricity: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('study.limitations')}</span>
          <textarea rows={2} value={input.limitations} onChange={(e) => set({ limitations: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('study.conclusions')}</span>
          <textarea
            rows={3}
            value={input.conclusions ?? ''}
            onChange={(e) => set({ conclusions: e.target.value })}
            data-testid="study-conclusions"
          />
        </label>
      </details>
      <ParametersEditor input={input} onChange={onChange} onRangeProblems={onRangeProblems} />
    </fieldset>
  );
}
