import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, type Reply } from '../../src/pact/client.ts';
import { DEMO_PARTNER } from '../../src/server/demo-pact.ts';
import { DEMO_USERS } from '../../src/server/demo.ts';
import { serve, type Running } from '../../src/server/main.ts';
import type { Store } from '../../src/store/index.ts';
import { platform } from '../server/platform.ts';
import type { Backend } from '../store/backends.ts';

// partners here are other instances on this machine, which the PACT client refuses by default
process.env.TANJI_PACT_ALLOW_PRIVATE = '1';

/**
 * A whole Tanji instance as `npm start` runs it (app on HTTP, PACT host on HTTPS with its own
 * self-signed certificate), on a fresh store of the back end (in-memory PGlite by default) with the demo company, for tests that
 * talk to it over the network like a partner would.
 */
export interface Instance {
  store: Store;
  running: Running;
  /** the app's API as the demo practitioner (or another demo user) */
  api(method: string, path: string, body?: unknown, user?: number): Promise<{ status: number; data: any }>;
  /** a request to the PACT host, trusting its certificate */
  pact(path: string, init?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<Reply>;
  /** a token of the demo partner */
  token(): Promise<string>;
  close(): Promise<void>;
}

export async function startInstance(backend?: Backend): Promise<Instance> {
  return serveInstance((await platform({ backend })).store);
}

/** An instance served on a store already set up, e.g. a second server on the schema of a first one. */
export async function serveInstance(store: Store): Promise<Instance> {
  const running = await serve(store, { port: 0, tlsDir: mkdtempSync(join(tmpdir(), 'tanji-pact-test-')) });
  const tokens = new Map<number, string>();
  const signIn = async (user: number) => {
    if (!tokens.has(user)) {
      const r = await fetch(`${running.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: DEMO_USERS[user].email, password: DEMO_USERS[user].password }),
      });
      tokens.set(user, ((await r.json()) as { token: string }).token);
    }
    return tokens.get(user)!;
  };
  const pact = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
    call(`${running.pactUrl}${path}`, { ...init, ca: running.pactCertificate });
  return {
    store,
    running,
    async api(method, path, body, user = 0) {
      const r = await fetch(`${running.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await signIn(user)}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      return { status: r.status, data: text ? JSON.parse(text) : undefined };
    },
    pact,
    async token() {
      const basic = Buffer.from(`${DEMO_PARTNER.clientId}:${DEMO_PARTNER.clientSecret}`).toString('base64');
      const r = await pact('/auth/token', {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      });
      return (r.json as { access_token: string }).access_token;
    },
    async close() {
      await running.close();
      await store.close();
    },
  };
}

/** Polls `probe` every 100 ms until it gives a value (events are delivered in the background). */
export async function until<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  ms = 20_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
