import { fromTriplets, type CscMatrix } from '../src/engine/sparse/csc.ts';

/**
 * The scaled benchmark database: USLCI replicated once per Chinese province (31 copies) with
 * inter-provincial supply links, the shape the provincial background database will have.
 *
 * Construction, for provinces p = 0..30 and every entry A[k][j] of USLCI:
 * - diagonal entries (a process's own product) are copied into province p;
 * - every input (off-diagonal entry) of a process in province p is supplied 1 − share from
 *   province p and `share` from the next province (p + 1 mod 31), so the provinces form a ring of
 *   trade and every loop of USLCI becomes one loop across all 31 provinces;
 * - B is block diagonal: each copy emits what its USLCI original emits.
 * The result has 31·n processes (23,746 for USLCI's 766) and about 1.8× the entries per column.
 */
export function replicateAcrossProvinces(
  A: CscMatrix,
  B: CscMatrix,
  provinces = 31,
  share = 0.2,
): { A: CscMatrix; B: CscMatrix } {
  const n = A.nCols;
  const ar: number[] = [],
    ac: number[] = [],
    av: number[] = [];
  const br: number[] = [],
    bc: number[] = [],
    bv: number[] = [];
  for (let p = 0; p < provinces; p++) {
    const q = (p + 1) % provinces;
    for (let j = 0; j < n; j++) {
      const col = p * n + j;
      for (let t = A.colPtr[j]; t < A.colPtr[j + 1]; t++) {
        const k = A.rowIdx[t],
          v = A.values[t];
        if (k === j || v > 0) {
          (ar.push(p * n + k), ac.push(col), av.push(v));
        } else {
          (ar.push(p * n + k), ac.push(col), av.push((1 - share) * v));
          (ar.push(q * n + k), ac.push(col), av.push(share * v));
        }
      }
      for (let t = B.colPtr[j]; t < B.colPtr[j + 1]; t++) (br.push(B.rowIdx[t]), bc.push(col), bv.push(B.values[t]));
    }
  }
  return {
    A: fromTriplets(n * provinces, n * provinces, ar, ac, av),
    B: fromTriplets(B.nRows, n * provinces, br, bc, bv),
  };
}
