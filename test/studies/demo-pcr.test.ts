import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { PcrCheck } from '../../src/model/pcr.ts';
import { seedFactors } from '../../src/factors/seed.ts';
import { DEMO_COMPANY, ensureDemo } from '../../src/server/demo.ts';
import { jobsIdle } from '../../src/server/jobs.ts';
import { DEMO_STUDY_NAME } from '../../src/studies/demo-durian.ts';
import { DEMO_PCR_NAMES } from '../../src/studies/demo-pcr.ts';
import { checkStoredStudy } from '../../src/studies/pcr.ts';
import { findCompany, getStudy, latestResult, listStudies, type Store } from '../../src/store/index.ts';
import { platform } from '../server/platform.ts';

/**
 * The demo `npm start` creates has a study of its own for each product rule, calculated and
 * declared in the rule's unit, with the rule's real gaps named; run again, it creates nothing twice.
 * Expected values are worked by hand from the demo's activity amounts and the seed factors.
 */

let store: Store;
let byName: Map<string, string>;
const factor = (id: string) => seedFactors().find((f) => f.id === id)!.value;
const grid = (province: string) => factor(`cn-electricity-footprint/${province}/2024`);

before(async () => {
  ({ store } = await platform());
  const company = (await findCompany(store, DEMO_COMPANY))!;
  byName = new Map((await listStudies(store, { companyId: company.id })).map((s) => [s.name, s.id]));
});

after(async () => {
  await jobsIdle();
  await store.close();
});

async function checked(name: string): Promise<PcrCheck> {
  const id = byName.get(name);
  assert.ok(id, `the demo has "${name}"`);
  const result = await latestResult(store, id);
  assert.equal(result?.version, (await getStudy(store, id))!.version, `"${name}" is calculated on its latest version`);
  return checkStoredStudy(store, id);
}

const missing = (c: PcrCheck) =>
  c.findings.filter((f) => f.status === 'missing').map((f) => `${f.requirement}:${f.params.nameEn ?? f.code}`);

test('the battery pack is declared per kWh of lifetime energy: E_total = 75 × 60 × min(8, 160 000 / 15 000) = 36 000 kWh', async () => {
  const check = await checked(DEMO_PCR_NAMES.pack);
  assert.equal(check.pcr.id, 'eu-battery-ev');
  const unit = check.declared!.units[0]!;
  assert.equal(unit.unit, 'kWh');
  assert.equal(unit.perInventory, 36_000);
  // main production is the metered electricity only: 84 cells × 30 kWh + 60 kWh of pack assembly, Fujian grid
  const production = unit.byStage.find((s) => s.stage === 'main-production')!.value;
  assert.ok(Math.abs(production - ((84 * 30 + 60) * grid('CN-FJ')) / 36_000) < 1e-9, `main production ${production}`);
  // distribution: 0.48 t × 900 km by heavy truck
  const distribution = unit.byStage.find((s) => s.stage === 'distribution')!.value;
  assert.ok(
    Math.abs(distribution - (0.48 * 900 * factor('cn-transport-road-heavy-diesel-truck/CN/2022')) / 36_000) < 1e-9,
  );
  assert.ok(
    Math.abs(unit.byStage.reduce((a, s) => a + s.value, 0) - unit.value) < 1e-9,
    'the four stages add up to the declared value',
  );
  // the real gaps: no cathode or anode active material dataset in the pinned releases
  assert.equal(check.conforms, false);
  assert.deepEqual(missing(check).sort(), [
    'mandatory-data:Anode active material',
    'mandatory-data:Cathode active material',
  ]);
});

test('the pack is built from a module study that uses a cell study', async () => {
  const pack = (await getStudy(store, byName.get(DEMO_PCR_NAMES.pack)!))!;
  const module = (await getStudy(store, byName.get(DEMO_PCR_NAMES.module)!))!;
  const modules = pack.entries.find((e) => e.source.type === 'study')!;
  assert.deepEqual(modules.source, { type: 'study', studyId: module.id });
  assert.equal(modules.amount, 6);
  assert.deepEqual(module.entries.find((e) => e.source.type === 'study')!.source, {
    type: 'study',
    studyId: byName.get(DEMO_PCR_NAMES.cell),
  });
  assert.ok(
    pack.entries.every((e) => e.source.type !== 'placeholder'),
    'no placeholder is left: the gaps are requirements without entries',
  );
});

test('the PV module is declared per kWp (550 W → 0.55 kWp), each silicon stage its metered electricity', async () => {
  const check = await checked(DEMO_PCR_NAMES.pv);
  const unit = check.declared!.units[0]!;
  assert.equal(unit.unit, 'kWp');
  assert.equal(unit.perInventory, 0.55);
  const stage = (id: string) => unit.byStage.find((s) => s.stage === id)!.value;
  assert.ok(Math.abs(stage('polysilicon') - (66 * grid('CN-XJ')) / 0.55) < 1e-9);
  assert.ok(Math.abs(stage('ingot-wafer') - (30 * grid('CN-NM')) / 0.55) < 1e-9);
  assert.ok(Math.abs(stage('cell') - (20 * grid('CN-JS')) / 0.55) < 1e-9);
  assert.deepEqual(missing(check), ['mandatory-data:Solar glass']);
});

test('the car is declared per vehicle and per km over 200 000 km, its pack a component study', async () => {
  const check = await checked(DEMO_PCR_NAMES.car);
  const [vehicle, km] = check.declared!.units;
  assert.equal(vehicle!.perInventory, 1);
  assert.equal(km!.unit, 'km');
  assert.equal(km!.perInventory, 200_000);
  assert.ok(Math.abs(km!.value - vehicle!.value / 200_000) < 1e-12);
  // charging: 15 kWh/100 km × 200 000 km = 30 000 kWh at the national grid factor
  const energy = vehicle!.byStage.find((s) => s.stage === 'energy-cycle')!.value;
  assert.ok(Math.abs(energy - 30_000 * grid('CN')) < 1e-6, `energy cycle ${energy}`);
  const car = (await getStudy(store, byName.get(DEMO_PCR_NAMES.car)!))!;
  assert.deepEqual(car.entries.find((e) => e.pcr?.requirement === 'traction-battery')!.source, {
    type: 'study',
    studyId: byName.get(DEMO_PCR_NAMES.pack),
  });
  assert.deepEqual(missing(check), []);
  assert.equal(check.conforms, true);
});

test('the durian follows the fresh fruit rule, per kg', async () => {
  const check = await checked(DEMO_STUDY_NAME);
  assert.equal(check.pcr.id, 'fresh-fruit');
  assert.equal(check.declared!.units[0]!.unit, 'kg');
  assert.equal(check.declared!.units[0]!.perInventory, 1);
  assert.ok(check.declared!.units[0]!.removals < 0, 'orchard sequestration reported apart');
  assert.deepEqual(missing(check), []);
});

// a demo stopped half-way and completed by the next start: test/security/demo-repair.test.ts, these studies included
test('a restarted demo creates nothing twice', async () => {
  const company = (await findCompany(store, DEMO_COMPANY))!;
  await ensureDemo(store);
  const again = await listStudies(store, { companyId: company.id });
  assert.deepEqual(again.map((s) => s.id).sort(), [...byName.values()].sort());
  assert.deepEqual(
    again.map((s) => s.version),
    again.map(() => 1),
    'no study got a new version',
  );
});
