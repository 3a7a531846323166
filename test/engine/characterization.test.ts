import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { characterize, isGhgLike } from '../../src/engine/characterization.ts';
import { getMethod } from '../../src/factors/gwp.ts';
import { importJsonLd } from '../../src/formats/jsonld.ts';
import type { Flow } from '../../src/model/lci.ts';

const ar6 = getMethod('ipcc-ar6-gwp100');
const ar5 = getMethod('ipcc-ar5-gwp100');

const AIR = ['Elementary flows', 'air', 'unspecified'];
let counter = 0;
function flow(name: string, category: string[] = AIR, extra: Partial<Flow> = {}): Flow {
  return { id: `f${++counter}`, name, kind: 'elementary', category, propertyId: 'mass', unit: 'kg', ...extra };
}

function one(method: typeof ar6, f: Flow) {
  const r = characterize(method, [f]);
  return { factor: r.factors[0], unmatched: r.unmatched[0], r };
}

const close = (a: number, b: number) =>
  assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)), `expected ${b}, got ${a}`);

test('CO2: fossil, unspecified, biogenic, land use change', () => {
  for (const [name, line] of [
    ['Carbon dioxide, fossil', 'fossil'],
    ['Carbon dioxide', 'fossil'],
    ['Carbon dioxide (fossil)', 'fossil'],
    ['Carbon dioxide [Inorganic emissions to air]', 'fossil'],
    ['Carbon dioxide, biogenic', 'biogenic'],
    ['Carbon dioxide, non-fossil', 'biogenic'],
    ['Carbon dioxide, from soil or biomass stock', 'landUseChange'],
    ['Carbon dioxide, land transformation', 'landUseChange'],
  ] as const) {
    const { factor } = one(ar6, flow(name));
    assert.ok(factor, name);
    assert.equal(factor.factor, 1, name);
    assert.equal(factor.line, line, name);
    assert.equal(factor.substance, 'carbon dioxide');
  }
});

test('CO2 taken from air is −1 on biogenicRemovals', () => {
  for (const f of [
    flow('Carbon dioxide, in air', ['Elementary flows', 'resource', 'in air']),
    flow('Carbon dioxide, in air', ['resource', 'biotic']),
    flow('Carbon dioxide', ['natural resource', 'in air']),
  ]) {
    const { factor } = one(ar6, f);
    assert.deepEqual(
      { factor: factor.factor, line: factor.line },
      { factor: -1, line: 'biogenicRemovals' },
      f.category.join('/'),
    );
  }
  // CO2 stored in soil by land use change is a credit on the LUC line
  const luc = one(ar6, flow('Carbon dioxide, to soil or biomass stock', ['soil', 'unspecified'])).factor;
  assert.deepEqual({ factor: luc.factor, line: luc.line }, { factor: -1, line: 'landUseChange' });
});

test('methane fossil, non-fossil and unspecified, AR6 and AR5', () => {
  const cases: [string, string, number, number][] = [
    ['Methane, fossil', 'fossil', 29.8, 30],
    ['Methane (fossil)', 'fossil', 29.8, 30],
    ['Methane, non-fossil', 'biogenic', 27.0, 28],
    ['Methane, biogenic', 'biogenic', 27.0, 28],
    ['Methane', 'fossil', 27.9, 28],
    ['Methane [Organic emissions to air]', 'fossil', 27.9, 28],
    ['Methane, from soil or biomass stock', 'landUseChange', 29.8, 30],
  ];
  for (const [name, line, v6, v5] of cases) {
    const a = one(ar6, flow(name)).factor;
    const b = one(ar5, flow(name)).factor;
    assert.ok(a && b, name);
    assert.equal(a.line, line, name);
    assert.equal(a.factor, v6, `${name} AR6`);
    assert.equal(b.factor, v5, `${name} AR5`);
  }
});

