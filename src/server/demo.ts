import { createCompany, createStudy, createUser, findCompany, findUserByEmail, type Store } from '../store/index.ts';
import { durianStudy } from '../studies/demo-durian.ts';
import { calculateAndSave } from '../studies/results.ts';
import { hashPassword } from './passwords.ts';
import { ensurePactDemo } from './demo-pact.ts';
import { ensurePcrDemo } from '../studies/demo-pcr.ts';

/**
 * The demo company a fresh store starts with: a practitioner, a verifier and an administrator,
 * and the durian demonstration study, calculated. The passwords are printed by `npm start` and
 * written in the README: this is for trying Tanji on one's own machine, not for a shared server
 * (TANJI_DEMO=0 leaves it out).
 */

export const DEMO_COMPANY = '演示果业有限公司 Demo Orchard Co.';

export const DEMO_USERS = [
  { email: 'practitioner@demo.tanji', name: '李明 Li Ming (practitioner)', role: 'enterprise', password: 'durian-practitioner' },
  { email: 'verifier@demo.tanji', name: '王芳 Wang Fang (verifier)', role: 'verifier', password: 'durian-verifier' },
  { email: 'admin@demo.tanji', name: 'Tanji admin', role: 'admin', password: 'durian-admin-2026' },
  { email: 'steward@demo.tanji', name: '赵磊 Zhao Lei (database steward)', role: 'steward', password: 'durian-steward' },
] as const;

/**
 * Creates what is missing of the demo; true when the demo company was created now. A store made
 * before a demo user was added (the steward) gets that user; users that exist keep their password
 * and data, and a demo company that exists keeps its studies as they are.
 */
export async function ensureDemo(store: Store): Promise<boolean> {
  const existing = await findCompany(store, DEMO_COMPANY);
  const company = existing ?? (await createCompany(store, DEMO_COMPANY));
  for (const u of DEMO_USERS) {
    if (await findUserByEmail(store, u.email)) continue;
    await createUser(store, { email: u.email, name: u.name, role: u.role, companyId: u.role === 'admin' ? null : company.id, passwordHash: await hashPassword(u.password) });
  }
  if (!existing) {
    const practitioner = (await findUserByEmail(store, DEMO_USERS[0].email))!;
    const study = await createStudy(store, durianStudy(), company.id, practitioner.id, 'demonstration study');
    await calculateAndSave(store, study.id, { iterations: 1000, seed: 1 });
  }
  await ensurePactDemo(store, company.id, DEMO_USERS[0].email, DEMO_USERS[1].email);
  await ensurePcrDemo(store, company.id, (await findUserByEmail(store, DEMO_USERS[0].email))!.id);
  return !existing;
}
