import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromTriplets, multiply, multiplyTranspose, type CscMatrix } from '../../../src/engine/sparse/csc.ts';
import { DenseLu } from '../../../src/engine/sparse/dense.ts';
import { factorize } from '../../../src/engine/sparse/lu.ts';
import { IllConditionedError, SingularMatrixError } from '../../../src/engine/sparse/errors.ts';

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** a kernel holding the row-major matrix `rows` */
function kernel(rows: number[][]): DenseLu {
  const m = rows.length;
  const d = new DenseLu(m);
  d.clear();
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) {
      d.lu[i + j * m] = rows[i][j];
      d.colMax[j] = Math.max(d.colMax[j], Math.abs(rows[i][j]));
    }
  return d;
}

/** raw material processes of `ioSystem`: they take nothing, every sector takes from them */
const RAW = 3;

/**
 * An input-output table as a technosphere block: each of `sectors` columns makes one unit and
 * takes a little of every sector (all entries present) and of `RAW` raw material processes; then
 * `chain` processes outside the loop each take from an earlier process. One dense block, the rest
 * singletons, entries above the block on both sides.
 */
function ioSystem(seed: number, sectors: number, chain: number): CscMatrix {
  const r = lcg(seed);
  const n = sectors + chain + RAW;
  const rows: number[] = [],
    cols: number[] = [],
    vals: number[] = [];
  for (let j = 0; j < sectors; j++) {
    for (let i = 0; i < sectors; i++) {
      rows.push(i);
      cols.push(j);
      vals.push(i === j ? 1 - 0.1 * r() : (-0.9 * r()) / sectors);
    }
    for (let i = n - RAW; i < n; i++) {
      rows.push(i);
      cols.push(j);
      vals.push(-r());
    }
  }
  for (let j = sectors; j < n - RAW; j++) {
    rows.push(j, Math.floor(r() * j));
    cols.push(j, j);
    vals.push(1, -r());
  }
  for (let j = n - RAW; j < n; j++) {
    rows.push(j);
    cols.push(j);
    vals.push(2);
  }
  return fromTriplets(n, n, rows, cols, vals);
}

function maxRelResidual(A: CscMatrix, x: Float64Array, b: Float64Array, transpose = false): number {
  const ax = transpose ? multiplyTranspose(A, x) : multiply(A, x);
  let num = 0,
    den = 0;
  for (let i = 0; i < b.length; i++) {
    num = Math.max(num, Math.abs(ax[i] - b[i]));
    den = Math.max(den, Math.abs(b[i]));
  }
  return num / den;
}

test('dense kernel: a hand-worked 3×3 system, forward and transposed', () => {
  // [[2, 1, 1], [4, 3, 3], [8, 7, 9]] x = [4, 10, 24] has x = [1, 1, 1]; its transpose with [14, 11, 13] too
  const A = [
    [2, 1, 1],
    [4, 3, 3],
    [8, 7, 9],
  ];
  const d = kernel(A);
  assert.equal(d.factor(0.001), -1);
  const y = Float64Array.from([4, 10, 24]);
  d.solveInPlace(y, 0);
  for (const v of y) assert.ok(Math.abs(v - 1) < 1e-14, `${[...y]}`);
  const r = Float64Array.from([14, 11, 13]);
  d.solveTransposeInPlace(r, 0);
  for (const v of r) assert.ok(Math.abs(v - 1) < 1e-14, `${[...r]}`);
});

test('dense kernel: the diagonal is kept while it is within the tolerance, else the largest entry is taken', () => {
  // column 0 holds 1 on the diagonal and 4 below it: tolerance 0.001 keeps the diagonal, 0.5 does not
  const A = [
    [1, 2],
    [4, 1],
  ];
  const keep = kernel(A);
  assert.equal(keep.factor(0.001), -1);
  assert.deepEqual([...keep.perm], [0, 1]);
  assert.equal(keep.pivotAt(0), 1);
  const swap = kernel(A);
  assert.equal(swap.factor(0.5), -1);
  assert.deepEqual([...swap.perm], [1, 0]);
  assert.equal(swap.pivotAt(0), 4);
  for (const d of [keep, swap]) {
    const y = Float64Array.from([5, 6]);
    d.solveInPlace(y, 0);
    // x0 + 2 x1 = 5, 4 x0 + x1 = 6 → x0 = 1, x1 = 2
    assert.ok(Math.abs(y[0] - 1) < 1e-15 && Math.abs(y[1] - 2) < 1e-15, `${[...y]}`);
  }
});

