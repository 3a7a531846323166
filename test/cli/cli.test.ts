import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { USLCI_ECOSPOLD2, USLCI_JSONLD } from '../uslci.ts';
import { cliInTempStore } from './run.ts';

const { data, tanji } = cliInTempStore('tanji-cli-');

const GRID = 'Electricity, at Grid, US, 2008';
/** USLCI states little uncertainty; this steel chain has triangular, uniform and pedigree-scored exchanges */
const STEEL = 'Steel plate; Blast furnace route; Production mix; 85% recovery rate';

before(() => {
  const r = tanji('import', USLCI_JSONLD, '--name', 'uslci');
  assert.equal(r.code, 0, r.err);
});

test('--help everywhere', () => {
  const top = tanji('--help');
  assert.equal(top.code, 0);
  for (const cmd of ['import', 'list', 'calc', 'calc-all', 'contributions', 'montecarlo', 'export-matrix', 'methods']) {
    assert.match(top.out, new RegExp(`\\b${cmd}\\b`));
    const h = tanji(cmd, '--help');
    assert.equal(h.code, 0, h.err);
    assert.match(h.out, /Usage: tanji/);
  }
});

test('calc --json follows the contract', () => {
  const r = tanji('calc', GRID, '--method', 'ipcc-ar6-gwp100', '--amount', '1000', '--json');
  assert.equal(r.code, 0, r.err);
  const out = JSON.parse(r.out);
  assert.equal(out.method, 'ipcc-ar6-gwp100');
  assert.equal(out.unit, 'kg CO2e');
  for (const k of ['fossil', 'biogenic', 'landUseChange', 'aircraft', 'biogenicRemovals'])
    assert.equal(typeof out.lines[k], 'number', k);
  const sum = out.lines.fossil + out.lines.biogenic + out.lines.landUseChange + out.lines.aircraft;
  assert.ok(Math.abs(out.total - sum) < 1e-9 * Math.abs(sum));
  assert.ok(out.lines.biogenicRemovals <= 0);
  const one = JSON.parse(tanji('calc', GRID, '--method', 'ipcc-ar6-gwp100', '--json').out);
  assert.ok(Math.abs(out.total - 1000 * one.total) < 1e-9 * Math.abs(out.total), 'linear in the amount');
  const ar5 = JSON.parse(tanji('calc', one.process.id, '--method', 'ipcc-ar5-gwp100', '--json').out);
  assert.equal(ar5.method, 'ipcc-ar5-gwp100');
  assert.notEqual(ar5.total, one.total);
});

test('calc --amount is in the declared unit (kWh for grid electricity), --unit names another of its group', () => {
  const kwh = JSON.parse(tanji('calc', GRID, '--amount', '1000', '--json').out);
  assert.equal(kwh.productUnit, 'kWh');
  assert.equal(kwh.declaredUnit, 'kWh');
  assert.equal(kwh.flowUnit, 'MJ');
  assert.equal(kwh.flowAmount, 3600);
  const mj = JSON.parse(tanji('calc', GRID, '--amount', '3600', '--unit', 'MJ', '--json').out);
  assert.ok(Math.abs(mj.total - kwh.total) < 1e-9 * kwh.total, `${mj.total} vs ${kwh.total}`);
  const bad = tanji('calc', GRID, '--unit', 'kg');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--unit kg is not a unit of "Electricity, at grid, US, 2008"; its units: .*kWh/);
  // the lists are the calculated system's: each cut-off and choice names a process the grid runs on
  assert.ok(
    Array.isArray(kwh.cutoffs) && kwh.cutoffs.length > 0 && kwh.cutoffs.every((c: { reason: string }) => c.reason),
  );
  assert.equal(kwh.warnings.length, kwh.providerChoices.length);
  for (const w of kwh.warnings) assert.match(w, /^provider chosen among \d+: /);
});

test('calc-all writes one row per process with the contract header, matching calc', () => {
  const file = join(data, 'scores.csv');
  const r = tanji('calc-all', '--method', 'ipcc-ar6-gwp100', '--out', file);
  assert.equal(r.code, 0, r.err);
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  assert.equal(lines[0], 'process_id,process_name,location,unit,total');
  assert.ok(lines.length - 1 >= 766, `${lines.length - 1} rows`);
  const grid = JSON.parse(tanji('calc', GRID, '--json').out);
  const row = lines.find((l) => l.startsWith(grid.process.id + ','))!;
  const total = Number(row.split(',').at(-1));
  assert.ok(Math.abs(total - grid.total) < 1e-9 * Math.abs(grid.total), `${total} vs ${grid.total}`);
  assert.equal(row.split(',').at(-2), 'kWh', 'the unit column is the declared unit');
});

test('contributions: process shares sum to the total, tree and Sankey are well formed', () => {
  const total = JSON.parse(tanji('calc', GRID, '--json').out).total;
  const procs = JSON.parse(tanji('contributions', GRID, '--by', 'process', '--limit', '100000', '--json').out);
  const sum = procs.reduce((s: number, p: { direct: number }) => s + p.direct, 0);
  for (const p of procs)
    assert.ok(
      p.release === 'uslci' && /^uslci.*:processes\//.test(p.dataset),
      'each contribution names its dataset and release',
    );
  assert.ok(Math.abs(sum - total) < 1e-9 * Math.abs(total));
  const tree = JSON.parse(tanji('contributions', GRID, '--by', 'tree', '--json').out);
  assert.ok(Math.abs(tree.total - total) < 1e-9 * Math.abs(total));
  const kids = tree.children.reduce((s: number, k: { total: number }) => s + k.total, 0);
  assert.ok(
    Math.abs(tree.direct + kids + tree.cutoffTotal - tree.total) < 1e-6 * Math.abs(total),
    'a node is its direct part plus its children',
  );
  const flows = JSON.parse(tanji('contributions', GRID, '--by', 'flow', '--limit', '100000', '--json').out);
  assert.ok(
    Math.abs(
      flows.reduce(
        (s: number, f: { result: number; line: string }) => s + (f.line === 'biogenicRemovals' ? 0 : f.result),
        0,
      ) - total,
    ) <
      1e-9 * total,
  );
  const sankey = JSON.parse(tanji('contributions', GRID, '--by', 'sankey', '--json').out);
  assert.ok(sankey.nodes.length > 1 && sankey.links.length > 0);
  for (const l of sankey.links) assert.ok(l.source < sankey.nodes.length && l.target < sankey.nodes.length);
});

