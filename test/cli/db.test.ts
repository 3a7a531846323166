import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { USLCI_JSONLD } from '../uslci.ts';
import { cliInTempStore } from './run.ts';

const { data, tanji } = cliInTempStore('tanji-db-');

test('db init, import, releases, diff with the effect on a product, export and re-import', () => {
  const init = tanji('db', 'init', '--factors-only', '--json');
  assert.equal(init.code, 0, init.err);
  assert.deepEqual(JSON.parse(init.out.split('\n')[0]).releases, ['2026.1']);
  assert.equal(tanji('db', 'import', USLCI_JSONLD, '--release', 'u1').code, 0);
  const again = tanji('db', 'import', USLCI_JSONLD, '--release', 'u1');
  assert.notEqual(again.code, 0, 'a release number is used once');
  assert.match(again.err, /u1/);
  const releases = JSON.parse(tanji('db', 'releases', '--json').out);
  assert.deepEqual(
    releases.map((r: { number: string }) => r.number),
    ['2026.1', 'u1'],
  );
  assert.equal(releases[1].processes, 766);

  const zip = join(data, 'u1.zip');
  assert.equal(tanji('db', 'export', 'u1', '--format', 'jsonld', '--out', zip).code, 0);
  assert.equal(tanji('db', 'import', zip, '--release', 'u2').code, 0);
  const diff = JSON.parse(
    tanji('db', 'diff', 'u1', 'u2', '--product', '96bffbb9-b875-36cf-8a11-5723c9d239d9', '--json').out,
  );
  assert.deepEqual([diff.datasets.added.length, diff.datasets.removed.length], [0, 0]);
  assert.ok(
    Math.abs(diff.effect.to - diff.effect.from) <= 1e-9 * diff.effect.from,
    'an exported and re-imported release computes the same footprint',
  );

  const csv = join(data, 'seed');
  assert.equal(tanji('db', 'export', '2026.1', '--format', 'csv', '--out', csv).code, 0);
  assert.ok(existsSync(`${csv}-factors.csv`));
  assert.match(readFileSync(`${csv}-factors.csv`, 'utf8'), /cn-electricity-co2\/CN-SC\/2022/);
});

test('a factor CSV edited in a spreadsheet becomes the next release; a bad cell is named and nothing is stored', () => {
  assert.equal(tanji('db', 'init', '--factors-only').code, 0);
  const out = join(data, 'edit');
  assert.equal(tanji('db', 'export', '2026.1', '--format', 'csv', '--out', out).code, 0);
  const original = readFileSync(`${out}-factors.csv`, 'utf8');
  const sichuan = original.split('\n').find((l) => l.includes(',cn-electricity-co2/CN-SC/2022,'))!;
  const edited = original.replace(sichuan, sichuan.replace(',0.1404,', ',0.15,'));
  writeFileSync(join(data, 'next.csv'), edited);
  const r = tanji('db', 'import', join(data, 'next.csv'), '--release', '2026.2');
  assert.equal(r.code, 0, r.err);
  const diff = JSON.parse(tanji('db', 'diff', '2026.1', '2026.2', '--json').out);
  assert.deepEqual(
    diff.factors.changed.map((c: { id: string }) => c.id),
    ['cn-electricity-co2/CN-SC/2022'],
  );
  const sichuan2022 = (...extra: string[]) =>
    JSON.parse(
      tanji(
        'factor',
        'search',
        'electricity',
        '--region',
        'CN-SC',
        '--year',
        '2022',
        '--kind',
        'electricity-co2',
        '--json',
        ...extra,
      ).out,
    )[0];
  assert.deepEqual(
    [sichuan2022().value, sichuan2022().release],
    [0.15, '2026.2'],
    'search reads the newest factor release',
  );
  assert.deepEqual(
    [sichuan2022('--release', '2026.1').value, sichuan2022('--release', '2026.1').release],
    [0.1404, '2026.1'],
    'a pinned release never changes',
  );

  const lines = original.split('\n');
  writeFileSync(
    join(data, 'bad.csv'),
    [lines[0], lines[1], lines[2].replace(/,0\.\d+,kg CO2\/kWh,/, ',abc,kg CO2/kWh,')].join('\n'),
  );
  const bad = tanji('db', 'import', join(data, 'bad.csv'), '--release', '2026.3');
  assert.notEqual(bad.code, 0);
  assert.match(bad.err, /bad\.csv: line 3 .*field "value": expected a number, got "abc"/);
  const releases = JSON.parse(tanji('db', 'releases', '--json').out).map((x: { number: string }) => x.number);
  assert.ok(!releases.includes('2026.3'), 'nothing stored');
});
