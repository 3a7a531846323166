import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromTriplets, multiply, multiplyTranspose, type CscMatrix } from '../../../src/engine/sparse/csc.ts';
import { factorize } from '../../../src/engine/sparse/lu.ts';
import { IllConditionedError, SingularMatrixError } from '../../../src/engine/sparse/errors.ts';
import { toMatrixMarket } from '../../../src/formats/matrix-market.ts';

/** a small deterministic generator so failures can be replayed */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** a random sparse matrix shaped like a technosphere: a strong diagonal, sparse off-diagonal inputs, some loops */
function randomSystem(seed: number, n: number, density: number, diagonal = 1): CscMatrix {
  const r = lcg(seed);
  const rows: number[] = [],
    cols: number[] = [],
    vals: number[] = [];
  for (let j = 0; j < n; j++) {
    if (r() < diagonal) {
      rows.push(j);
      cols.push(j);
      vals.push(0.5 + r() * 2);
    }
  }
  const nnz = Math.floor(n * density);
  for (let k = 0; k < nnz; k++) {
    rows.push(Math.floor(r() * n));
    cols.push(Math.floor(r() * n));
    vals.push(-r());
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

test('A·x = b and Aᵀ·x = b to 1e-9 on 300 random sparse systems, with and without a full diagonal', () => {
  let solved = 0;
  for (let seed = 1; seed <= 300; seed++) {
    const r = lcg(seed * 7);
    const n = 1 + Math.floor(r() * 120);
    const A = randomSystem(seed, n, 1 + r() * 3, seed % 3 === 0 ? 0.6 : 1);
    let lu;
    try {
      lu = factorize(A);
    } catch (err) {
      assert.ok(err instanceof SingularMatrixError || err instanceof IllConditionedError, `seed ${seed}: ${err}`);
      continue;
    }
    const b = Float64Array.from({ length: n }, () => r() - 0.5);
    assert.ok(maxRelResidual(A, lu.solve(b), b) < 1e-9, `seed ${seed}: forward residual`);
    assert.ok(maxRelResidual(A, lu.solveTranspose(b), b, true) < 1e-9, `seed ${seed}: transposed residual`);
    solved++;
  }
  assert.ok(solved > 200, `only ${solved} of 300 random systems were nonsingular`);
});

test('factor once, solve many: every unit right-hand side of a 400×400 system', () => {
  const A = randomSystem(42, 400, 3);
  const lu = factorize(A);
  for (let j = 0; j < 400; j++) {
    const b = new Float64Array(400);
    b[j] = 1;
    assert.ok(maxRelResidual(A, lu.solve(b), b) < 1e-9);
  }
});

test('block triangular form: a chain of processes is 1×1 blocks; a loop is one block', () => {
  // 0 ← 1 ← 2 (a supply chain), 3 ⇄ 4 (a loop)
  const A = fromTriplets(
    5,
    5,
    [0, 1, 2, 1, 2, 3, 4, 3, 4],
    [0, 1, 2, 0, 1, 3, 4, 4, 3],
    [1, 1, 1, -0.5, -0.2, 1, 1, -0.1, -0.3],
  );
  const lu = factorize(A);
  assert.equal(lu.stats.blocks, 4);
  assert.equal(lu.stats.singletons, 3);
  assert.equal(lu.stats.largestBlock, 2);
  // the chain needs no L at all: only the loop is factorized
  assert.equal(lu.stats.nnzL, 1);
  const s = lu.solve([1, 0, 0, 0, 0]);
  assert.deepEqual([...s], [1, 0.5, 0.1, 0, 0]);
});

test('a hand-worked 3×3 system with a loop, forward and transposed', () => {
  // x0 − 0.5 x1 = 1; x1 − 0.2 x2 = 0; −0.5 x0 + x2 = 0  →  x0 = 1/(1 − 0.05), x1 = 0.2 x2, x2 = 0.5 x0
  const A = fromTriplets(3, 3, [0, 0, 1, 1, 2, 2], [0, 1, 1, 2, 2, 0], [1, -0.5, 1, -0.2, 1, -0.5]);
  const x = factorize(A).solve([1, 0, 0]);
  const x0 = 1 / 0.95;
  assert.ok(Math.abs(x[0] - x0) < 1e-15);
  assert.ok(Math.abs(x[2] - 0.5 * x0) < 1e-15);
  assert.ok(Math.abs(x[1] - 0.1 * x0) < 1e-15);
  const y = factorize(A).solveTranspose([1, 0, 0]);
  assert.ok(maxRelResidual(A, y, Float64Array.from([1, 0, 0]), true) < 1e-15);
});

test('pivoting: a zero structural diagonal is pivoted around', () => {
  // [[0, 1], [1, 1]] has an explicit zero on the diagonal
  const A = fromTriplets(2, 2, [0, 1, 0, 1], [0, 0, 1, 1], [0, 1, 1, 1]);
  const x = factorize(A).solve([2, 3]);
  assert.deepEqual([...x], [1, 2]);
});

test('structurally singular: an empty column is named', () => {
  const A = fromTriplets(3, 3, [0, 1, 0], [0, 1, 1], [1, 1, 2]);
  assert.throws(
    () => factorize(A),
    (err: unknown) => err instanceof SingularMatrixError && err.columns.includes(2) && err.rows.includes(2),
  );
});

test('numerically singular: a product that consumes exactly what it makes names both columns', () => {
  const A = fromTriplets(3, 3, [0, 1, 0, 1, 2], [0, 0, 1, 1, 2], [1, -1, -1, 1, 1]);
  assert.throws(
    () => factorize(A),
    (err: unknown) => err instanceof SingularMatrixError && [...err.columns].sort().join() === '0,1',
  );
});

test('ill-conditioned: a loop that cancels to rounding noise is refused, not solved to garbage', () => {
  const a = 0.9,
    b = 1 / 0.9;
  const A = fromTriplets(2, 2, [0, 1, 0, 1], [0, 0, 1, 1], [1, -a, -b, 1]);
  assert.throws(
    () => factorize(A),
    (err: unknown) =>
      (err instanceof IllConditionedError || err instanceof SingularMatrixError) && err.columns.length === 2,
  );
});

test('refactor: new values on the same pattern give the same answer as a fresh factorization', () => {
  const A = randomSystem(7, 200, 3);
  const lu = factorize(A);
  const r = lcg(99);
  for (let it = 0; it < 50; it++) {
    const values = A.values.map((v) => v * Math.exp(0.3 * (r() - 0.5)));
    lu.refactor(values);
    const A2 = { ...A, values };
    const b = Float64Array.from({ length: 200 }, () => r());
    const x = lu.solve(b);
    const fresh = factorize(A2).solve(b);
    assert.ok(maxRelResidual(A2, x, b) < 1e-9, `iteration ${it}`);
    for (let i = 0; i < 200; i++) assert.ok(Math.abs(x[i] - fresh[i]) <= 1e-9 * Math.max(1, Math.abs(fresh[i])));
  }
});

test('refactor pivots afresh when the kept pivot becomes zero', () => {
  const A = fromTriplets(2, 2, [0, 1, 0, 1], [0, 0, 1, 1], [2, 1, 1, 2]);
  const lu = factorize(A);
  lu.refactor(Float64Array.from([0, 1, 1, 0]));
  assert.deepEqual([...lu.solve([2, 3])], [3, 2]);
  assert.equal(lu.stats.repivots, 1);
});

test('scipy agrees: splu on the same random 2000×2000 matrix, forward and transposed', () => {
  const n = 2000;
  const A = randomSystem(2024, n, 2.5);
  const lu = factorize(A);
  const b = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1));
  const dir = mkdtempSync(join(tmpdir(), 'tanji-lu-'));
  writeFileSync(join(dir, 'A.mtx'), toMatrixMarket(A));
  writeFileSync(join(dir, 'b.txt'), [...b].map((v) => v.toPrecision(17)).join('\n'));
  const script = `
import sys, numpy as np, scipy.io, scipy.sparse as sp, scipy.sparse.linalg as spla
A = sp.csc_matrix(scipy.io.mmread(sys.argv[1] + '/A.mtx')); b = np.loadtxt(sys.argv[1] + '/b.txt')
lu = spla.splu(A)
print('\\n'.join(repr(v) for v in np.concatenate([lu.solve(b), lu.solve(b, trans='T')]).tolist()))`;
  const out = execFileSync('python3', ['-c', script, dir], { encoding: 'utf8', maxBuffer: 1 << 24 })
    .trim()
    .split('\n')
    .map(Number);
  const x = lu.solve(b),
    y = lu.solveTranspose(b);
  for (let i = 0; i < n; i++) {
    assert.ok(Math.abs(x[i] - out[i]) <= 1e-9 * Math.max(1, Math.abs(out[i])), `x[${i}] ${x[i]} vs scipy ${out[i]}`);
    assert.ok(
      Math.abs(y[i] - out[n + i]) <= 1e-9 * Math.max(1, Math.abs(out[n + i])),
      `y[${i}] ${y[i]} vs scipy ${out[n + i]}`,
    );
  }
});
