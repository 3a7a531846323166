import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coverage, derivation, isCo2OnlyElectricity, isVerified, unverifiedNote } from '../../src/factors/integrity.ts';
import {
  assertUsableInProductFootprint,
  FactorUseError,
  lookupFactor,
  officialInsteadOf,
} from '../../src/factors/lookup.ts';
import { getMethod } from '../../src/factors/gwp.ts';
import { REGIONS } from '../../src/factors/regions.ts';
import { seedFactors } from '../../src/factors/seed.ts';
import type { Factor } from '../../src/model/factor.ts';
import type { Entry, Study } from '../../src/model/study.ts';
import { backgroundOf } from '../../src/studies/background.ts';
import { calculateStudy } from '../../src/studies/calculate.ts';
import { co2Fossil, database, out, process, product, ref } from '../engine/fixtures.ts';
import { messageText } from '../../src/model/message.ts';

/** Issue 17 item 6: what a factor covers, whether it is verified, approved, or a Tanji estimate. */

const seed = seedFactors();
const byId = (id: string) => seed.find((f) => f.id === id)!;

test('coverage is read from gases and unit, the narrower of the two', () => {
  assert.equal(coverage({ gases: 'CO2e', unit: 'kg CO2e/kWh' }), 'CO2e');
  assert.equal(coverage({ gases: 'CO2e', unit: 'kg CO2-eq/kWh' }), 'CO2e');
  assert.equal(coverage({ gases: 'CO2e', unit: 'kg CO2/kWh' }), 'CO2');
  assert.equal(coverage({ gases: 'CO2', unit: 'kg CO2e/kWh' }), 'CO2');
});

test('a CO2-only electricity factor is refused in a product footprint whatever kind or id it was filed under', () => {
  const official = byId('cn-electricity-footprint/CN/2023');
  // a spreadsheet row that calls a scope 2 factor a footprint, with a footprint-like id
  const relabelled: Factor = {
    ...byId('cn-electricity-co2/CN-GD/2022'),
    id: 'cn-electricity-footprint-supplier/CN-GD/2022',
    kind: 'electricity-footprint',
    gases: 'CO2e',
    gwpSet: 'AR6',
  };
  assert.equal(isCo2OnlyElectricity(relabelled), true, 'its unit still says kg CO2/kWh');
  assert.throws(
    () => assertUsableInProductFootprint(relabelled, seed),
    (e: unknown) => e instanceof FactorUseError && e.suggestion?.factor.id === official.id,
  );
  // filed as a material, named in Chinese, per kWh
  const material: Factor = {
    ...official,
    id: 'purchased-power/CN/2023',
    kind: 'material',
    name: 'Purchased power',
    nameZh: '外购电力',
    gases: 'CO2',
    unit: 'kg CO2/kWh',
  };
  assert.throws(() => assertUsableInProductFootprint(material, seed), FactorUseError);
  assert.equal(
    lookupFactor([...seed, relabelled, material], {
      query: 'electricity',
      region: 'CN-GD',
      year: 2023,
      purpose: 'product-footprint',
    }).factor.id,
    official.id,
  );
  // a CO2-only fuel factor stays usable: it is not electricity, and the entry says what it lacks
  assertUsableInProductFootprint(byId('fuel-cn-guideline-diesel-co2-per-kg/CN/2015'));
});

test('the provincial footprint estimates derived from the unverified 2023 CO2 factors are unverified too', () => {
  const provinces = REGIONS.filter((r) => r.level === 'province' && r.code !== 'CN-XZ').map((r) => r.code);
  for (const year of [2023, 2024]) {
    assert.equal(isVerified(byId(`cn-electricity-footprint/CN/${year}`)), true, 'the official national factor');
    for (const code of provinces) {
      const f = byId(`cn-electricity-footprint/${code}/${year}`);
      assert.equal(f.status, 'derived');
      assert.deepEqual(f.derivedFrom, [
        `cn-electricity-footprint/CN/${year}`,
        `cn-electricity-co2/${code}/2023`,
        'cn-electricity-co2/CN/2023',
      ]);
      assert.deepEqual(f.unverifiedInputs, [`cn-electricity-co2/${code}/2023`, 'cn-electricity-co2/CN/2023']);
      assert.equal(isVerified(f), false, f.id);
      assert.match(
        unverifiedNote(f)!.message,
        /^factor unverified: derived from 2 input\(s\) not verified against their source/,
      );
    }
  }
});

