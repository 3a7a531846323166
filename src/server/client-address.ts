import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The address a request came from. Behind a reverse proxy every request comes from the proxy, so
 * with TANJI_TRUST_PROXY=1 the address is the last one the proxy appended to X-Forwarded-For (the
 * earlier ones are whatever the client wrote and prove nothing). Without a socket (in-process
 * requests in tests) it is "local".
 */
export function clientAddress(c: Context): string {
  if (process.env.TANJI_TRUST_PROXY === '1') {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (hops.length) return hops[hops.length - 1].slice(0, 100);
  }
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}
