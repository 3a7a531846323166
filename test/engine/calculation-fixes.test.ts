import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSystem, declaredUnit, unitFactor } from '../../src/engine/system.ts';
import {
  allProcessScores,
  characterizationVector,
  factorizeSystem,
  impact,
  inventory,
  totalVector,
} from '../../src/engine/lca.ts';
import { systemNotes } from '../../src/engine/scope.ts';
import { getMethod } from '../../src/factors/gwp.ts';
import { importJsonLd } from '../../src/formats/jsonld.ts';
import type { Flow, LciDatabase } from '../../src/model/lci.ts';
import { USLCI_JSONLD } from '../uslci.ts';
import { co2Biogenic, co2Fossil, database, inp, methaneFossil, out, process, product, ref } from './fixtures.ts';

/** The three fixes of issue 17 item 5, each on a hand-worked database and checked on USLCI. */

const ar6 = getMethod('ipcc-ar6-gwp100');

const close = (actual: number, expected: number, tol = 1e-12) =>
  assert.ok(
    Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)),
    `expected ${expected}, got ${actual}`,
  );

function solve(db: LciDatabase, id: string, amount = 1) {
  const system = buildSystem(db);
  const lu = factorizeSystem(system);
  const cv = characterizationVector(system, ar6);
  const column = system.index.providers.find((p) => p.process.id === id && p.exchange.reference)!.index;
  const inv = inventory(system, lu, column, amount);
  return { system, cv, inv, column, result: impact(inv, cv), lambda: allProcessScores(system, lu, totalVector(cv)) };
}

test('biogenic CO2 taken up by an input is a removal, never netted into the total', () => {
  // resin: 1 kg takes up 1.833 kg biogenic CO2 (an input of the air-emission flow), emits 0.2 kg
  // fossil CO2 and 0.1 kg biogenic CO2. Lines: fossil 0.2, biogenic 0.1, removals −1.833,
  // total 0.3 (netting would give 0.2 + 0.1 − 1.833 = −1.533).
  const resin = product('resin');
  const db = database(
    [process('resin', [ref(resin, 1), inp(co2Biogenic, 1.833), out(co2Fossil, 0.2), out(co2Biogenic, 0.1)])],
    [resin, co2Biogenic, co2Fossil],
  );
  const { result, system } = solve(db, 'resin');
  close(result.lines.fossil, 0.2);
  close(result.lines.biogenic, 0.1);
  close(result.lines.biogenicRemovals, -1.833);
  close(result.total, 0.3);
  // the uptake has a row of its own, positive like an extraction
  assert.deepEqual(system.uptake, [true, false, false]);
  assert.deepEqual([...system.B.values], [1.833, 0.2, 0.1]);
});

test('a negative output of biogenic CO2 is an uptake too; another gas taken up is listed, not credited', () => {
  // crop: 1 kg writes −0.5 kg biogenic CO2 as an output and takes 0.01 kg fossil methane in;
  // the CO2 is a removal of 0.5; the methane gets no factor and is named with the reason.
  const crop = product('crop');
  const db = database(
    [process('crop', [ref(crop, 1), out(co2Biogenic, -0.5), inp(methaneFossil, 0.01), out(methaneFossil, 0.02)])],
    [crop, co2Biogenic, methaneFossil],
  );
  const { result, cv } = solve(db, 'crop');
  close(result.lines.biogenicRemovals, -0.5);
  close(result.lines.biogenic, 0);
  close(result.total, 0.02 * ar6.entries.find((e) => e.substance === 'methane (fossil)')!.gwp100);
  assert.equal(cv.unmatched.length, 1);
  assert.match(cv.unmatched[0].reason, /methane \(fossil\) taken up .* only CO2 uptake is credited/);
});

/** An energy flow in MJ whose group also has kWh, as openLCA's reference data. */
function energyDatabase(): { db: LciDatabase; power: Flow } {
  const power: Flow = { id: 'power', name: 'power', kind: 'product', category: [], propertyId: 'energy', unit: 'MJ' };
  const plant = process('plant', [{ ...ref(power, 3.6), originalAmount: 1, originalUnit: 'kWh' }, out(co2Fossil, 0.5)]);
  const db = database([plant], [power, co2Fossil]);
  db.flowProperties = [{ id: 'energy', name: 'Energy', unitGroupId: 'energy-units' }];
  db.unitGroups = [
    {
      id: 'energy-units',
      name: 'Units of energy',
      referenceUnit: 'MJ',
      units: [
        { id: 'mj', name: 'MJ', factor: 1 },
        { id: 'kwh', name: 'kWh', factor: 3.6 },
        { id: 'gj', name: 'GJ', factor: 1000 },
      ],
    },
  ];
  return { db, power };
}

test("a process's result is per its declared reference unit, the unit its reference exchange is written in", () => {
  // the plant makes 1 kWh (= 3.6 MJ) and emits 0.5 kg CO2: 0.5 kg CO2e per kWh, 0.5/3.6 per MJ
  const { db, power } = energyDatabase();
  const { system, column, lambda } = solve(db, 'plant');
  const declared = declaredUnit(db, system.index.providers[column]);
  assert.deepEqual(declared, { unit: 'kWh', factor: 3.6 });
  close(lambda[column], 0.5 / 3.6);
  close(lambda[column] * declared.factor, 0.5);
  // 1000 kWh demand 3600 MJ of the column and give 500 kg CO2e
  close(solve(db, 'plant', 1000 * declared.factor).result.total, 500);
  assert.equal(unitFactor(db, power, 'GJ'), 1000);
  assert.equal(unitFactor(db, power, 'kg'), undefined);
});