test('dense kernel: a zero diagonal is pivoted around', () => {
  const d = kernel([
    [0, 1, 0],
    [1, 0, 0],
    [0, 0, 3],
  ]);
  assert.equal(d.factor(0.001), -1);
  const y = Float64Array.from([2, 5, 9]);
  d.solveInPlace(y, 0);
  assert.deepEqual([...y], [5, 2, 3]);
});

test('dense kernel: a singular matrix reports the column without a pivot', () => {
  // column 2 = column 0 + column 1
  const d = kernel([
    [1, 2, 3],
    [2, 1, 3],
    [1, 1, 2],
  ]);
  const failed = d.factor(0.001);
  assert.equal(failed, 2);
  assert.ok(Math.abs(d.pivotAt(failed)) < 1e-15);
});

test('factorize uses the dense kernel for an input-output block: residuals below 1e-12, forward and transposed', () => {
  for (let seed = 1; seed <= 20; seed++) {
    const A = ioSystem(seed, 16 + seed * 3, 40);
    const lu = factorize(A);
    assert.equal(lu.stats.denseBlocks, 1, `seed ${seed}`);
    assert.equal(lu.stats.largestBlock, 16 + seed * 3);
    const r = lcg(seed);
    const b = Float64Array.from({ length: A.nRows }, () => r() - 0.5);
    assert.ok(maxRelResidual(A, lu.solve(b), b) < 1e-12, `seed ${seed}: forward residual`);
    assert.ok(maxRelResidual(A, lu.solveTranspose(b), b, true) < 1e-12, `seed ${seed}: transposed residual`);
  }
});

test('a loop too sparse for the dense kernel stays with the sparse LU', () => {
  // a ring of 40 processes: one block, 80 of 1600 entries
  const n = 40;
  const rows: number[] = [],
    cols: number[] = [],
    vals: number[] = [];
  for (let j = 0; j < n; j++) {
    rows.push(j, (j + 1) % n);
    cols.push(j, j);
    vals.push(1, -0.5);
  }
  const lu = factorize(fromTriplets(n, n, rows, cols, vals));
  assert.equal(lu.stats.largestBlock, n);
  assert.equal(lu.stats.denseBlocks, 0);
});

test('refactor of a dense block pivots afresh: a diagonal that becomes zero is pivoted around', () => {
  const A = ioSystem(5, 20, 10);
  const lu = factorize(A);
  // the first sector's own output drops to zero: its diagonal entry cannot be the pivot
  const values = A.values.slice();
  values[A.colPtr[0]] = 0;
  lu.refactor(values);
  const A2 = { ...A, values };
  const b = Float64Array.from({ length: A.nRows }, (_, i) => 1 + (i % 3));
  assert.ok(maxRelResidual(A2, lu.solve(b), b) < 1e-12);
  assert.ok(maxRelResidual(A2, lu.solveTranspose(b), b, true) < 1e-12);
  const fresh = factorize(A2).solve(b);
  const x = lu.solve(b);
  for (let i = 0; i < b.length; i++) assert.ok(Math.abs(x[i] - fresh[i]) <= 1e-12 * Math.max(1, Math.abs(fresh[i])));
});

test('a singular dense block is refused naming every column of the block', () => {
  const sectors = 18;
  const A = ioSystem(3, sectors, 5);
  // the last sector becomes the sum of the first two: the block loses rank, the chain does not
  const values = A.values.slice();
  for (let i = 0; i < sectors; i++) {
    const at = (j: number) => A.colPtr[j] + i;
    values[at(sectors - 1)] = values[at(0)] + values[at(1)];
  }
  const singular = { ...A, values };
  assert.throws(
    () => factorize(singular),
    (err: unknown) =>
      (err instanceof SingularMatrixError || err instanceof IllConditionedError) &&
      [...err.columns].sort((a, b) => a - b).join() === Array.from({ length: sectors }, (_, j) => j).join(),
  );
  const lu = factorize(A);
  assert.throws(
    () => lu.refactor(values),
    (err: unknown) => err instanceof SingularMatrixError || err instanceof IllConditionedError,
  );
  assert.throws(() => lu.solve(new Float64Array(A.nRows)), /last factorization failed/);
});