test('unverified inputs pass through a chain of derivations; approval is not verification', () => {
  const verified = byId('cn-electricity-co2/CN-GD/2022');
  const unverified = byId('cn-electricity-co2/CN-GD/2023');
  const first: Factor = {
    ...verified,
    id: 'first/CN-GD/2023',
    status: 'derived',
    method: 'x',
    ...derivation([verified, unverified]),
  };
  assert.deepEqual(first.unverifiedInputs, ['cn-electricity-co2/CN-GD/2023']);
  const second: Factor = {
    ...verified,
    id: 'second/CN-GD/2023',
    status: 'derived',
    method: 'y',
    ...derivation([first, verified]),
  };
  assert.deepEqual(second.derivedFrom, ['first/CN-GD/2023', 'cn-electricity-co2/CN-GD/2022']);
  assert.deepEqual(
    second.unverifiedInputs,
    ['cn-electricity-co2/CN-GD/2023'],
    'the original unverified input, not the intermediate',
  );
  assert.equal(isVerified({ ...verified, status: 'derived', method: 'z', ...derivation([verified]) }), true);
  const approved: Factor = { ...unverified, approval: { by: 'Steward Li', at: '2026-03-01T08:00:00Z' } };
  assert.equal(isVerified(approved), false);
  assert.match(
    unverifiedNote(approved)!.message,
    /Approved by Steward Li on 2026-03-01; approval is not verification against the source\.$/,
  );
});

function study(entries: Entry[]): Study {
  return {
    id: 's',
    companyId: 'c',
    version: 1,
    updatedAt: '',
    updatedBy: '',
    name: 't',
    product: { name: 'P', description: '' },
    unit: { kind: 'declared', amount: 1, unit: 'kg', description: '' },
    referenceFlow: '1 kg',
    boundary: 'cradle-to-gate',
    region: 'CN-GD',
    year: 2024,
    method: 'ipcc-ar6-gwp100',
    releases: { lci: 'tiny', factors: '2026.1' },
    cutoff: '',
    allocation: '',
    electricity: '',
    limitations: '',
    entries,
  };
}

test('a study entry on a Tanji estimate says it was chosen over the official factor; the official one needs no such note', () => {
  const widget = product('widget');
  const bg = backgroundOf(
    database([process('w', [ref(widget, 1), out(co2Fossil, 1)])], [widget, co2Fossil]),
    seed,
    'tiny',
    '2026.1',
    getMethod('ipcc-ar6-gwp100'),
  );
  const entry = (id: string): Entry => ({
    id,
    stage: 'manufacturing',
    kind: 'energy',
    name: id,
    amount: 100,
    unit: 'kWh',
    source: { type: 'background', dataset: { type: 'factor', release: '2026.1', id } },
  });
  const estimate = byId('cn-electricity-footprint/CN-GD/2024');
  assert.equal(officialInsteadOf(seed, estimate)?.id, 'cn-electricity-footprint/CN/2024');
  assert.equal(officialInsteadOf(seed, byId('cn-electricity-footprint/CN/2024')), undefined);
  const r = calculateStudy(study([entry(estimate.id), entry('cn-electricity-footprint/CN/2024')]), bg);
  const [e, o] = r.entries;
  assert.equal(e.total, 100 * estimate.value);
  assert.equal(e.provenance.verified, false);
  assert.ok(
    e.provenance.notes
      .map(messageText)
      .includes(
        'factor: Tanji estimate chosen over the official cn-electricity-footprint/CN/2024 (0.5777 kg CO2e/kWh, 2024)',
      ),
  );
  assert.ok(
    r.warnings
      .map(messageText)
      .some(
        (w) =>
          w ===
          `${estimate.id}: factor: Tanji estimate chosen over the official cn-electricity-footprint/CN/2024 (0.5777 kg CO2e/kWh, 2024)`,
      ),
  );
  assert.equal(o.total, 100 * 0.5777);
  assert.equal(o.provenance.verified, true);
  assert.ok(!o.provenance.notes.map(messageText).some((n) => /Tanji estimate|unverified/.test(n)));
});
