import { createAccount, createOrganisation } from '../admin/accounts.ts';
import type { OrganisationKind } from '../model/account.ts';
import type { Role } from '../model/study.ts';
import { findCompany, findUserByEmail, type Store, type User } from '../store/index.ts';
import { hashPassword } from './passwords.ts';

/**
 * The demo's verification body and its auditor: the durian label and the demo's published
 * footprints are verified by her, from an organisation other than the practitioner's, so that
 * independence is what a newcomer sees.
 */

export const DEMO_VERIFICATION_BODY: { key: string; name: string; kind: OrganisationKind } = {
  key: 'verification',
  name: '演示认证中心 Demo Verification Centre',
  kind: 'verification-body',
};

export const DEMO_AUDITOR: { email: string; name: string; role: Role; organisation: string; password: string } = {
  email: 'auditor@verify.demo.tanji',
  name: '周静 Zhou Jing (verifier, Demo Verification Centre)',
  role: 'verifier',
  organisation: DEMO_VERIFICATION_BODY.key,
  password: 'durian-auditor',
};

/** The verification body and its auditor, created when missing; the auditor's account. */
export async function ensureVerificationBody(store: Store): Promise<User> {
  const existing = await findUserByEmail(store, DEMO_AUDITOR.email);
  if (existing) return existing;
  const body =
    (await findCompany(store, DEMO_VERIFICATION_BODY.name)) ??
    (await createOrganisation(store, { name: DEMO_VERIFICATION_BODY.name, kind: DEMO_VERIFICATION_BODY.kind }));
  return createAccount(store, {
    email: DEMO_AUDITOR.email,
    name: DEMO_AUDITOR.name,
    role: DEMO_AUDITOR.role,
    companyId: body.id,
    passwordHash: await hashPassword(DEMO_AUDITOR.password),
  });
}
