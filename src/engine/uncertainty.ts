import type { Pedigree, Uncertainty } from '../model/lci.ts';

/**
 * Random draws for Monte Carlo: a small seeded generator (sfc32 seeded through splitmix32, so
 * the same seed gives the same sequence on every platform), draws from the four distributions
 * exchanges carry, the ecoinvent pedigree widening of lognormals, and result summaries.
 */

export interface Rng {
  /** uniform on [0, 1) */
  next(): number;
  /** standard normal */
  normal(): number;
}

/** splitmix32: spreads one 32-bit seed over the state words. */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), 128-bit state. */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  // fold seeds beyond 32 bits so 2**32 + 1 and 1 differ
  const hi = Math.floor(seed / 4294967296) >>> 0;
  const sm = splitmix32((seed >>> 0) ^ Math.imul(hi, 0x27d4eb2d));
  let a = sm(),
    b = sm(),
    c = sm(),
    d = sm();
  const u32 = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) u32();
  // 53-bit uniforms from two words, so tiny probabilities are not quantised to 2^-32
  const next = () => (u32() * 2097152 + (u32() >>> 11)) / 9007199254740992;
  let spare: number | null = null;
  const normal = () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    // Marsaglia polar method: two independent normals per accepted pair
    let u: number, v: number, s: number;
    do {
      u = 2 * next() - 1;
      v = 2 * next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * m;
    return u * m;
  };
  return { next, normal };
}

/**
 * One draw. lognormal: gm·exp(ln(gsd)·z) (a gsd below 1 is read as its inverse, gsd 1 gives gm);
 * normal: mean + sd·z; triangular: inverse CDF; uniform: min + (max − min)·u.
 */
export function sample(u: Uncertainty, rng: Rng): number {
  switch (u.type) {
    case 'lognormal': {
      const s = Math.abs(Math.log(u.gsd));
      return s === 0 || !Number.isFinite(s) ? u.gm : u.gm * Math.exp(s * rng.normal());
    }
    case 'normal':
      return u.mean + u.sd * rng.normal();
    case 'triangular': {
      const { min: a, mode: c, max: b } = u;
      if (!(b > a)) return c;
      const x = rng.next();
      const fc = (c - a) / (b - a);
      return x < fc ? a + Math.sqrt(x * (b - a) * (c - a)) : b - Math.sqrt((1 - x) * (b - a) * (b - c));
    }
    case 'uniform':
      return u.min + (u.max - u.min) * rng.next();
  }
}

/**
 * ecoinvent v3 basic uncertainty factors: variances of ln(x) added per pedigree score 1..5
 * (Weidema et al. 2013, ecoinvent data quality guideline v3, Table 10.5; Muller et al. 2016).
 */
export const PEDIGREE_VARIANCES: Readonly<Record<keyof Pedigree, readonly number[]>> = {
  reliability: [0, 0.0006, 0.002, 0.008, 0.04],
  completeness: [0, 0.0001, 0.0006, 0.002, 0.008],
  temporal: [0, 0.0002, 0.002, 0.008, 0.04],
  geographical: [0, 0.000025, 0.0001, 0.0006, 0.002],
  technological: [0, 0.0006, 0.008, 0.04, 0.12],
};

/** The GSD widened by the pedigree: exp(√(ln(gsd)² + Σ variance(score))). */
export function pedigreeGsd(gsd: number, p: Pedigree): number {
  const base = Math.log(gsd);
  let total = base * base;
  for (const key of Object.keys(PEDIGREE_VARIANCES) as (keyof Pedigree)[]) {
    const score = p[key];
    if (!Number.isInteger(score) || score < 1 || score > 5)
      throw new RangeError(`pedigree ${key} score must be an integer 1..5, got ${score}`);
    total += PEDIGREE_VARIANCES[key][score - 1];
  }
  return Math.exp(Math.sqrt(total));
}

export interface Summary {
  n: number;
  mean: number;
  /** sample standard deviation (n − 1 in the denominator); 0 for one value */
  sd: number;
  median: number;
  p2_5: number;
  p97_5: number;
  min: number;
  max: number;
}

/** q-th percentile (q in 0..100) of ascending values by linear interpolation, as numpy's default. */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (!(q >= 0 && q <= 100)) throw new RangeError(`percentile q must be in 0..100, got ${q}`);
  const h = ((n - 1) * q) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function summarize(values: Float64Array): Summary {
  const n = values.length;
  if (n === 0) return { n: 0, mean: NaN, sd: NaN, median: NaN, p2_5: NaN, p97_5: NaN, min: NaN, max: NaN };
  const sorted = Float64Array.from(values).sort();
  let mean = 0;
  // Welford: stable for values far from zero
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    mean += d / (i + 1);
    m2 += d * (values[i] - mean);
  }
  return {
    n,
    mean,
    sd: n > 1 ? Math.sqrt(m2 / (n - 1)) : 0,
    median: percentile(sorted, 50),
    p2_5: percentile(sorted, 2.5),
    p97_5: percentile(sorted, 97.5),
    min: sorted[0],
    max: sorted[n - 1],
  };
}

/**
 * PEF-style Data Quality Rating: the plain mean of the scores given (1 best … 5 worst).
 * PEF 3.0 averages TeR, GR, TiR and P; pass those four, or a whole ecoinvent pedigree for the
 * mean of all five criteria. Undefined scores are skipped.
 */
export function dqr(scores: Partial<Pedigree> | Record<string, number | undefined>): number {
  const vals = Object.values(scores).filter((v): v is number => typeof v === 'number');
  if (!vals.length) throw new RangeError('dqr needs at least one score');
  for (const v of vals) if (!(v >= 1 && v <= 5)) throw new RangeError(`data quality scores are 1..5, got ${v}`);
  return vals.reduce((s, v) => s + v, 0) / vals.length;
}

/** PEF data quality level of a DQR: ≤1.5 excellent, ≤2 very good, ≤3 good, ≤4 fair, else poor. */
export function dqrLevel(rating: number): 'excellent' | 'very good' | 'good' | 'fair' | 'poor' {
  return rating <= 1.5 ? 'excellent' : rating <= 2 ? 'very good' : rating <= 3 ? 'good' : rating <= 4 ? 'fair' : 'poor';
}
