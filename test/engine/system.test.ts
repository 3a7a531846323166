import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exchangeColumns } from '../../src/engine/linking.ts';
import { fromTriplets, type CscMatrix } from '../../src/engine/sparse/csc.ts';
import { buildSystem, type EntryList } from '../../src/engine/system.ts';
import { importJsonLd } from '../../src/formats/jsonld.ts';
import { allProcessScores, characterizationVector, factorizeSystem, totalVector } from '../../src/engine/lca.ts';
import { getMethod } from '../../src/factors/gwp.ts';
import { USLCI_JSONLD } from '../uslci.ts';
import {
  co2Biogenic,
  co2Fossil,
  co2InAir,
  database,
  inp,
  methaneFossil,
  out,
  process,
  product,
  ref,
} from './fixtures.ts';

/** How buildSystem assembles A and B from the exchanges, and the exchange columns it reads them from. */

function dense(m: CscMatrix): number[][] {
  const d = Array.from({ length: m.nRows }, () => new Array<number>(m.nCols).fill(0));
  for (let j = 0; j < m.nCols; j++) for (let p = m.colPtr[j]; p < m.colPtr[j + 1]; p++) d[m.rowIdx[p]][j] = m.values[p];
  return d;
}

/** The matrix the entries describe, summed in their order by the engine's own triplet builder. */
function fromEntries(m: CscMatrix, list: EntryList): CscMatrix {
  const column = new Int32Array(m.rowIdx.length);
  for (let j = 0; j < m.nCols; j++) column.fill(j, m.colPtr[j], m.colPtr[j + 1]);
  const at = [...list.position];
  return fromTriplets(
    m.nRows,
    m.nCols,
    at.map((p) => m.rowIdx[p]),
    at.map((p) => column[p]),
    at.map((p, k) => list.scale[k] * list.exchange[k].amount),
  );
}

test('repeated flows are summed into one entry each, explicit zeros kept, rows ascending within columns', () => {
  const steel = product('steel'),
    power = product('power', 'kWh');
  const db = database(
    [
      // B rows are numbered as flows are first met: methane 0, CO2 1, CO2 in air 2, biogenic CO2 3
      process('power plant', [
        ref(power, 1),
        out(methaneFossil, 0.01),
        out(co2Fossil, 0.5),
        out(co2Fossil, 0.25),
        inp(co2InAir, 0.1),
      ]),
      process('steel mill', [
        ref(steel, 2),
        inp(power, 1),
        inp(power, 0.5),
        out(co2Biogenic, 0),
        out(co2Fossil, 1),
        out(methaneFossil, 0.02),
      ]),
      process('idle', [ref(product('nothing'), 1)]),
    ],
    [steel, power, product('nothing'), co2Fossil, co2Biogenic, co2InAir, methaneFossil],
  );
  const system = buildSystem(db);
  assert.deepEqual(dense(system.A), [
    [1, -1.5, 0],
    [0, 2, 0],
    [0, 0, 1],
  ]);
  assert.deepEqual(
    system.elementary.map((f) => f.id),
    [methaneFossil.id, co2Fossil.id, co2InAir.id, co2Biogenic.id],
  );
  assert.deepEqual(dense(system.B), [
    [0.01, 0.02, 0],
    [0.75, 1, 0],
    [0.1, 0, 0],
    [0, 0, 0],
  ]);
  // the biogenic CO2 of 0 is an entry of the pattern, so Monte Carlo can vary it
  assert.deepEqual([...system.B.colPtr], [0, 3, 6, 6]);
  assert.deepEqual([...system.B.rowIdx], [0, 1, 2, 0, 1, 3]);
  // both power inputs feed the same cell
  const [first, second] = system.entries.a.exchange.flatMap((e, k) =>
    e.flowId === power.id && k > 0 ? [system.entries.a.position[k]] : [],
  );
  assert.equal(first, second);
});

