import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { importJsonLd } from '../../src/formats/jsonld.ts';
import { buildSystem } from '../../src/engine/system.ts';
import { characterizationVector, factorizeSystem, impact, inventory } from '../../src/engine/lca.ts';
import { getMethod } from '../../src/factors/gwp.ts';

/**
 * kWh ↔ MJ through unit groups and flow properties: the grid delivers electricity per kWh, the
 * smelter's input is written in MJ. 7.2 MJ = 2 kWh at 0.5 kg CO2/kWh = 1 kg CO2.
 */
const ref = (type: string, id: string, name: string) => ({ '@type': type, '@id': id, name });

function olcaZip(): Uint8Array {
  const energyGroup = {
    '@type': 'UnitGroup',
    '@id': 'ug-energy',
    name: 'Units of energy',
    units: [
      { '@type': 'Unit', '@id': 'u-mj', name: 'MJ', conversionFactor: 1.0, referenceUnit: true },
      { '@type': 'Unit', '@id': 'u-kwh', name: 'kWh', conversionFactor: 3.6 },
    ],
  };
  const massGroup = {
    '@type': 'UnitGroup',
    '@id': 'ug-mass',
    name: 'Units of mass',
    units: [{ '@type': 'Unit', '@id': 'u-kg', name: 'kg', conversionFactor: 1.0, referenceUnit: true }],
  };
  const energy = {
    '@type': 'FlowProperty',
    '@id': 'fp-energy',
    name: 'Energy',
    unitGroup: ref('UnitGroup', 'ug-energy', 'Units of energy'),
  };
  const mass = {
    '@type': 'FlowProperty',
    '@id': 'fp-mass',
    name: 'Mass',
    unitGroup: ref('UnitGroup', 'ug-mass', 'Units of mass'),
  };
  const fpf = (fp: object) => [
    { '@type': 'FlowPropertyFactor', referenceFlowProperty: true, conversionFactor: 1.0, flowProperty: fp },
  ];
  const elec = {
    '@type': 'Flow',
    '@id': 'f-elec',
    name: 'Electricity',
    flowType: 'PRODUCT_FLOW',
    flowProperties: fpf(ref('FlowProperty', 'fp-energy', 'Energy')),
  };
  const alu = {
    '@type': 'Flow',
    '@id': 'f-alu',
    name: 'Aluminium',
    flowType: 'PRODUCT_FLOW',
    flowProperties: fpf(ref('FlowProperty', 'fp-mass', 'Mass')),
  };
  const co2 = {
    '@type': 'Flow',
    '@id': 'f-co2',
    name: 'Carbon dioxide, fossil',
    cas: '000124-38-9',
    flowType: 'ELEMENTARY_FLOW',
    category: ref('Category', 'c-air', 'unspecified'),
    flowProperties: fpf(ref('FlowProperty', 'fp-mass', 'Mass')),
  };
  const cats = [
    { '@type': 'Category', '@id': 'c-ef', name: 'Elementary flows', modelType: 'FLOW' },
    {
      '@type': 'Category',
      '@id': 'c-air0',
      name: 'air',
      modelType: 'FLOW',
      category: ref('Category', 'c-ef', 'Elementary flows'),
    },
    {
      '@type': 'Category',
      '@id': 'c-air',
      name: 'unspecified',
      modelType: 'FLOW',
      category: ref('Category', 'c-air0', 'air'),
    },
  ];
  const ex = (
    id: string,
    flow: object,
    unit: object,
    fp: object,
    amount: number,
    input: boolean,
    quantitativeReference = false,
  ) => ({
    '@type': 'Exchange',
    internalId: id,
    flow,
    unit,
    flowProperty: fp,
    amount,
    input,
    quantitativeReference,
  });
  const kWh = ref('Unit', 'u-kwh', 'kWh'),
    MJ = ref('Unit', 'u-mj', 'MJ'),
    kg = ref('Unit', 'u-kg', 'kg');
  const fE = ref('FlowProperty', 'fp-energy', 'Energy'),
    fM = ref('FlowProperty', 'fp-mass', 'Mass');
  const grid = {
    '@type': 'Process',
    '@id': 'p-grid',
    name: 'Grid electricity',
    processType: 'UNIT_PROCESS',
    exchanges: [
      ex('1', ref('Flow', 'f-elec', 'Electricity'), kWh, fE, 1, false, true),
      ex('2', ref('Flow', 'f-co2', 'Carbon dioxide, fossil'), kg, fM, 0.5, false),
    ],
  };
  const smelter = {
    '@type': 'Process',
    '@id': 'p-smelter',
    name: 'Smelter',
    processType: 'UNIT_PROCESS',
    exchanges: [
      ex('1', ref('Flow', 'f-alu', 'Aluminium'), kg, fM, 1, false, true),
      ex('2', ref('Flow', 'f-elec', 'Electricity'), MJ, fE, 7.2, true),
    ],
  };
  const files: Record<string, Uint8Array> = {};
  const put = (dir: string, o: { '@id': string }) => (files[`${dir}/${o['@id']}.json`] = strToU8(JSON.stringify(o)));
  put('unit_groups', energyGroup);
  put('unit_groups', massGroup);
  put('flow_properties', energy);
  put('flow_properties', mass);
  [elec, alu, co2].forEach((f) => put('flows', f));
  cats.forEach((c) => put('categories', c));
  put('processes', grid);
  put('processes', smelter);
  return zipSync(files);
}

test('an input written in MJ links to a provider in kWh through the energy unit group', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'tanji-units-')), 'units.zip');
  writeFileSync(file, olcaZip());
  const db = await importJsonLd(file);
  const smelter = db.processes.find((p) => p.id === 'p-smelter')!;
  const elec = db.flows.find((f) => f.id === 'f-elec')!;
  const input = smelter.exchanges.find((e) => e.flowId === 'f-elec')!;
  // whatever the reference unit is, 7.2 MJ must equal 2 kWh
  assert.equal(elec.unit === 'kWh' ? input.amount : input.amount / 3.6, 2);
  const system = buildSystem(db);
  const column = system.index.providers.find((p) => p.process.id === 'p-smelter')!.index;
  const result = impact(
    inventory(system, factorizeSystem(system), column, 1),
    characterizationVector(system, getMethod('ipcc-ar6-gwp100')),
  );
  assert.ok(Math.abs(result.total - 1) < 1e-12, `expected 1 kg CO2e, got ${result.total}`);
});
