import type { GhgLine, ImpactMethod, UnmatchedGhgFlow } from '../model/method.ts';
import { characterize } from './characterization.ts';
import { multiply, multiplyTranspose } from './sparse/csc.ts';
import { factorize, type Factorization } from './sparse/lu.ts';
import { IllConditionedError, SingularMatrixError } from './sparse/errors.ts';
import type { LcaSystem } from './system.ts';
import { DomainError, type ErrorText } from '../model/errors.ts';
import { coder } from '../i18n/define.ts';
import { STUDY_TEXTS } from '../i18n/studies.ts';

const coded = coder(STUDY_TEXTS);

/**
 * The three steps of a matrix LCA, kept apart as in Brightway's bw2calc:
 *   s = A⁻¹ f   (scaling: how many runs of each provider column the demand needs)
 *   g = B s     (inventory: elementary flows of the whole system)
 *   h = C g     (impact: here one climate indicator, split into ISO 14067 lines)
 */

export const GHG_LINES: readonly GhgLine[] = ['fossil', 'biogenic', 'landUseChange', 'aircraft', 'biogenicRemovals'];

/** C as a vector over the rows of B, with the ISO 14067 line of each characterised flow. */
export interface CharacterizationVector {
  method: ImpactMethod;
  /** c[e]: kg CO2e per reference unit of elementary flow e */
  c: Float64Array;
  /** line[e]: the reported line of flow e, null when the flow has no factor */
  line: (GhgLine | null)[];
  /** substance in the method's table that flow e matched */
  substance: (string | null)[];
  unmatched: UnmatchedGhgFlow[];
  /** the row of B of each unmatched flow, in the same order */
  unmatchedRows: number[];
}

export function characterizationVector(system: LcaSystem, method: ImpactMethod): CharacterizationVector {
  const n = system.elementary.length;
  const c = new Float64Array(n);
  const line: (GhgLine | null)[] = new Array(n).fill(null);
  const substance: (string | null)[] = new Array(n).fill(null);
  const unmatched: UnmatchedGhgFlow[] = [];
  const unmatchedRows: number[] = [];
  // emission rows and uptake rows of the same flow are characterised apart (see system.ts)
  for (const uptake of [false, true]) {
    const rows = new Map<string, number>();
    system.elementary.forEach((f, e) => system.uptake[e] === uptake && rows.set(f.id, e));
    const r = characterize(
      method,
      [...rows.keys()].map((id) => system.elementary[rows.get(id)!]),
      { uptake },
    );
    for (const fc of r.factors) {
      const e = rows.get(fc.flowId)!;
      c[e] = fc.factor;
      line[e] = fc.line;
      substance[e] = fc.substance;
    }
    for (const u of r.unmatched) {
      unmatched.push(u);
      unmatchedRows.push(rows.get(u.flowId)!);
    }
  }
  return { method, c, line, substance, unmatched, unmatchedRows };
}

/** A provider column named for people: the process, its product and where it is. */
export interface ColumnRef {
  column: number;
  processId: string;
  processName: string;
  product: string;
  location?: string;
}

export function columnRef(system: LcaSystem, column: number): ColumnRef {
  const pr = system.index.providers[column];
  return {
    column,
    processId: pr.process.id,
    processName: pr.process.name,
    product: pr.flow.name,
    location: pr.process.location,
  };
}

/**
 * The technosphere cannot be solved; names the processes whose columns are involved. A study
 * calculated on such a system fails on its input (its background), so the user reads why.
 */
export class SystemSolveError extends DomainError {
  constructor(
    message: ErrorText,
    readonly processes: ColumnRef[],
  ) {
    super('invalid', 'unsolvable-system', message);
  }
}

/** Factorizes A once; solve as many demands and adjoint problems on it as needed. */
export function factorizeSystem(system: LcaSystem): Factorization {
  try {
    return factorize(system.A);
  } catch (err) {
    if (err instanceof SingularMatrixError || err instanceof IllConditionedError) {
      const refs = [...new Set(err.columns)].slice(0, 50).map((j) => columnRef(system, j));
      const processes = refs.map((r) => `"${r.processName}"${r.location ? ` (${r.location})` : ''}`).join(', ');
      throw new SystemSolveError(
        err instanceof SingularMatrixError
          ? coded('system.unsolvable', { processes })
          : coded('system.ill-conditioned', { processes }),
        refs,
      );
    }
    throw err;
  }
}

export interface Inventory {
  column: number;
  amount: number;
  /** s: runs of each provider column */
  s: Float64Array;
  /** g: elementary flows of the whole system, rows of B */
  g: Float64Array;
}

/** s = A⁻¹ f and g = B s for a demand of `amount` units of the product of `column`. */
export function inventory(system: LcaSystem, lu: Factorization, column: number, amount: number): Inventory {
  const f = new Float64Array(system.A.nRows);
  f[column] = amount;
  const s = lu.solve(f);
  assertFinite(system, s, 'system.scaling-not-finite');
  return { column, amount, s, g: multiply(system.B, s) };
}

export interface ImpactResult {
  methodId: string;
  unit: string;
  /** every characterised emission, biogenic uptake excluded (PACT pcfExcludingBiogenicUptake) */
  total: number;
  /** removals are reported negative in biogenicRemovals and not netted into total */
  lines: Record<GhgLine, number>;
  /** c[e]·g[e] for each row of B */
  perFlow: Float64Array;
}

/** h = C g, reported by line. */
export function impact(inv: Inventory, cv: CharacterizationVector): ImpactResult {
  const perFlow = new Float64Array(inv.g.length);
  const lines = emptyLines();
  for (let e = 0; e < inv.g.length; e++) {
    const l = cv.line[e];
    if (!l) continue;
    perFlow[e] = cv.c[e] * inv.g[e];
    lines[l] += perFlow[e];
  }
  return { methodId: cv.method.id, unit: cv.method.unit, total: totalOf(lines), lines, perFlow };
}

export function emptyLines(): Record<GhgLine, number> {
  return { fossil: 0, biogenic: 0, landUseChange: 0, aircraft: 0, biogenicRemovals: 0 };
}

export function totalOf(lines: Record<GhgLine, number>): number {
  return lines.fossil + lines.biogenic + lines.landUseChange + lines.aircraft;
}

/** c restricted to the lines counted in the total (removals left out). */
export function totalVector(cv: CharacterizationVector): Float64Array {
  return cv.c.map((v, e) => (cv.line[e] && cv.line[e] !== 'biogenicRemovals' ? v : 0));
}

/**
 * The total of every provider column in one adjoint solve: λ = A⁻ᵀ Bᵀ c, so that
 * λ[j] is the footprint of one unit of column j's product (because cᵀB A⁻¹ f = λᵀ f).
 */
export function allProcessScores(system: LcaSystem, lu: Factorization, c: Float64Array): Float64Array {
  const lambda = lu.solveTranspose(multiplyTranspose(system.B, c));
  assertFinite(system, lambda, 'system.scores-not-finite');
  return lambda;
}

function assertFinite(
  system: LcaSystem,
  v: Float64Array,
  what: 'system.scaling-not-finite' | 'system.scores-not-finite',
) {
  const bad: number[] = [];
  for (let j = 0; j < v.length && bad.length < 20; j++) if (!Number.isFinite(v[j])) bad.push(j);
  if (bad.length) {
    const refs = bad.map((j) => columnRef(system, j));
    throw new SystemSolveError(coded(what, { processes: refs.map((r) => `"${r.processName}"`).join(', ') }), refs);
  }
}
