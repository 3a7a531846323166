import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiError, coded } from './errors.ts';

/**
 * CSRF protection for the session cookie. The session token lives in an HttpOnly cookie that
 * page script cannot read; a second cookie, readable by the app's own script, holds a value
 * derived from it, and every unsafe request authenticated by the cookie must repeat that value
 * in the `X-CSRF-Token` header. Another site can make the browser send the cookies but can
 * neither read them nor set the header, so it cannot act in the user's name. Derived by a hash,
 * the value needs no storage and does not reveal the session token. Requests with an
 * `Authorization: Bearer` header (CLI, API clients) carry no ambient authority and need none.
 */

export const SESSION_COOKIE = 'tanji_session';
export const CSRF_COOKIE = 'tanji_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const isUnsafeMethod = (method: string) => !SAFE_METHODS.has(method.toUpperCase());

export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update('tanji-csrf\0').update(sessionToken).digest('base64url');
}

/** Throws 403 unless `header` is the CSRF token of the session. */
export function checkCsrf(sessionToken: string, header: string | undefined): void {
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const given = Buffer.from(header ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ApiError(403, 'csrf', coded('api.csrf', { header: CSRF_HEADER }));
  }
}

/**
 * A browser names the page a request comes from in `Origin`; one from another site is refused
 * whatever it carries (this also stops a foreign page from signing a user into its own account).
 */
export function checkOrigin(origin: string | undefined, host: string | undefined): void {
  if (!origin || !host) return;
  let from: string;
  try {
    from = new URL(origin).host;
  } catch {
    from = origin;
  }
  if (from !== host) throw new ApiError(403, 'cross-origin', coded('api.cross-origin', { origin, host }));
}
