import type { CscMatrix } from './csc.ts';
import { blockTriangular, maxTransversal } from './btf.ts';
import { IllConditionedError, SingularMatrixError } from './errors.ts';
import { approximateMinimumDegree } from './amd.ts';
import { DenseLu, usablePivot } from './dense.ts';

/**
 * Sparse LU in the manner of KLU: block triangular form, a minimum-degree ordering inside each
 * block, and left-looking (Gilbert–Peierls) LU with partial pivoting that prefers the diagonal.
 * A block that is dense already in A (an input-output table inside a process database) is
 * factorized by the dense kernel (dense.ts) instead. Only diagonal blocks are factorized; the
 * entries above them (F) are used as they are.
 *
 * Every index below is a "step": position k of the permuted matrix A(rowAt, colAt), which is
 * block upper triangular and whose diagonal blocks equal L·U.
 */

export interface FactorizeOptions {
  /** a diagonal pivot is kept while |a_kk| ≥ tol · max|a_ik| (KLU's default 0.001) */
  pivotTolerance?: number;
}

export interface FactorStats {
  n: number;
  nnzA: number;
  /** strictly lower entries of L (unit diagonal not stored) */
  nnzL: number;
  /** strictly upper entries of U inside diagonal blocks, plus the diagonal */
  nnzU: number;
  /** entries above the diagonal blocks, used without factorization */
  nnzOffBlock: number;
  blocks: number;
  singletons: number;
  largestBlock: number;
  /** blocks factorized by the dense kernel */
  denseBlocks: number;
  /** numeric refactorizations that had to pivot afresh because the kept pivots became unstable */
  repivots: number;
}

export interface Factorization {
  readonly n: number;
  /** x with A x = b */
  solve(b: ArrayLike<number>): Float64Array;
  /** x with Aᵀ x = b */
  solveTranspose(b: ArrayLike<number>): Float64Array;
  /** new values on the same pattern (A.values order): reuses ordering, blocks and pivots */
  refactor(values: Float64Array): void;
  readonly stats: FactorStats;
}

/**
 * A block goes to the dense kernel when it has at least this many columns and this share of its
 * entries present in A: its LU would be full anyway, and dense loops beat sparse bookkeeping.
 */
const DENSE_MIN_SIZE = 16;
const DENSE_MIN_SHARE = 0.25;
/** an L entry this large means the kept pivot no longer dominates: pivot again */
const GROWTH_LIMIT = 1e8;

export function factorize(A: CscMatrix, opts: FactorizeOptions = {}): Factorization {
  if (A.nRows !== A.nCols) throw new Error(`factorize: the matrix is ${A.nRows}×${A.nCols}, not square`);
  const symbolic = analyse(A);
  const numeric = new Numeric(A, symbolic, opts.pivotTolerance ?? 0.001);
  numeric.factorWithPivoting(A.values);
  return numeric;
}

/** The structure-only part: orderings and blocks depend on the pattern, never on values. */
interface Symbolic {
  n: number;
  /** colAt[k]: the column of A at step k */
  colAt: Int32Array;
  /** matchedRow[k]: the row matched to colAt[k] (the structural diagonal) */
  matchedRow: Int32Array;
  /** blockStart[b]..blockStart[b+1]−1 are the steps of block b */
  blockStart: Int32Array;
  /** blockOf[k]: the block of step k */
  blockOf: Int32Array;
  /** dense[b]: 1 when block b is factorized by the dense kernel */
  dense: Uint8Array;
}

