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