test('a process written in its flow unit declares that unit', () => {
  const { db } = energyDatabase();
  db.processes[0].exchanges[0] = ref(db.flows[0], 2);
  const { system, column } = solve(db, 'plant');
  assert.deepEqual(declaredUnit(db, system.index.providers[column]), { unit: 'MJ', factor: 1 });
});

test('cut-offs, provider choices and unmatched flows are those of the calculated system only', () => {
  // two unrelated chains: bread ← flour (two mills, one chosen), and soap with a cut-off input and
  // an uncharacterised GHG-like flow. Bread's notes name the mill choice only; soap's the rest.
  const bread = product('bread'),
    flour = product('flour'),
    soap = product('soap'),
    lye = product('lye');
  const cfc: Flow = { ...co2Fossil, id: 'cfc', name: 'CFC-11', cas: '75-69-4', formula: 'CCl3F' };
  const db = database(
    [
      process('bakery', [ref(bread, 1), inp(flour, 0.8), out(co2Fossil, 0.3)], { location: 'CN' }),
      process('mill-a', [ref(flour, 1), out(co2Fossil, 0.1)], { location: 'US' }),
      process('mill-b', [ref(flour, 1), out(co2Fossil, 0.2)], { location: 'CN' }),
      process('soapworks', [ref(soap, 1), inp(lye, 0.1), out(cfc, 0.001)]),
    ],
    [bread, flour, soap, lye, co2Fossil, cfc],
  );
  const b = solve(db, 'bakery');
  // the same-location mill: 0.3 + 0.8 × 0.2
  close(b.result.total, 0.46);
  const breadNotes = systemNotes(b.system, b.inv.s, b.cv);
  assert.deepEqual(breadNotes.cutoffs, []);
  assert.deepEqual(breadNotes.unmatchedGhgFlows, []);
  assert.equal(breadNotes.providerChoices.length, 1);
  assert.deepEqual(
    { ...breadNotes.providerChoices[0] },
    {
      processId: 'bakery',
      processName: 'bakery',
      flowId: 'flour',
      flowName: 'flour',
      chosenProcessId: 'mill-b',
      chosenProcessName: 'mill-b',
      chosenLocation: 'CN',
      candidates: ['mill-a', 'mill-b'],
      rule: 'same-location',
    },
  );
  const s = solve(db, 'soapworks');
  const soapNotes = systemNotes(s.system, s.inv.s, s.cv);
  assert.deepEqual(
    soapNotes.cutoffs.map((c) => [c.processId, c.flowId, c.amount]),
    [['soapworks', 'lye', 0.1]],
  );
  assert.deepEqual(
    soapNotes.unmatchedGhgFlows.map((u) => u.flowId),
    ['cfc'],
  );
  assert.deepEqual(soapNotes.providerChoices, []);
  // the database-wide lists hold both
  assert.equal(s.system.index.cutoffs.length, 1);
  assert.equal(s.cv.unmatched.length, 1);
});

let uslci: LciDatabase;
before(async () => {
  uslci = await importJsonLd(USLCI_JSONLD);
});

test('USLCI: 159 processes declare another unit than their flow, and grid electricity is per kWh', () => {
  const system = buildSystem(uslci);
  const declared = system.index.providers
    .filter((p) => p.exchange.reference)
    .map((p) => ({ p, d: declaredUnit(uslci, p) }));
  const changed = declared.filter(({ p, d }) => d.unit !== p.flow.unit);
  assert.equal(changed.length, 159);
  const pairs = new Map<string, number>();
  for (const { p, d } of changed)
    pairs.set(`${d.unit}→${p.flow.unit} ×${d.factor}`, (pairs.get(`${d.unit}→${p.flow.unit} ×${d.factor}`) ?? 0) + 1);
  assert.deepEqual(Object.fromEntries([...pairs].sort()), {
    'h→d ×0.041666666666666664': 12,
    'ha→m2 ×10000': 24,
    'kWh→MJ ×3.6': 91,
    'l→m3 ×0.001': 11,
    't→kg ×1000': 21,
  });
  const grid = declared.find(({ p }) => p.process.name === 'Electricity, at Grid, US, 2008')!;
  assert.deepEqual(grid.d, { unit: 'kWh', factor: 3.6 });
});

test("USLCI: PLA resin's 1.833 kg of biogenic CO2 taken up is a removal, its total no longer −0.137", () => {
  const { result, system, inv, cv } = solve(
    uslci,
    uslci.processes.find((p) => p.name === 'Polylactide Biopolymer Resin, at plant')!.id,
  );
  // the resin's own uptake row holds exactly the 1.833 kg of its input
  const own = system.elementary.findIndex((f, e) => system.uptake[e] && f.name === 'Carbon dioxide, biogenic');
  close(inv.g[own], 1.833);
  assert.ok(result.lines.biogenicRemovals <= -1.833, `${result.lines.biogenicRemovals}`);
  // netting the uptake rows back into the emissions gives the old total; without them the total is positive
  let netted = result.total;
  for (let e = 0; e < inv.g.length; e++)
    if (system.uptake[e] && cv.line[e] === 'biogenicRemovals') netted += cv.c[e] * inv.g[e];
  close(netted, -0.137, 0.01);
  assert.ok(result.total > 1.6 && result.total < 1.8, `${result.total}`);
});
