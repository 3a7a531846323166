import { randomUUID } from 'node:crypto';
import type { CodedMessageData } from '../model/message.ts';
import type { Queryable } from './connection.ts';
import { sendNotice } from './notices.ts';

/**
 * The job queue's rows. A job is created `queued`; a worker claims it (`running`, with a lease it
 * renews by heartbeat); it ends `done` with the handler's output or `failed` with the reason. A
 * job whose lease ran out (its worker died) is claimable again until `maxAttempts` is spent. Plain
 * parameterised SQL, so PGlite in one process and a PostgreSQL server shared by many run the same
 * statements; `FOR UPDATE SKIP LOCKED` makes concurrent claims take different rows.
 */

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface Job {
  id: string;
  kind: string;
  studyId: string | null;
  userId: string | null;
  state: JobState;
  progress: number;
  /** the latest message in English, for logs and API clients */
  message: string;
  /** the same message as code and params (src/i18n/jobs.ts); null on rows written before messages were coded */
  codedMessage: CodedMessageData | null;
  error: string | null;
  /** the same error as catalogue code and params, when the failure carried them; null otherwise */
  codedError: CodedMessageData | null;
  params: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
  worker: string | null;
  output: Record<string, unknown> | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface JobSpec {
  kind: string;
  studyId?: string;
  userId?: string | null;
  params?: Record<string, unknown>;
  /** claims allowed before the job fails for good; default 3 */
  maxAttempts?: number;
}

/** The store's own state changes, coded as the handlers' messages are. */
const coded = (code: string, message: string): string => JSON.stringify({ code, params: {}, message });
const FAILED = coded('job.failed', 'failed');
const STARTED = coded('job.started', 'started');
const WILL_RETRY = coded('job.will-retry', 'will be tried again');
const HANDED_BACK = coded('job.handed-back', 'handed back by a stopping worker');

const ts = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const COLUMNS = `id, kind, study_id AS "studyId", user_id AS "userId", state, progress, message, coded_message AS "codedMessage", error, coded_error AS "codedError", params, attempts, max_attempts AS "maxAttempts",
  worker, output, ${ts('created_at')} AS "createdAt", ${ts('started_at')} AS "startedAt", ${ts('finished_at')} AS "finishedAt"`;

export async function createJob(db: Queryable, job: JobSpec): Promise<Job> {
  const [row] = await db.query<Job>(
    `INSERT INTO jobs (id, kind, study_id, user_id, state, params, max_attempts) VALUES ($1, $2, $3, $4, 'queued', $5::text::jsonb, $6) RETURNING ${COLUMNS}`,
    [
      randomUUID(),
      job.kind,
      job.studyId ?? null,
      job.userId ?? null,
      JSON.stringify(job.params ?? {}),
      job.maxAttempts ?? 3,
    ],
  );
  await sendNotice(db, 'jobs', job.kind);
  return row;
}

export async function getJob(db: Queryable, id: string): Promise<Job | undefined> {
  const [row] = await db.query<Job>(`SELECT ${COLUMNS} FROM jobs WHERE id = $1`, [id]);
  return row;
}

/**
 * Takes the oldest claimable job of the given kinds for `worker`: a queued one whose time has
 * come, or a running one whose lease ran out (its worker died). Jobs abandoned that way with no
 * attempt left are failed first, with the reason. Each claim counts as an attempt.
 */
export async function claimJob(
  db: Queryable,
  worker: string,
  kinds: readonly string[],
  leaseMs: number,
): Promise<Job | undefined> {
  await db.query(
    `UPDATE jobs SET state = 'failed', finished_at = now(), lease_until = NULL, message = 'failed', coded_message = $1::text::jsonb,
       error = 'the worker running it stopped before it finished, ' || attempts || ' time(s); the last was ' || coalesce(worker, 'unknown')
     WHERE state = 'running' AND lease_until < now() AND attempts >= max_attempts`,
    [FAILED],
  );
  const [row] = await db.query<Job>(
    `UPDATE jobs j SET state = 'running', worker = $1, attempts = j.attempts + 1, lease_until = now() + $3 * interval '1 millisecond',
       started_at = now(), message = CASE WHEN j.state = 'running' THEN 'taken over from ' || coalesce(j.worker, 'a stopped worker') ELSE 'started' END,
       coded_message = CASE WHEN j.state = 'running'
         THEN jsonb_build_object('code', 'job.taken-over', 'params', jsonb_build_object('worker', coalesce(j.worker, '?')),
                                 'message', 'taken over from ' || coalesce(j.worker, 'a stopped worker'))
         ELSE $4::text::jsonb END
     FROM (SELECT id AS next_id FROM jobs
            WHERE kind = ANY($2::text[]) AND ((state = 'queued' AND run_after <= now()) OR (state = 'running' AND lease_until < now()))
            ORDER BY run_after, created_at LIMIT 1 FOR UPDATE SKIP LOCKED) next
     WHERE j.id = next.next_id RETURNING ${COLUMNS}`,
    [worker, [...kinds], leaseMs, STARTED],
  );
  return row;
}

/** Renews the lease and records progress; false when the job is no longer this worker's (its lease ran out and another took it). */
export async function heartbeat(
  db: Queryable,
  id: string,
  worker: string,
  leaseMs: number,
  progress?: { fraction: number; message: CodedMessageData },
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE jobs SET lease_until = now() + $3 * interval '1 millisecond', progress = coalesce($4, progress),
       message = coalesce($5, message), coded_message = coalesce($6::text::jsonb, coded_message)
     WHERE id = $1 AND worker = $2 AND state = 'running' RETURNING id`,
    [
      id,
      worker,
      leaseMs,
      progress ? Math.max(0, Math.min(1, progress.fraction)) : null,
      progress?.message.message ?? null,
      progress ? JSON.stringify(progress.message) : null,
    ],
  );
  return rows.length === 1;
}

/**
 * Inside a handler's transaction: locks the job's row while `worker` still holds it, so that no
 * other worker can take the job over before the transaction ends; throws when the job is no
 * longer this worker's (the transaction then writes nothing).
 */
export async function holdJob(tx: Queryable, id: string, worker: string): Promise<void> {
  const rows = await tx.query(`SELECT id FROM jobs WHERE id = $1 AND worker = $2 AND state = 'running' FOR UPDATE`, [
    id,
    worker,
  ]);
  if (rows.length !== 1)
    throw new Error(`job ${id} is no longer held by ${worker}: nothing of this attempt is written`);
}

/** The job is done; false when it was no longer this worker's (nothing is written then). */
export async function completeJob(
  db: Queryable,
  id: string,
  worker: string,
  done: { message: CodedMessageData; output?: Record<string, unknown> },
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE jobs SET state = 'done', progress = 1, message = $3, coded_message = $5::text::jsonb, output = $4::text::jsonb,
       error = NULL, lease_until = NULL, finished_at = now()
     WHERE id = $1 AND worker = $2 AND state = 'running' RETURNING id`,
    [id, worker, done.message.message, done.output ? JSON.stringify(done.output) : null, JSON.stringify(done.message)],
  );
  return rows.length === 1;
}

