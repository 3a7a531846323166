import { randomUUID } from 'node:crypto';
import type { Company, OrganisationKind, User } from '../model/account.ts';
import type { Role } from '../model/study.ts';
import type { Queryable } from './connection.ts';
import { sendNotice } from './notices.ts';

/** Companies, users and sessions. Passwords and tokens arrive here already hashed. */

export type { Company, User };

export interface UserInput {
  email: string;
  name: string;
  role: Role;
  companyId: string | null;
  passwordHash: string;
}

const USER_COLUMNS = `u.id, u.email, u.name, u.role, u.company_id AS "companyId", c.name AS "companyName"`;

export async function createCompany(
  db: Queryable,
  name: string,
  kind: OrganisationKind = 'enterprise',
): Promise<Company> {
  const [row] = await db.query<Company>(
    'INSERT INTO companies (id, name, kind) VALUES ($1, $2, $3) RETURNING id, name, kind',
    [randomUUID(), name, kind],
  );
  return row;
}

export async function findCompany(db: Queryable, name: string): Promise<Company | undefined> {
  const [row] = await db.query<Company>('SELECT id, name, kind FROM companies WHERE name = $1', [name]);
  return row;
}

/** Every organisation with how many people sign in for it, by name. */
export async function listCompanies(db: Queryable): Promise<(Company & { users: number; createdAt: string })[]> {
  const rows = await db.query<Company & { users: number; createdAt: Date }>(
    `SELECT c.id, c.name, c.kind, c.created_at AS "createdAt", (SELECT count(*)::int FROM users u WHERE u.company_id = c.id) AS users FROM companies c ORDER BY c.name`,
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
}

export async function updateCompany(
  db: Queryable,
  id: string,
  change: { name?: string; kind?: OrganisationKind },
): Promise<Company | undefined> {
  const [row] = await db.query<Company>(
    'UPDATE companies SET name = coalesce($2, name), kind = coalesce($3, kind) WHERE id = $1 RETURNING id, name, kind',
    [id, change.name ?? null, change.kind ?? null],
  );
  return row;
}

/** Every user, by organisation then name. */
export async function listUsers(db: Queryable): Promise<User[]> {
  return db.query<User>(
    `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN companies c ON c.id = u.company_id ORDER BY c.name NULLS FIRST, u.name`,
  );
}

/**
 * Changes a user's name, role or organisation (companyId null: none). Their sessions end, so the
 * new role applies from their next sign-in and never to a session opened under the old one.
 */
export async function updateUser(
  db: Queryable,
  id: string,
  change: { name?: string; role?: Role; companyId?: string | null },
): Promise<User | undefined> {
  const keepCompany = change.companyId === undefined;
  const [row] = await db.query<{ id: string }>(
    'UPDATE users SET name = coalesce($2, name), role = coalesce($3, role), company_id = CASE WHEN $4 THEN company_id ELSE $5 END WHERE id = $1 RETURNING id',
    [id, change.name ?? null, change.role ?? null, keepCompany, change.companyId ?? null],
  );
  if (!row) return undefined;
  if (change.role !== undefined || !keepCompany) {
    await db.query('DELETE FROM sessions WHERE user_id = $1', [id]);
    await sendNotice(db, 'user', id);
  }
  return getUser(db, id);
}

/** A new password (already hashed); every session of the user ends. */
export async function setPasswordHash(db: Queryable, id: string, passwordHash: string): Promise<boolean> {
  const [row] = await db.query<{ id: string }>('UPDATE users SET password_hash = $2 WHERE id = $1 RETURNING id', [
    id,
    passwordHash,
  ]);
  if (row) {
    await db.query('DELETE FROM sessions WHERE user_id = $1', [id]);
    await sendNotice(db, 'user', id);
  }
  return Boolean(row);
}

export async function createUser(db: Queryable, input: UserInput): Promise<User> {
  const id = randomUUID();
  await db.query(
    'INSERT INTO users (id, email, name, role, company_id, password_hash) VALUES ($1, $2, $3, $4, $5, $6)',
    [id, input.email.trim().toLowerCase(), input.name, input.role, input.companyId, input.passwordHash],
  );
  return (await getUser(db, id))!;
}

export async function getUser(db: Queryable, id: string): Promise<User | undefined> {
  const [row] = await db.query<User>(
    `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN companies c ON c.id = u.company_id WHERE u.id = $1`,
    [id],
  );
  return row;
}

/** The user and the stored password hash, for signing in. */
export async function findUserForLogin(
  db: Queryable,
  email: string,
): Promise<(User & { passwordHash: string }) | undefined> {
  const [row] = await db.query<User & { passwordHash: string }>(
    `SELECT ${USER_COLUMNS}, u.password_hash AS "passwordHash" FROM users u LEFT JOIN companies c ON c.id = u.company_id WHERE u.email = $1`,
    [email.trim().toLowerCase()],
  );
  return row;
}

export async function findUserByEmail(db: Queryable, email: string): Promise<User | undefined> {
  const [row] = await db.query<User>(
    `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN companies c ON c.id = u.company_id WHERE u.email = $1`,
    [email.trim().toLowerCase()],
  );
  return row;
}

export async function createSession(db: Queryable, tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
  await db.query('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
    tokenHash,
    userId,
    expiresAt,
  ]);
}

/** The user of a live session and when it expires; an expired session is removed and gives nothing. */
export async function sessionUser(
  db: Queryable,
  tokenHash: string,
): Promise<{ user: User; expiresAt: number } | undefined> {
  const [row] = await db.query<User & { expired: boolean; expiresAt: Date | string }>(
    `SELECT ${USER_COLUMNS}, s.expires_at <= now() AS expired, s.expires_at AS "expiresAt" FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN companies c ON c.id = u.company_id WHERE s.token_hash = $1`,
    [tokenHash],
  );
  if (!row) return undefined;
  if (row.expired) {
    await deleteSession(db, tokenHash);
    return undefined;
  }
  const { expired: _, expiresAt, ...user } = row;
  return { user, expiresAt: new Date(expiresAt).getTime() };
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  await sendNotice(db, 'session', tokenHash);
}

export async function getCompany(db: Queryable, id: string): Promise<Company | undefined> {
  const [row] = await db.query<Company>('SELECT id, name, kind FROM companies WHERE id = $1', [id]);
  return row;
}
