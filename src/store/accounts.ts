import { randomUUID } from 'node:crypto';
import type { Company, User } from '../model/account.ts';
import type { Role } from '../model/study.ts';
import type { Queryable } from './connection.ts';

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

export async function createCompany(db: Queryable, name: string): Promise<Company> {
  const [row] = await db.query<Company>('INSERT INTO companies (id, name) VALUES ($1, $2) RETURNING id, name', [randomUUID(), name]);
  return row;
}

export async function findCompany(db: Queryable, name: string): Promise<Company | undefined> {
  const [row] = await db.query<Company>('SELECT id, name FROM companies WHERE name = $1', [name]);
  return row;
}

export async function createUser(db: Queryable, input: UserInput): Promise<User> {
  const id = randomUUID();
  await db.query('INSERT INTO users (id, email, name, role, company_id, password_hash) VALUES ($1, $2, $3, $4, $5, $6)', [
    id,
    input.email.trim().toLowerCase(),
    input.name,
    input.role,
    input.companyId,
    input.passwordHash,
  ]);
  return (await getUser(db, id))!;
}

export async function getUser(db: Queryable, id: string): Promise<User | undefined> {
  const [row] = await db.query<User>(`SELECT ${USER_COLUMNS} FROM users u LEFT JOIN companies c ON c.id = u.company_id WHERE u.id = $1`, [id]);
  return row;
}

/** The user and the stored password hash, for signing in. */
export async function findUserForLogin(db: Queryable, email: string): Promise<(User & { passwordHash: string }) | undefined> {
  const [row] = await db.query<User & { passwordHash: string }>(
    `SELECT ${USER_COLUMNS}, u.password_hash AS "passwordHash" FROM users u LEFT JOIN companies c ON c.id = u.company_id WHERE u.email = $1`,
    [email.trim().toLowerCase()],
  );
  return row;
}

export async function findUserByEmail(db: Queryable, email: string): Promise<User | undefined> {
  const [row] = await db.query<User>(`SELECT ${USER_COLUMNS} FROM users u LEFT JOIN companies c ON c.id = u.company_id WHERE u.email = $1`, [
    email.trim().toLowerCase(),
  ]);
  return row;
}

export async function createSession(db: Queryable, tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
  await db.query('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [tokenHash, userId, expiresAt]);
}

/** The user of a live session and when it expires; an expired session is removed and gives nothing. */
export async function sessionUser(db: Queryable, tokenHash: string): Promise<{ user: User; expiresAt: number } | undefined> {
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
}

export async function getCompany(db: Queryable, id: string): Promise<Company | undefined> {
  const [row] = await db.query<Company>('SELECT id, name FROM companies WHERE id = $1', [id]);
  return row;
}
