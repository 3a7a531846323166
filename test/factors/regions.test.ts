import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCsv } from '../../src/factors/csv.ts';
import { getRegion, regionChain, REGIONS, UnknownRegionError } from '../../src/factors/regions.ts';

test('31 provinces, 7 grids, CN and GLO', () => {
  const count = (level: string) => REGIONS.filter((r) => r.level === level).length;
  assert.deepEqual([count('province'), count('grid'), count('national'), count('global')], [31, 7, 1, 1]);
});

test('province chains follow province-grid.csv up to CN and GLO', () => {
  for (const row of readCsv('province-grid.csv').rows) {
    const chain = regionChain(row.values.province).map((r) => r.code);
    if (row.values.province === 'CN-XZ') continue;
    assert.deepEqual(chain, [row.values.province, row.values.grid, 'CN', 'GLO']);
  }
  assert.deepEqual(
    regionChain('CN-SC').map((r) => r.level),
    ['province', 'grid', 'national', 'global'],
  );
});

test('Tibet falls back to the national level, as the grid-factor table documents', () => {
  assert.deepEqual(
    regionChain('CN-XZ').map((r) => r.code),
    ['CN-XZ', 'CN', 'GLO'],
  );
});

test('regions by code in any case or by name', () => {
  assert.equal(getRegion('cn-sc').code, 'CN-SC');
  assert.equal(getRegion('四川').code, 'CN-SC');
  assert.equal(getRegion('Sichuan').code, 'CN-SC');
  assert.equal(getRegion('西南').code, 'CN-SOUTHWEST');
});

test('an unknown code is an error that says how to find codes', () => {
  assert.throws(
    () => regionChain('CN-XX'),
    (e: unknown) => e instanceof UnknownRegionError && /ISO 3166-2:CN/.test(e.message) && /CN-SC 四川/.test(e.message),
  );
});
