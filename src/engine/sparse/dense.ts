/**
 * Dense LU of one diagonal block: for a loop whose block is (nearly) full, such as an
 * input-output table of 153 sectors inside a process database, a sparse LU fills in completely
 * and pays index arithmetic for every multiply-add. Here the block is a column-major array and
 * the update runs over contiguous memory.
 *
 * Right-looking elimination with threshold partial pivoting that prefers the structural diagonal
 * (the same rule as the sparse LU): P·A = L·U, L unit lower and U upper stored in place.
 */

/** relative size below which a pivot is rounding noise, not a number */
export const VANISHING = 1e3 * Number.EPSILON;

/** a pivot is usable when it is finite and not rounding noise against the largest entry of its column */
export function usablePivot(pivot: number, colMax: number): boolean {
  return pivot !== 0 && Number.isFinite(pivot) && Math.abs(pivot) > VANISHING * colMax;
}

export class DenseLu {
  /** the block, column-major (entry (i, j) at i + j·m); L and U after `factor` */
  readonly lu: Float64Array;
  /** perm[t]: the local row pivoted at position t */
  readonly perm: Int32Array;
  /** the largest |entry| of each column of the whole matrix, for the pivot check */
  readonly colMax: Float64Array;
  private readonly z: Float64Array;

  constructor(readonly m: number) {
    this.lu = new Float64Array(m * m);
    this.perm = new Int32Array(m);
    this.colMax = new Float64Array(m);
    this.z = new Float64Array(m);
  }

  /** clears the block before its entries are written into `lu` and `colMax` */
  clear() {
    this.lu.fill(0);
    this.colMax.fill(0);
  }

  /**
   * Factorizes the block in place. Returns −1, or the first local column without a usable pivot
   * (its best candidate is then at `pivotAt(column)`), leaving the factors incomplete.
   */
  factor(tol: number): number {
    const { m, lu, perm, colMax } = this;
    for (let t = 0; t < m; t++) perm[t] = t;
    for (let k = 0; k < m; k++) {
      const ck = k * m;
      let best = k,
        bestAbs = -1,
        diag = -1;
      for (let i = k; i < m; i++) {
        const a = Math.abs(lu[ck + i]);
        if (a > bestAbs) {
          bestAbs = a;
          best = i;
        }
        if (perm[i] === k) diag = i;
      }
      const p = diag >= 0 && Math.abs(lu[ck + diag]) >= tol * bestAbs ? diag : best;
      if (p !== k) this.swapRows(p, k);
      const pivot = lu[ck + k];
      if (!usablePivot(pivot, colMax[k])) return k;
      for (let i = k + 1; i < m; i++) lu[ck + i] /= pivot;
      // two columns per pass: each entry of column k is loaded once for both
      let j = k + 1;
      for (; j + 1 < m; j += 2) {
        const c1 = j * m,
          c2 = c1 + m;
        const a1 = lu[c1 + k],
          a2 = lu[c2 + k];
        if (a1 === 0 && a2 === 0) continue;
        for (let i = k + 1; i < m; i++) {
          const l = lu[ck + i];
          lu[c1 + i] -= l * a1;
          lu[c2 + i] -= l * a2;
        }
      }
      if (j < m) {
        const cj = j * m;
        const akj = lu[cj + k];
        if (akj !== 0) for (let i = k + 1; i < m; i++) lu[cj + i] -= lu[ck + i] * akj;
      }
    }
    return -1;
  }

  pivotAt(k: number): number {
    return this.lu[k * this.m + k];
  }

  private swapRows(a: number, b: number) {
    const { m, lu, perm } = this;
    for (let c = 0; c < m * m; c += m) {
      const v = lu[c + a];
      lu[c + a] = lu[c + b];
      lu[c + b] = v;
    }
    const t = perm[a];
    perm[a] = perm[b];
    perm[b] = t;
  }

  /** solves A·x = y for y[offset .. offset+m) (block rows, local order), leaving x there */
  solveInPlace(y: Float64Array, offset: number) {
    const { m, lu, perm, z } = this;
    for (let t = 0; t < m; t++) z[t] = y[offset + perm[t]];
    for (let k = 0; k < m; k++) {
      const zk = z[k];
      if (zk === 0) continue;
      const ck = k * m;
      for (let i = k + 1; i < m; i++) z[i] -= lu[ck + i] * zk;
    }
    for (let k = m - 1; k >= 0; k--) {
      const ck = k * m;
      const zk = (z[k] /= lu[ck + k]);
      if (zk === 0) continue;
      for (let i = 0; i < k; i++) z[i] -= lu[ck + i] * zk;
    }
    for (let t = 0; t < m; t++) y[offset + t] = z[t];
  }

  /** solves Aᵀ·w = r for r[offset .. offset+m) (block columns, local order), leaving w there */
  solveTransposeInPlace(r: Float64Array, offset: number) {
    const { m, lu, perm, z } = this;
    for (let k = 0; k < m; k++) {
      const ck = k * m;
      let s = r[offset + k];
      for (let i = 0; i < k; i++) s -= lu[ck + i] * z[i];
      z[k] = s / lu[ck + k];
    }
    for (let k = m - 1; k >= 0; k--) {
      const ck = k * m;
      let s = z[k];
      for (let i = k + 1; i < m; i++) s -= lu[ck + i] * z[i];
      z[k] = s;
    }
    for (let t = 0; t < m; t++) r[offset + perm[t]] = z[t];
  }
}
