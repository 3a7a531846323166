import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importJsonLd } from '../../src/formats/jsonld.ts';
import { importDatabase } from '../../src/formats/index.ts';
import { USLCI_JSONLD } from '../uslci.ts';
import { rejectsNaming, writeFile, writeZip } from './helpers.ts';

const ref = (type: string, id: string, name = id) => ({ '@type': type, '@id': id, name });

/** A minimal olca 1.x database: energy in MJ (reference) and kWh, one flow measured by mass with a heating value. */
function olca(processOverride: (p: any) => void = () => {}): Record<string, string> {
  const energy = { '@id': 'ug-e', name: 'Units of energy', units: [{ '@id': 'u-mj', name: 'MJ', conversionFactor: 1, referenceUnit: true }, { '@id': 'u-kwh', name: 'kWh', conversionFactor: 3.6 }] };
  const mass = { '@id': 'ug-m', name: 'Units of mass', units: [{ '@id': 'u-kg', name: 'kg', conversionFactor: 1, referenceUnit: true }, { '@id': 'u-g', name: 'g', conversionFactor: 0.001 }] };
  const fpE = { '@id': 'fp-e', name: 'Energy', unitGroup: ref('UnitGroup', 'ug-e') };
  const fpM = { '@id': 'fp-m', name: 'Mass', unitGroup: ref('UnitGroup', 'ug-m') };
  // 1 kg of fuel = 40 MJ
  const fuel = {
    '@id': 'f-fuel', name: 'Fuel ', flowType: 'PRODUCT_FLOW',
    flowProperties: [
      { referenceFlowProperty: true, conversionFactor: 1, flowProperty: ref('FlowProperty', 'fp-m') },
      { conversionFactor: 40, flowProperty: ref('FlowProperty', 'fp-e') },
    ],
  };
  const heat = { '@id': 'f-heat', name: 'Heat', flowType: 'PRODUCT_FLOW', flowProperties: [{ referenceFlowProperty: true, conversionFactor: 1, flowProperty: ref('FlowProperty', 'fp-e') }] };
  const co2 = {
    '@id': 'f-co2', name: 'Carbon dioxide, fossil', flowType: 'ELEMENTARY_FLOW', cas: '000124-38-9', category: ref('Category', 'c-air-u'),
    flowProperties: [{ referenceFlowProperty: true, conversionFactor: 1, flowProperty: ref('FlowProperty', 'fp-m') }],
  };
  const cats = [
    { '@id': 'c-root', name: 'Elementary Flows' },
    { '@id': 'c-air', name: 'air', category: ref('Category', 'c-root') },
    { '@id': 'c-air-u', name: 'unspecified', category: ref('Category', 'c-air') },
  ];
  const ex = (internalId: number, flow: string, unit: string, fp: string, amount: unknown, input: boolean, extra: object = {}) =>
    ({ internalId, flow: ref('Flow', flow), unit: ref('Unit', unit), flowProperty: ref('FlowProperty', fp), amount, input, ...extra });
  const boiler: any = {
    '@id': 'p-boiler', name: 'Boiler', location: ref('Location', 'loc-us', 'United States'), category: 'Utilities/Heat',
    processDocumentation: { validFrom: '2010-01-01T00:00:00-07:00' },
    exchanges: [
      ex(1, 'f-heat', 'u-kwh', 'fp-e', 10, false, { quantitativeReference: true }),
      // 80 MJ of fuel written in the energy property: 80 / 40 = 2 kg
      ex(2, 'f-fuel', 'u-mj', 'fp-e', 80, true, { uncertainty: { distributionType: 'TRIANGLE_DISTRIBUTION', minimum: 88, mode: 80, maximum: 72 } }),
      ex(3, 'f-co2', 'u-g', 'fp-m', 5000, false, { uncertainty: { distributionType: 'LOG_NORMAL_DISTRIBUTION', geomMean: 5000, geomSd: 1.5 }, dqEntry: '(1;2;3;4;5)' }),
    ],
  };
  processOverride(boiler);
  const files: Record<string, string> = {};
  const put = (dir: string, o: { '@id': string }) => (files[`${dir}/${o['@id']}.json`] = JSON.stringify(o));
  [energy, mass].forEach((o) => put('unit_groups', o));
  [fpE, fpM].forEach((o) => put('flow_properties', o));
  [fuel, heat, co2].forEach((o) => put('flows', o));
  cats.forEach((o) => put('categories', o));
  put('locations', { '@id': 'loc-us', name: 'United States', code: 'US' } as any);
  put('processes', boiler);
  return files;
}

test('USLCI JSON-LD imports completely, consistently and fast', async () => {
  const t0 = performance.now();
  const db = await importJsonLd(USLCI_JSONLD);
  const seconds = (performance.now() - t0) / 1000;
  assert.equal(db.processes.length, 766);
  assert.equal(db.flows.length, 4601);
  const flows = new Set(db.flows.map((f) => f.id));
  for (const p of db.processes) {
    assert.equal(p.exchanges.filter((e) => e.reference).length, 1, p.name);
    for (const e of p.exchanges) assert.ok(flows.has(e.flowId), `${p.name}: ${e.flowId}`);
  }
  for (const f of db.flows) if (f.kind === 'elementary') assert.equal(f.category[0], 'Elementary flows');
  assert.ok(seconds < 6, `import took ${seconds.toFixed(2)} s`);
});

