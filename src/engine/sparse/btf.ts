import type { CscMatrix } from './csc.ts';

/**
 * Block triangular form: a row matching that puts a nonzero on every diagonal position (maximum
 * transversal), then the strongly connected components of the matched graph. Solving block by
 * block means only the loops of the technosphere (e.g. electricity ↔ fuels) are factorized as
 * systems; every process outside a loop is a 1×1 block solved by one division.
 */

export interface Matching {
  /** rowOf[j]: the row matched to column j, or −1 */
  rowOf: Int32Array;
  /** columns that could not be matched (structurally singular when non-empty) */
  unmatchedColumns: number[];
  unmatchedRows: number[];
}

/** Maximum transversal by augmenting paths (depth-first, iterative), seeded with the diagonal. */
export function maxTransversal(A: CscMatrix): Matching {
  const n = A.nCols;
  const m = A.nRows;
  const rowOf = new Int32Array(n).fill(-1);
  const colOf = new Int32Array(m).fill(-1);
  const { colPtr, rowIdx } = A;
  // cheap pass: the diagonal, then any free row
  for (let j = 0; j < n; j++) {
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
      if (rowIdx[p] === j && colOf[j] < 0) {
        rowOf[j] = j;
        colOf[j] = j;
        break;
      }
    }
  }
  for (let j = 0; j < n; j++) {
    if (rowOf[j] >= 0) continue;
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
      const i = rowIdx[p];
      if (colOf[i] < 0) {
        rowOf[j] = i;
        colOf[i] = j;
        break;
      }
    }
  }
  const visited = new Int32Array(m).fill(-1);
  const stackCol = new Int32Array(n);
  const stackPos = new Int32Array(n);
  const viaRow = new Int32Array(n);
  for (let start = 0; start < n; start++) {
    if (rowOf[start] >= 0) continue;
    let top = 0;
    stackCol[0] = start;
    stackPos[0] = colPtr[start];
    let found = -1;
    while (top >= 0 && found < 0) {
      const j = stackCol[top];
      let advanced = false;
      for (let p = stackPos[top]; p < colPtr[j + 1]; p++) {
        const i = rowIdx[p];
        if (visited[i] === start) continue;
        visited[i] = start;
        stackPos[top] = p + 1;
        viaRow[top] = i;
        if (colOf[i] < 0) {
          found = top;
          break;
        }
        top++;
        stackCol[top] = colOf[i];
        stackPos[top] = colPtr[colOf[i]];
        advanced = true;
        break;
      }
      if (found >= 0) break;
      if (!advanced) top--;
    }
    if (found < 0) continue;
    for (let t = found; t >= 0; t--) {
      const j = stackCol[t],
        i = viaRow[t];
      rowOf[j] = i;
      colOf[i] = j;
    }
  }
  const unmatchedColumns: number[] = [];
  const unmatchedRows: number[] = [];
  for (let j = 0; j < n; j++) if (rowOf[j] < 0) unmatchedColumns.push(j);
  for (let i = 0; i < m; i++) if (colOf[i] < 0) unmatchedRows.push(i);
  return { rowOf, unmatchedColumns, unmatchedRows };
}

export interface BlockForm {
  /** order[k]: the column placed at position k */
  order: Int32Array;
  /** block b holds positions start[b]..start[b+1]−1; blocks are in upper triangular order */
  start: Int32Array;
}

/**
 * Strongly connected components (Tarjan, iterative) of the graph j → i for every entry
 * A(rowOf⁻¹ …) — i.e. column j needs the product of column i. Tarjan emits a component only
 * after every component it reaches, which is exactly the order that makes the permuted matrix
 * block upper triangular.
 */
export function blockTriangular(A: CscMatrix, rowOf: Int32Array): BlockForm {
  const n = A.nCols;
  const colOfRow = new Int32Array(A.nRows).fill(-1);
  for (let j = 0; j < n; j++) colOfRow[rowOf[j]] = j;
  const { colPtr, rowIdx } = A;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callPos = new Int32Array(n);
  const order = new Int32Array(n);
  const starts: number[] = [0];
  let sp = 0,
    counter = 0,
    placed = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    let depth = 0;
    callNode[0] = root;
    callPos[0] = colPtr[root];
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth];
      let descended = false;
      while (callPos[depth] < colPtr[v + 1]) {
        const w = colOfRow[rowIdx[callPos[depth]++]];
        if (w < 0 || w === v) continue;
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callPos[depth] = colPtr[w];
          descended = true;
          break;
        }
        if (onStack[w] && index[w] < low[v]) low[v] = index[w];
      }
      if (descended) continue;
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          order[placed++] = w;
        } while (w !== v);
        starts.push(placed);
      }
      depth--;
      if (depth >= 0) {
        const u = callNode[depth];
        if (low[v] < low[u]) low[u] = low[v];
      }
    }
  }
  return { order, start: Int32Array.from(starts) };
}
