import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSystem } from '../../src/engine/system.ts';
import {
  allProcessScores,
  characterizationVector,
  factorizeSystem,
  impact,
  inventory,
  SystemSolveError,
  totalVector,
} from '../../src/engine/lca.ts';
import { getMethod } from '../../src/factors/gwp.ts';
import type { LciDatabase } from '../../src/model/lci.ts';
import type { AllocationChoice } from '../../src/engine/linking.ts';
import {
  co2Biogenic,
  co2Fossil,
  co2InAir,
  database,
  factor,
  inp,
  methaneFossil,
  out,
  process,
  product,
  ref,
  waste,
} from './fixtures.ts';

const ar6 = getMethod('ipcc-ar6-gwp100');

/** Footprint of `amount` of the reference product of process `id`. */
function footprint(db: LciDatabase, id: string, amount = 1, allocation: AllocationChoice = 'auto', productId?: string) {
  const system = buildSystem(db, { allocation });
  const lu = factorizeSystem(system);
  const column = system.index.providers.find(
    (p) => p.process.id === id && (productId ? p.flow.id === productId : p.exchange.reference),
  )!.index;
  const cv = characterizationVector(system, ar6);
  return {
    system,
    result: impact(inventory(system, lu, column, amount), cv),
    lambda: allProcessScores(system, lu, totalVector(cv)),
    column,
  };
}

const close = (actual: number, expected: number, tol = 1e-12) =>
  assert.ok(
    Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)),
    `expected ${expected}, got ${actual}`,
  );

test('a two-process loop: steel needs power, power needs steel', () => {
  // steel: 1 kg, takes 0.5 kWh, emits 1 kg CO2; power: 1 kWh, takes 0.2 kg steel, emits 2 kg CO2.
  // A = [[1, -0.2], [-0.5, 1]], det 0.9: s = (1/0.9, 0.5/0.9); h = 1/0.9 + 2·0.5/0.9 = 2/0.9
  const steel = product('steel'),
    power = product('power', 'kWh');
  const db = database(
    [
      process('steel mill', [ref(steel, 1), inp(power, 0.5), out(co2Fossil, 1)]),
      process('power plant', [ref(power, 1), inp(steel, 0.2), out(co2Fossil, 2)]),
    ],
    [steel, power, co2Fossil],
  );
  const { result, lambda, system } = footprint(db, 'steel mill');
  close(result.total, 2 / 0.9);
  close(result.lines.fossil, 2 / 0.9);
  // adjoint scores: power = 2 + 0.2·steel, steel = 1 + 0.5·power → power = 2.2/0.9
  const col = (id: string) => system.index.providers.find((p) => p.process.id === id)!.index;
  close(lambda[col('steel mill')], 2 / 0.9);
  close(lambda[col('power plant')], 2.2 / 0.9);
});

test('physical and economic allocation of a two-product process', () => {
  // 6 kg A and 4 kg B, 10 kg CO2. Physical 0.6/0.4: 1 kg CO2 per kg each. Economic 0.9/0.1: A 1.5, B 0.25.
  const a = product('A'),
    b = product('B');
  const db = database(
    [
      process('refinery', [ref(a, 6), out(b, 4), out(co2Fossil, 10)], {
        allocationFactors: [
          factor('physical', 'A', 0.6),
          factor('physical', 'B', 0.4),
          factor('economic', 'A', 0.9),
          factor('economic', 'B', 0.1),
        ],
      }),
    ],
    [a, b, co2Fossil],
  );
  close(footprint(db, 'refinery', 1, 'physical').result.total, 1);
  close(footprint(db, 'refinery', 1, 'physical', 'B').result.total, 1);
  close(footprint(db, 'refinery', 1, 'economic').result.total, 1.5);
  close(footprint(db, 'refinery', 1, 'economic', 'B').result.total, 0.25);
  // auto picks physical; none gives everything to the reference product and lists B
  close(footprint(db, 'refinery', 1, 'auto').result.total, 1);
  const none = footprint(db, 'refinery', 6, 'none');
  close(none.result.total, 10);
  assert.deepEqual(
    none.system.index.unallocated.map((u) => u.flowId),
    ['B'],
  );
});

test('causal allocation per exchange', () => {
  // CO2 goes 100 % to A, methane 50/50; A: 6 kg, B: 4 kg; 6 kg CO2 and 1 kg CH4 (AR6 fossil 29.8)
  const a = product('A'),
    b = product('B');
  const co2 = out(co2Fossil, 6),
    ch4 = out(methaneFossil, 1);
  const db = database(
    [
      process('plant', [ref(a, 6), out(b, 4), co2, ch4], {
        allocationFactors: [
          factor('causal', 'A', 1, co2.id),
          factor('causal', 'B', 0, co2.id),
          factor('causal', 'A', 0.5, ch4.id),
          factor('causal', 'B', 0.5, ch4.id),
        ],
      }),
    ],
    [a, b, co2Fossil, methaneFossil],
  );
  close(footprint(db, 'plant', 6, 'causal').result.total, 6 + 0.5 * 29.8);
  close(footprint(db, 'plant', 4, 'causal', 'B').result.total, 0.5 * 29.8);
});

