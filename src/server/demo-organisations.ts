import { createOrganisation, createAccount } from '../admin/accounts.ts';
import { buildAggregate } from '../cobuild/aggregation.ts';
import { publishRelease } from '../cobuild/publish.ts';
import { reviewSubmission } from '../cobuild/review.ts';
import { submitDatasets } from '../cobuild/submissions.ts';
import type { Factor } from '../model/factor.ts';
import type { OrganisationKind } from '../model/account.ts';
import type { Role } from '../model/study.ts';
import { SEED_RELEASE } from '../factors/seed.ts';
import {
  addVerifier,
  findCompany,
  isVerifierOf,
  findUserByEmail,
  getRelease,
  listStudies,
  type Store,
  type User,
} from '../store/index.ts';
import { DEMO_COMPANY, DEMO_USERS } from './demo.ts';
import { hashPassword } from './passwords.ts';
import { DEMO_AUDITOR, DEMO_VERIFICATION_BODY } from './demo-verification-body.ts';

/**
 * The demonstration's other organisations, so a newcomer sees who does what and why they are
 * independent: a verification body whose auditor verifies the durian study (shared with her by
 * the practitioner, not her own company's), an industry association whose steward reviews other
 * companies' submissions, and three packaging plants whose confidential carton factors the steward
 * averages (weighted by production) into an aggregate published in release DEMO_RELEASE, with
 * three contributors, the minimum for publishing an average.
 *
 * The plants' values are illustrative (status "check", said so in every source): they show the
 * workflow, they are not measurements. Everything is created once; what exists is left as it is.
 */

export const DEMO_RELEASE = '2026.1-demo';

export const DEMO_ORGANISATIONS: readonly { key: string; name: string; kind: OrganisationKind }[] = [
  DEMO_VERIFICATION_BODY,
  { key: 'association', name: '演示包装行业协会 Demo Packaging Industry Association', kind: 'association' },
  { key: 'plant-a', name: '演示纸品甲厂 Demo Carton Plant A', kind: 'enterprise' },
  { key: 'plant-b', name: '演示纸品乙厂 Demo Carton Plant B', kind: 'enterprise' },
  { key: 'plant-c', name: '演示纸品丙厂 Demo Carton Plant C', kind: 'enterprise' },
];

export const DEMO_ORGANISATION_USERS: readonly {
  email: string;
  name: string;
  role: Role;
  organisation: string;
  password: string;
}[] = [
  DEMO_AUDITOR,
  {
    email: 'steward@association.demo.tanji',
    name: '孙伟 Sun Wei (steward, Demo Packaging Industry Association)',
    role: 'steward',
    organisation: 'association',
    password: 'durian-association',
  },
  {
    email: 'lca@plant-a.demo.tanji',
    name: '甲厂 LCA (Plant A)',
    role: 'enterprise',
    organisation: 'plant-a',
    password: 'durian-plant-a',
  },
  {
    email: 'lca@plant-b.demo.tanji',
    name: '乙厂 LCA (Plant B)',
    role: 'enterprise',
    organisation: 'plant-b',
    password: 'durian-plant-b',
  },
  {
    email: 'lca@plant-c.demo.tanji',
    name: '丙厂 LCA (Plant C)',
    role: 'enterprise',
    organisation: 'plant-c',
    password: 'durian-plant-c',
  },
];

/** Each plant's carton factor (kg CO2e per kg) and yearly production (t): illustrative, see above. */
const PLANT_DATA: Record<string, { value: number; tonnes: number; technology: string }> = {
  'plant-a': { value: 0.92, tonnes: 42_000, technology: 'Corrugated board from recycled fibre, natural-gas steam' },
  'plant-b': { value: 1.08, tonnes: 18_000, technology: 'Corrugated board, 60 % virgin fibre, coal-fired steam' },
  'plant-c': { value: 0.97, tonnes: 30_000, technology: 'Corrugated board from recycled fibre, biomass steam' },
};

