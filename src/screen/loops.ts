import type { CscMatrix } from '../engine/sparse/csc.ts';
import { blockTriangular } from '../engine/sparse/btf.ts';

/**
 * The loops of a technosphere and how strongly each feeds back on itself.
 *
 * Scaling column j of A by its diagonal, A·D⁻¹ = I − Z, where Z[i][j] = −A[i][j] / A[j][j] ≥ 0
 * is how much of product i one unit of product j takes in. The demand a loop passes round is
 * amplified by (I − Z)⁻¹ = I + Z + Z² + …, which converges when the spectral radius ρ(Z) < 1 and
 * amounts to about 1/(1 − ρ); at ρ ≥ 1 the loop makes nothing net and A is singular. Loops are
 * the strongly connected components of A's graph (the same Tarjan pass the solver's block
 * triangular form uses); ρ of each is found by power iteration on the sparse block, never a dense
 * eigensolve. Avoided products (positive off-diagonal entries) are left out of Z: they can only
 * lower the feedback, so the radius found is an upper estimate of the real one.
 *
 * Power iteration runs on (I + Z)/2, which has the same Perron vector and radius (1 + ρ)/2 but
 * no other eigenvalue of that modulus, so it converges even for periodic loops. Each step gives
 * Collatz–Wielandt bounds min (Bx)ᵢ/xᵢ ≤ ρ(B) ≤ max (Bx)ᵢ/xᵢ for a positive x (Z restricted to a
 * component is irreducible), so the answer is bracketed, not guessed.
 */

export interface Loop {
  /** columns of A in the loop */
  columns: number[];
  /** ρ(Z) of the loop: the Collatz–Wielandt lower and upper bounds when the iteration stopped */
  radius: { lower: number; upper: number };
  /** 1/(1 − ρ) at the lower bound; Infinity when ρ ≥ 1 */
  feedback: number;
}

const MAX_STEPS = 20000;
const TOLERANCE = 1e-13;

/** Every loop of two or more columns, with its spectral radius; a column with a non-positive diagonal is a loop of its own with ρ ≥ 1. */
export function loopsOf(A: CscMatrix): Loop[] {
  const n = A.nCols;
  const identity = Int32Array.from({ length: n }, (_, j) => j);
  const { order, start } = blockTriangular(A, identity);
  const diagonal = new Float64Array(n);
  for (let j = 0; j < n; j++)
    for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) if (A.rowIdx[p] === j) diagonal[j] += A.values[p];
  const loops: Loop[] = [];
  for (let b = 0; b + 1 < start.length; b++) {
    const columns = Array.from(order.subarray(start[b], start[b + 1]));
    if (columns.length === 1) {
      if (!(diagonal[columns[0]] > 0))
        loops.push({ columns, radius: { lower: Infinity, upper: Infinity }, feedback: Infinity });
      continue;
    }
    if (columns.some((j) => !(diagonal[j] > 0))) {
      loops.push({ columns, radius: { lower: Infinity, upper: Infinity }, feedback: Infinity });
      continue;
    }
    const radius = spectralRadius(A, columns, diagonal);
    loops.push({ columns, radius, feedback: radius.lower >= 1 ? Infinity : 1 / (1 - radius.lower) });
  }
  return loops;
}

/** ρ(Z) of one component by power iteration on (I + Z)/2, bracketed by Collatz–Wielandt bounds. */
export function spectralRadius(
  A: CscMatrix,
  columns: number[],
  diagonal: Float64Array,
): { lower: number; upper: number } {
  const m = columns.length;
  const local = new Map(columns.map((j, k) => [j, k]));
  // Z of the component, column by column, in local numbering
  const ptr = [0];
  const rows: number[] = [];
  const vals: number[] = [];
  for (const j of columns) {
    for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) {
      const i = local.get(A.rowIdx[p]);
      if (i === undefined || A.rowIdx[p] === j || A.values[p] >= 0) continue;
      rows.push(i);
      vals.push(-A.values[p] / diagonal[j]);
    }
    ptr.push(rows.length);
  }
  let x = new Float64Array(m).fill(1);
  let lower = 0,
    upper = Infinity;
  for (let step = 0; step < MAX_STEPS; step++) {
    const y = new Float64Array(m);
    for (let c = 0; c < m; c++) {
      const xc = x[c];
      y[c] += xc / 2;
      for (let p = ptr[c]; p < ptr[c + 1]; p++) y[rows[p]] += (vals[p] * xc) / 2;
    }
    let lo = Infinity,
      hi = 0,
      norm = 0;
    for (let i = 0; i < m; i++) {
      const r = y[i] / x[i];
      if (r < lo) lo = r;
      if (r > hi) hi = r;
      if (y[i] > norm) norm = y[i];
    }
    // ρ(Z) = 2ρ(B) − 1; the bounds only tighten
    lower = Math.max(lower, 2 * lo - 1);
    upper = Math.min(upper, 2 * hi - 1);
    if (upper - lower <= TOLERANCE * Math.max(1, upper)) break;
    for (let i = 0; i < m; i++) y[i] /= norm;
    x = y;
  }
  return { lower, upper };
}
