import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedFactors, SEED_RELEASE } from '../../src/factors/seed.ts';
import { importDatabase } from '../../src/formats/index.ts';
import { DEMO_PARTNER } from '../../src/server/demo-pact.ts';
import { DEMO_COMPANY, DEMO_USERS, ensureDemo } from '../../src/server/demo.ts';
import {
  findCompany,
  findUserByEmail,
  latestFootprintOfStudy,
  latestResult,
  listConnections,
  listFootprintRows,
  listStudies,
  openStore,
  saveRelease,
  type Store,
} from '../../src/store/index.ts';
import { DEMO_PCR_NAMES } from '../../src/studies/demo-pcr.ts';
import { durianHarvest, durianStudy } from '../../src/studies/demo-durian.ts';
import { loadBackground } from '../../src/studies/background.ts';
import { USLCI_JSONLD } from '../uslci.ts';

/**
 * A first start stopped half-way leaves part of the demo; the next start completes it. A crash is
 * simulated at the k-th call the demo makes to the store (a transaction, or a statement outside
 * one, is atomic, so stopping before call k reaches every state a killed process can leave),
 * for cut points spread over a whole run; each time a second ensureDemo must leave the complete
 * demo, with nothing twice.
 */

/** the durian studies are published over PACT; the studies by product rule are not */
const PUBLISHED = [durianStudy().name, durianHarvest(2023).name, durianHarvest(2024).name];
const DEMO_NAMES = [...PUBLISHED, ...Object.values(DEMO_PCR_NAMES)];
let base: string;
const dirs: string[] = [];

before(async () => {
  base = mkdtempSync(join(tmpdir(), 'tanji-demo-base-'));
  const store = await openStore({ dataDir: base });
  await saveRelease(store, { release: SEED_RELEASE, factors: seedFactors() });
  await saveRelease(store, { release: 'uslci', database: await importDatabase(USLCI_JSONLD) });
  await store.close();
});

after(() => {
  for (const d of [base, ...dirs]) if (d) rmSync(d, { recursive: true, force: true });
});

async function freshCopy(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'tanji-demo-'));
  dirs.push(dir);
  cpSync(base, dir, { recursive: true });
  return openStore({ dataDir: dir });
}

/** The store, failing at its k-th top-level call (k = Infinity: never), counting calls in `calls`. */
function crashingAt(store: Store, k: number, calls: { n: number }): Store {
  return new Proxy(store, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (prop !== 'query' && prop !== 'transaction') return value.bind(target);
      return (...args: unknown[]) => {
        if (++calls.n === k) return Promise.reject(new Error(`simulated crash at store call ${k}`));
        return value.apply(target, args);
      };
    },
  });
}

async function assertCompleteDemo(store: Store, label: string) {
  const company = await findCompany(store, DEMO_COMPANY);
  assert.ok(company, `${label}: the demo company`);
  for (const u of DEMO_USERS) assert.ok(await findUserByEmail(store, u.email), `${label}: user ${u.email}`);
  const studies = await listStudies(store, { companyId: company.id });
  assert.deepEqual(studies.map((s) => s.name).sort(), [...DEMO_NAMES].sort(), `${label}: each demo study once`);
  for (const s of studies) {
    assert.ok(await latestResult(store, s.id), `${label}: ${s.name} has a result`);
    if (!PUBLISHED.includes(s.name)) continue;
    const footprint = await latestFootprintOfStudy(store, s.id);
    assert.equal(footprint?.status, 'Active', `${label}: ${s.name} is published`);
  }
  assert.equal((await listFootprintRows(store, company.id)).length, 3, `${label}: three footprints, none twice`);
  assert.equal(
    (await listConnections(store, company.id)).filter((c) => c.clientId === DEMO_PARTNER.clientId).length,
    1,
    `${label}: one demo partner`,
  );
}

test('a demo stopped at any point of its first start is completed by the next, with nothing twice', async () => {
  const clean = await freshCopy();
  // the background is cached per release by the process: loaded once here, so every run below makes the same calls
  await loadBackground(clean, 'uslci', SEED_RELEASE, durianStudy().method);
  const calls = { n: 0 };
  assert.equal(await ensureDemo(crashingAt(clean, Infinity, calls)), true);
  await assertCompleteDemo(clean, 'uninterrupted');
  assert.equal(await ensureDemo(clean), false, 'a second start creates nothing');
  await assertCompleteDemo(clean, 'second start');
  await clean.close();
  const total = calls.n;
  assert.ok(total > 20, `the demo makes ${total} store calls`);

  const cuts = [2, ...[0.2, 0.45, 0.7, 0.95].map((f) => Math.round(total * f))];
  for (const k of cuts) {
    const store = await freshCopy();
    await assert.rejects(ensureDemo(crashingAt(store, k, { n: 0 })), /simulated crash/);
    await ensureDemo(store);
    await assertCompleteDemo(store, `stopped at call ${k} of ${total}`);
    await store.close();
  }
});