test('on USLCI every entry lands where its exchange belongs, and the values are their sums in order', async () => {
  const db = await importJsonLd(USLCI_JSONLD);
  const system = buildSystem(db);
  for (const [m, list] of [
    [system.A, system.entries.a],
    [system.B, system.entries.b],
  ] as const) {
    assert.deepStrictEqual(fromEntries(m, list), m);
    for (let j = 0; j < m.nCols; j++)
      for (let p = m.colPtr[j] + 1; p < m.colPtr[j + 1]; p++) assert.ok(m.rowIdx[p - 1] < m.rowIdx[p]);
  }
  assert.deepStrictEqual(buildSystem(db, { columns: exchangeColumns(db) }), system);
});

test('exchange columns hold flows and named providers by position, −1 for what the database lacks', () => {
  const x = product('X'),
    y = product('Y');
  const db = database(
    [
      process('p', [
        ref(x, 2),
        inp(y, 1, { providerId: 'q' }),
        inp(y, 1, { providerId: 'elsewhere', avoided: true }),
        out(co2Fossil, 3),
      ]),
      process('q', [ref(y, 1), inp(product('unlisted'), 4)]),
    ],
    [x, y, co2Fossil],
  );
  const c = exchangeColumns(db);
  assert.deepEqual([...c.start], [0, 4, 6]);
  assert.deepEqual([...c.flow], [0, 1, 1, 2, 1, -1]);
  assert.deepEqual([...c.provider], [-1, 1, -1, -1, -1, -1]);
  assert.deepEqual([...c.amount], [2, 1, 1, 3, 1, 4]);
  assert.deepEqual([...c.flags], [4, 1, 3, 0, 4, 1]);
  assert.throws(() => buildSystem(db), /process q "q": exchange x\d+ refers to unknown flow unlisted/);
});

test('a reference that provides nothing (an elementary flow, a product input) is a column per its amount that nothing links to', () => {
  // plant: counted per 0.5 kg of iron emitted (its written reference), takes 2 kWh and emits 3 kg CO2;
  // sewage: counted per 0.1 kg of wastewater taken in (a product input), takes 1 kWh;
  // grid: 1 kWh emits 0.6 kg CO2; user: takes 1 kg of wastewater, which only a product output may provide
  const iron: typeof co2Fossil = { ...co2Fossil, id: 'iron', name: 'iron', cas: undefined, formula: undefined };
  const [kwh, water] = [product('kwh', 'kWh'), product('wastewater')];
  const db = database(
    [
      process('plant', [ref(iron, 0.5), inp(kwh, 2), out(co2Fossil, 3)]),
      process('sewage', [ref(water, 0.1, true), inp(kwh, 1)]),
      process('grid', [ref(kwh, 1), out(co2Fossil, 0.6)]),
      process('user', [ref(product('thing'), 1), inp(water, 1)]),
    ],
    [iron, kwh, water, co2Fossil, product('thing')],
  );
  const system = buildSystem(db);
  const column = (id: string) => system.index.providers.find((p) => p.process.id === id)!.index;
  const A = dense(system.A);
  const [plant, sewage, grid, user] = ['plant', 'sewage', 'grid', 'user'].map(column);
  assert.equal(A[plant][plant], 0.5);
  assert.equal(A[sewage][sewage], 0.1);
  assert.equal(A[grid][plant], -2);
  assert.equal(A[grid][sewage], -1);
  // the user's wastewater input does not link to the sewage column: it is a listed cut-off
  assert.deepEqual(
    A.map((row) => row[user]),
    A.map((_, i) => (i === user ? 1 : 0)),
  );
  assert.ok(system.index.cutoffs.some((c) => c.processId === 'user' && c.flowId === 'wastewater'));
  // the reference is the functional unit, on A's diagonal only: B holds the CO2, not the iron
  assert.deepEqual(
    system.elementary.map((f) => f.id),
    ['co2-fossil'],
  );
  const B = dense(system.B)[0];
  assert.deepEqual([B[plant], B[sewage], B[grid], B[user]], [3, 0, 0.6, 0]);
  // footprints per unit of the written reference: (3 + 2 × 0.6) / 0.5 = 8.4 and 1 × 0.6 / 0.1 = 6
  const lambda = allProcessScores(
    system,
    factorizeSystem(system),
    totalVector(characterizationVector(system, getMethod('ipcc-ar6-gwp100'))),
  );
  assert.ok(Math.abs(lambda[plant] - 8.4) < 1e-12 && Math.abs(lambda[sewage] - 6) < 1e-12, `${[...lambda]}`);
});
