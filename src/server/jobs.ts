import { createJob, updateJob, type Job, type Queryable } from '../store/index.ts';

/**
 * Background jobs in this process: a job row is created at once (the client polls it), the work
 * runs after the response, one job at a time so a Monte Carlo never starves the API, and
 * progress is written at most every 200 ms.
 */

export type Work = (progress: (fraction: number, message: string) => void) => Promise<string>;

let queue: Promise<unknown> = Promise.resolve();

export async function startJob(db: Queryable, spec: { kind: string; studyId?: string; userId: string; params?: Record<string, unknown> }, work: Work): Promise<Job> {
  const job = await createJob(db, spec);
  queue = queue.then(() => run(db, job.id, work));
  return job;
}

/** Resolves when every job started so far has finished (tests, shutdown). */
export function jobsIdle(): Promise<unknown> {
  return queue;
}

async function run(db: Queryable, id: string, work: Work): Promise<void> {
  let last = 0;
  let pending: Promise<void> = Promise.resolve();
  const progress = (fraction: number, message: string) => {
    const now = Date.now();
    if (now - last < 200) return;
    last = now;
    pending = pending.then(() => updateJob(db, id, { progress: Math.max(0, Math.min(1, fraction)), message }));
  };
  try {
    await updateJob(db, id, { state: 'running', message: 'started' });
    // let the event loop answer polls between heavy synchronous steps
    await new Promise((r) => setImmediate(r));
    const message = await work(progress);
    await pending;
    await updateJob(db, id, { state: 'done', progress: 1, message });
  } catch (err) {
    await pending.catch(() => undefined);
    await updateJob(db, id, { state: 'failed', error: (err as Error).message, message: 'failed' });
  }
}