function analyse(A: CscMatrix): Symbolic {
  const n = A.nCols;
  const { rowOf, unmatchedColumns, unmatchedRows } = maxTransversal(A);
  if (unmatchedColumns.length) {
    throw new SingularMatrixError(
      `structurally singular: ${unmatchedColumns.length} column(s) cannot be matched to a row of their own`,
      unmatchedColumns,
      unmatchedRows,
    );
  }
  const { order, start } = blockTriangular(A, rowOf);
  const colOfRow = new Int32Array(n);
  for (let j = 0; j < n; j++) colOfRow[rowOf[j]] = j;
  const colAt = new Int32Array(n);
  const blockOf = new Int32Array(n);
  const local = new Int32Array(n).fill(-1);
  const dense = new Uint8Array(start.length - 1);
  for (let b = 0; b + 1 < start.length; b++) {
    const b0 = start[b],
      size = start[b + 1] - b0;
    for (let k = b0; k < b0 + size; k++) blockOf[k] = b;
    if (size === 1) {
      colAt[b0] = order[b0];
      continue;
    }
    for (let t = 0; t < size; t++) local[order[b0 + t]] = t;
    if (size >= DENSE_MIN_SIZE && blockEntries(A, order, b0, size, local, colOfRow) >= DENSE_MIN_SHARE * size * size) {
      // a dense LU fills every position whatever the column order
      dense[b] = 1;
      for (let t = 0; t < size; t++) colAt[b0 + t] = order[b0 + t];
    } else {
      const elim = approximateMinimumDegree(blockGraph(A, order, b0, size, local, colOfRow));
      for (let t = 0; t < size; t++) colAt[b0 + t] = order[b0 + elim[t]];
    }
    for (let t = 0; t < size; t++) local[order[b0 + t]] = -1;
  }
  const matchedRow = colAt.map((j) => rowOf[j]);
  return { n, colAt, matchedRow, blockStart: start, blockOf, dense };
}

/** the number of entries of A inside a block */
function blockEntries(
  A: CscMatrix,
  order: Int32Array,
  b0: number,
  size: number,
  local: Int32Array,
  colOfRow: Int32Array,
): number {
  let count = 0;
  for (let t = 0; t < size; t++) {
    const j = order[b0 + t];
    for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) if (local[colOfRow[A.rowIdx[p]]] >= 0) count++;
  }
  return count;
}

/** the pattern of block + blockᵀ without the diagonal, in local numbering, each edge once per end */
function blockGraph(
  A: CscMatrix,
  order: Int32Array,
  b0: number,
  size: number,
  local: Int32Array,
  colOfRow: Int32Array,
): number[][] {
  const neighbours: number[][] = Array.from({ length: size }, () => []);
  for (let t = 0; t < size; t++) {
    const j = order[b0 + t];
    for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) {
      const u = local[colOfRow[A.rowIdx[p]]];
      if (u < 0 || u === t) continue;
      neighbours[t].push(u);
      neighbours[u].push(t);
    }
  }
  return neighbours.map((a) => [...new Set(a)]);
}

/** Appendable column storage on typed arrays. */
class Columns {
  ptr: Int32Array;
  idx = new Int32Array(16);
  val = new Float64Array(16);
  size = 0;
  constructor(n: number) {
    this.ptr = new Int32Array(n + 1);
  }
  push(i: number, v: number) {
    if (this.size === this.idx.length) {
      const idx = new Int32Array(this.size * 2);
      idx.set(this.idx);
      this.idx = idx;
      const val = new Float64Array(this.size * 2);
      val.set(this.val);
      this.val = val;
    }
    this.idx[this.size] = i;
    this.val[this.size++] = v;
  }
  /** column k ends here */
  close(k: number) {
    this.ptr[k + 1] = this.size;
  }
  reset() {
    this.size = 0;
  }
}

class Numeric implements Factorization {
  readonly n: number;
  /** L: unit lower triangular inside blocks, row indices are steps */
  private L: Columns;
  /** U: strictly upper inside blocks, per column in the topological order of the elimination */
  private U: Columns;
  private Udiag: Float64Array;
  /** F: entries above the diagonal blocks */
  private F: Columns;
  /** position in A.values of each F entry, for refactor */
  private fPos = new Int32Array(0);
  /** rowAt[k]: the row of A pivoted at step k; stepOfRow is its inverse */
  private rowAt: Int32Array;
  private stepOfRow: Int32Array;
  private x: Float64Array;
  /** denseOf[b]: the dense kernel of block b, when it is dense */
  private denseOf: (DenseLu | undefined)[];
  private repivots = 0;
  /** false after a failed factorization: the next refactor pivots afresh and solves refuse */
  private valid = false;

