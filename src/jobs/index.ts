import { FootprintCatalog } from '../pact/catalog.ts';
import { PactEvents } from '../pact/events.ts';
import { closePdfBrowser } from '../report/pdf.ts';
import { createJob, type Job, type JobSpec, type Store } from '../store/index.ts';
import { ComputePool } from './compute.ts';
import { isPermanent, jobHandlers, type JobKind } from './handlers.ts';
import { pactDelivery } from './pact-delivery.ts';
import { JobWorker, type WorkerOptions } from './worker.ts';

/**
 * The job queue's surface: enqueue a job, start a worker. The server only enqueues; workers claim
 * (in this process with `npm start`, in `tanji worker` processes otherwise). Nothing else knows
 * where a job runs.
 */

export {
  JobWorker,
  PermanentJobError,
  RetryLaterError,
  type Handler,
  type HandlerContext,
  type Outcome,
  type WorkerOptions,
} from './worker.ts';
export {
  CalculateParamsSchema,
  ReleasePublishParamsSchema,
  ReportPdfParamsSchema,
  JOB_KINDS,
  calculationKind,
  type CalculateParams,
  type JobKind,
} from './handlers.ts';
export { reportInputs, reportHtml, type ReportInputs, type ReportLang } from './study-report.ts';
export { ComputePool, CalculationError } from './compute.ts';

const local = new WeakMap<Store, Set<JobWorker>>();

/** Adds a job; workers of this process are woken at once, others by the store's `jobs` notice. */
export async function enqueue(store: Store, spec: JobSpec & { kind: JobKind }): Promise<Job> {
  const job = await createJob(store, spec);
  wakeLocalWorkers(store);
  return job;
}

/** Tells this process's workers on the store to look for work (a job was queued outside `enqueue`). */
export function wakeLocalWorkers(store: Store): void {
  for (const w of local.get(store) ?? []) w.wake();
}

export interface StartedWorker {
  worker: JobWorker;
  stop(graceMs?: number): Promise<void>;
}

/** A worker with every handler and its own calculation threads, started. */
export function startWorker(store: Store, opts: WorkerOptions & { threads?: number } = {}): StartedWorker {
  const compute = new ComputePool(opts.threads);
  const events = new PactEvents(store, new FootprintCatalog(store));
  const worker = new JobWorker(store, jobHandlers(compute, pactDelivery(events)), { isPermanent, ...opts });
  let mine = local.get(store);
  if (!mine) local.set(store, (mine = new Set()));
  mine.add(worker);
  worker.start();
  return {
    worker,
    async stop(graceMs) {
      await worker.stop(graceMs);
      mine.delete(worker);
      await compute.close();
      await closePdfBrowser();
    },
  };
}

/** The workers running in this process on a store. */
export function localWorkers(store: Store): JobWorker[] {
  return [...(local.get(store) ?? [])];
}
