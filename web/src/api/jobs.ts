import { api } from './endpoints.ts';
import type { Job } from './types.ts';

const POLL_MS = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function isActive(job: Job | null): boolean {
  return job?.state === 'queued' || job?.state === 'running';
}

/** A background job that ended failed; its message is the reason the server recorded. */
export class JobFailedError extends Error {
  /** the reason in catalogue words, when the failure carried them */
  readonly words?: Job['codedError'] & object;

  constructor(readonly job: Job) {
    super(job.error ?? job.message);
    this.words = job.codedError ?? undefined;
  }
}

/**
 * Follows a job the server accepted (202) until it ends, reporting each state it sees; resolves
 * with the done job, throws JobFailedError for a failed one. Stops early (resolving with the last
 * state seen) once `following()` turns false, e.g. when the page that asked is gone.
 */
export async function followJob(
  job: Job,
  onUpdate: (job: Job) => void = () => undefined,
  following: () => boolean = () => true,
): Promise<Job> {
  let current = job;
  onUpdate(current);
  while (isActive(current)) {
    await sleep(POLL_MS);
    if (!following()) return current;
    current = await api.job(current.id);
    onUpdate(current);
  }
  if (current.state === 'failed') throw new JobFailedError(current);
  return current;
}
