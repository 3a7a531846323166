import type { RangeDistribution } from '../../../src/model/study.ts';
import { useI18n } from '../i18n/context.tsx';
import { formatNumber } from '../lib/format.ts';
import {
  draftToRange,
  interval95,
  SOURCE_MAX_LENGTH,
  withDistribution,
  withSpread,
  type RangeDraft,
  type RangeField,
} from '../study/rangeDraft.ts';

const DISTRIBUTIONS: readonly RangeDistribution[] = ['lognormal', 'normal', 'triangular', 'uniform'];

interface RangeFieldsProps {
  value: RangeDraft;
  onChange: (draft: RangeDraft) => void;
  /** an entry's range is multiples of its value (the mode is 1), a parameter's is in its unit */
  scale: 'multiples' | 'absolute';
  /** the value the range lies around: 1 for an entry, the parameter's value */
  centre: number;
  /** what the preview multiplies an entry's multiples by (its amount), and the unit shown */
  amount?: number;
  unit: string;
  /** fields a submit found at fault, besides those the fields find themselves */
  invalid?: (field: RangeField) => true | undefined;
  /** test id prefix: "entry-range" or "parameter-range" */
  testId: string;
}

/** Distribution, its spread or bounds, the source, and the 95 % interval the calculation will draw. */
export function RangeFields({ value, onChange, scale, centre, amount, unit, invalid, testId }: RangeFieldsProps) {
  const { t, lang } = useI18n();
  const n = (v: number) => formatNumber(v, lang);
  const d = value.distribution;
  const bounded = d === 'triangular' || d === 'uniform';
  const checked = draftToRange(value, centre, scale);
  const preview = checked.range && interval95(checked.range, centre);
  const bad = (field: RangeField) => checked.errors.some((e) => e.field === field) || invalid?.(field);
  const set = (patch: Partial<RangeDraft>) => onChange({ ...value, ...patch });
  return (
    <div className="inline-fields range-fields">
      <label className="field">
        <span>{t('range.distribution')}</span>
        <select
          value={d}
          onChange={(e) => onChange(withDistribution(value, e.target.value as RangeDraft['distribution']))}
          data-testid={`${testId}-distribution`}
        >
          <option value="">{t('range.none')}</option>
          {DISTRIBUTIONS.map((k) => (
            <option key={k} value={k}>
              {t(`range.dist.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {(d === 'lognormal' || d === 'normal') && (
        <label className="field">
          <span>{d === 'lognormal' ? t('range.gsd2') : t('range.sd')}</span>
          <input
            inputMode="decimal"
            value={value.spread}
            onChange={(e) => onChange(withSpread(value, e.target.value, centre))}
            aria-invalid={bad('rangeSpread')}
            data-testid={`${testId}-spread`}
          />
        </label>
      )}
      {d !== '' && (
        <>
          <label className="field">
            <span>{bounded ? t('range.min') : t('range.low95')}</span>
            <input
              inputMode="decimal"
              value={value.low}
              onChange={(e) => set({ low: e.target.value })}
              aria-invalid={bad('rangeLow')}
              data-testid={`${testId}-low`}
            />
          </label>
          {d === 'triangular' && (
            <label className="field">
              <span>{t('range.mode')}</span>
              <input value={n(centre)} readOnly tabIndex={-1} />
            </label>
          )}
          <label className="field">
            <span>{bounded ? t('range.max') : t('range.high95')}</span>
            <input
              inputMode="decimal"
              value={value.high}
              onChange={(e) => set({ high: e.target.value })}
              aria-invalid={bad('rangeHigh')}
              data-testid={`${testId}-high`}
            />
          </label>
          <label className="field grow">
            <span>{t('range.source')} *</span>
            <input
              value={value.source}
              maxLength={SOURCE_MAX_LENGTH}
              placeholder={t('range.sourceHint')}
              onChange={(e) => set({ source: e.target.value })}
              aria-invalid={bad('rangeSource')}
              data-testid={`${testId}-source`}
            />
          </label>
        </>
      )}
      {preview && (
        <p className="small range-preview" data-testid={`${testId}-preview`}>
          {scale === 'multiples'
            ? t('range.previewEntry', {
                low: n(preview.low),
                high: n(preview.high),
                amountLow: amount === undefined ? '—' : n(amount * preview.low),
                amountHigh: amount === undefined ? '—' : n(amount * preview.high),
                unit,
              })
            : t('range.preview', { low: n(preview.low), high: n(preview.high), unit })}
        </p>
      )}
      {!checked.range &&
        checked.errors.map((e) => (
          <p key={e.field} className="small field-error" role="alert">
            {t(`entry.field.${e.field}`)}: {t(e.message)}
          </p>
        ))}
    </div>
  );
}
