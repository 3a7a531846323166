import { ADMIN_TEXTS } from '../i18n/admin.ts';
import { coder } from '../i18n/define.ts';
import { ROLE_MEMBERSHIP, type OrganisationKind } from '../model/account.ts';
import { DomainError } from '../model/errors.ts';
import type { Role } from '../model/study.ts';
import {
  createCompany,
  createUser,
  findCompany,
  findUserByEmail,
  getCompany,
  getUser,
  setPasswordHash,
  updateCompany,
  updateUser,
  type Company,
  type Queryable,
  type User,
} from '../store/index.ts';

/**
 * Administration of organisations and their people, as rules rather than route code: who may
 * belong to what. Independence (ISO 14065 / ISO 14064-3) is why the rules exist: a verifier works
 * for a verification body, never for the enterprise whose study they sign; a steward works for an
 * association or institute, never for a company whose submissions they review.
 */

const coded = coder(ADMIN_TEXTS);
type Reason = ReturnType<typeof coded>;

/** A request the rules refuse, naming the field (400 at the API, the field in the details). */
export class AdminRuleError extends DomainError {
  constructor(
    readonly field: string,
    reason: Reason,
  ) {
    super('bad-request', 'invalid-request', coded('admin.refused', { field, reason }), { field });
  }
}

export class AdminNotFoundError extends DomainError {
  constructor(text: Reason) {
    super('not-found', 'not-found', text);
  }
}

const roleWord = (role: Role) => coded(`admin.role.${role}`, {});
const kindWord = (kind: OrganisationKind | null) => coded(`admin.kind.${kind ?? 'none'}`, {});

/** Refuses a role in an organisation of the wrong kind, saying which kinds it may join. */
export function checkMembership(role: Role, organisation: Pick<Company, 'name' | 'kind'> | null): void {
  const allowed = ROLE_MEMBERSHIP[role];
  if (allowed.includes(organisation?.kind ?? null)) return;
  const where = allowed
    .map((k): Reason => kindWord(k))
    .reduceRight((rest, first) => coded('admin.either', { first, rest }));
  const is = organisation
    ? coded('admin.organisation-is', { name: organisation.name, kind: kindWord(organisation.kind) })
    : coded('admin.organisation-missing', {});
  throw new AdminRuleError('companyId', coded('admin.membership', { role: roleWord(role), where, is }));
}

async function organisationOf(db: Queryable, companyId: string | null): Promise<Company | null> {
  if (companyId === null) return null;
  const company = await getCompany(db, companyId);
  if (!company) throw new AdminRuleError('companyId', coded('admin.no-such-organisation', { id: companyId }));
  return company;
}

export async function createOrganisation(
  db: Queryable,
  input: { name: string; kind: OrganisationKind },
): Promise<Company> {
  const name = input.name.trim();
  if (!name) throw new AdminRuleError('name', coded('admin.organisation-name-required', {}));
  if (await findCompany(db, name)) throw new AdminRuleError('name', coded('admin.organisation-name-taken', { name }));
  return createCompany(db, name, input.kind);
}

/**
 * A new name or kind. A kind its people's roles do not fit is refused (turning an enterprise
 * with practitioners into a verification body would make them verifiers of nothing).
 */
export async function changeOrganisation(
  db: Queryable,
  id: string,
  change: { name?: string; kind?: OrganisationKind },
  members: readonly User[],
): Promise<Company> {
  const current = await getCompany(db, id);
  if (!current) throw new AdminNotFoundError(coded('admin.organisation-not-found', { id }));
  const name = change.name?.trim();
  if (name !== undefined && !name) throw new AdminRuleError('name', coded('admin.organisation-name-required', {}));
  if (name && name !== current.name && (await findCompany(db, name)))
    throw new AdminRuleError('name', coded('admin.organisation-name-taken', { name }));
  if (change.kind && change.kind !== current.kind) {
    for (const m of members.filter((u) => u.companyId === id)) {
      try {
        checkMembership(m.role, { name: current.name, kind: change.kind });
      } catch {
        throw new AdminRuleError(
          'kind',
          coded('admin.kind-misfit', {
            name: m.name,
            email: m.email,
            role: roleWord(m.role),
            kind: kindWord(change.kind),
          }),
        );
      }
    }
  }
  return (await updateCompany(db, id, { name, kind: change.kind }))!;
}

export interface NewAccount {
  email: string;
  name: string;
  role: Role;
  companyId: string | null;
  passwordHash: string;
}

export async function createAccount(db: Queryable, input: NewAccount): Promise<User> {
  checkMembership(input.role, await organisationOf(db, input.companyId));
  if (await findUserByEmail(db, input.email))
    throw new AdminRuleError('email', coded('admin.email-taken', { email: input.email.trim().toLowerCase() }));
  return createUser(db, input);
}

/** A new name, role or organisation; the membership rules hold for the result, and the user's sessions end on a role or organisation change. */
export async function changeAccount(
  db: Queryable,
  actor: Pick<User, 'id'>,
  id: string,
  change: { name?: string; role?: Role; companyId?: string | null },
): Promise<User> {
  const current = await getUser(db, id);
  if (!current) throw new AdminNotFoundError(coded('admin.user-not-found', { id }));
  if (id === actor.id && change.role !== undefined && change.role !== 'admin')
    throw new AdminRuleError('role', coded('admin.own-admin-role', {}));
  const role = change.role ?? current.role;
  const companyId = change.companyId === undefined ? current.companyId : change.companyId;
  checkMembership(role, await organisationOf(db, companyId));
  if (change.name !== undefined && !change.name.trim())
    throw new AdminRuleError('name', coded('admin.user-name-required', {}));
  return (await updateUser(db, id, { name: change.name?.trim(), role: change.role, companyId: change.companyId }))!;
}

export async function resetPassword(db: Queryable, id: string, passwordHash: string): Promise<void> {
  if (!(await setPasswordHash(db, id, passwordHash)))
    throw new AdminNotFoundError(coded('admin.user-not-found', { id }));
}
