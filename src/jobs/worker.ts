import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import {
  claimJob,
  completeJob,
  failJob,
  handBackJob,
  heartbeat,
  nextJobDueInMs,
  type Job,
  type Notice,
  type Store,
} from '../store/index.ts';
import { log } from '../ops/log.ts';
import { jobFinished, jobStarted } from '../ops/metrics.ts';
import type { CodedMessageData } from '../model/message.ts';
import { errorTextOf, type ErrorText } from '../model/errors.ts';

/**
 * A worker: claims jobs of the kinds it has handlers for, runs them, and holds each by a lease it
 * renews every third of the lease. When a heartbeat finds the job taken (its lease ran out while
 * this process was stalled), the handler is told to stop and nothing it did is recorded as done.
 * Failures are retried with exponential backoff unless the handler calls them permanent.
 *
 * It wakes on the store's `jobs` notice (a job enqueued or handed back by any process, sent at
 * commit), when the next delayed retry or lease comes due, and, on a PostgreSQL server, every
 * `pollMs`: a safety net for notices lost while its listening connection was down.
 */

export interface HandlerContext {
  store: Store;
  job: Job;
  /**
   * A new step (another message code) is written at once, and the promise settles when it is:
   * await it before work that holds the job's row. The same step's fractions are throttled to
   * one write per PROGRESS_MS.
   */
  progress(fraction: number, message: CodedMessageData): Promise<void>;
  /** aborted when the job is no longer this worker's or the worker stops hard */
  signal: AbortSignal;
}

export interface Outcome {
  /** what the job made, said in the catalogue's codes (src/i18n/jobs.ts) */
  message: CodedMessageData;
  output?: Record<string, unknown>;
}

export type Handler = (ctx: HandlerContext) => Promise<Outcome>;

/** The job's input is wrong: another attempt would fail the same way. With catalogue words, the job shows them in the reader's language. */
export class PermanentJobError extends Error {
  readonly text?: ErrorText;

  constructor(message: string | ErrorText) {
    super(typeof message === 'string' ? message : message.message);
    if (typeof message !== 'string') this.text = message;
  }
}

/** The attempt failed and the handler knows when the next one is worth making (a partner's backoff). */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    readonly retryInMs: number,
  ) {
    super(message);
  }
}

export interface WorkerOptions {
  /** shown in the job row and the logs; default host:pid:random */
  id?: string;
  /** jobs run at once; default TANJI_WORKER_CONCURRENCY or 1 */
  concurrency?: number;
  /** default TANJI_JOB_LEASE_MS or 30 s */
  leaseMs?: number;
  /** safety-net polling on a PostgreSQL server; default TANJI_JOB_POLL_MS or 10 s (PGlite: none, one process) */
  pollMs?: number;
  /** errors that must not be retried, besides PermanentJobError */
  isPermanent?(error: unknown): boolean;
}

const PROGRESS_MS = 250;
const POLL_MS = 10_000;
const MAX_RETRY_MS = 10 * 60_000;