/**
 * The attempt failed. A `permanent` failure (the input is wrong: retrying cannot help) or one with
 * no attempt left ends the job as failed; otherwise it is queued again after `retryInMs`.
 */
export async function failJob(
  db: Queryable,
  id: string,
  worker: string,
  error: string | CodedMessageData,
  opts: { permanent: boolean; retryInMs: number },
): Promise<'failed' | 'queued' | 'lost'> {
  const [row] = await db.query<{ state: JobState; kind: string }>(
    `UPDATE jobs SET error = $3, coded_error = $8::text::jsonb, lease_until = NULL,
       state = CASE WHEN $4 OR attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
       message = CASE WHEN $4 OR attempts >= max_attempts THEN 'failed' ELSE 'will be tried again' END,
       coded_message = CASE WHEN $4 OR attempts >= max_attempts THEN $6::text::jsonb ELSE $7::text::jsonb END,
       finished_at = CASE WHEN $4 OR attempts >= max_attempts THEN now() END,
       run_after = CASE WHEN $4 OR attempts >= max_attempts THEN run_after ELSE now() + $5 * interval '1 millisecond' END,
       worker = CASE WHEN $4 OR attempts >= max_attempts THEN worker END
     WHERE id = $1 AND worker = $2 AND state = 'running' RETURNING state, kind`,
    [
      id,
      worker,
      typeof error === 'string' ? error : error.message,
      opts.permanent,
      opts.retryInMs,
      FAILED,
      WILL_RETRY,
      typeof error === 'string' ? null : JSON.stringify(error),
    ],
  );
  // idle workers elsewhere set their timers by the retry's time
  if (row?.state === 'queued') await sendNotice(db, 'jobs', row.kind);
  return row?.state === 'failed' ? 'failed' : row ? 'queued' : 'lost';
}

/** A stopping worker gives the job back untouched: queued again at once, the attempt not counted. */
export async function handBackJob(db: Queryable, id: string, worker: string): Promise<void> {
  const rows = await db.query<{ kind: string }>(
    `UPDATE jobs SET state = 'queued', worker = NULL, lease_until = NULL, attempts = greatest(attempts - 1, 0), run_after = now(),
       message = 'handed back by a stopping worker', coded_message = $3::text::jsonb
     WHERE id = $1 AND worker = $2 AND state = 'running' RETURNING kind`,
    [id, worker, HANDED_BACK],
  );
  if (rows.length) await sendNotice(db, 'jobs', rows[0].kind);
}

/** Milliseconds until the next job of these kinds may be claimable (a delayed retry, a lease running out); undefined when none. */
export async function nextJobDueInMs(db: Queryable, kinds: readonly string[]): Promise<number | undefined> {
  const [row] = await db.query<{ ms: number | null }>(
    `SELECT (extract(epoch FROM least(min(run_after) FILTER (WHERE state = 'queued'), min(lease_until) FILTER (WHERE state = 'running')) - now()) * 1000)::float8 AS ms
       FROM jobs WHERE kind = ANY($1::text[]) AND state IN ('queued', 'running')`,
    [[...kinds]],
  );
  return row?.ms === null || row?.ms === undefined ? undefined : Math.max(0, row.ms);
}

/** Jobs by kind and state, for metrics. */
export async function jobCounts(db: Queryable): Promise<{ kind: string; state: JobState; count: number }[]> {
  return db.query(`SELECT kind, state, count(*)::int AS count FROM jobs GROUP BY kind, state ORDER BY kind, state`);
}
