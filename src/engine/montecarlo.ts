import type { Exchange } from '../model/lci.ts';
import { factorize } from './sparse/lu.ts';
import { createRng, pedigreeGsd, sample, summarize, type Rng, type Summary } from './uncertainty.ts';
import type { EntryList, LcaSystem } from './system.ts';

/**
 * Monte Carlo on exchange uncertainty. Each iteration draws every uncertain exchange once,
 * refills the values of A and B in place (the sparsity pattern never changes), refactors A
 * numerically on the symbolic analysis of the first factorization, and solves one demand.
 */

export interface MonteCarloOptions {
  iterations: number;
  seed: number;
  /** widen lognormal distributions (and give exchanges with only a pedigree one) by the pedigree matrix */
  pedigree?: boolean;
  onProgress?(done: number, total: number): void;
  /** redraws the demand vector each iteration (uncertain activity amounts); f holds the deterministic demand on entry */
  drawDemand?(f: Float64Array, rng: Rng): void;
}

export interface MonteCarloResult {
  iterations: number;
  seed: number;
  /** the deterministic result, for comparison */
  deterministic: number;
  /** one total per successful iteration, in iteration order */
  values: Float64Array;
  /** the iteration (0-based) each value comes from, so callers can pair values with their own draws */
  kept: Int32Array;
  summary: Summary;
  /** exchanges that vary */
  uncertainExchanges: number;
  /** draws that made A singular and were skipped */
  failed: number;
}

/** A draw plan: the unique uncertain exchanges and, per matrix entry, which of them feeds it. */
interface Plan {
  exchanges: Exchange[];
  a: { position: Int32Array; scale: Float64Array; which: Int32Array };
  b: { position: Int32Array; scale: Float64Array; which: Int32Array };
}

export function monteCarlo(
  system: LcaSystem,
  c: Float64Array,
  column: number,
  amount: number,
  opts: MonteCarloOptions,
): MonteCarloResult {
  const f = new Float64Array(system.A.nRows);
  f[column] = amount;
  return monteCarloDemand(system, c, f, opts);
}

/** Monte Carlo of cᵀ B A⁻¹ f for a whole demand vector f (several products at once, as a study needs). */
export function monteCarloDemand(
  system: LcaSystem,
  c: Float64Array,
  demand: Float64Array,
  opts: MonteCarloOptions,
): MonteCarloResult {
  const plan = makePlan(system, opts.pedigree ?? true);
  const lu = factorize(system.A);
  const f = demand.slice();
  const deterministic = score(system.B.values, lu.solve(f));
  const rng = createRng(opts.seed);
  const drawn = new Float64Array(plan.exchanges.length);
  const aValues = new Float64Array(system.A.values.length);
  const bValues = new Float64Array(system.B.values.length);
  const values = new Float64Array(opts.iterations);
  const kept = new Int32Array(opts.iterations);
  let ok = 0;
  let failed = 0;
  for (let it = 0; it < opts.iterations; it++) {
    for (let k = 0; k < plan.exchanges.length; k++) drawn[k] = draw(plan.exchanges[k], rng, opts.pedigree ?? true);
    fill(aValues, system.A.values, plan.a, plan.exchanges, drawn);
    fill(bValues, system.B.values, plan.b, plan.exchanges, drawn);
    if (opts.drawDemand) {
      f.set(demand);
      opts.drawDemand(f, rng);
    }
    try {
      lu.refactor(aValues);
      const h = score(bValues, lu.solve(f));
      if (Number.isFinite(h)) {
        kept[ok] = it;
        values[ok++] = h;
      } else failed++;
    } catch {
      failed++;
    }
    opts.onProgress?.(it + 1, opts.iterations);
  }
  const draws = values.slice(0, ok);
  return {
    iterations: opts.iterations,
    seed: opts.seed,
    deterministic,
    values: draws,
    kept: kept.slice(0, ok),
    summary: summarize(draws),
    uncertainExchanges: plan.exchanges.length,
    failed,
  };

  function score(bVals: Float64Array, s: Float64Array): number {
    const { B } = system;
    let h = 0;
    for (let j = 0; j < B.nCols; j++) {
      const sj = s[j];
      if (sj === 0) continue;
      for (let p = B.colPtr[j]; p < B.colPtr[j + 1]; p++) h += c[B.rowIdx[p]] * bVals[p] * sj;
    }
    return h;
  }
}

function varies(e: Exchange, pedigree: boolean): boolean {
  return Boolean(e.uncertainty) || (pedigree && Boolean(e.pedigree));
}

function makePlan(system: LcaSystem, pedigree: boolean): Plan {
  const ids = new Map<Exchange, number>();
  const exchanges: Exchange[] = [];
  const part = (list: EntryList) => {
    const keep: number[] = [];
    for (let k = 0; k < list.exchange.length; k++) {
      const e = list.exchange[k];
      if (!varies(e, pedigree)) continue;
      if (!ids.has(e)) {
        ids.set(e, exchanges.length);
        exchanges.push(e);
      }
      keep.push(k);
    }
    return {
      position: Int32Array.from(keep, (k) => list.position[k]),
      scale: Float64Array.from(keep, (k) => list.scale[k]),
      which: Int32Array.from(keep, (k) => ids.get(list.exchange[k])!),
    };
  };
  return { a: part(system.entries.a), b: part(system.entries.b), exchanges };
}

/** One draw of an exchange amount, same sign as the deterministic amount for lognormals. */
function draw(e: Exchange, rng: Rng, pedigree: boolean): number {
  const u = e.uncertainty;
  if (!u || u.type === 'lognormal') {
    const gsd0 = u?.type === 'lognormal' ? u.gsd : 1;
    const gm = u?.type === 'lognormal' ? u.gm : e.amount;
    const gsd = pedigree && e.pedigree ? pedigreeGsd(gsd0, e.pedigree) : gsd0;
    const sign = gm < 0 || (gm === 0 && e.amount < 0) ? -1 : 1;
    return sign * sample({ type: 'lognormal', gm: Math.abs(gm), gsd }, rng);
  }
  return sample(u, rng);
}

/** values = base, then each uncertain entry moved by scale × (draw − deterministic amount). */
function fill(out: Float64Array, base: Float64Array, part: Plan['a'], exchanges: Exchange[], drawn: Float64Array) {
  out.set(base);
  for (let k = 0; k < part.position.length; k++) {
    const x = part.which[k];
    out[part.position[k]] += part.scale[k] * (drawn[x] - exchanges[x].amount);
  }
}