test('USLCI: a kWh input is converted to MJ, with its lognormal unchanged in gsd', async () => {
  const db = await importJsonLd(USLCI_JSONLD);
  const kwh = db.processes.flatMap((p) => p.exchanges).find((e) => e.originalUnit === 'kWh' && e.uncertainty?.type === 'lognormal')!;
  assert.ok(kwh, 'some exchange is written in kWh with a lognormal');
  assert.equal(kwh.amount, kwh.originalAmount! * 3.6);
  assert.equal(db.flows.find((f) => f.id === kwh.flowId)!.unit, 'MJ');
  const u = kwh.uncertainty as { gm: number; gsd: number };
  assert.ok(Math.abs(u.gm - kwh.amount) <= 1e-12 * Math.abs(kwh.amount));
  assert.ok(u.gsd >= 1);
  // USLCI writes geomSd 0 for "no distribution"; none may come through as a lognormal with gsd < 1
  for (const p of db.processes) for (const e of p.exchanges) if (e.uncertainty?.type === 'lognormal') assert.ok(e.uncertainty.gsd >= 1);
});

test('units, flow properties, categories, CAS, location, pedigree and swapped triangles', async () => {
  const db = await importJsonLd(writeZip('mini.zip', olca()));
  const boiler = db.processes[0];
  const [heat, fuel, co2] = boiler.exchanges;
  assert.equal(heat.amount, 36);
  assert.equal(fuel.amount, 2);
  assert.deepEqual(fuel.uncertainty, { type: 'triangular', min: 72 / 40, mode: 2, max: 88 / 40 });
  assert.equal(co2.amount, 5);
  assert.deepEqual(co2.uncertainty, { type: 'lognormal', gm: 5, gsd: 1.5 });
  assert.deepEqual(co2.pedigree, { reliability: 1, completeness: 2, temporal: 3, geographical: 4, technological: 5 });
  const flow = db.flows.find((f) => f.id === 'f-co2')!;
  assert.deepEqual(flow.category, ['Elementary flows', 'air', 'unspecified']);
  assert.equal(flow.cas, '124-38-9');
  assert.equal(db.flows.find((f) => f.id === 'f-fuel')!.name, 'Fuel');
  assert.equal(boiler.location, 'US');
  assert.deepEqual(boiler.category, ['Utilities', 'Heat']);
  assert.equal(boiler.validFrom, '2010-01-01');
  assert.equal(boiler.source, 'mini.zip:processes/p-boiler.json');
});

test('a non-numeric amount names file, record and field', async () => {
  const file = writeZip('bad-amount.zip', olca((p) => (p.exchanges[2].amount = 'abc')));
  await rejectsNaming(importJsonLd(file), ['bad-amount.zip', 'processes/p-boiler.json', '"Boiler"', 'field "exchanges[2].amount"', 'expected a number, got "abc"']);
});

test('a reference to a missing flow names file, record and field', async () => {
  const file = writeZip('bad-flow.zip', olca((p) => (p.exchanges[1].flow = ref('Flow', 'f-nowhere', 'Ghost'))));
  await rejectsNaming(importJsonLd(file), ['bad-flow.zip', 'processes/p-boiler.json', 'field "exchanges[1].flow"', 'unknown flow f-nowhere']);
});

test('a unit outside the flow property\'s unit group is refused', async () => {
  const file = writeZip('bad-unit.zip', olca((p) => (p.exchanges[2].unit = ref('Unit', 'u-mj'))));
  await rejectsNaming(importJsonLd(file), ['bad-unit.zip', 'processes/p-boiler.json', 'field "exchanges[2].unit"', 'unknown unit u-mj']);
});

test('a process without a quantitative reference is refused', async () => {
  const file = writeZip('no-ref.zip', olca((p) => (p.exchanges[0].quantitativeReference = false)));
  await rejectsNaming(importJsonLd(file), ['no-ref.zip', 'processes/p-boiler.json', 'field "exchanges"', 'exactly one quantitative reference']);
});

test('a file that is not a zip, and a zip of something else, are named', async () => {
  await rejectsNaming(importJsonLd(writeFile('not-a-zip.zip', 'hello')), ['not-a-zip.zip', 'not a readable zip']);
  await rejectsNaming(importDatabase(writeFile('not-a-zip.zip', 'hello')), ['not-a-zip.zip', 'not a readable zip']);
  await rejectsNaming(importDatabase(writeZip('other.zip', { 'docs/readme.txt': 'x', 'data.csv': 'a,b' })), ['other.zip', 'not a known LCI database format', 'docs/', 'data.csv']);
});

test('importDatabase recognises JSON-LD by its processes folder', async () => {
  const db = await importDatabase(writeZip('mini.zip', olca()), { name: 'mini' });
  assert.equal(db.name, 'mini');
  assert.match(db.origin, /JSON-LD/);
});
