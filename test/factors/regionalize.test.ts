import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Flow, LciDatabase, Process } from '../../src/model/lci.ts';
import { buildSystem } from '../../src/engine/system.ts';
import { allProcessScores, characterizationVector, factorizeSystem, totalVector } from '../../src/engine/lca.ts';
import { getMethod } from '../../src/factors/gwp.ts';
import { lookupFactor } from '../../src/factors/lookup.ts';
import { ELECTRICITY_FLOW_ID, marketId, regionalize } from '../../src/factors/regionalize.ts';
import { seedFactors } from '../../src/factors/seed.ts';
import { importJsonLd } from '../../src/formats/jsonld.ts';
import { USLCI_JSONLD } from '../uslci.ts';

const factors = seedFactors();
/** regionalising for a province chooses its Tanji estimate over the official national factor */
const footprint = (region: string) =>
  lookupFactor(factors, { kind: 'electricity-footprint', region, purpose: 'product-footprint', preferEstimates: true })
    .factor.value;

/** Footprint (kg CO2e) of one unit of each process's reference product, by process id. */
function scores(db: LciDatabase): Map<string, number> {
  const system = buildSystem(db);
  const lambda = allProcessScores(
    system,
    factorizeSystem(system),
    totalVector(characterizationVector(system, getMethod('ipcc-ar6-gwp100'))),
  );
  return new Map(system.index.providers.map((p) => [p.process.id, lambda[p.index]]));
}

const flow = (id: string, name: string, kind: Flow['kind'], unit: string, category: string[] = []): Flow => ({
  id,
  name,
  kind,
  unit,
  category,
  propertyId: 'p',
});
const ex = (id: string, flowId: string, amount: number, input: boolean, reference = false) => ({
  id,
  flowId,
  amount,
  input,
  avoided: false,
  reference,
});
const proc = (id: string, exchanges: Process['exchanges']): Process => ({
  id,
  name: id,
  location: 'US',
  category: [],
  exchanges,
  allocationFactors: [],
  source: 'test',
});

const tiny: LciDatabase = {
  name: 'tiny',
  origin: 'test',
  unitGroups: [],
  flowProperties: [],
  flows: [
    flow('el', 'Electricity, at grid', 'product', 'kWh'),
    flow('el-mj', 'Electricity, medium voltage', 'product', 'MJ'),
    flow('widget', 'Widget', 'product', 'kg'),
    flow('gadget', 'Gadget', 'product', 'kg'),
    flow('co2', 'Carbon dioxide, fossil', 'elementary', 'kg', ['Elementary flows', 'air', 'unspecified']),
  ],
  processes: [
    proc('grid', [ex('r', 'el', 1, false, true), ex('c', 'co2', 0.5, false)]),
    proc('grid-mj', [ex('r', 'el-mj', 1, false, true), ex('c', 'co2', 0.2, false)]),
    proc('widget', [ex('r', 'widget', 1, false, true), ex('e', 'el', 2, true), ex('c', 'co2', 1, false)]),
    proc('gadget', [ex('r', 'gadget', 1, false, true), ex('e', 'el-mj', 7.2, true), ex('w', 'widget', 1, true)]),
  ],
};

test('tiny database: copies per province take electricity from that province market', () => {
  const before = structuredClone(tiny);
  const out = regionalize(tiny, ['widget', 'gadget'], ['CN-SC', 'CN-NM', 'CN-XZ']);
  assert.deepEqual(tiny, before, 'the input is not modified');
  const s = scores(out);
  assert.equal(s.get('widget'), 2, 'original unchanged: 1 + 2 × 0.5');
  for (const r of ['CN-SC', 'CN-NM', 'CN-XZ']) {
    assert.ok(Math.abs(s.get(`widget@${r}`)! - (1 + 2 * footprint(r))) < 1e-12, `widget@${r}`);
    // 7.2 MJ = 2 kWh from the market, plus a widget: linking prefers the same location, so the
    // province's gadget is made from the province's widget (1 + 2 kWh)
    assert.ok(Math.abs(s.get(`gadget@${r}`)! - (2 * footprint(r) + 1 + 2 * footprint(r))) < 1e-12, `gadget@${r}`);
    const m = out.processes.find((p) => p.id === marketId(r))!;
    assert.equal(m.location, r);
    assert.match(m.description!, /CO2e proxy/);
  }
  assert.equal(
    out.processes.filter((p) => p.id.startsWith('electricity-market@')).length,
    3,
    'one market per province',
  );
  assert.match(out.processes.find((p) => p.id === marketId('CN-XZ'))!.description!, /national level/);
  const gadget = out.processes.find((p) => p.id === 'gadget@CN-SC')!;
  const e = gadget.exchanges.find((x) => x.id === 'e')!;
  assert.deepEqual(
    [e.flowId, e.amount, e.originalAmount, e.originalUnit, e.providerId],
    [ELECTRICITY_FLOW_ID, 2, 7.2, 'MJ', 'electricity-market@CN-SC'],
  );
  assert.equal(gadget.location, 'CN-SC');
  assert.deepEqual(
    gadget.exchanges.find((x) => x.id === 'w'),
    tiny.processes[3].exchanges[2],
  );
  assert.equal(
    out.flows.filter((f) => f.name === 'Carbon dioxide, fossil').length,
    1,
    'the database CO2 flow is reused',
  );
});

