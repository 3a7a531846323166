import type { Context } from 'hono';
import { startWorker, type StartedWorker } from '../jobs/index.ts';
import type { Job, Store } from '../store/index.ts';
import { JobSchema } from './schemas.ts';

/**
 * The worker a server runs in its own process (`npm start`, and tests): one per store, started by
 * the first app made on it. Its calculations run on a worker thread, so the event loop keeps
 * answering. `tanji serve` runs none; `tanji worker` processes do the work then.
 */

const running = new Map<Store, StartedWorker>();

export function inProcessWorker(store: Store): StartedWorker {
  let w = running.get(store);
  if (!w) running.set(store, (w = startWorker(store)));
  return w;
}

/** Resolves when the in-process workers have nothing left to do now (tests, shutdown). */
export async function jobsIdle(): Promise<void> {
  for (const w of running.values()) await w.worker.idle();
}

/** Stops the store's in-process worker: running jobs get graceMs to finish, then go back to the queue. */
export async function stopInProcessWorker(store: Store, graceMs?: number): Promise<void> {
  const w = running.get(store);
  running.delete(store);
  await w?.stop(graceMs);
}

/** 202 Accepted with the job, and where to follow it. */
export function accepted(c: Context, job: Job): never {
  c.header('location', `/api/jobs/${job.id}`);
  return c.json(JobSchema.parse(job), 202) as never;
}