export class JobWorker {
  readonly id: string;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly kinds: string[];
  private readonly active = new Map<string, { promise: Promise<void>; abort: AbortController }>();
  private readonly listeners: ((job: Job, outcome: Outcome) => void)[] = [];
  private pumping: Promise<void> | undefined;
  private again = false;
  private stopping = false;
  private timer: NodeJS.Timeout | undefined;
  private poller: NodeJS.Timeout | undefined;
  private unlisten: (() => void) | undefined;
  /** resolves once notices reach this worker (a job enqueued from then on wakes it at once) */
  listening: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly handlers: Record<string, Handler>,
    private readonly opts: WorkerOptions = {},
  ) {
    this.id = opts.id ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.concurrency = opts.concurrency ?? Math.max(1, Number(process.env.TANJI_WORKER_CONCURRENCY ?? 1) || 1);
    this.leaseMs = opts.leaseMs ?? (Number(process.env.TANJI_JOB_LEASE_MS) || 30_000);
    this.kinds = Object.keys(handlers);
  }

  start(): this {
    const subscription = this.store.listen((n) => this.noticed(n));
    this.unlisten = subscription.close;
    // a job enqueued before the listening connection was up is found by this wake
    this.listening = subscription.ready.then(() => this.wake());
    const pollMs = this.opts.pollMs ?? (Number(process.env.TANJI_JOB_POLL_MS) || POLL_MS);
    if (this.store.kind === 'postgres') this.poller = setInterval(() => this.wake(), pollMs).unref();
    this.wake();
    return this;
  }

  private noticed(notice: Notice): void {
    if (notice.topic === '*' || (notice.topic === 'jobs' && this.kinds.includes(notice.subject))) this.wake();
  }

  /** Called after each job this worker finished. */
  onDone(listener: (job: Job, outcome: Outcome) => void): void {
    this.listeners.push(listener);
  }

  /** Look for work now. */
  wake(): void {
    if (this.stopping) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump()
      .catch((e: Error) => log.error({ worker: this.id, err: e.message }, 'job queue unavailable'))
      .finally(() => {
        this.pumping = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Resolves when nothing runs and nothing is claimable now (delayed retries may remain). */
  async idle(): Promise<void> {
    while (this.pumping || this.active.size) {
      const busy = [...this.active.values()].map((a) => a.promise);
      await Promise.race(this.pumping ? [this.pumping, ...busy] : busy);
    }
  }

  /**
   * Stops claiming; waits up to graceMs for running jobs, then aborts them and hands them back
   * (queued again, the attempt not counted), so another worker takes them at once.
   */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    this.unlisten?.();
    clearInterval(this.poller);
    clearTimeout(this.timer);
    await this.pumping;
    const running = [...this.active.values()].map((a) => a.promise);
    let timeout: NodeJS.Timeout | undefined;
    const late = await Promise.race([
      Promise.all(running).then(() => false),
      new Promise<boolean>((r) => (timeout = setTimeout(() => r(true), graceMs))),
    ]);
    clearTimeout(timeout);
    if (late) {
      for (const [id, a] of this.active) {
        a.abort.abort(new Error('the worker is stopping'));
        await handBackJob(this.store, id, this.id).catch(() => undefined);
      }
    }
  }

  private async pump(): Promise<void> {
    while (!this.stopping && this.active.size < this.concurrency) {
      const job = await claimJob(this.store, this.id, this.kinds, this.leaseMs);
      if (!job) break;
      const abort = new AbortController();
      const promise = this.run(job, abort).finally(() => {
        this.active.delete(job.id);
        this.wake();
      });
      this.active.set(job.id, { promise, abort });
    }
    if (this.stopping || this.active.size >= this.concurrency) return;
    const due = await nextJobDueInMs(this.store, this.kinds);
    clearTimeout(this.timer);
    // a running job's lease counts too; the timer then finds nothing to take, which is harmless
    if (due !== undefined) this.timer = setTimeout(() => this.wake(), Math.min(due + 20, 2 ** 31 - 1)).unref();
  }

  private async run(job: Job, abort: AbortController): Promise<void> {
    const started = Date.now();
    jobStarted(job.kind);
    log.info({ worker: this.id, job: job.id, kind: job.kind, attempt: job.attempts }, 'job started');
    let latest: { fraction: number; message: CodedMessageData } | undefined;
    let written = 0;
    let writtenStep: string | undefined;
    let beat: Promise<unknown> = Promise.resolve();
    const renew = () => {
      const progress = latest;
      latest = undefined;
      written = Date.now();
      if (progress) writtenStep = progress.message.code;
      beat = beat
        .then(() => heartbeat(this.store, job.id, this.id, this.leaseMs, progress))
        .then(
          (mine) =>
            mine || abort.abort(new Error(`job ${job.id} was taken over by another worker after its lease ran out`)),
        )
        .catch((e: Error) => log.warn({ worker: this.id, job: job.id, err: e.message }, 'heartbeat failed'));
    };
    const ticker = setInterval(renew, this.leaseMs / 3);
    const ctx: HandlerContext = {
      store: this.store,
      job,
      signal: abort.signal,
      progress: (fraction, message) => {
        latest = { fraction, message };
        if (message.code !== writtenStep || Date.now() - written >= PROGRESS_MS) renew();
        return beat.then(() => undefined);
      },
    };
    let outcome: 'done' | 'failed' | 'queued' | 'lost' = 'lost';
    try {
      const handler = this.handlers[job.kind];
      const result = await handler(ctx);
      clearInterval(ticker);
      await beat;
      if (abort.signal.aborted) return;
      outcome = (await completeJob(this.store, job.id, this.id, result)) ? 'done' : 'lost';
      if (outcome === 'done') for (const l of this.listeners) l(job, result);
    } catch (e) {
      clearInterval(ticker);
      await beat;
      if (abort.signal.aborted && this.stopping) return;
      const permanent = e instanceof PermanentJobError || Boolean(this.opts.isPermanent?.(e));
      const retryInMs = e instanceof RetryLaterError ? e.retryInMs : Math.min(MAX_RETRY_MS, 1000 * 2 ** job.attempts);
      const error = errorTextOf(e) ?? (e as Error).message;
      outcome = await failJob(this.store, job.id, this.id, error as string | CodedMessageData, {
        permanent,
        retryInMs,
      });
      log.warn(
        { worker: this.id, job: job.id, kind: job.kind, err: (e as Error).message, permanent, outcome },
        'job failed',
      );
    } finally {
      clearInterval(ticker);
      jobFinished(job.kind, outcome, (Date.now() - started) / 1000);
      log.info(
        { worker: this.id, job: job.id, kind: job.kind, outcome, seconds: (Date.now() - started) / 1000 },
        'job ended',
      );
    }
  }
}
