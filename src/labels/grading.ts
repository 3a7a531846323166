import { GRADES, type Benchmark, type Grade, type GradeStatement } from '../model/credential.ts';
import { hashOf } from './digest.ts';

/**
 * Grades against a category benchmark, A (lowest footprint) to E. A benchmark's four bounds are
 * upper limits: a value up to the first bound is A, above the last one E, a value exactly on a
 * bound takes the better class. Percentile bounds come from the benchmark's published values, so
 * anyone holding the benchmark recomputes them, and the grade, with this file alone.
 */

/**
 * The q-th percentile (0–100) by linear interpolation between order statistics: Hyndman and Fan
 * type 7, numpy.percentile's default. h = (n − 1)·q/100; between x⌊h⌋ and x⌊h⌋+1.
 */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error('the percentile of no values is undefined');
  if (!(q >= 0 && q <= 100)) throw new Error(`a percentile lies in 0–100, got ${q}`);
  const sorted = [...values].sort((a, b) => a - b);
  const h = ((sorted.length - 1) * q) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The value bounds A|B, B|C, C|D, D|E of a benchmark, in kg CO2e per declared unit. */
export function boundsOf(benchmark: Pick<Benchmark, 'grading' | 'distribution'>): number[] {
  const g = benchmark.grading;
  return g.basis === 'value' ? [...g.bounds] : g.percentiles.map((q) => percentile(benchmark.distribution.values, q));
}

export function gradeOf(value: number, bounds: readonly number[]): Grade {
  if (!Number.isFinite(value)) throw new Error(`a grade needs a finite value, got ${value}`);
  const i = bounds.findIndex((b) => value <= b);
  return GRADES[i === -1 ? GRADES.length - 1 : i]!;
}

/** The grade and everything needed to recompute it, for the credential. */
export async function gradeStatement(value: number, benchmark: Benchmark): Promise<GradeStatement> {
  const bounds = boundsOf(benchmark);
  return {
    grade: gradeOf(value, bounds),
    benchmark: {
      id: benchmark.id,
      version: benchmark.version,
      hash: await hashOf(benchmark),
      title: benchmark.title,
      basis: benchmark.grading.basis,
      bounds,
      source: benchmark.distribution.source,
      verified: benchmark.distribution.verified,
    },
  };
}