  constructor(
    private readonly A: CscMatrix,
    private readonly sym: Symbolic,
    private readonly tol: number,
  ) {
    const n = (this.n = sym.n);
    this.L = new Columns(n);
    this.U = new Columns(n);
    this.F = new Columns(n);
    this.Udiag = new Float64Array(n);
    this.rowAt = new Int32Array(n);
    this.stepOfRow = new Int32Array(n);
    this.x = new Float64Array(n);
    this.denseOf = Array.from(sym.dense, (d, b) =>
      d ? new DenseLu(sym.blockStart[b + 1] - sym.blockStart[b]) : undefined,
    );
  }

  get stats(): FactorStats {
    const sizes = [];
    for (let b = 0; b + 1 < this.sym.blockStart.length; b++)
      sizes.push(this.sym.blockStart[b + 1] - this.sym.blockStart[b]);
    const dense = this.denseOf.filter((d) => d !== undefined);
    const denseTriangles = dense.reduce((sum, { m }) => sum + (m * (m - 1)) / 2, 0);
    return {
      n: this.n,
      nnzA: this.A.colPtr[this.n],
      nnzL: this.L.size + denseTriangles,
      nnzU: this.U.size + denseTriangles + this.n,
      nnzOffBlock: this.F.size,
      blocks: sizes.length,
      singletons: sizes.filter((s) => s === 1).length,
      largestBlock: Math.max(0, ...sizes),
      denseBlocks: dense.length,
      repivots: this.repivots,
    };
  }

