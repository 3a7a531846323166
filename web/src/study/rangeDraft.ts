import { Z_975 } from '../../../src/studies/ranges.ts';
import type { RangeDistribution, SourcedRange } from '../../../src/model/study.ts';
import type { MessageKey } from '../i18n/zh.ts';

/**
 * A stated range as the range fields hold it, numbers as typed. `low`–`high` is what the study
 * keeps (for lognormal and normal the 95 % interval, for triangular and uniform the bounds, the
 * value being the triangular mode); `spread` is the practitioner's shorthand that sets them around
 * the value: GSD² for a lognormal (the 95 % interval is value ÷ GSD² to value × GSD²), the standard
 * deviation for a normal. An entry's range is multiples of its value (the value is 1), a
 * parameter's is in the parameter's unit.
 */
export interface RangeDraft {
  /** '' for no stated range */
  distribution: RangeDistribution | '';
  spread: string;
  low: string;
  high: string;
  source: string;
}

export type RangeField = 'rangeSpread' | 'rangeLow' | 'rangeHigh' | 'rangeSource';
export interface RangeError {
  field: RangeField;
  message: MessageKey;
}

export const SOURCE_MAX_LENGTH = 500;

const text = (v: number) => String(Number(v.toPrecision(6)));

function parse(value: string): number | undefined {
  const n = Number(value.trim().replace(/,/g, ''));
  return value.trim() !== '' && Number.isFinite(n) ? n : undefined;
}

function spreadOf(distribution: RangeDistribution, low: number, high: number): string {
  if (distribution === 'lognormal') return low > 0 && high > low ? text(Math.sqrt(high / low)) : '';
  if (distribution === 'normal') return text((high - low) / (2 * Z_975));
  return '';
}

export function emptyRange(): RangeDraft {
  return { distribution: '', spread: '', low: '', high: '', source: '' };
}

export function rangeToDraft(range: SourcedRange | undefined): RangeDraft {
  if (!range) return emptyRange();
  return {
    distribution: range.distribution,
    spread: spreadOf(range.distribution, range.low, range.high),
    low: String(range.low),
    high: String(range.high),
    source: range.source,
  };
}

/** Another distribution keeps the bounds typed so far; its shorthand follows from them. */
export function withDistribution(draft: RangeDraft, distribution: RangeDraft['distribution']): RangeDraft {
  if (distribution === '') return { ...draft, distribution };
  const low = parse(draft.low);
  const high = parse(draft.high);
  const spread = low !== undefined && high !== undefined ? spreadOf(distribution, low, high) : '';
  return { ...draft, distribution, spread };
}

/** The shorthand typed sets the interval around `value` once it is a number that makes sense. */
export function withSpread(draft: RangeDraft, spread: string, value: number): RangeDraft {
  const s = parse(spread);
  if (draft.distribution === 'lognormal' && s !== undefined && s >= 1 && value > 0)
    return { ...draft, spread, low: text(value / s), high: text(value * s) };
  if (draft.distribution === 'normal' && s !== undefined && s > 0)
    return { ...draft, spread, low: text(value - Z_975 * s), high: text(value + Z_975 * s) };
  return { ...draft, spread };
}

/**
 * The range the study keeps, or the fields at fault: bounds in order and around the value (an
 * entry's and a triangular or uniform range's must hold it: min ≤ mode ≤ max), a lognormal's above
 * zero with GSD² ≥ 1, a normal's standard deviation above zero, and a source.
 */
export function draftToRange(
  draft: RangeDraft,
  value: number,
  scale: 'multiples' | 'absolute',
): { range: SourcedRange | undefined; errors: [] } | { range: undefined; errors: RangeError[] } {
  if (draft.distribution === '') return { range: undefined, errors: [] };
  const errors: RangeError[] = [];
  const fail = (field: RangeField, message: MessageKey) => errors.push({ field, message });
  const low = parse(draft.low);
  const high = parse(draft.high);
  const spread = parse(draft.spread);
  if (draft.distribution === 'lognormal' && draft.spread.trim() && (spread === undefined || spread < 1))
    fail('rangeSpread', 'range.error.gsd');
  if (draft.distribution === 'normal' && draft.spread.trim() && (spread === undefined || spread <= 0))
    fail('rangeSpread', 'range.error.sd');
  if (low === undefined) fail('rangeLow', 'range.error.number');
  if (high === undefined) fail('rangeHigh', 'range.error.number');
  if (low !== undefined && high !== undefined) {
    const holdsValue = scale === 'multiples' || draft.distribution === 'triangular' || draft.distribution === 'uniform';
    if (!(low < high)) fail('rangeHigh', 'range.error.order');
    else if (holdsValue && !(low <= value && value <= high))
      fail(value < low ? 'rangeLow' : 'rangeHigh', 'range.error.mode');
    if (draft.distribution === 'lognormal' && low <= 0) fail('rangeLow', 'range.error.positive');
  }
  const source = draft.source.trim();
  if (!source) fail('rangeSource', 'range.error.source');
  else if (source.length > SOURCE_MAX_LENGTH) fail('rangeSource', 'range.error.sourceLength');
  if (errors.length > 0 || low === undefined || high === undefined) return { range: undefined, errors };
  return { range: { distribution: draft.distribution, low, high, source }, errors: [] };
}

/**
 * The 2.5th and 97.5th percentiles of the range as the calculation draws it: the stated interval
 * for lognormal and normal, the quantiles of the triangle (mode at the value) or of the uniform.
 */
export function interval95(range: SourcedRange, value: number): { low: number; high: number } {
  const { low: a, high: b } = range;
  if (range.distribution === 'uniform') return { low: a + 0.025 * (b - a), high: a + 0.975 * (b - a) };
  if (range.distribution === 'triangular') {
    const c = Math.min(b, Math.max(a, value));
    const quantile = (p: number) =>
      p < (c - a) / (b - a) ? a + Math.sqrt(p * (b - a) * (c - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - c));
    return { low: quantile(0.025), high: quantile(0.975) };
  }
  return { low: a, high: b };
}
