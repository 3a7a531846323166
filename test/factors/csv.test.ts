import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commentWith, parseCsvText, readCsv } from '../../src/factors/csv.ts';

test('quoted fields, "" escapes and # comments kept apart', () => {
  const t = parseCsvText(
    '\uFEFF# source: MEE, No.12\r\na,b\r\n"x, y","say ""hi"""\r\n# trailing note\r\n\r\n1,2\r\n',
    't.csv',
  );
  assert.deepEqual(t.comments, ['source: MEE, No.12', 'trailing note']);
  assert.deepEqual(t.header, ['a', 'b']);
  assert.deepEqual(
    t.rows.map((r) => [r.line, r.values]),
    [
      [3, { a: 'x, y', b: 'say "hi"' }],
      [6, { a: '1', b: '2' }],
    ],
  );
  assert.throws(() => parseCsvText('a,b\n1\n', 't.csv'), /t\.csv line 2: 1 fields, the header has 2/);
  assert.throws(() => parseCsvText('a\n"open\n', 't.csv'), /unterminated/);
});

test('the seed tables keep their provenance comments', () => {
  const grid = readCsv('china-grid-co2-2021-2023.csv');
  assert.match(commentWith(grid, 'No.12'), /2024-04-12/);
  assert.match(commentWith(grid, 'Tibet'), /national average/);
  assert.match(commentWith(readCsv('china-electricity-lca.csv'), 'Jan 2025'), /Ministry of Ecology and Environment/);
  assert.throws(() => commentWith(grid, 'not there'), /provenance comment/);
});
