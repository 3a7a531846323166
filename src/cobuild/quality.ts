import type { Pedigree } from '../model/lci.ts';
import type { ValueSpread } from './model.ts';

/**
 * Data quality of an aggregate from its members and their spread. The scores are those of the
 * ecoinvent pedigree matrix (1 best … 5 worst); the rating is the PEF data quality rating of
 * technology, geography, time and precision, (TeR + GR + TiR + P) / 4, as the seed factors use,
 * with the pedigree's reliability standing for precision.
 */

export const PEDIGREE_KEYS = ['reliability', 'completeness', 'temporal', 'geographical', 'technological'] as const;

/** Members without a pedigree of their own (LCI processes rarely carry one) are taken as fair. */
export const UNRATED: Pedigree = { reliability: 3, completeness: 3, temporal: 3, geographical: 3, technological: 3 };

const clampScore = (x: number) => Math.min(5, Math.max(1, Math.round(x)));

export function pefDqr(p: Pedigree): number {
  return (p.technological + p.geographical + p.temporal + p.reliability) / 4;
}

/**
 * Precision from how much the producers disagree: geometric standard deviation up to 1.05 is
 * excellent (1), 1.1 very good, 1.25 good, 1.5 fair, wider poor; without a GSD (a value ≤ 0) the
 * coefficient of variation at 5, 10, 25 and 50 %.
 */
export function precisionScore(s: Pick<ValueSpread, 'gsd' | 'cv'>): number {
  const limits =
    s.gsd !== undefined
      ? [1.05, 1.1, 1.25, 1.5].map((g) => s.gsd! <= g)
      : [0.05, 0.1, 0.25, 0.5].map((c) => Math.abs(s.cv) <= c);
  const first = limits.indexOf(true);
  return first === -1 ? 5 : first + 1;
}

/**
 * Completeness: with the market's volume known, the share covered (≥ 80 % → 1, ≥ 50 % → 2,
 * ≥ 20 % → 3, less → 4); without it, the number of organisations (≥ 10 → 2, ≥ 3 → 3, fewer → 4),
 * after the pedigree matrix's "representative data from > 50 % / < 50 % of the sites / one site".
 */
export function completenessScore(contributors: number, coverage: number | undefined): number {
  if (coverage !== undefined) return coverage >= 0.8 ? 1 : coverage >= 0.5 ? 2 : coverage >= 0.2 ? 3 : 4;
  return contributors >= 10 ? 2 : contributors >= 3 ? 3 : 4;
}

/**
 * The aggregate's pedigree: temporal, geographical and technological scores are the members'
 * production-weighted means; reliability is the worse of the members' (weighted) and the
 * precision of their spread, so a wide spread widens the pedigree uncertainty the calculation
 * draws from; completeness follows the coverage.
 */
export function aggregatePedigree(
  members: { pedigree: Pedigree; weight: number }[],
  spreadPrecision: number,
  contributors: number,
  coverage: number | undefined,
): Pedigree {
  const total = members.reduce((s, m) => s + m.weight, 0);
  const mean = (k: keyof Pedigree) => clampScore(members.reduce((s, m) => s + m.pedigree[k] * m.weight, 0) / total);
  return {
    reliability: Math.max(mean('reliability'), spreadPrecision),
    completeness: completenessScore(contributors, coverage),
    temporal: mean('temporal'),
    geographical: mean('geographical'),
    technological: mean('technological'),
  };
}
