import { verifyCurrentResult } from '../studies/verification.ts';
import { createConnection, createStudy, findUserByEmail, latestResult, listConnections, listFootprintRows, listStudies, type Store } from '../store/index.ts';
import { sha256 } from '../pact/credentials.ts';
import { publishStudy } from '../pact/publish.ts';
import { durianHarvest } from '../studies/demo-durian.ts';
import { calculateAndSave } from '../studies/results.ts';

/**
 * The demo company's PACT side: a partner (a demo buyer) with known client credentials, and its
 * durian studies verified and published, so that a PACT conformance run against a fresh
 * `npm start` finds at least three footprints. Known credentials are for local trials only, like
 * the demo passwords.
 */

export const DEMO_PARTNER = { name: '演示采购商 Demo Buyer (PACT)', clientId: 'demo-buyer', clientSecret: 'durian-pact-demo' } as const;

const HARVESTS = [2023, 2024];
const MIN_PUBLISHED = 3;

export async function ensurePactDemo(store: Store, companyId: string, practitionerEmail: string, verifierEmail: string): Promise<void> {
  const practitioner = (await findUserByEmail(store, practitionerEmail))!;
  const verifier = (await findUserByEmail(store, verifierEmail))!;
  if (!(await listConnections(store, companyId)).some((c) => c.clientId === DEMO_PARTNER.clientId)) {
    await createConnection(store, {
      name: DEMO_PARTNER.name, products: [], partnerUrl: null, partnerClientId: null, partnerSecret: null, partnerCa: null,
      companyId, clientId: DEMO_PARTNER.clientId, secretHash: sha256(DEMO_PARTNER.clientSecret), createdBy: practitioner.id,
    });
  }
  if ((await listFootprintRows(store, companyId)).length >= MIN_PUBLISHED) return;
  const names = new Set((await listStudies(store, { companyId })).map((s) => s.name));
  for (const year of HARVESTS) {
    const input = durianHarvest(year);
    if (names.has(input.name)) continue;
    const study = await createStudy(store, input, companyId, practitioner.id, 'demonstration study');
    await calculateAndSave(store, study.id, { iterations: 200, seed: 1 });
  }
  for (const s of await listStudies(store, { companyId })) {
    if (!(await latestResult(store, s.id))) continue;
    await verifyCurrentResult(store, s.id, companyId, verifier, 'Demonstration: the model and data were reviewed against ISO 14067 (demo data, not a real verification).');
    await publishStudy(store, s.id, practitioner);
  }
}
