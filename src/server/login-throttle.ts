import {
  loginRecord,
  recordLoginFailure,
  recordLoginSuccess,
  type LoginRecord,
  type Queryable,
} from '../store/index.ts';

/**
 * Slows password guessing without letting a stranger lock a user out. Counts live in the store,
 * so every server sees the same ones.
 * - After PAIR_LIMIT wrong passwords for one email from one client address within WINDOW_MS, that
 *   address may not try that email again until the window ends. Guesses from elsewhere do not
 *   count against the user's own address.
 * - After EMAIL_LIMIT wrong passwords for one email from all addresses together (a guessing run
 *   spread over many addresses), the email may only sign in from addresses it signed in from
 *   before, where its owner usually is.
 */

export const PAIR_LIMIT = 10;
export const EMAIL_LIMIT = 100;
export const WINDOW_MS = 15 * 60_000;

/** Seconds until this client may try this email again, or 0: the rule, apart from the store. */
export function retryAfterSeconds(r: LoginRecord, now = Date.now()): number {
  const windowLeft = (since: string | null) =>
    Math.max(1, Math.ceil(((since ? Date.parse(since) : now) + WINDOW_MS - now) / 1000));
  if (r.pairFailures >= PAIR_LIMIT) return windowLeft(r.pairSince);
  if (r.emailFailures >= EMAIL_LIMIT && !r.knownClient) return Math.ceil(WINDOW_MS / 1000);
  return 0;
}

const key = (email: string) => email.trim().toLowerCase();

export class LoginThrottle {
  constructor(private readonly db: Queryable) {}

  async retryAfter(email: string, client: string): Promise<number> {
    return retryAfterSeconds(await loginRecord(this.db, key(email), client, WINDOW_MS));
  }

  failed(email: string, client: string): Promise<void> {
    return recordLoginFailure(this.db, key(email), client, WINDOW_MS);
  }

  succeeded(email: string, client: string): Promise<void> {
    return recordLoginSuccess(this.db, key(email), client);
  }
}
