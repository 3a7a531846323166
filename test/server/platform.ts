import { importDatabase } from '../../src/formats/index.ts';
import { seedFactors, SEED_RELEASE } from '../../src/factors/seed.ts';
import { saveRelease, type Store } from '../../src/store/index.ts';
import { createApp } from '../../src/server/app.ts';
import { ensureDemo } from '../../src/server/demo.ts';
import { jobsIdle } from '../../src/server/jobs.ts';
import { BACKENDS, openFresh, type Backend } from '../store/backends.ts';
import { USLCI_JSONLD } from '../uslci.ts';

/** Read once per test process: every platform of a file (one per back end) saves the same database. */
let uslci: ReturnType<typeof importDatabase> | undefined;

/**
 * A platform as `npm start` sets it up, on a fresh store of the back end (in-memory PGlite by
 * default; closing the store drops a server's schema): the China seed factors, the real US LCI
 * database as release "uslci", and the demo company with its durian study.
 */
export async function platform(
  opts: { demo?: boolean; backend?: Backend } = {},
): Promise<{ store: Store; app: ReturnType<typeof createApp> }> {
  const store = await openFresh(opts.backend ?? BACKENDS[0]);
  await saveRelease(store, { release: SEED_RELEASE, factors: seedFactors() });
  await saveRelease(store, { release: 'uslci', database: await (uslci ??= importDatabase(USLCI_JSONLD)) });
  if (opts.demo !== false) await ensureDemo(store);
  return { store, app: createApp({ store }) };
}

/** A small client over app.request: JSON in, JSON out, with a token. */
export function client(app: ReturnType<typeof createApp>, token?: string) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    };
    if (body instanceof Uint8Array) init.body = body as unknown as BodyInit;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const res = await app.request(path, init);
    const type = res.headers.get('content-type') ?? '';
    const data = type.includes('json')
      ? await res.json()
      : type.startsWith('text/')
        ? await res.text()
        : new Uint8Array(await res.arrayBuffer());
    return { status: res.status, data: data as any, headers: res.headers };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown, headers?: Record<string, string>) => call('POST', path, body, headers),
    put: (path: string, body?: unknown) => call('PUT', path, body),
    patch: (path: string, body?: unknown) => call('PATCH', path, body),
  };
}

export async function signIn(app: ReturnType<typeof createApp>, email: string, password: string) {
  const res = await client(app).post('/api/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${JSON.stringify(res.data)}`);
  return client(app, res.data.token as string);
}

/** The job a 202 answer queued, once this process's worker has finished it (done or failed). */
export async function jobOutcome(
  api: ReturnType<typeof client>,
  accepted: { status: number; data: any; headers: Headers },
) {
  if (accepted.status !== 202)
    throw new Error(`expected 202 Accepted, got ${accepted.status}: ${JSON.stringify(accepted.data)}`);
  if (accepted.headers.get('location') !== `/api/jobs/${accepted.data.id}`)
    throw new Error('no Location to follow the job');
  await jobsIdle();
  return (await api.get(`/api/jobs/${accepted.data.id}`)).data;
}
