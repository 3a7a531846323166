import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  connectionForLogin,
  saveToken,
  tokenConnection,
  type Queryable,
  type StoredConnection,
} from '../store/index.ts';
import { PactRequestError } from './errors.ts';

/**
 * OAuth2 client credentials (RFC 6749 §4.4) for partners: a client id and a 256-bit secret per
 * connection, exchanged at /auth/token for a bearer token that expires. Only SHA-256 hashes of
 * secrets and tokens are stored.
 */

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function newClientCredentials(): { clientId: string; clientSecret: string } {
  return {
    clientId: `tanji-${randomBytes(9).toString('base64url')}`,
    clientSecret: randomBytes(32).toString('base64url'),
  };
}

export function tokenSeconds(): number {
  const s = Number(process.env.TANJI_PACT_TOKEN_SECONDS ?? 3600);
  return Number.isFinite(s) && s > 0 ? s : 3600;
}

/** The RFC 6749 §5.2 error a token request gets. */
export class OAuthError extends Error {
  constructor(
    readonly status: 400 | 401,
    readonly error: 'invalid_request' | 'invalid_client' | 'unsupported_grant_type',
    readonly description: string,
  ) {
    super(description);
  }
}

/** Client id and secret from an `Authorization: Basic` header (RFC 6749 §2.3.1: form-urlencoded, then base64). */
export function basicCredentials(header: string | undefined): { clientId: string; clientSecret: string } {
  const m = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!m) throw new OAuthError(401, 'invalid_client', 'send the client id and secret with HTTP Basic authentication');
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new OAuthError(401, 'invalid_client', 'the Basic credentials are not "client_id:client_secret"');
  const unescape = (s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      return s;
    }
  };
  return { clientId: unescape(decoded.slice(0, colon)), clientSecret: unescape(decoded.slice(colon + 1)) };
}

export async function issueToken(
  db: Queryable,
  authorization: string | undefined,
  grantType: string | undefined,
): Promise<{ token: string; expiresIn: number; connection: StoredConnection }> {
  const { clientId, clientSecret } = basicCredentials(authorization);
  if (grantType !== 'client_credentials')
    throw new OAuthError(
      400,
      grantType ? 'unsupported_grant_type' : 'invalid_request',
      grantType
        ? `grant_type ${grantType} is not supported; use client_credentials`
        : 'grant_type is missing; use client_credentials',
    );
  const connection = await connectionForLogin(db, clientId);
  const given = Buffer.from(sha256(clientSecret));
  if (!connection || !timingSafeEqual(given, Buffer.from(connection.secretHash)))
    throw new OAuthError(401, 'invalid_client', 'unknown client or wrong secret');
  const token = randomBytes(32).toString('base64url');
  const expiresIn = tokenSeconds();
  await saveToken(db, sha256(token), connection.id, new Date(Date.now() + expiresIn * 1000));
  return { token, expiresIn, connection };
}

const RECHECK_MS = 5000;

type Known = { connection: StoredConnection; expiresAt: number; checkedAt: number };

/**
 * Bearer tokens to connections, remembered for a few seconds so that a burst of list calls costs
 * one look-up; a revoked connection is refused again within that time. In memory the tokens key
 * the map as they are, so that a call costs no hashing; the store has only their hashes. The
 * requests of one token that arrive while it is being looked up wait for that one look-up: a
 * partner's hundred open connections would otherwise send a hundred queries at once every few
 * seconds.
 */
export class TokenCache {
  private known = new Map<string, Known>();
  private pending = new Map<string, Promise<Known | undefined>>();
  /** bumped by forget, so that a look-up begun before a revocation is not remembered after it */
  private generation = 0;

  constructor(private readonly db: Queryable) {}

  async connection(authorization: string | undefined): Promise<StoredConnection> {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!m)
      throw new PactRequestError(
        'BadRequest',
        'send the access token from /auth/token as "Authorization: Bearer <token>"',
      );
    const token = m[1];
    let hit = this.known.get(token);
    if (!hit || Date.now() - hit.checkedAt > RECHECK_MS) {
      hit = await this.lookUp(token);
      if (!hit) throw new PactRequestError('BadRequest', 'the access token is not valid: get one from /auth/token');
    }
    if (hit.expiresAt <= Date.now())
      throw new PactRequestError('TokenExpired', 'the access token has expired: get a new one from /auth/token');
    return hit.connection;
  }

  private lookUp(token: string): Promise<Known | undefined> {
    let p = this.pending.get(token);
    if (!p) {
      const generation = this.generation;
      p = tokenConnection(this.db, sha256(token))
        .then((found) => {
          if (!found) {
            this.known.delete(token);
            return undefined;
          }
          const hit = { ...found, checkedAt: Date.now() };
          if (generation !== this.generation) return hit;
          if (this.known.size > 10_000) this.known.clear();
          this.known.set(token, hit);
          return hit;
        })
        .finally(() => this.pending.delete(token));
      this.pending.set(token, p);
    }
    return p;
  }

  forget(connectionId: string): void {
    this.generation++;
    for (const [k, v] of this.known) if (v.connection.id === connectionId) this.known.delete(k);
  }
}
