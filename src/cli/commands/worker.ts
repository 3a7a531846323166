import type { CommandSpec } from '../args.ts';
import { numberOption } from '../args.ts';
import { startWorker } from '../../jobs/index.ts';
import { log } from '../../ops/log.ts';
import { openStore } from '../../store/index.ts';

/**
 * `tanji worker`: claims and runs jobs from the store until stopped. SIGTERM or SIGINT stops it
 * gracefully: no new claims, running jobs get --grace seconds, then go back to the queue.
 */
export const workerCommand: CommandSpec = {
  name: 'worker',
  summary: 'run background jobs (calculations, Monte Carlo) from the store’s queue until stopped',
  usage: 'tanji worker [--concurrency N] [--threads N] [--grace S]',
  options: { concurrency: { type: 'string' }, threads: { type: 'string' }, grace: { type: 'string' } },
  help: `
Workers share the queue in the store: start as many as the machines have cores, on any machine
that reaches DATABASE_URL. A job whose worker dies is taken over by another once its lease (30 s)
runs out. On embedded PGlite, \`npm start\` already runs the jobs (PGlite has one process).
  --concurrency N   jobs at once (default 1, or TANJI_WORKER_CONCURRENCY)
  --threads N       calculation threads (default 1, or TANJI_COMPUTE_THREADS)
  --grace S         on SIGTERM, seconds running jobs may take before they are handed back (default 30)`,
  async run(_positionals, values) {
    const store = await openStore();
    const concurrency = numberOption(values, 'concurrency', Number(process.env.TANJI_WORKER_CONCURRENCY ?? 1));
    const threads = numberOption(
      values,
      'threads',
      Math.max(1, Number(process.env.TANJI_COMPUTE_THREADS ?? concurrency)),
    );
    const graceMs = numberOption(values, 'grace', 30) * 1000;
    const started = startWorker(store, { concurrency, threads });
    log.info({ worker: started.worker.id, store: store.location, concurrency, threads }, 'worker started');
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    });
    log.info({ worker: started.worker.id }, 'worker stopping');
    await started.stop(graceMs);
    await store.close();
  },
};
