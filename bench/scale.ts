import { availableParallelism, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importDatabase } from '../src/formats/index.ts';
import { seedFactors, SEED_RELEASE } from '../src/factors/seed.ts';
import { ComputePool, JobWorker, startWorker } from '../src/jobs/index.ts';
import { serve } from '../src/server/main.ts';
import { hashPassword } from '../src/server/passwords.ts';
import {
  claimJob,
  completeJob,
  createCompany,
  createJob,
  createUser,
  getStudy,
  heartbeat,
  openStore,
  saveRelease,
  saveResult,
  type Store,
} from '../src/store/index.ts';
import { bigStudy, client, medianMs } from './api.ts';
import { jobMessage } from '../src/jobs/messages.ts';

/**
 * `npm run bench -- scale` (needs TANJI_BENCH_DATABASE_URL, a PostgreSQL server): throughput of
 * calculations of the 200-line study with 1, 2 and 4 workers, and the p99 of study reads while
 * they run. Workers here share one process but each has its own calculation thread, as separate
 * `tanji worker` processes would. What bounds the scaling is measured apart: CPU per calculation
 * (on its thread), database time per job (the queue's statements and the result's insert), and the
 * queue's own overhead (a job that does nothing); the projection to N cores is made from those.
 */

const here = dirname(fileURLToPath(import.meta.url));
const uslciZip = process.env.USLCI_JSONLD ?? resolve(here, '../../shared/data/uslci/uslci-olca1.5-jsonld.zip');
const JOBS = Number(process.env.BENCH_SCALE_JOBS ?? 40);

const ms = (t0: number) => performance.now() - t0;
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

export async function scaleBenchmarks(): Promise<string[]> {
  const url = process.env.TANJI_BENCH_DATABASE_URL;
  if (!url) return ['scale: skipped; set TANJI_BENCH_DATABASE_URL to a PostgreSQL server'];
  const schema = `bench_scale_${process.pid}`;
  const store = await openStore({ url, schema });
  const lines: string[] = [];
  try {
    await saveRelease(store, { release: SEED_RELEASE, factors: seedFactors() });
    await saveRelease(store, { release: 'uslci', database: await importDatabase(uslciZip) });
    const company = await createCompany(store, 'Scale Co');
    const user = await createUser(store, {
      email: 'scale@bench.example',
      name: 'Scale',
      role: 'enterprise',
      companyId: company.id,
      passwordHash: await hashPassword('correct horse battery'),
    });
    const running = await serve(store, { port: 0, worker: false });
    try {
      const login = await client(running.url).post<{ token: string }>('/api/auth/login', {
        email: 'scale@bench.example',
        password: 'correct horse battery',
      });
      const api = client(running.url, login.token);
      const input = await bigStudy(api);
      const { id } = await api.post<{ id: string }>('/api/studies', input);
      const study = (await getStudy(store, id))!;

      // what one calculation costs, apart
      const pool = new ComputePool(1);
      const cpuMs = await medianMs(() => pool.calculate(store, study, { iterations: 0, seed: 1 }), 7);
      const result = {
        ...(await pool.calculate(store, study, { iterations: 0, seed: 1 })),
        computedAt: new Date().toISOString(),
      };
      await pool.close();
      const saveMs = await medianMs(() => saveResult(store, { ...result, computedAt: new Date().toISOString() }), 7);
      const queueMs = await medianMs(async () => {
        const job = await createJob(store, { kind: 'noop', userId: user.id });
        await claimJob(store, 'bench', ['noop'], 30_000);
        await heartbeat(store, job.id, 'bench', 30_000, {
          fraction: 0.5,
          message: jobMessage('job.footprint-calculated', {}),
        });
        await completeJob(store, job.id, 'bench', { message: jobMessage('job.calculated', { version: 1, total: 1 }) });
      }, 7);
      const noop = new JobWorker(
        store,
        { noop: async () => ({ message: jobMessage('job.calculated', { version: 1, total: 1 }) }) },
        { id: 'noop', pollMs: 50 },
      );
      for (let i = 0; i < JOBS; i++) await createJob(store, { kind: 'noop', userId: user.id });
      let t0 = performance.now();
      noop.start();
      await noop.idle();
      const noopPerJob = ms(t0) / JOBS;
      await noop.stop();
      lines.push(
        `scale costs (ms, medians): calculation of the 200-line study on its thread ${cpuMs.toFixed(1)}; storing its result ${saveMs.toFixed(1)}; ` +
          `queue statements per job (insert, claim, heartbeat, complete) ${queueMs.toFixed(1)}; a do-nothing job through a worker ${noopPerJob.toFixed(1)} per job`,
      );

      const perWorkers: { workers: number; perS: number }[] = [];
      for (const workers of [1, 2, 4]) {
        for (let i = 0; i < JOBS; i++) await api.post(`/api/studies/${id}/calculate`, { iterations: 0 });
        const reads: number[] = [];
        let done = false;
        const reader = (async () => {
          while (!done) {
            const r0 = performance.now();
            await api.get(`/api/studies/${id}`);
            reads.push(ms(r0));
            await new Promise((r) => setTimeout(r, 20));
          }
        })();
        t0 = performance.now();
        const started = Array.from({ length: workers }, (_, i) => startWorker(store, { id: `w${i}`, pollMs: 50 }));
        await Promise.all(started.map((s) => s.worker.idle()));
        const wall = ms(t0);
        done = true;
        await reader;
        await Promise.all(started.map((s) => s.stop()));
        const perS = (JOBS / wall) * 1000;
        perWorkers.push({ workers, perS });
        lines.push(
          `scale ${workers} worker(s): ${JOBS} calculations in ${(wall / 1000).toFixed(1)} s = ${perS.toFixed(2)}/s; study reads meanwhile p50 ${quantile(reads, 0.5).toFixed(1)} ms, p99 ${quantile(reads, 0.99).toFixed(1)} ms (${reads.length} reads)`,
        );
      }
      // a job is serial in its worker: the thread's calculation, then storing (canonical JSON, hash, insert) and the queue's statements;
      // the last two are all the database sees of it (an upper bound on its time: they include the client's share)
      const perJob = cpuMs + saveMs + queueMs;
      const dbPerJob = saveMs + queueMs;
      lines.push(
        `scale bound: this machine has ${availableParallelism()} cores for server, database and workers (load ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}); ` +
          `a job is ${cpuMs.toFixed(0)} ms of calculation on a thread + ${dbPerJob.toFixed(0)} ms storing and queueing, so each worker core gives ${(1000 / perJob).toFixed(2)}/s ` +
          `and one database core takes at least ${(1000 / dbPerJob).toFixed(1)}/s (all of storing counted as its time, which overstates it); projected: ` +
          `N worker cores ≈ N × ${(1000 / perJob).toFixed(2)}/s (8 → ${((8 * 1000) / perJob).toFixed(1)}/s, 32 → ${((32 * 1000) / perJob).toFixed(1)}/s) while the database has a core per ${Math.max(1, Math.floor(perJob / dbPerJob))} worker cores; measured here: ` +
          perWorkers.map((p) => `${p.workers} → ${p.perS.toFixed(2)}/s`).join(', '),
      );
    } finally {
      await running.close();
    }
  } finally {
    await store.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await store.close();
  }
  return lines;
}