test('N2O, SF6, NF3, HFCs and PFCs by the names databases use', () => {
  const cases: [string, number][] = [
    ['Dinitrogen monoxide', 273],
    ['Nitrous oxide', 273],
    ['Nitrous oxide (laughing gas) [Inorganic emissions to air]', 273],
    ['Sulfur hexafluoride', 24300],
    ['Sulphur hexafluoride', 24300],
    ['Nitrogen fluoride', 17400],
    ['Nitrogen trifluoride', 17400],
    ['Ethane, 1,1,1,2-tetrafluoro-, HFC-134a', 1530],
    ['HFC-134a', 1530],
    ['Methane, trifluoro-, HFC-23', 14600],
    ['Methane, difluoro-, HFC-32', 771],
    ['Ethane, 1,1-difluoro-, HFC-152a', 164],
    ['1,1,1,3,3-Pentafluoropropane, HFC-245fa', 962],
    ['Methane, tetrafluoro-, CFC-14', 7380],
    ['Methane, tetrafluoro-, FC-14', 7380],
    ['Carbon tetrafluoride', 7380],
    ['Ethane, hexafluoro-, HFC-116', 12400],
    ['Propane, perfluoro-', 9290],
  ];
  for (const [name, v] of cases) {
    const { factor, unmatched } = one(ar6, flow(name));
    assert.ok(factor, `${name}: ${unmatched?.reason}`);
    assert.equal(factor.factor, v, name);
    assert.equal(factor.line, 'fossil', name);
  }
  // by CAS and by formula when the name is unfamiliar
  assert.equal(one(ar6, flow('R-744 refrigerant', AIR, { cas: '000124-38-9' })).factor.factor, 1);
  assert.equal(one(ar6, flow('laughing gas, medical', AIR, { formula: 'N2O' })).factor.factor, 273);
});

test('isomers and codes outside the table are not matched to a neighbour', () => {
  // HFC-143 (1,1,2-trifluoroethane) is not HFC-143a
  const { factor, unmatched } = one(ar6, flow('Ethane, trifluoro-, HFC-143'));
  assert.equal(factor, undefined);
  assert.match(unmatched.reason, /HFC143/);
  // HFC-134 shares C2H2F4 with HFC-134a
  assert.equal(one(ar6, flow('Ethane, 1,1,2,2-tetrafluoro-', AIR, { formula: 'C2H2F4' })).factor, undefined);
});

test('GHG-like flows without a factor are listed with a reason', () => {
  const cases: [Flow, RegExp][] = [
    [flow('Carbon dioxide', ['Elementary flows', 'water', 'unspecified']), /water.*air only/],
    [flow('Carbon dioxide, fossil', ['soil', 'agricultural']), /soil/],
    [flow('Methane, trichlorofluoro-, CFC-11'), /CFC11/],
    [flow('Methane, dichlorodifluoro-, CFC-12'), /CFC12/],
    [flow('Methane, chlorodifluoro-, HCFC-22'), /HCFC22/],
    [flow('Methane, bromotrifluoro-, Halon 1301'), /HALON1301/],
    [flow('Carbon monoxide, fossil'), /no AR6 GWP100/],
    [flow('CFCs and HCFCs, unspecified'), /no AR6 GWP100/],
    [flow('Methane, biogenic', ['Elementary Flows']), /no compartment/],
    [flow('Carbon dioxide, biogenic', ['Elementary flows', 'unspecified']), /no compartment/],
    [flow('Dinitrogen monoxide', AIR, { unit: 'm3', propertyId: 'volume' }), /not a mass unit/],
    [flow('Carbon dioxide', ['resource', 'in ground']), /not from air/],
    [flow('Methane', ['resource', 'in ground']), /resource extraction/],
  ];
  for (const [f, reason] of cases) {
    const { factor, unmatched } = one(ar6, f);
    assert.equal(factor, undefined, f.name);
    assert.ok(unmatched, `${f.name} listed`);
    assert.equal(unmatched.flowId, f.id);
    assert.equal(unmatched.category, f.category.join('/'));
    assert.match(unmatched.reason, reason, `${f.name}: ${unmatched.reason}`);
  }
});

test('flows that are not greenhouse gases, and products, are ignored', () => {
  const r = characterize(ar6, [
    flow('Nitrogen oxides'),
    flow('Sulfur dioxide'),
    flow('NMVOC, non-methane volatile organic compounds, unspecified origin'),
    flow('Hydrocarbons (other than methane)'),
    flow('Hydrogen chloride'),
    flow('Methanesulfonic acid'),
    flow('Chlorothalonil'),
    flow('Carbon dioxide', [], { kind: 'product' }),
  ]);
  assert.deepEqual(r, { factors: [], unmatched: [] });
  assert.ok(isGhgLike('Methane, dichloro-, HCC-30'));
  assert.ok(!isGhgLike('Silicon tetrafluoride'));
});