function cartonFactor(plant: string, organisation: string): Factor {
  const d = PLANT_DATA[plant];
  return {
    id: 'demo-corrugated-carton/CN-HI/2025',
    kind: 'material',
    name: 'Corrugated carton, at plant, Hainan',
    nameZh: '瓦楞纸箱（出厂）海南',
    perUnit: 'kg',
    value: d.value,
    unit: 'kg CO2e/kg',
    gases: 'CO2e',
    gwpSet: 'AR6',
    region: 'CN-HI',
    year: 2025,
    technology: d.technology,
    source: { title: 'Demonstration data: illustrative plant value, not a measurement', publisher: organisation },
    dataQuality: {
      pedigree: { reliability: 2, completeness: 2, temporal: 1, geographical: 1, technological: 2 },
      dqr: 1.75,
      comment: 'illustrative demonstration value',
    },
    licence: 'CC BY 4.0',
    status: 'check',
  };
}

/** Creates what is missing of the organisations demo; true when the aggregate release was published now. */
export async function ensureOrganisationsDemo(store: Store): Promise<boolean> {
  const ids = new Map<string, string>();
  for (const o of DEMO_ORGANISATIONS)
    ids.set(o.key, (await findCompany(store, o.name))?.id ?? (await createOrganisation(store, o)).id);
  const users = new Map<string, User>();
  for (const u of DEMO_ORGANISATION_USERS) {
    const existing = await findUserByEmail(store, u.email);
    users.set(
      u.organisation,
      existing ??
        (await createAccount(store, {
          email: u.email,
          name: u.name,
          role: u.role,
          companyId: ids.get(u.organisation)!,
          passwordHash: await hashPassword(u.password),
        })),
    );
  }
  await shareDemoStudies(store, users.get('verification')!);
  if (await getRelease(store, DEMO_RELEASE)) return false;
  const steward = users.get('association')!;
  const submissionIds: string[] = [];
  for (const plant of Object.keys(PLANT_DATA)) {
    const organisation = DEMO_ORGANISATIONS.find((o) => o.key === plant)!.name;
    const [head] = await submitDatasets(
      store,
      users.get(plant)!,
      [
        {
          dataset: { type: 'factor', factor: cartonFactor(plant, organisation) },
          meta: { sharing: 'confidential', productionVolume: { amount: PLANT_DATA[plant].tonnes, unit: 't' } },
        },
      ],
      'demo',
    );
    await reviewSubmission(store, steward, head.id, { action: 'start-review', baseVersion: 1 });
    await reviewSubmission(store, steward, head.id, {
      action: 'approve',
      baseVersion: 1,
      comment: 'Demonstration: checked against the plant’s production records.',
    });
    submissionIds.push(head.id);
  }
  const average = await buildAggregate(store, steward, {
    submissionIds,
    region: 'CN-HI',
    year: 2025,
    name: 'Corrugated carton, at plant, Hainan, industry average (demonstration)',
    nameZh: '瓦楞纸箱（出厂）海南行业平均（演示）',
    licence: 'CC BY 4.0',
  });
  await publishRelease(store, steward, {
    release: DEMO_RELEASE,
    baseFactors: SEED_RELEASE,
    submissionIds: [],
    aggregateIds: [average.id],
    licence: 'CC BY 4.0',
  });
  return true;
}

/** The demo company shares its studies with the verification body's auditor, as a practitioner would ask for verification. */
async function shareDemoStudies(store: Store, auditor: User): Promise<void> {
  const company = await findCompany(store, DEMO_COMPANY);
  const practitioner = await findUserByEmail(store, DEMO_USERS[0].email);
  if (!company || !practitioner) return;
  for (const s of await listStudies(store, { companyId: company.id })) {
    if (!(await isVerifierOf(store, s.id, auditor.id)))
      await addVerifier(store, s.id, auditor.id, practitioner.id, company.id);
  }
}
