import type { Queryable } from './connection.ts';

/**
 * Sign-in attempts shared by every server: wrong passwords counted per (email, client address)
 * within a window, and the addresses each email signed in from. The rules that read them are the
 * server's (`login-throttle.ts`).
 */

export interface LoginRecord {
  /** wrong passwords from this client for this email within the window, and when the first was */
  pairFailures: number;
  pairSince: string | null;
  /** wrong passwords for this email from every client within the window */
  emailFailures: number;
  /** whether this email signed in from this client before */
  knownClient: boolean;
}

export async function loginRecord(
  db: Queryable,
  email: string,
  client: string,
  windowMs: number,
): Promise<LoginRecord> {
  const [row] = await db.query<LoginRecord>(
    `SELECT coalesce(sum(failures) FILTER (WHERE client = $2), 0)::int AS "pairFailures",
            to_char(min(since) FILTER (WHERE client = $2) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "pairSince",
            coalesce(sum(failures), 0)::int AS "emailFailures",
            EXISTS (SELECT 1 FROM login_clients WHERE email = $1 AND client = $2) AS "knownClient"
       FROM login_failures WHERE email = $1 AND since > now() - $3 * interval '1 millisecond'`,
    [email, client, windowMs],
  );
  return row;
}

/** One more wrong password; a count older than the window starts again. Expired counts of anyone are swept on the way. */
export async function recordLoginFailure(
  db: Queryable,
  email: string,
  client: string,
  windowMs: number,
): Promise<void> {
  await db.query(`DELETE FROM login_failures WHERE since <= now() - $1 * interval '1 millisecond'`, [windowMs]);
  await db.query(
    `INSERT INTO login_failures (email, client, failures, since) VALUES ($1, $2, 1, now())
     ON CONFLICT (email, client) DO UPDATE SET failures = login_failures.failures + 1`,
    [email, client],
  );
}

/** A right password: this client's count is cleared and the client is remembered for the email. */
export async function recordLoginSuccess(db: Queryable, email: string, client: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE email = $1 AND client = $2', [email, client]);
  await db.query(
    `INSERT INTO login_clients (email, client, last_at) VALUES ($1, $2, now()) ON CONFLICT (email, client) DO UPDATE SET last_at = now()`,
    [email, client],
  );
}