test('electricity flows can be named explicitly; a process without electricity is an error', () => {
  const out = regionalize(tiny, ['widget'], ['CN-GD'], { electricityFlowIds: ['el'], year: 2023 });
  const s = scores(out);
  assert.ok(
    Math.abs(
      s.get('widget@CN-GD')! -
        (1 +
          2 *
            lookupFactor(factors, { kind: 'electricity-footprint', region: 'CN-GD', year: 2023, preferEstimates: true })
              .factor.value),
    ) < 1e-12,
  );
  assert.match(
    out.processes.find((p) => p.id === marketId('CN-GD'))!.description!,
    /Tanji estimate chosen over the official cn-electricity-footprint\/CN\/2023/,
  );
  // without choosing the estimate, the market is the official national factor, and says what it was preferred to
  const official = regionalize(tiny, ['widget'], ['CN-GD'], {
    electricityFlowIds: ['el'],
    year: 2023,
    preferEstimates: false,
  });
  assert.ok(Math.abs(scores(official).get('widget@CN-GD')! - (1 + 2 * 0.6205)) < 1e-12);
  assert.match(
    official.processes.find((p) => p.id === marketId('CN-GD'))!.description!,
    /Official factor used in preference to Tanji's estimate cn-electricity-footprint\/CN-GD\/2023/,
  );
  assert.throws(() => regionalize(tiny, ['grid'], ['CN-GD']), /no electricity input/);
  assert.throws(() => regionalize(tiny, ['nope'], ['CN-GD']), /no process with id nope/);
  assert.throws(() => regionalize(tiny, ['widget'], ['CN-??']), /Unknown region/);
});

let uslci: LciDatabase;
before(async () => {
  uslci = await importJsonLd(USLCI_JSONLD);
});

test('USLCI: a regionalised process swaps US grid electricity for the province market, exactly', () => {
  const target = uslci.processes.find((p) => p.name === 'Calcium carbonate, ground, 20 micron, at plant')!;
  const flows = new Map(uslci.flows.map((f) => [f.id, f]));
  const elec = target.exchanges.filter((e) => e.input && /electricity/i.test(flows.get(e.flowId)!.name));
  assert.equal(elec.length, 1);
  assert.equal(flows.get(elec[0].flowId)!.unit, 'MJ');
  const out = regionalize(uslci, [target.id], ['CN-SC', 'CN-NM']);
  const base = scores(uslci);
  const s = scores(out);
  const usGrid = uslci.processes.find((p) => p.exchanges.some((e) => e.reference && e.flowId === elec[0].flowId))!;
  const kwh = elec[0].amount / 3.6;
  const perRun = target.exchanges.find((e) => e.reference)!.amount; // scores are per unit of product, exchanges per run
  for (const r of ['CN-SC', 'CN-NM']) {
    const expected = base.get(target.id)! + (kwh * footprint(r) - elec[0].amount * base.get(usGrid.id)!) / perRun;
    assert.ok(
      Math.abs(s.get(`${target.id}@${r}`)! - expected) < 1e-9 * Math.abs(expected),
      `${r}: ${s.get(`${target.id}@${r}`)} vs ${expected}`,
    );
  }
  assert.ok(
    s.get(`${target.id}@CN-NM`)! > s.get(`${target.id}@CN-SC`)!,
    'coal-heavy Inner Mongolia above hydro-rich Sichuan',
  );
  for (const [id, v] of base) assert.equal(s.get(id), v, `${id} unchanged`);
});
