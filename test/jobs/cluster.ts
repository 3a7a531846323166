import { after, before } from 'node:test';
import { spawn, type ChildProcess } from 'node:child_process';
import { openStore, type Store } from '../../src/store/index.ts';

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