test('montecarlo is reproducible with a seed and brackets the deterministic value', () => {
  const run = (seed: string) =>
    JSON.parse(tanji('montecarlo', STEEL, '--iterations', '200', '--seed', seed, '--json').out);
  const a = run('7'),
    b = run('7'),
    c = run('8');
  assert.equal(a.mean, b.mean);
  assert.notEqual(a.mean, c.mean);
  assert.ok(a.uncertainExchanges > 0);
  assert.ok(a.p2_5 <= a.median && a.median <= a.p97_5);
  assert.ok(a.p2_5 < a.deterministic * 1.5 && a.p97_5 > a.deterministic * 0.5);
});

test('export-matrix writes A, B, C and the index files', () => {
  const dir = join(data, 'mtx');
  const r = tanji('export-matrix', '--out', dir);
  assert.equal(r.code, 0, r.err);
  for (const f of ['A.mtx', 'B.mtx', 'C.mtx', 'C_lines.mtx', 'processes.csv', 'flows.csv'])
    assert.ok(existsSync(join(dir, f)), f);
  assert.match(readFileSync(join(dir, 'A.mtx'), 'utf8'), /^%%MatrixMarket matrix coordinate real general/);
});

test('EcoSpold2 imports beside JSON-LD and both databases stay listed', () => {
  const r = tanji('import', USLCI_ECOSPOLD2, '--name', 'uslci-es2', '--json');
  assert.equal(r.code, 0, r.err);
  // 21 of the 767 activities have no reference product and are left out, with a warning
  assert.equal(JSON.parse(r.out).processes, 746);
  const dbs = JSON.parse(tanji('list', 'databases', '--json').out).map((d: { name: string }) => d.name);
  assert.deepEqual(dbs.sort(), ['uslci', 'uslci-es2']);
  const es2 = JSON.parse(tanji('calc', GRID, '--db', 'uslci-es2', '--json').out);
  const jsonld = JSON.parse(tanji('calc', GRID, '--db', 'uslci', '--json').out);
  assert.ok(Math.abs(es2.total - jsonld.total) < 1e-6 * jsonld.total, `${es2.total} vs ${jsonld.total}`);
});

test('a bad file fails with a clear message and leaves stored databases alone', () => {
  const bad = join(data, 'broken.zip');
  writeFileSync(bad, 'this is not a zip');
  const r = tanji('import', bad, '--name', 'uslci');
  assert.notEqual(r.code, 0);
  assert.match(r.err, /broken\.zip/);
  const still = tanji('calc', GRID, '--db', 'uslci', '--json');
  assert.equal(still.code, 0, 'the earlier import is intact');
});

test('unknown process and unknown method are explained', () => {
  const p = tanji('calc', 'Electricity, at grid, Mars', '--json');
  assert.equal(p.code, 2);
  assert.match(p.err, /no process with id or exact name/);
  const m = tanji('calc', GRID, '--method', 'gwp-foo');
  assert.notEqual(m.code, 0);
  assert.match(m.err, /ipcc-ar6-gwp100/);
});

test('calc --lang zh: the headline lines, the amount in words and a refusal in Chinese; --lang en as before', () => {
  const zh = tanji('calc', GRID, '--amount', '1000', '--lang', 'zh');
  assert.equal(zh.code, 0, zh.err);
  assert.match(zh.out, /^Electricity, at Grid, US, 2008.*：1000 千瓦时 \(3600 兆焦\)「/);
  assert.match(zh.out, /\n产品碳足迹，排放 \+ 移除（ISO 14067 3\.1\.1\.1）\s+[\d.]+\n排放合计 /);
  assert.match(zh.out, /\n {2}生物碳移除（不计入合计）/);
  const en = tanji('calc', GRID, '--amount', '1000', '--lang', 'en');
  assert.match(en.out, /: 1000 kilowatt hours \(3600 megajoules\) of /);
  assert.match(en.out, /\nCFP, emissions \+ removals \(ISO 14067 3\.1\.1\.1\)\s+[\d.]+\ntotal emissions /);
  const json = JSON.parse(tanji('calc', GRID, '--json', '--lang', 'zh').out) as { warnings: string[] };
  for (const w of json.warnings) assert.match(w, /供应方/, 'a provider choice in Chinese');
  const unknown = tanji('calc', 'Electricity, at grid, Mars', '--lang', 'zh');
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /^tanji calc: 数据库 \S+ 中没有编号或完整名称为「Electricity, at grid, Mars」的过程/);
  const badOption = tanji('calc', GRID, '--amont', '2', '--lang', 'zh');
  assert.equal(badOption.code, 2);
  assert.match(badOption.err, /命令行参数有误：.*\n请参阅 `tanji calc --help`。/);
});
