import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getPcr } from '../../src/rules/pcr/index.ts';
import { studyFromPcr } from '../../src/rules/pcr-study.ts';
import { cliInTempStore } from './run.ts';

/** `tanji pcr` as a user runs it: the library, one rule, and a study file checked against its rule. */

const { data, tanji } = cliInTempStore('tanji-pcr-');

test('tanji pcr list and show', () => {
  const list = tanji('pcr', 'list', '--lang', 'en');
  assert.equal(list.code, 0, list.err);
  assert.match(list.out, /eu-battery-ev +1\.0 +Electric vehicle battery/);
  const show = tanji('pcr', 'show', 'pv-module', '--lang', 'zh');
  assert.equal(show.code, 0, show.err);
  assert.match(show.out, /声明单位: 1 kWp 峰值功率 = peak_power_W \/ 1000 kWp/);
  assert.match(show.out, /T\/GDCPA 013-2023.*（未核实）/);
  const unknown = tanji('pcr', 'show', 'nope');
  assert.equal(unknown.code, 1);
  assert.match(unknown.err, /no product category rule "nope"/);
});

test('tanji pcr check names what a study file lacks and exits 1', () => {
  const study = studyFromPcr(getPcr('eu-battery-ev'), {
    name: 'pack',
    product: { name: 'pack' },
    parameters: { capacity_kWh: 75, km_per_year: 15_000 },
    releases: { lci: 'uslci', factors: '2026.1' },
    year: 2025,
    lang: 'en',
  });
  const file = join(data, 'pack.json');
  writeFileSync(file, JSON.stringify(study));
  const r = tanji('pcr', 'check', file, '--lang', 'en');
  assert.equal(r.code, 1);
  assert.match(r.out, /does not conform/);
  assert.match(
    r.out,
    /✗ \[eu-battery-ev \/ mandatory-data\] Cathode active material is still a placeholder to complete/,
  );
  assert.match(r.err, /does not conform to eu-battery-ev 1\.0/);
});
