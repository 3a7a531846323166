import { CALCULATION_TEXTS } from '../i18n/calculation.ts';
import { coder } from '../i18n/define.ts';
import type { Parameter, Study, UncertaintyResult, VarianceContribution } from '../model/study.ts';
import { totalOf, totalVector } from '../engine/lca.ts';
import { monteCarloDemand } from '../engine/montecarlo.ts';
import { createRng, sample, summarize, type Rng } from '../engine/uncertainty.ts';
import type { Background } from './background.ts';
import { activityGsd } from './per-unit.ts';
import { parametersOf, parameterValues, type AmountPlan } from './parameters.ts';
import { rangeDistribution } from './ranges.ts';
import type { Row } from './rows.ts';
import type { CodedMessageData } from '../model/message.ts';
import { progressMessage } from './progress.ts';

const coded = coder(CALCULATION_TEXTS);

/**
 * Monte Carlo of the GHG emissions (removals excluded, as the total is). Per draw: every
 * parameter with a stated range is drawn and the formulas re-evaluated; every entry is scaled by a
 * multiplier drawn from its stated range, or else from lognormals of the pedigree-widened basic
 * spread of its amount and of its factor; LCI process entries go through the engine's Monte Carlo
 * on one demand vector, so shared upstream processes stay correlated and their exchange
 * uncertainty is drawn too.
 *
 * Each input's contribution to the variance is its squared correlation with the result: for a
 * sum of independent terms Y = Σ tₖXₖ, r²(Xₖ, Y) = tₖ²Var(Xₖ)/Var(Y) exactly, the first-order
 * share; with formulas the shares may leave a remainder for interactions, and add up to ≤ 1.
 */

export interface MonteCarloRun {
  result: UncertaintyResult;
  /** draws of parameter ranges that made an amount negative, taken as 0 */
  clamped: number;
}

export function studyMonteCarlo(
  study: Pick<Study, 'parameters'>,
  plan: AmountPlan,
  rows: readonly Row[],
  bg: Background,
  iterations: number,
  seed: number,
  onProgress?: (fraction: number, message: CodedMessageData) => void,
): MonteCarloRun {
  const rng = createRng(seed);
  const baseValues = parameterValues(study);
  const base = plan.amounts(baseValues);
  const drawn: Parameter[] = [...parametersOf(study).values()].filter((p) => p.uncertainty && plan.used.has(p.name));
  const paramDraws = drawn.map(() => new Float64Array(iterations));
  const multipliers = rows.map(() => new Float64Array(iterations));
  const amounts: Float64Array[] = new Array(iterations);
  let clamped = 0;
  for (let i = 0; i < iterations; i++) {
    const values = { ...baseValues };
    drawn.forEach(
      (p, k) => (values[p.name] = paramDraws[k]![i] = sample(rangeDistribution(p.uncertainty!, p.value), rng)),
    );
    amounts[i] = drawn.length ? plan.amounts(values, () => clamped++) : base;
    rows.forEach((r, j) => (multipliers[j]![i] = multiplier(r, rng)));
  }

  const own = new Float64Array(iterations);
  const ownRows = rows.map((r, j) => ({ r, j })).filter(({ r }) => r.per.column === undefined);
  for (let i = 0; i < iterations; i++) {
    let v = 0;
    for (const { r, j } of ownRows) v += amounts[i]![j]! * r.conv * totalOf(r.per.lines) * multipliers[j]![i]!;
    own[i] = v;
  }

  const procRows = rows.map((r, j) => ({ r, j })).filter(({ r }) => r.per.column !== undefined);
  let kept: Int32Array = Int32Array.from({ length: iterations }, (_, i) => i);
  const y = own.slice();
  const lciRatio = new Float64Array(iterations);
  if (procRows.length) {
    const f = new Float64Array(bg.system.A.nRows);
    for (const { r, j } of procRows) f[r.per.column!] += base[j]! * r.conv;
    const expected = new Float64Array(iterations);
    let it = 0;
    const mc = monteCarloDemand(bg.system, totalVector(bg.cv), f, {
      iterations,
      seed: seed + 1,
      pedigree: true,
      onProgress: (done, all) => {
        if (done % 50 === 0 || done === all)
          onProgress?.(0.1 + (0.9 * done) / all, progressMessage('job.monte-carlo', { done, all }));
      },
      drawDemand: (demand) => {
        const i = it++;
        let e = 0;
        for (const { r, j } of procRows) {
          const a = amounts[i]![j]! * r.conv * multipliers[j]![i]!;
          demand[r.per.column!] += a - base[j]! * r.conv;
          e += a * totalOf(r.per.lines);
        }
        expected[i] = e;
      },
    });
    kept = mc.kept;
    mc.values.forEach((v, k) => {
      const i = kept[k]!;
      y[i] = own[i]! + v;
      lciRatio[i] = expected[i] !== 0 ? v / expected[i]! : 1;
    });
  }

  const pick = (xs: Float64Array) => Float64Array.from(kept, (i) => xs[i]!);
  const ys = pick(y);
  const contributions: VarianceContribution[] = [
    ...drawn.map((p, k) => ({
      kind: 'parameter' as const,
      id: p.name,
      name: p.description || p.name,
      share: r2(pick(paramDraws[k]!), ys),
    })),
    // removal entries are not in the emissions drawn, so they cannot explain any of their variance
    ...rows.flatMap((r, j) =>
      totalOf(r.per.lines) === 0
        ? []
        : [{ kind: 'entry' as const, id: r.entry.id, name: r.entry.name, share: r2(pick(multipliers[j]!), ys) }],
    ),
    ...(procRows.length
      ? [
          {
            kind: 'background' as const,
            id: 'lci',
            name: coded('uncertainty.lci-contributor', { release: bg.lciRelease }),
            share: r2(pick(lciRatio), ys),
          },
        ]
      : []),
  ]
    .filter((c) => c.share > 0)
    .sort((a, b) => b.share - a.share);

  const s = summarize(ys);
  return {
    clamped,
    result: {
      iterations: ys.length,
      seed,
      mean: s.mean,
      sd: s.sd,
      p2_5: s.p2_5,
      p50: s.median,
      p97_5: s.p97_5,
      histogram: histogram(ys, 30),
      method: CALCULATION_TEXTS['uncertainty.method'].en({}),
      contributions,
    },
  };
}

const lognormal = (gsd: number, r: Rng) => (gsd > 1 ? sample({ type: 'lognormal', gm: 1, gsd }, r) : 1);

/** The entry's spread as a multiplier of its value: its stated range, or the default spread of amount and factor. */
function multiplier(r: Row, rng: Rng): number {
  const u = r.entry.uncertainty;
  if (u) return sample(rangeDistribution(u, 1), rng);
  const activity = lognormal(activityGsd(r.entry), rng);
  return r.per.column === undefined ? activity * lognormal(r.per.gsd, rng) : activity;
}

/** squared Pearson correlation; 0 when either side does not vary */
export function r2(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? (sxy * sxy) / (sxx * syy) : 0;
}

function histogram(values: Float64Array, bins: number): UncertaintyResult['histogram'] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!(hi > lo)) return { edges: [lo, hi], counts: [values.length] };
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
  return { edges: Array.from({ length: bins + 1 }, (_, k) => lo + k * width), counts };
}
