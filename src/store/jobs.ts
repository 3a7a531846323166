import { randomUUID } from 'node:crypto';
import type { Queryable } from './connection.ts';

/** Background jobs: one row per job, its state and progress, written by the worker that runs it. */

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface Job {
  id: string;
  kind: string;
  studyId: string | null;
  userId: string;
  state: JobState;
  progress: number;
  message: string;
  error: string | null;
  params: Record<string, unknown>;
  createdAt: string;
  finishedAt: string | null;
}

const COLUMNS = `id, kind, study_id AS "studyId", user_id AS "userId", state, progress, message, error, params,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
  to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "finishedAt"`;

export async function createJob(db: Queryable, job: { kind: string; studyId?: string; userId: string; params?: Record<string, unknown> }): Promise<Job> {
  const [row] = await db.query<Job>(
    `INSERT INTO jobs (id, kind, study_id, user_id, state, params) VALUES ($1, $2, $3, $4, 'queued', $5::text::jsonb) RETURNING ${COLUMNS}`,
    [randomUUID(), job.kind, job.studyId ?? null, job.userId, JSON.stringify(job.params ?? {})],
  );
  return row;
}

export async function getJob(db: Queryable, id: string): Promise<Job | undefined> {
  const [row] = await db.query<Job>(`SELECT ${COLUMNS} FROM jobs WHERE id = $1`, [id]);
  return row;
}

export async function updateJob(db: Queryable, id: string, change: { state?: JobState; progress?: number; message?: string; error?: string }): Promise<void> {
  const finished = change.state === 'done' || change.state === 'failed';
  await db.query(
    `UPDATE jobs SET state = coalesce($2, state), progress = coalesce($3, progress), message = coalesce($4, message), error = coalesce($5, error),
       finished_at = CASE WHEN $6 THEN now() ELSE finished_at END WHERE id = $1`,
    [id, change.state ?? null, change.progress ?? null, change.message ?? null, change.error ?? null, finished],
  );
}

/** Jobs a previous process left running or queued: they will not finish, so they are failed with a reason. */
export async function failAbandonedJobs(db: Queryable): Promise<number> {
  const rows = await db.query(
    `UPDATE jobs SET state = 'failed', error = 'the server stopped before the job finished; start it again', finished_at = now() WHERE state IN ('queued', 'running') RETURNING id`,
  );
  return rows.length;
}
