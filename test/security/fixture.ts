import { seedFactors, SEED_RELEASE } from '../../src/factors/seed.ts';
import type { StudyInput } from '../../src/model/study.ts';
import { createApp } from '../../src/server/app.ts';
import { hashPassword } from '../../src/server/passwords.ts';
import { createCompany, createUser, MEMORY, openStore, saveRelease, type Store } from '../../src/store/index.ts';
import { fixture } from '../store/fixture.ts';

/**
 * A small platform for the security tests: the China seed factors, the store tests' small LCI
 * database as release `fixture`, two companies each with a practitioner, a verifier of the first,
 * a steward and an admin. Fast to build, so each test file starts from a fresh store.
 */

export const PASSWORD = 'correct horse battery staple';
export const USERS = {
  alice: { email: 'alice@a.example', role: 'enterprise', company: 'a' },
  vera: { email: 'vera@a.example', role: 'verifier', company: 'a' },
  bob: { email: 'bob@b.example', role: 'enterprise', company: 'b' },
  stella: { email: 'stella@steward.example', role: 'steward', company: 'a' },
  root: { email: 'root@admin.example', role: 'admin', company: null },
} as const;

export interface SmallPlatform {
  store: Store;
  app: ReturnType<typeof createApp>;
  companies: { a: string; b: string };
}

export async function smallPlatform(): Promise<SmallPlatform> {
  const store = await openStore({ dataDir: MEMORY });
  await saveRelease(store, { release: SEED_RELEASE, factors: seedFactors() });
  await saveRelease(store, { release: 'fixture', database: fixture() });
  const companies = {
    a: (await createCompany(store, 'Company A')).id,
    b: (await createCompany(store, 'Company B')).id,
  };
  const passwordHash = await hashPassword(PASSWORD);
  for (const [name, u] of Object.entries(USERS)) {
    await createUser(store, {
      email: u.email,
      name,
      role: u.role,
      companyId: u.company ? companies[u.company] : null,
      passwordHash,
    });
  }
  return { store, app: createApp({ store }), companies };
}

/** A calculable study on the seed factors: electricity, a truck leg and a direct emission. */
export function smallStudy(name = 'Small study'): StudyInput {
  return {
    name,
    product: { name: `${name} product`, description: '' },
    unit: { kind: 'declared', amount: 1, unit: 'kg', description: '' },
    referenceFlow: '1 kg of product',
    boundary: 'cradle-to-gate',
    region: 'CN',
    year: 2024,
    method: 'ipcc-ar6-gwp100',
    releases: { lci: 'fixture', factors: SEED_RELEASE },
    // the general rule's statements, written (like every text field here) around the name
    cutoff: `${name}: inputs below 1 % of mass and of the footprint left out`,
    allocation: `${name}: no multi-output processes in the foreground`,
    electricity: `${name}: grid electricity, the province's life-cycle factor`,
    limitations: '',
    entries: [
      {
        id: 'power',
        stage: 'manufacturing',
        kind: 'energy',
        name: `${name} electricity`,
        amount: 2,
        unit: 'kWh',
        source: {
          type: 'background',
          dataset: { type: 'factor', release: SEED_RELEASE, id: 'cn-electricity-footprint/CN-HI/2024' },
        },
        evidence: { type: 'meter-reading', reference: 'meter 1' },
      },
      {
        id: 'truck',
        stage: 'distribution',
        kind: 'transport',
        name: `${name} truck`,
        amount: 0.1,
        unit: 't*km',
        transport: { massKg: 1, distanceKm: 100, mode: 'road', refrigerated: false },
        source: {
          type: 'background',
          dataset: { type: 'factor', release: SEED_RELEASE, id: 'cn-transport-road-medium-diesel-truck/CN/2022' },
        },
      },
      {
        id: 'leak',
        stage: 'manufacturing',
        kind: 'emission',
        name: `${name} N2O`,
        amount: 0.001,
        unit: 'kg',
        source: { type: 'direct', gas: 'N2O' },
      },
    ],
  };
}
