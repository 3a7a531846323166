import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { getMethod, loadMethods } from '../../src/factors/gwp.ts';
import { parseCsv } from '../../src/factors/csv.ts';
import { ImpactMethodSchema } from '../../src/model/method.ts';

const csv = parseCsv(readFileSync(new URL('../../src/factors/data/gwp100.csv', import.meta.url), 'utf8'));
const header = csv[0];
const row = (substance: string) => {
  const r = csv.find((x) => x[0] === substance);
  assert.ok(r, `${substance} in gwp100.csv`);
  return { ar6: Number(r[header.indexOf('ar6_gwp100')]), ar5: Number(r[header.indexOf('ar5_gwp100')]) };
};

test('both GWP100 methods load and validate', () => {
  const methods = loadMethods();
  assert.deepEqual(
    methods.map((m) => [m.id, m.gwpSet, m.unit]),
    [
      ['ipcc-ar6-gwp100', 'AR6', 'kg CO2e'],
      ['ipcc-ar5-gwp100', 'AR5', 'kg CO2e'],
    ],
  );
  for (const m of methods) {
    ImpactMethodSchema.parse(m);
    assert.equal(m.entries.length, csv.length - 1);
    assert.match(m.source, m.gwpSet === 'AR6' ? /AR6.*7\.SM\.7/ : /AR5.*8\.A\.1/);
    for (const e of m.entries) {
      assert.ok(e.cas && /^\d+-\d\d-\d$/.test(e.cas), `${e.substance} has a CAS number`);
      assert.ok(e.aliases && e.aliases.length > 0, `${e.substance} has aliases`);
      assert.ok(e.gwp100 > 0);
    }
  }
});

test('methane values come from the CSV', () => {
  const ar6 = getMethod('ipcc-ar6-gwp100');
  const ar5 = getMethod('ipcc-ar5-gwp100');
  const gwp = (m: typeof ar6, s: string) => m.entries.find((e) => e.substance === s)!.gwp100;
  for (const s of [
    'methane (fossil)',
    'methane (non-fossil / biogenic)',
    'methane (unspecified)',
    'carbon dioxide',
    'nitrous oxide',
  ]) {
    assert.equal(gwp(ar6, s), row(s).ar6, s);
    assert.equal(gwp(ar5, s), row(s).ar5, s);
  }
  assert.equal(gwp(ar6, 'methane (fossil)'), 29.8);
  assert.equal(gwp(ar5, 'methane (fossil)'), 30);
  assert.equal(gwp(ar6, 'nitrous oxide'), 273);
  assert.equal(gwp(ar6, 'carbon dioxide'), 1);
});

test('an unknown method id names the known ones', () => {
  assert.throws(
    () => getMethod('ipcc-ar4-gwp100'),
    (err: Error) =>
      /ipcc-ar4-gwp100/.test(err.message) && /ipcc-ar6-gwp100/.test(err.message) && /ipcc-ar5-gwp100/.test(err.message),
  );
});

test('parseCsv handles quotes, doubled quotes, embedded commas and CRLF', () => {
  assert.deepEqual(parseCsv('a,b,c\r\n"x, y","say ""hi""",\r\n"multi\nline",2,3'), [
    ['a', 'b', 'c'],
    ['x, y', 'say "hi"', ''],
    ['multi\nline', '2', '3'],
  ]);
});
