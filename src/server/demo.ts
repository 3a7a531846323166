import { createCompany, createUser, findCompany, findUserByEmail, type Store } from '../store/index.ts';
import { durianStudy } from '../studies/demo-durian.ts';
import { ensureDemoStudy } from './demo-study.ts';
import { hashPassword } from './passwords.ts';
import { ensurePactDemo } from './demo-pact.ts';
import { ensureLabelDemo } from './demo-labels.ts';
import { ensurePcrDemo } from '../studies/demo-pcr.ts';
import { ensureVerificationBody } from './demo-verification-body.ts';

/**
 * The demo company a fresh store starts with: a practitioner, an in-company verifier, a steward
 * and an administrator, and the durian demonstration study, calculated, verified and labelled by
 * the auditor of an independent verification body (demo-verification-body.ts). The passwords are printed by `npm start` and
 * written in the README: this is for trying Tanji on one's own machine, not for a shared server
 * (TANJI_DEMO=0 leaves it out).
 */

export const DEMO_COMPANY = '演示果业有限公司 Demo Orchard Co.';

export const DEMO_USERS = [
  {
    email: 'practitioner@demo.tanji',
    name: '李明 Li Ming (practitioner)',
    role: 'enterprise',
    password: 'durian-practitioner',
  },
  { email: 'verifier@demo.tanji', name: '王芳 Wang Fang (verifier)', role: 'verifier', password: 'durian-verifier' },
  { email: 'admin@demo.tanji', name: 'Tanji admin', role: 'admin', password: 'durian-admin-2026' },
  {
    email: 'steward@demo.tanji',
    name: '赵磊 Zhao Lei (database steward)',
    role: 'steward',
    password: 'durian-steward',
  },
] as const;

/**
 * Creates what is missing of the demo; true when the demo company was created now. Each part is
 * found before it is made (the company and users by name and email, the studies by name, a result
 * by its study), so a first start that was stopped half-way is completed by the next one. A store
 * made before a demo user was added (the steward) gets that user; users that exist keep their
 * password and data, and a study that exists keeps its versions: only a demo study that never had
 * a result is calculated.
 */
export async function ensureDemo(store: Store): Promise<boolean> {
  const existing = await findCompany(store, DEMO_COMPANY);
  const company = existing ?? (await createCompany(store, DEMO_COMPANY));
  for (const u of DEMO_USERS) {
    if (await findUserByEmail(store, u.email)) continue;
    await createUser(store, {
      email: u.email,
      name: u.name,
      role: u.role,
      companyId: u.role === 'admin' ? null : company.id,
      passwordHash: await hashPassword(u.password),
    });
  }
  const practitioner = (await findUserByEmail(store, DEMO_USERS[0].email))!;
  const auditor = await ensureVerificationBody(store);
  await ensureDemoStudy(store, durianStudy(), company.id, practitioner.id, 1000);
  await ensurePactDemo(store, company.id, DEMO_USERS[0].email, auditor.email);
  const publicBase = process.env.TANJI_PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  await ensureLabelDemo(
    store,
    { practitioner: DEMO_USERS[0].email, verifier: auditor.email, steward: DEMO_USERS[3].email },
    publicBase,
  );
  await ensurePcrDemo((input) => ensureDemoStudy(store, input, company.id, practitioner.id, 1000));
  return !existing;
}
