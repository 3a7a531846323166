import { after, before } from 'node:test';
import { spawn, type ChildProcess } from 'node:child_process';
import { seedFactors, SEED_RELEASE } from '../../src/factors/seed.ts';
import { createApp } from '../../src/server/app.ts';
import { DEMO_ORGANISATION_USERS, ensureOrganisationsDemo } from '../../src/server/demo-organisations.ts';
import { openStore, saveRelease, type Job, type Store } from '../../src/store/index.ts';
import { client } from '../server/platform.ts';

/**
 * Several stores of this process (servers' pools, a pool the test holds locks on) and `tanji worker`
 * processes on one PostgreSQL schema, for tests that kill a worker in the middle of a job. Only
 * with TANJI_TEST_DATABASE_URL: PGlite on disk is one process's, so no second process could take a
 * job over.
 */

export const url = process.env.TANJI_TEST_DATABASE_URL;
export const NEEDS_POSTGRES = 'set TANJI_TEST_DATABASE_URL (a PostgreSQL server: PGlite on disk is one process’s)';

export interface WorkerCluster {
  schema: string;
  /** opened before the tests, closed and the schema dropped after them */
  stores: Store[];
  workers: ChildProcess[];
  /** a `tanji worker` process on the schema, with a 2 s lease so a dead worker's job is soon free */
  startWorker(): ChildProcess;
  /**
   * Waits until a transaction waits for the lock the test holds on `table` while the job reads
   * `step` (the step its handler reported before that transaction, so the kill lands after it),
   * then SIGKILLs the worker holding the job; gives that worker's id.
   */
  killHolderWaitingAt(db: Store, table: string, jobId: string, step: string): Promise<string>;
}

export function workerCluster(name: string, storeCount: number): WorkerCluster {
  const cluster: WorkerCluster = {
    schema: `t_${name}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`,
    stores: [],
    workers: [],
    startWorker() {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/tanji.ts', 'worker'], {
        env: {
          ...process.env,
          DATABASE_URL: url,
          TANJI_DB_SCHEMA: cluster.schema,
          TANJI_LOG_LEVEL: 'warn',
          TANJI_JOB_LEASE_MS: '2000',
          NODE_TEST_CONTEXT: '',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      cluster.workers.push(child);
      return child;
    },
    async killHolderWaitingAt(db, table, jobId, step) {
      const held = await until(`a transaction to wait at the lock on ${table} during '${step}'`, async () => {
        const waiting = await db.query(
          `SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT l.granted AND n.nspname = $1 AND c.relname = $2`,
          [cluster.schema, table],
        );
        const [job] = await db.query<Job>('SELECT worker, message FROM jobs WHERE id = $1', [jobId]);
        return waiting.length && job.message === step ? job : undefined;
      });
      const pid = Number(held.worker!.split(':').at(-2));
      const victim = cluster.workers.find((w) => w.pid === pid);
      if (!victim) throw new Error(`the job is held by none of the cluster's workers (${held.worker})`);
      victim.kill('SIGKILL');
      await new Promise((r) => victim.once('exit', r));
      return held.worker!;
    },
  };
  before(async () => {
    if (!url) return;
    for (let i = 0; i < storeCount; i++) cluster.stores.push(await openStore({ url, schema: cluster.schema }));
  });
  after(async () => {
    for (const w of cluster.workers) w.kill('SIGKILL');
    for (const s of cluster.stores) await s.close();
    if (url) {
      const s = await openStore({ url, migrate: false });
      await s.exec(`DROP SCHEMA IF EXISTS ${cluster.schema} CASCADE`);
      await s.close();
    }
  });
  return cluster;
}

/**
 * The seed factors and the demo organisations on the schema, and their steward signed in on two
 * servers without workers (one app on each store): what she asks of one, the other must see.
 */
export async function stewardOnServers(a: Store, b: Store): Promise<ReturnType<typeof client>[]> {
  await saveRelease(a, { release: SEED_RELEASE, factors: seedFactors() });
  await ensureOrganisationsDemo(a);
  const steward = DEMO_ORGANISATION_USERS.find((u) => u.role === 'steward')!;
  return Promise.all(
    [a, b].map(async (store) => {
      const app = createApp({ store, worker: false });
      const login = await client(app).post('/api/auth/login', { email: steward.email, password: steward.password });
      return client(app, login.data.token);
    }),
  );
}

/** Polls `probe` every 50 ms until it gives a value; fails after `ms` naming what never came. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
