import { createHash, randomBytes } from 'node:crypto';
import {
  createSession,
  deleteSession,
  findUserForLogin,
  sessionUser,
  type Queryable,
  type User,
} from '../store/index.ts';
import { verifyPassword } from './passwords.ts';
import { ApiError, coded } from './errors.ts';
import type { ReadCache } from './cache.ts';

/**
 * Sessions: a random token handed to the client once; the store keeps only its SHA-256, with an
 * expiry (TANJI_SESSION_HOURS, default 12).
 */

export interface Login {
  token: string;
  expiresAt: string;
  user: User;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function sessionHours(): number {
  const h = Number(process.env.TANJI_SESSION_HOURS ?? 12);
  return Number.isFinite(h) && h > 0 ? h : 12;
}

export async function login(db: Queryable, email: string, password: string, hours = sessionHours()): Promise<Login> {
  const found = await findUserForLogin(db, email);
  // the same answer and about the same work for a wrong email and a wrong password
  const ok = await verifyPassword(password, found?.passwordHash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA');
  if (!found || !ok) throw new ApiError(401, 'bad-credentials', coded('api.bad-credentials', {}));
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + hours * 3600_000);
  await createSession(db, hashToken(token), found.id, expiresAt);
  const { passwordHash: _, ...user } = found;
  return { token, expiresAt: expiresAt.toISOString(), user };
}

/** The session's user, from the cache when it holds the session. */
export async function authenticate(db: Queryable, token: string, cache?: ReadCache): Promise<User | undefined> {
  const hash = hashToken(token);
  const cached = cache?.session(hash);
  if (cached) return cached;
  const live = await sessionUser(db, hash);
  if (live) cache?.putSession(hash, live.user, live.expiresAt);
  return live?.user;
}

export function logout(db: Queryable, token: string, cache?: ReadCache): Promise<void> {
  cache?.dropSession(hashToken(token));
  return deleteSession(db, hashToken(token));
}