test('emissions to the stratosphere go on the aircraft line', () => {
  for (const cat of [
    ['air', 'stratosphere'],
    ['Elementary flows', 'Emission to air', 'lower stratosphere + upper troposphere'],
  ]) {
    const co2 = one(ar6, flow('Carbon dioxide, fossil', cat)).factor;
    assert.deepEqual({ f: co2.factor, line: co2.line }, { f: 1, line: 'aircraft' });
    const n2o = one(ar6, flow('Dinitrogen monoxide', cat)).factor;
    assert.deepEqual({ f: n2o.factor, line: n2o.line }, { f: 273, line: 'aircraft' });
  }
});

test('compartment spellings of openLCA, USLCI and EcoSpold2', () => {
  for (const cat of [
    ['Elementary flows', 'Emission to air', 'unspecified'],
    ['Elementary flows', 'air', 'unspecified'],
    ['air', 'urban air close to ground'],
    ['air', 'low population density, long-term'],
    ['Elementary Flows', 'NETL Coal Elementary Flows', 'NETL Elementary Flows', 'Emission to air'],
  ]) {
    assert.equal(one(ar6, flow('Carbon dioxide, fossil', cat)).factor?.factor, 1, cat.join('/'));
  }
});

test('factors are scaled to the flow unit', () => {
  close(one(ar6, flow('Methane, fossil', AIR, { unit: 'g' })).factor.factor, 0.0298);
  close(one(ar6, flow('Carbon dioxide, fossil', AIR, { unit: 't' })).factor.factor, 1000);
  close(one(ar6, flow('Carbon dioxide, fossil', AIR, { unit: 'lb' })).factor.factor, 0.45359237);
  close(one(ar6, flow('Dinitrogen monoxide', AIR, { unit: 'mg' })).factor.factor, 273e-6);
  close(one(ar6, flow('Carbon dioxide, in air', ['resource', 'in air'], { unit: 'g' })).factor.factor, -0.001);
});

// ---------------------------------------------------------------- the real US LCI database

const USLCI = fileURLToPath(new URL('../../../shared/data/uslci/uslci-olca1.5-jsonld.zip', import.meta.url));

test(
  'US LCI: the main greenhouse gases are all characterised',
  { skip: !existsSync(USLCI) && 'US LCI zip not present' },
  async () => {
    const flows = (await importJsonLd(USLCI)).flows.filter((f) => f.kind === 'elementary');
    const { factors, unmatched } = characterize(ar6, flows);
    const byId = new Map(factors.map((f) => [f.flowId, f]));
    const toAir = (f: Flow) =>
      f.category.some((c) => /\bair\b/i.test(c)) && !f.category.some((c) => /^resource/i.test(c));
    for (const name of [
      'Carbon dioxide, fossil',
      'Methane, fossil',
      'Methane',
      'Dinitrogen monoxide',
      'Sulfur hexafluoride',
      'Carbon dioxide, biogenic',
    ]) {
      const matching = flows.filter((f) => f.name.trim() === name && toAir(f));
      assert.ok(matching.length > 0, `US LCI has ${name} to air`);
      for (const f of matching) assert.ok(byId.has(f.id), `${name} (${f.category.join('/')}) is characterised`);
    }
    for (const f of flows.filter((x) => x.name === 'Carbon dioxide, in air')) {
      assert.deepEqual(
        { factor: byId.get(f.id)?.factor, line: byId.get(f.id)?.line },
        { factor: -1, line: 'biogenicRemovals' },
        f.category.join('/'),
      );
    }
    for (const u of unmatched) {
      assert.ok(u.reason.trim().length > 0, `${u.name} has a reason`);
      assert.ok(
        !(u.name.trim() === 'Carbon dioxide, fossil' && /\bair\b/i.test(u.category)),
        `${u.name} (${u.category}) must not be unmatched`,
      );
    }
    // spot checks on the lines
    const lineOf = (name: string, cat: string) =>
      byId.get(flows.find((f) => f.name === name && f.category.join('/').endsWith(cat))!.id)?.line;
    assert.equal(lineOf('Carbon dioxide, fossil', 'air/stratosphere'), 'aircraft');
    assert.equal(lineOf('Carbon dioxide, land transformation', 'air/unspecified'), 'landUseChange');
    assert.equal(lineOf('Methane, biogenic', 'air/high population density'), 'biogenic');
    if (process.env.TANJI_VERBOSE) {
      console.log(`US LCI: ${factors.length} characterised, ${unmatched.length} GHG-like unmatched`);
      for (const u of unmatched) console.log(`  ${u.name} [${u.category}]: ${u.reason}`);
    }
  },
);
