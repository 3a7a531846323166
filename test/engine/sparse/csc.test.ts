import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromTriplets, multiply, multiplyTranspose, transpose } from '../../../src/engine/sparse/csc.ts';

test('fromTriplets sorts rows within columns, sums duplicates and keeps explicit zeros', () => {
  const m = fromTriplets(3, 2, [2, 0, 2, 1, 2, 0], [0, 0, 0, 1, 0, 1], [1, 2, 3, 0, 4, 5]);
  assert.deepEqual([...m.colPtr], [0, 2, 4]);
  assert.deepEqual([...m.rowIdx], [0, 2, 0, 1]);
  assert.deepEqual([...m.values], [2, 8, 5, 0]);
});

test('products and transpose agree with the dense definitions', () => {
  const m = fromTriplets(2, 3, [0, 1, 1, 0], [0, 0, 2, 1], [1, 2, 3, 4]);
  // dense: [[1, 4, 0], [2, 0, 3]]
  assert.deepEqual([...multiply(m, [1, 1, 1])], [5, 5]);
  assert.deepEqual([...multiplyTranspose(m, [1, 2])], [5, 4, 6]);
  const t = transpose(m);
  assert.deepEqual([...multiply(t, [1, 2])], [5, 4, 6]);
});
