import type { Uncertainty } from '../model/lci.ts';
import type { SourcedRange } from '../model/study.ts';

/**
 * Stated ranges as distributions. A source gives a range (IPCC: "0.016 (0.013–0.019)"); for
 * lognormal and normal it is read as the 95 % interval, for triangular and uniform as the bounds.
 */

/** the 97.5th percentile of the standard normal */
export const Z_975 = 1.959963984540054;

/** The distribution a range stands for; `value` is the triangular mode. */
export function rangeDistribution(r: SourcedRange, value: number): Uncertainty {
  switch (r.distribution) {
    case 'lognormal':
      // ln x ~ N(μ, σ²) with μ ± 1.96σ = ln low, ln high
      return {
        type: 'lognormal',
        gm: Math.sqrt(r.low * r.high),
        gsd: Math.exp(Math.log(r.high / r.low) / (2 * Z_975)),
      };
    case 'normal':
      return { type: 'normal', mean: (r.low + r.high) / 2, sd: (r.high - r.low) / (2 * Z_975) };
    case 'triangular':
      return { type: 'triangular', min: r.low, mode: Math.min(r.high, Math.max(r.low, value)), max: r.high };
    case 'uniform':
      return { type: 'uniform', min: r.low, max: r.high };
  }
}

/** The 95 % interval of a lognormal multiplier with geometric mean 1 and this GSD. */
export function gsdInterval(gsd: number): { low: number; high: number } {
  const s = Math.abs(Math.log(gsd));
  return { low: Math.exp(-Z_975 * s), high: Math.exp(Z_975 * s) };
}

/** GSD of the product of independent lognormal multipliers: ln² adds. */
export function combinedGsd(...gsds: number[]): number {
  return Math.exp(Math.sqrt(gsds.reduce((s, g) => s + Math.log(g) ** 2, 0)));
}
