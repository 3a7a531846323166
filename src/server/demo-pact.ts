import { verifyCurrentResult } from '../studies/verification.ts';
import {
  createConnection,
  findUserByEmail,
  latestFootprintOfStudy,
  latestResult,
  listConnections,
  listStudies,
  type Store,
} from '../store/index.ts';
import { sha256 } from '../pact/credentials.ts';
import { publishStudy } from '../pact/publish.ts';
import { durianHarvest, durianStudy } from '../studies/demo-durian.ts';
import { ensureDemoStudy } from './demo-study.ts';

/**
 * The demo company's PACT side: a partner (a demo buyer) with known client credentials, and its
 * durian studies verified and published, so that a PACT conformance run against a fresh
 * `npm start` finds at least three footprints. Known credentials are for local trials only, like
 * the demo passwords.
 */

export const DEMO_PARTNER = {
  name: '演示采购商 Demo Buyer (PACT)',
  clientId: 'demo-buyer',
  clientSecret: 'durian-pact-demo',
} as const;

const HARVESTS = [2023, 2024];

/**
 * Each part is completed when missing, so a first start stopped half-way is finished by the next:
 * the partner, the harvest studies (see ensureDemoStudy), and for each demo study that was never
 * published, the verification and publication of its result. Studies of the demo company other
 * than these, and demo studies published before, are left as they are.
 */
export async function ensurePactDemo(
  store: Store,
  companyId: string,
  practitionerEmail: string,
  verifierEmail: string,
): Promise<void> {
  const practitioner = (await findUserByEmail(store, practitionerEmail))!;
  const verifier = (await findUserByEmail(store, verifierEmail))!;
  if (!(await listConnections(store, companyId)).some((c) => c.clientId === DEMO_PARTNER.clientId)) {
    await createConnection(store, {
      name: DEMO_PARTNER.name,
      products: [],
      partnerUrl: null,
      partnerClientId: null,
      partnerSecret: null,
      partnerCa: null,
      companyId,
      clientId: DEMO_PARTNER.clientId,
      secretHash: sha256(DEMO_PARTNER.clientSecret),
      createdBy: practitioner.id,
    });
  }
  const demoNames = new Set([durianStudy().name, ...HARVESTS.map((year) => durianHarvest(year).name)]);
  for (const year of HARVESTS) await ensureDemoStudy(store, durianHarvest(year), companyId, practitioner.id, 200);
  for (const s of await listStudies(store, { companyId })) {
    if (!demoNames.has(s.name) || (await latestFootprintOfStudy(store, s.id))) continue;
    if (!(await latestResult(store, s.id))) continue;
    await verifyCurrentResult(
      store,
      s.id,
      companyId,
      verifier,
      'Demonstration: the model and data were reviewed against ISO 14067 (demo data, not a real verification).',
    );
    await publishStudy(store, s.id, practitioner);
  }
}
