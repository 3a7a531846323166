import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REGIONS } from '../../src/factors/regions.ts';
import { en } from '../../web/src/i18n/en.ts';
import { zh } from '../../web/src/i18n/zh.ts';
import { STUDY_REGIONS } from '../../web/src/lib/regions.ts';
import { GRID_COLS, GRID_ROWS, TILE_GRID } from '../../web/src/map/tileGrid.ts';

const provinces = REGIONS.filter((r) => r.level === 'province');

test('every province has its own tile and nothing else has one', () => {
  assert.deepEqual(Object.keys(TILE_GRID).sort(), provinces.map((p) => p.code).sort());
  const cells = Object.values(TILE_GRID).map((t) => `${t.row},${t.col}`);
  assert.equal(new Set(cells).size, cells.length, 'two provinces share a tile');
  for (const t of Object.values(TILE_GRID))
    assert.ok(t.row >= 0 && t.row < GRID_ROWS && t.col >= 0 && t.col < GRID_COLS);
});

test("the web app's region names are those of src/factors", () => {
  for (const p of provinces) {
    const r = STUDY_REGIONS.find((s) => s.code === p.code);
    assert.deepEqual(r && [r.zh, r.en], [p.nameZh, p.nameEn], p.code);
  }
});

test('both languages use the same placeholders in every message', () => {
  const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
  for (const key of Object.keys(zh) as (keyof typeof zh)[]) assert.deepEqual(params(en[key]), params(zh[key]), key);
});