test('an avoided product is credited with the footprint it displaces', () => {
  // incinerator: 1 kg treated... here a product Y (3 kg CO2) that avoids 0.5 kWh of grid power at 2 kg CO2/kWh
  const y = product('Y'),
    power = product('power', 'kWh');
  const db = database(
    [
      process('chp', [ref(y, 1), inp(power, 0.5, { avoided: true }), out(co2Fossil, 3)]),
      process('grid', [ref(power, 1), out(co2Fossil, 2)]),
    ],
    [y, power, co2Fossil],
  );
  close(footprint(db, 'chp').result.total, 3 - 0.5 * 2);
});

test('waste treatment: a waste output links to the process that treats it', () => {
  // factory: 1 kg Z, 0.2 kg waste W, 1 kg CO2; landfill treats 1 kg W (its reference is a waste input), 0.5 kg CO2
  const z = product('Z'),
    w = waste('W');
  const db = database(
    [
      process('factory', [ref(z, 1), out(w, 0.2), out(co2Fossil, 1)]),
      process('landfill', [ref(w, 1, true), out(co2Fossil, 0.5)]),
    ],
    [z, w, co2Fossil],
  );
  close(footprint(db, 'factory').result.total, 1 + 0.2 * 0.5);
  // treating 1 kg of waste costs 0.5 kg CO2 per kg treated
  close(footprint(db, 'landfill').result.total, 0.5);
});

test('biogenic emissions and uptake are separate lines; uptake is not netted into the total', () => {
  // an orchard fixes 3 kg CO2 from air, emits 0.5 kg biogenic CO2 and 0.2 kg fossil CO2 per kg fruit
  const fruit = product('fruit');
  const db = database(
    [process('orchard', [ref(fruit, 1), inp(co2InAir, 3), out(co2Biogenic, 0.5), out(co2Fossil, 0.2)])],
    [fruit, co2InAir, co2Biogenic, co2Fossil],
  );
  const { result } = footprint(db, 'orchard');
  close(result.lines.fossil, 0.2);
  close(result.lines.biogenic, 0.5);
  close(result.lines.biogenicRemovals, -3);
  close(result.total, 0.7);
});

test('a scaled demand scales linearly', () => {
  const steel = product('steel'),
    power = product('power', 'kWh');
  const db = database(
    [
      process('steel mill', [ref(steel, 2), inp(power, 1), out(co2Fossil, 2)]),
      process('power plant', [ref(power, 1), out(co2Fossil, 0.8)]),
    ],
    [steel, power, co2Fossil],
  );
  // per kg steel: (2 + 0.8)/2 = 1.4; 250 kg → 350
  close(footprint(db, 'steel mill', 250).result.total, 350, 1e-12);
});

test('a singular system names the processes involved instead of giving NaN', () => {
  // two processes that each consume exactly what the other produces: no net output is possible
  const x = product('X'),
    y = product('Y');
  const db = database(
    [process('p', [ref(x, 1), inp(y, 1), out(co2Fossil, 1)]), process('q', [ref(y, 1), inp(x, 1)])],
    [x, y, co2Fossil],
  );
  const system = buildSystem(db);
  assert.throws(
    () => {
      const lu = factorizeSystem(system);
      inventory(system, lu, 0, 1);
    },
    (err: unknown) => {
      assert.ok(err instanceof SystemSolveError, String(err));
      const names = err.processes.map((p) => p.processName).sort();
      assert.deepEqual(names, ['p', 'q']);
      assert.match(err.message, /"p"/);
      return true;
    },
  );
});

test('a product nobody provides is cut off and listed', () => {
  const x = product('X'),
    glue = product('glue');
  const db = database([process('p', [ref(x, 1), inp(glue, 0.1), out(co2Fossil, 1)])], [x, glue, co2Fossil]);
  const { system, result } = footprint(db, 'p');
  close(result.total, 1);
  assert.equal(system.index.cutoffs.length, 1);
  assert.equal(system.index.cutoffs[0].flowName, 'glue');
});

test('several providers: same location first, then a documented rule, every choice listed', () => {
  const power = product('power', 'kWh'),
    x = product('X');
  const db = database(
    [
      process('grid CN', [ref(power, 1), out(co2Fossil, 0.6)], { location: 'CN' }),
      process('grid US', [ref(power, 1), out(co2Fossil, 0.4)], { location: 'US' }),
      process('maker', [ref(x, 1), inp(power, 1)], { location: 'CN' }),
    ],
    [power, x, co2Fossil],
  );
  const { system, result } = footprint(db, 'maker');
  close(result.total, 0.6);
  assert.equal(system.index.ambiguous[0].rule, 'same-location');
  assert.equal(system.index.ambiguous[0].chosenProcessId, 'grid CN');
});