  /**
   * Left-looking LU with threshold partial pivoting. During elimination rows are named by
   * their structural-diagonal step ("M-rows"); once every pivot is chosen they are renamed to
   * the step they were pivoted at.
   */
  factorWithPivoting(values: Float64Array) {
    this.valid = false;
    const { n, sym, A, L, U, F, x } = this;
    const { colAt, matchedRow, blockOf } = sym;
    const mRowOf = new Int32Array(n);
    for (let k = 0; k < n; k++) mRowOf[matchedRow[k]] = k;
    const pinv = new Int32Array(n).fill(-1);
    const mark = new Int32Array(n).fill(-1);
    const xi = new Int32Array(n);
    const stack = new Int32Array(n);
    const pos = new Int32Array(n);
    const fPos: number[] = [];
    L.reset();
    U.reset();
    F.reset();
    for (let k = 0; k < n; k++) {
      const j = colAt[k],
        b = blockOf[k];
      const dense = this.denseOf[b];
      if (dense) {
        k = this.factorDenseBlock(b, dense, values, mRowOf, pinv, fPos);
        continue;
      }
      let colMax = 0;
      // reach of column k through the columns of L already computed: xi[top..n) in topological order
      let top = n;
      for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) {
        const i = mRowOf[A.rowIdx[p]];
        const v = values[p];
        if (Math.abs(v) > colMax) colMax = Math.abs(v);
        if (blockOf[i] !== b) {
          F.push(i, v);
          fPos.push(p);
          continue;
        }
        x[i] = v;
        if (mark[i] === k) continue;
        top = this.reach(i, k, pinv, mark, xi, top, stack, pos);
      }
      F.close(k);
      // numeric: eliminate with every pivoted row in the reach, in topological order
      for (let px = top; px < n; px++) {
        const i = xi[px];
        const s = pinv[i];
        if (s < 0) continue;
        const xs = x[i];
        U.push(s, xs);
        x[i] = 0;
        if (xs === 0) continue;
        for (let p = L.ptr[s]; p < L.ptr[s + 1]; p++) x[L.idx[p]] -= L.val[p] * xs;
      }
      U.close(k);
      // pivot: the structural diagonal if it is large enough, else the largest candidate
      let best = -1,
        bestAbs = -1;
      for (let px = top; px < n; px++) {
        const i = xi[px];
        if (pinv[i] >= 0) continue;
        const a = Math.abs(x[i]);
        if (a > bestAbs) {
          bestAbs = a;
          best = i;
        }
      }
      const diag = mark[k] === k && pinv[k] < 0 ? k : -1;
      const pivotRow = diag >= 0 && Math.abs(x[diag]) >= this.tol * bestAbs ? diag : best;
      const pivot = pivotRow >= 0 ? x[pivotRow] : 0;
      this.checkPivot(pivot, colMax, k, b);
      pinv[pivotRow] = k;
      this.Udiag[k] = pivot;
      for (let px = top; px < n; px++) {
        const i = xi[px];
        if (pinv[i] >= 0) {
          x[i] = 0;
          continue;
        }
        L.push(i, x[i] / pivot);
        x[i] = 0;
      }
      L.close(k);
    }
    for (let p = 0; p < L.size; p++) L.idx[p] = pinv[L.idx[p]];
    for (let p = 0; p < F.size; p++) F.idx[p] = pinv[F.idx[p]];
    for (let i = 0; i < n; i++) {
      this.rowAt[pinv[i]] = matchedRow[i];
      this.stepOfRow[matchedRow[i]] = pinv[i];
    }
    this.fPos = Int32Array.from(fPos);
    this.valid = true;
  }

  /**
   * The whole of dense block b: its entries into the kernel, the entries above it into F. Its
   * rows keep their structural-diagonal steps (the kernel permutes inside the block), so F
   * entries of later columns that point into it need no renaming. Returns the block's last step.
   */
  private factorDenseBlock(
    b: number,
    dense: DenseLu,
    values: Float64Array,
    mRowOf: Int32Array,
    pinv: Int32Array,
    fPos: number[],
  ): number {
    const { A, F, L, U, sym } = this;
    const b0 = sym.blockStart[b],
      b1 = sym.blockStart[b + 1];
    dense.clear();
    for (let k = b0; k < b1; k++) {
      const j = sym.colAt[k];
      const col = (k - b0) * dense.m;
      let colMax = 0;
      for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) {
        const i = mRowOf[A.rowIdx[p]];
        const v = values[p];
        if (Math.abs(v) > colMax) colMax = Math.abs(v);
        if (sym.blockOf[i] === b) {
          dense.lu[col + i - b0] += v;
          continue;
        }
        F.push(i, v);
        fPos.push(p);
      }
      dense.colMax[k - b0] = colMax;
      F.close(k);
      U.close(k);
      L.close(k);
      pinv[k] = k;
    }
    const failed = dense.factor(this.tol);
    if (failed >= 0) this.checkPivot(dense.pivotAt(failed), dense.colMax[failed], b0 + failed, b);
    return b1 - 1;
  }

  /** new values into dense block b (rows at their structural steps); false when it has no usable pivots */
  private refactorDenseBlock(b: number, dense: DenseLu, values: Float64Array): boolean {
    const { A, sym, stepOfRow } = this;
    const b0 = sym.blockStart[b],
      b1 = sym.blockStart[b + 1];
    dense.clear();
    for (let k = b0; k < b1; k++) {
      const j = sym.colAt[k];
      const col = (k - b0) * dense.m;
      let colMax = 0;
      for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) {
        const s = stepOfRow[A.rowIdx[p]];
        const v = values[p];
        if (Math.abs(v) > colMax) colMax = Math.abs(v);
        if (sym.blockOf[s] === b) dense.lu[col + s - b0] += v;
      }
      dense.colMax[k - b0] = colMax;
    }
    return dense.factor(this.tol) < 0;
  }

  /** depth-first search from M-row i through L; finished rows are placed at xi[--top] */
  private reach(
    i0: number,
    k: number,
    pinv: Int32Array,
    mark: Int32Array,
    xi: Int32Array,
    top: number,
    stack: Int32Array,
    pos: Int32Array,
  ): number {
    const { L } = this;
    let head = 0;
    stack[0] = i0;
    mark[i0] = k;
    const s0 = pinv[i0];
    pos[0] = s0 < 0 ? 0 : L.ptr[s0];
    while (head >= 0) {
      const i = stack[head];
      const s = pinv[i];
      let descended = false;
      if (s >= 0) {
        const end = L.ptr[s + 1];
        while (pos[head] < end) {
          const r = L.idx[pos[head]++];
          if (mark[r] === k) continue;
          mark[r] = k;
          head++;
          stack[head] = r;
          const sr = pinv[r];
          pos[head] = sr < 0 ? 0 : L.ptr[sr];
          descended = true;
          break;
        }
      }
      if (descended) continue;
      head--;
      xi[--top] = i;
    }
    return top;
  }

  private checkPivot(pivot: number, colMax: number, k: number, b: number) {
    if (usablePivot(pivot, colMax)) return;
    this.x.fill(0);
    const columns = this.blockColumns(b, k);
    const rows = [this.sym.matchedRow[k]];
    if (pivot === 0 || !Number.isFinite(pivot)) {
      throw new SingularMatrixError(
        `numerically singular: column ${this.sym.colAt[k]} has no usable pivot in its block of ${columns.length} column(s)`,
        columns,
        rows,
      );
    }
    throw new IllConditionedError(
      `ill-conditioned: the pivot of column ${this.sym.colAt[k]} is ${pivot.toExponential(2)}, rounding noise against entries of ${colMax.toExponential(2)}`,
      columns,
      rows,
    );
  }

  /** the columns of block b, column of step `first` first */
  private blockColumns(b: number, first: number): number[] {
    const { colAt, blockStart } = this.sym;
    const cols = [colAt[first]];
    for (let k = blockStart[b]; k < blockStart[b + 1]; k++) if (k !== first) cols.push(colAt[k]);
    return cols;
  }

  refactor(values: Float64Array) {
    if (values.length !== this.A.values.length)
      throw new Error('refactor: the number of values differs from the pattern');
    if (!this.valid || !this.refactorKeepingPivots(values)) {
      this.repivots++;
      this.factorWithPivoting(values);
    }
  }

  /** same pivots, new numbers; false when a kept pivot has become too small to trust */
  private refactorKeepingPivots(values: Float64Array): boolean {
    const { n, sym, A, L, U, F, x, Udiag, stepOfRow, fPos } = this;
    const { colAt, blockOf } = sym;
    for (let p = 0; p < F.size; p++) F.val[p] = values[fPos[p]];
    for (let k = 0; k < n; k++) {
      const j = colAt[k],
        b = blockOf[k];
      const dense = this.denseOf[b];
      if (dense) {
        // a dense block pivots afresh every time: choosing pivots is cheap beside its elimination
        if (!this.refactorDenseBlock(b, dense, values)) return false;
        k = sym.blockStart[b + 1] - 1;
        continue;
      }
      let colMax = 0;
      for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) {
        const s = stepOfRow[A.rowIdx[p]];
        const v = values[p];
        if (Math.abs(v) > colMax) colMax = Math.abs(v);
        if (blockOf[s] === b) x[s] = v;
      }
      for (let p = U.ptr[k]; p < U.ptr[k + 1]; p++) {
        const s = U.idx[p];
        const xs = x[s];
        U.val[p] = xs;
        x[s] = 0;
        if (xs === 0) continue;
        for (let q = L.ptr[s]; q < L.ptr[s + 1]; q++) x[L.idx[q]] -= L.val[q] * xs;
      }
      const pivot = x[k];
      x[k] = 0;
      let ok = usablePivot(pivot, colMax);
      for (let q = L.ptr[k]; q < L.ptr[k + 1]; q++) {
        const r = L.idx[q];
        const l = x[r] / pivot;
        x[r] = 0;
        L.val[q] = l;
        if (!(Math.abs(l) < GROWTH_LIMIT)) ok = false;
      }
      Udiag[k] = pivot;
      if (!ok) {
        x.fill(0);
        return false;
      }
    }
    return true;
  }

  private assertValid() {
    if (!this.valid) throw new Error('the last factorization failed; refactor with usable values before solving');
  }

  solve(b: ArrayLike<number>): Float64Array {
    this.assertValid();
    const { n, L, U, F, Udiag, rowAt, sym } = this;
    if (b.length !== n) throw new Error(`solve: right-hand side has ${b.length} entries, the matrix ${n} rows`);
    const y = new Float64Array(n);
    for (let k = 0; k < n; k++) y[k] = b[rowAt[k]];
    const { blockStart } = sym;
    for (let blk = blockStart.length - 2; blk >= 0; blk--) {
      const b0 = blockStart[blk],
        b1 = blockStart[blk + 1];
      const dense = b1 - b0 === 1 ? undefined : this.denseOf[blk];
      if (b1 - b0 === 1) {
        y[b0] /= Udiag[b0];
      } else if (dense) {
        dense.solveInPlace(y, b0);
      } else {
        for (let k = b0; k < b1; k++) {
          const yk = y[k];
          if (yk === 0) continue;
          for (let p = L.ptr[k]; p < L.ptr[k + 1]; p++) y[L.idx[p]] -= L.val[p] * yk;
        }
        for (let k = b1 - 1; k >= b0; k--) {
          const yk = (y[k] /= Udiag[k]);
          if (yk === 0) continue;
          for (let p = U.ptr[k]; p < U.ptr[k + 1]; p++) y[U.idx[p]] -= U.val[p] * yk;
        }
      }
      for (let k = b0; k < b1; k++) {
        const yk = y[k];
        if (yk === 0) continue;
        for (let p = F.ptr[k]; p < F.ptr[k + 1]; p++) y[F.idx[p]] -= F.val[p] * yk;
      }
    }
    const out = new Float64Array(n);
    for (let k = 0; k < n; k++) out[sym.colAt[k]] = y[k];
    return out;
  }

  solveTranspose(b: ArrayLike<number>): Float64Array {
    this.assertValid();
    const { n, L, U, F, Udiag, rowAt, sym } = this;
    if (b.length !== n)
      throw new Error(`solveTranspose: right-hand side has ${b.length} entries, the matrix ${n} columns`);
    const c = new Float64Array(n);
    for (let k = 0; k < n; k++) c[k] = b[sym.colAt[k]];
    const { blockStart } = sym;
    for (let blk = 0; blk + 1 < blockStart.length; blk++) {
      const b0 = blockStart[blk],
        b1 = blockStart[blk + 1];
      for (let k = b0; k < b1; k++) {
        let s = c[k];
        for (let p = F.ptr[k]; p < F.ptr[k + 1]; p++) s -= F.val[p] * c[F.idx[p]];
        c[k] = s;
      }
      const dense = this.denseOf[blk];
      if (dense) {
        dense.solveTransposeInPlace(c, b0);
        continue;
      }
      for (let k = b0; k < b1; k++) {
        let s = c[k];
        for (let p = U.ptr[k]; p < U.ptr[k + 1]; p++) s -= U.val[p] * c[U.idx[p]];
        c[k] = s / Udiag[k];
      }
      for (let k = b1 - 1; k >= b0; k--) {
        let s = c[k];
        for (let p = L.ptr[k]; p < L.ptr[k + 1]; p++) s -= L.val[p] * c[L.idx[p]];
        c[k] = s;
      }
    }
    const out = new Float64Array(n);
    for (let k = 0; k < n; k++) out[rowAt[k]] = c[k];
    return out;
  }
}
