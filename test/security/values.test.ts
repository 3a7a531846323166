import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getMethod } from '../../src/factors/gwp.ts';
import { seedFactors, SEED_RELEASE } from '../../src/factors/seed.ts';
import type { Study } from '../../src/model/study.ts';
import { backgroundOf } from '../../src/studies/background.ts';
import { calculateStudy } from '../../src/studies/calculate.ts';
import { calculateAndSave } from '../../src/studies/results.ts';
import { checkResult, InvalidResultError } from '../../src/studies/result-check.ts';
import {
  createCompany,
  createStudy,
  createUser,
  latestResult,
  MEMORY,
  openStore,
  saveRelease,
} from '../../src/store/index.ts';
import { fixture } from '../store/fixture.ts';
import { smallStudy } from './fixture.ts';

/**
 * A result with a non-finite number is never saved: the check names the entries at fault, or the
 * largest entries when only a sum overflowed. Schema bounds keep user input from getting there;
 * these tests reach it through a background factor that is absurd (a release is data too).
 */

const ELECTRICITY = 'cn-electricity-footprint/CN-HI/2024';

function withFactor(value: number) {
  return seedFactors().map((f) => (f.id === ELECTRICITY ? { ...f, value } : f));
}

const asStudy = (input = smallStudy()): Study => ({
  ...input,
  id: 's1',
  companyId: 'c1',
  version: 1,
  updatedAt: '2026-01-01T00:00:00Z',
  updatedBy: 'u',
});

test('an entry whose footprint is not finite is named, and the result refused', () => {
  const bg = backgroundOf(fixture(), withFactor(1e300), 'fixture', SEED_RELEASE, getMethod('ipcc-ar6-gwp100'));
  const study = asStudy();
  study.entries[0].amount = 1e12;
  const result = calculateStudy(study, bg);
  assert.throws(
    () => checkResult(result),
    (e: unknown) =>
      e instanceof InvalidResultError &&
      e.entryIds.includes('power') &&
      /entry "Small study electricity" \(power: /.test(e.message) &&
      /nothing was saved/.test(e.message),
  );
});

test('finite entries whose sum overflows are refused naming the largest', () => {
  const bg = backgroundOf(fixture(), withFactor(1e300), 'fixture', SEED_RELEASE, getMethod('ipcc-ar6-gwp100'));
  const study = asStudy();
  study.entries[0].amount = 1e8; // 1e308 kg CO2e: finite
  study.entries.push({ ...study.entries[0], id: 'power-2', name: 'Second electricity' });
  const result = calculateStudy(study, bg);
  assert.ok(result.entries.every((e) => Number.isFinite(e.total)));
  assert.throws(
    () => checkResult(result),
    (e: unknown) =>
      e instanceof InvalidResultError && /overflows/.test(e.message) && /"Small study electricity"/.test(e.message),
  );
});

test('an ordinary result passes, and calculateAndSave stores nothing for a refused one', async () => {
  const bg = backgroundOf(fixture(), seedFactors(), 'fixture', SEED_RELEASE, getMethod('ipcc-ar6-gwp100'));
  checkResult(calculateStudy(asStudy(), bg));

  const store = await openStore({ dataDir: MEMORY });
  try {
    await saveRelease(store, { release: 'absurd', factors: withFactor(1e300) });
    await saveRelease(store, { release: 'fixture', database: fixture() });
    const company = await createCompany(store, 'C');
    const user = await createUser(store, {
      email: 'u@c.example',
      name: 'u',
      role: 'enterprise',
      companyId: company.id,
      passwordHash: 'x',
    });
    const input = smallStudy();
    input.releases.factors = 'absurd';
    input.entries = input.entries.map((e) =>
      e.source.type === 'background'
        ? { ...e, source: { type: 'background', dataset: { ...e.source.dataset, release: 'absurd' } } }
        : e,
    );
    input.entries[0].amount = 1e12;
    const study = await createStudy(store, input, company.id, user.id);
    await assert.rejects(calculateAndSave(store, study.id, { iterations: 0 }), InvalidResultError);
    assert.equal(await latestResult(store, study.id), undefined, 'no result was saved');
  } finally {
    await store.close();
  }
});
