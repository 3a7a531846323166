/**
 * Weighted statistics for averaging several producers' data. Weights are production volumes, so
 * the standard deviations are those of the population the weights describe (Σw in the
 * denominator): a producer twice as large counts as two producers of its size.
 */

export interface Weighted {
  value: number;
  weight: number;
}

function totalWeight(xs: readonly Weighted[]): number {
  const w = xs.reduce((s, x) => s + x.weight, 0);
  if (!(w > 0)) throw new RangeError('weights must add up to more than zero');
  return w;
}

export function weightedMean(xs: readonly Weighted[]): number {
  return xs.reduce((s, x) => s + x.value * x.weight, 0) / totalWeight(xs);
}

export function weightedSd(xs: readonly Weighted[]): number {
  const m = weightedMean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + x.weight * (x.value - m) ** 2, 0) / totalWeight(xs));
}

/**
 * The geometric standard deviation exp(σ) of ln(value), weighted: the lognormal's GSD for a
 * quantity that cannot be negative. Undefined when a value is not positive.
 */
export function weightedGsd(xs: readonly Weighted[]): number | undefined {
  if (xs.some((x) => !(x.value > 0))) return undefined;
  const logs = xs.map((x) => ({ value: Math.log(x.value), weight: x.weight }));
  return Math.exp(weightedSd(logs));
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('the median of nothing');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** How many times larger or smaller a is than b (≥ 1), or Infinity when only one of them is zero. */
export function foldDifference(a: number, b: number): number {
  if (a === b) return 1;
  if (a <= 0 || b <= 0) return Infinity;
  return a > b ? a / b : b / a;
}
