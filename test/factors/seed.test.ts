import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FactorSchema, type Factor } from '../../src/model/factor.ts';
import { readCsv } from '../../src/factors/csv.ts';
import { seedFactors, SEED_RELEASE } from '../../src/factors/seed.ts';

const factors = seedFactors();
const byId = (id: string): Factor => {
  const f = factors.find((x) => x.id === id);
  assert.ok(f, `${id} is seeded`);
  return f;
};

test('every seed factor passes FactorSchema and ids are unique and follow <series>/<region>/<year>', () => {
  assert.ok(factors.length > 200);
  assert.equal(new Set(factors.map((f) => f.id)).size, factors.length);
  for (const f of factors) {
    assert.deepEqual(FactorSchema.parse(f), f);
    assert.ok(f.id.endsWith(`/${f.region}/${f.year}`), f.id);
    assert.ok(f.source.title && f.source.publisher, `${f.id} has a source`);
  }
  assert.match(SEED_RELEASE, /^\d{4}\.\d+$/);
});

test('Sichuan 2022 CO2 grid factor is 0.1404 kg CO2/kWh from the MEE/NBS announcement of 2024-12-20', () => {
  const f = byId('cn-electricity-co2/CN-SC/2022');
  assert.equal(f.value, 0.1404);
  assert.equal(f.unit, 'kg CO2/kWh');
  assert.equal(f.kind, 'electricity-co2');
  assert.equal(f.gases, 'CO2');
  assert.equal(f.status, 'verified');
  assert.equal(f.source.published, '2024-12-20');
  assert.match(f.source.publisher, /Ministry of Ecology and Environment.*National Bureau of Statistics/);
  assert.equal(byId('cn-electricity-co2/CN/2021').source.documentNumber, 'MEE/NBS announcement 2024 No.12');
});

test('every region and year of the grid CO2 table is seeded, 2023 flagged as check', () => {
  const table = readCsv('china-grid-co2-2021-2023.csv');
  for (const row of table.rows) {
    for (const year of [2021, 2022, 2023]) {
      const f = factors.find(
        (x) =>
          x.kind === 'electricity-co2' &&
          x.year === year &&
          x.value === Number(row.values[String(year)]) &&
          x.name.includes(row.values.name_en),
      );
      assert.ok(f, `${row.values.code} ${year}`);
      assert.equal(f.status, year === 2023 ? 'check' : 'verified');
    }
  }
});

test('national life-cycle footprint factors by source, 2023 and 2024', () => {
  assert.equal(byId('cn-electricity-footprint/CN/2023').value, 0.6205);
  assert.equal(byId('cn-electricity-footprint/CN/2024').value, 0.5777);
  assert.equal(byId('cn-electricity-footprint-coal/CN/2024').value, 0.924);
  assert.equal(byId('cn-electricity-footprint-grid-td-including-losses/CN/2024').value, 0.0327);
  for (const f of factors.filter((x) => x.kind === 'electricity-footprint')) {
    assert.equal(f.gases, 'CO2e');
    assert.equal(f.unit, 'kg CO2e/kWh');
  }
});

test('derived provincial footprints: status derived, method written, worse data quality, value by hand', () => {
  const f = byId('cn-electricity-footprint/CN-SC/2023');
  assert.equal(f.status, 'derived');
  assert.equal(f.value, Number(((0.6205 * 0.1564) / 0.5306).toPrecision(4)));
  assert.match(f.method!, /0\.6205 × 0\.1564 ÷ 0\.5306/);
  assert.match(f.dataQuality.comment!, /[Ee]stimate/);
  const official = byId('cn-electricity-footprint/CN/2023');
  const derived = factors.filter((x) => x.status === 'derived' && x.kind === 'electricity-footprint');
  assert.equal(derived.length, 2 * (30 + 7), 'every province with a CO2 factor and every grid, for 2023 and 2024');
  for (const d of derived) {
    assert.ok(d.method && d.method.length > 50, d.id);
    assert.ok(d.dataQuality.dqr > official.dataQuality.dqr + 1, `${d.id} DQR ${d.dataQuality.dqr}`);
    assert.ok(d.dataQuality.pedigree.technological >= 3 && d.dataQuality.pedigree.geographical >= 3);
  }
  // 2024 is scaled with the 2023 CO2 ratio and says so
  assert.match(byId('cn-electricity-footprint/CN-SC/2024').method!, /CO2 factors of 2023/);
  assert.ok(!factors.some((x) => x.region === 'CN-XZ'), 'no Tibet value is invented');
});

test('fuel EF = NCV × CC × OF × 44/12 (China guideline diesel) and IPCC CO2e with AR6 GWPs, by hand', () => {
  const diesel = byId('fuel-cn-guideline-diesel-co2-per-kg/CN/2015');
  // 42.652 GJ/t × 20.2 tC/TJ × 0.98 × 44/12 = 3095.9 kg CO2/t
  assert.ok(Math.abs(diesel.value - 3.096) < 1e-9);
  assert.equal(diesel.status, 'check');
  assert.match(diesel.method!, /NCV × CC × OF × 44\/12/);
  const gas = byId('fuel-cn-guideline-natural-gas-co2-per-nm3/CN/2015');
  assert.ok(Math.abs(gas.value - (389.31 * 15.3 * 0.99 * 44) / 12 / 1e4) < 1e-3, `natural gas ${gas.value} kg CO2/Nm3`);
  const tj = byId('fuel-ipcc2006-gas-diesel-oil-co2e-per-tj/GLO/2006');
  assert.ok(Math.abs(tj.value - (74100 + 3 * 29.8 + 0.6 * 273)) < 1e-6);
  assert.equal(tj.gwpSet, 'AR6');
  assert.equal(byId('fuel-ipcc2006-gas-diesel-oil-co2-per-tj/GLO/2006').status, 'verified');
  assert.equal(byId('fuel-ipcc2006-gas-diesel-oil-co2e-per-kg/GLO/2006').status, 'derived');
  assert.equal(
    byId('fuel-ipcc2006-motor-gasoline-co2e-per-kg/GLO/2006').status,
    'check',
    'an unverified input keeps the flag',
  );
  assert.ok(Math.abs(byId('fuel-ipcc2006-gas-diesel-oil-co2e-per-kg/GLO/2006').value - 74353.2 * 43e-6) < 1e-3);
});

test('transport factors per t·km, all flagged check', () => {
  const t = factors.filter((f) => f.kind === 'transport');
  assert.equal(t.length, readCsv('transport.csv').rows.length);
  assert.ok(t.every((f) => f.perUnit === 't·km' && f.status === 'check' && f.unit === 'kg CO2e/t·km'));
  assert.equal(byId('cn-transport-rail-freight-train/CN/2022').value, 0.006502);
});
