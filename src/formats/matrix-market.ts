import type { CscMatrix } from '../engine/sparse/csc.ts';

/** MatrixMarket coordinate format, 1-based, values printed to round-trip exactly. */
export function toMatrixMarket(m: CscMatrix, comment = ''): string {
  const nnz = m.colPtr[m.nCols];
  const out: string[] = ['%%MatrixMarket matrix coordinate real general'];
  if (comment) out.push(`% ${comment.replace(/\n/g, ' ')}`);
  out.push(`${m.nRows} ${m.nCols} ${nnz}`);
  for (let j = 0; j < m.nCols; j++) {
    for (let p = m.colPtr[j]; p < m.colPtr[j + 1]; p++) out.push(`${m.rowIdx[p] + 1} ${j + 1} ${m.values[p]}`);
  }
  return out.join('\n') + '\n';
}

/** A, B and the characterisation row vector c as A.mtx, B.mtx and C.mtx (1 × flows): what an outside solver reads. */
export function lcaMatrixFiles(
  A: CscMatrix,
  B: CscMatrix,
  c: Float64Array,
): Record<'A.mtx' | 'B.mtx' | 'C.mtx', string> {
  const cols = [...c.keys()].filter((e) => c[e] !== 0);
  const C =
    [
      '%%MatrixMarket matrix coordinate real general',
      `1 ${c.length} ${cols.length}`,
      ...cols.map((e) => `1 ${e + 1} ${c[e]}`),
    ].join('\n') + '\n';
  return { 'A.mtx': toMatrixMarket(A), 'B.mtx': toMatrixMarket(B), 'C.mtx': C };
}
