/**
 * Compressed sparse column matrices on typed arrays: the one storage format of the engine.
 * Row indices within a column are sorted and unique after `fromTriplets`.
 */
export interface CscMatrix {
  readonly nRows: number;
  readonly nCols: number;
  /** colPtr[j]..colPtr[j+1] index the entries of column j; length nCols + 1 */
  readonly colPtr: Int32Array;
  readonly rowIdx: Int32Array;
  readonly values: Float64Array;
}

/** Builds a CSC matrix from (row, col, value) triplets; duplicates are summed, explicit zeros kept. */
export function fromTriplets(
  nRows: number,
  nCols: number,
  rows: ArrayLike<number>,
  cols: ArrayLike<number>,
  vals: ArrayLike<number>,
): CscMatrix {
  const nnzIn = rows.length;
  if (cols.length !== nnzIn || vals.length !== nnzIn)
    throw new Error('fromTriplets: rows, cols and vals differ in length');
  const count = new Int32Array(nCols + 1);
  for (let k = 0; k < nnzIn; k++) {
    const c = cols[k],
      r = rows[k];
    if (c < 0 || c >= nCols || r < 0 || r >= nRows)
      throw new Error(`fromTriplets: entry (${r}, ${c}) outside ${nRows}×${nCols}`);
    count[c + 1]++;
  }
  for (let j = 0; j < nCols; j++) count[j + 1] += count[j];
  const next = count.slice(0, nCols);
  const ri = new Int32Array(nnzIn);
  const vv = new Float64Array(nnzIn);
  for (let k = 0; k < nnzIn; k++) {
    const p = next[cols[k]]++;
    ri[p] = rows[k];
    vv[p] = vals[k];
  }
  // sort each column by row (insertion sort: columns are short) and sum duplicates in place
  const colPtr = new Int32Array(nCols + 1);
  let out = 0;
  for (let j = 0; j < nCols; j++) {
    const start = count[j],
      end = count[j + 1];
    for (let p = start + 1; p < end; p++) {
      const r = ri[p],
        v = vv[p];
      let q = p - 1;
      while (q >= start && ri[q] > r) {
        ri[q + 1] = ri[q];
        vv[q + 1] = vv[q];
        q--;
      }
      ri[q + 1] = r;
      vv[q + 1] = v;
    }
    colPtr[j] = out;
    for (let p = start; p < end; p++) {
      if (out > colPtr[j] && ri[out - 1] === ri[p]) {
        vv[out - 1] += vv[p];
      } else {
        ri[out] = ri[p];
        vv[out] = vv[p];
        out++;
      }
    }
  }
  colPtr[nCols] = out;
  return { nRows, nCols, colPtr, rowIdx: ri.slice(0, out), values: vv.slice(0, out) };
}

/** y = M x */
export function multiply(m: CscMatrix, x: ArrayLike<number>): Float64Array {
  const y = new Float64Array(m.nRows);
  for (let j = 0; j < m.nCols; j++) {
    const xj = x[j];
    if (xj === 0) continue;
    for (let p = m.colPtr[j]; p < m.colPtr[j + 1]; p++) y[m.rowIdx[p]] += m.values[p] * xj;
  }
  return y;
}

/** y = Mᵀ x */
export function multiplyTranspose(m: CscMatrix, x: ArrayLike<number>): Float64Array {
  const y = new Float64Array(m.nCols);
  for (let j = 0; j < m.nCols; j++) {
    let s = 0;
    for (let p = m.colPtr[j]; p < m.colPtr[j + 1]; p++) s += m.values[p] * x[m.rowIdx[p]];
    y[j] = s;
  }
  return y;
}

/** Mᵀ as a new CSC matrix (equivalently, M in CSR). */
export function transpose(m: CscMatrix): CscMatrix {
  const nnz = m.colPtr[m.nCols];
  const count = new Int32Array(m.nRows + 1);
  for (let p = 0; p < nnz; p++) count[m.rowIdx[p] + 1]++;
  for (let i = 0; i < m.nRows; i++) count[i + 1] += count[i];
  const colPtr = count.slice();
  const next = count.slice(0, m.nRows);
  const rowIdx = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  for (let j = 0; j < m.nCols; j++) {
    for (let p = m.colPtr[j]; p < m.colPtr[j + 1]; p++) {
      const q = next[m.rowIdx[p]]++;
      rowIdx[q] = j;
      values[q] = m.values[p];
    }
  }
  return { nRows: m.nCols, nCols: m.nRows, colPtr, rowIdx, values };
}

/** Same pattern, new values: used by Monte Carlo to refill a matrix without rebuilding its structure. */
export function withValues(m: CscMatrix, values: Float64Array): CscMatrix {
  if (values.length !== m.values.length) throw new Error('withValues: value count differs from the pattern');
  return { nRows: m.nRows, nCols: m.nCols, colPtr: m.colPtr, rowIdx: m.rowIdx, values };
}
