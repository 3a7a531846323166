import { createHash } from 'node:crypto';
import { canonicalJson } from '../model/canonical-json.ts';
import { StudyResultSchema, type StudyResult } from '../model/study.ts';
import type { Queryable, Store } from './connection.ts';
import { sendNotice } from './notices.ts';

/**
 * Calculation results are immutable rows named by the SHA-256 of their RFC 8785 canonical JSON.
 * A study version's current result is a pointer (study_result_heads) to one of them, so a
 * recalculation adds a row and moves the pointer; a sign-off or a published footprint that names
 * a hash keeps naming exactly the numbers it was given.
 */

export interface StoredResult {
  hash: string;
  result: StudyResult;
}

/** The identity of a result: hex SHA-256 of its canonical JSON (throws on a non-finite number, which has no JSON form). */
export function resultHash(result: StudyResult): string {
  return createHash('sha256').update(canonicalJson(result)).digest('hex');
}

/**
 * Stores the result (once: the same result saved twice is one row) and makes it the current
 * result of its study version, in one transaction. Returns its hash.
 */
export async function saveResult(store: Store, result: StudyResult): Promise<string> {
  const hash = resultHash(result);
  await store.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO results (hash, study_id, version, body) VALUES ($1, $2, $3, $4::text::jsonb) ON CONFLICT (hash) DO NOTHING`,
      [hash, result.studyId, result.version, JSON.stringify(result)],
    );
    await tx.query(
      `INSERT INTO study_result_heads (study_id, version, hash) VALUES ($1, $2, $3)
       ON CONFLICT (study_id, version) DO UPDATE SET hash = excluded.hash, set_at = now()`,
      [result.studyId, result.version, hash],
    );
    await sendNotice(tx, 'study', result.studyId);
  });
  return hash;
}

/** The current result of the latest calculated version, with its hash. */
export async function latestStoredResult(db: Queryable, studyId: string): Promise<StoredResult | undefined> {
  const [row] = await db.query<{ hash: string; body: unknown }>(
    'SELECT h.hash, r.body FROM study_result_heads h JOIN results r ON r.hash = h.hash WHERE h.study_id = $1 ORDER BY h.version DESC LIMIT 1',
    [studyId],
  );
  return row ? { hash: row.hash, result: StudyResultSchema.parse(row.body) } : undefined;
}

/** The result of the latest calculated version. */
export async function latestResult(db: Queryable, studyId: string): Promise<StudyResult | undefined> {
  return (await latestStoredResult(db, studyId))?.result;
}

/** The current result of one calculated version, or of the latest calculated one when no version is named. */
export async function resultOfVersion(
  db: Queryable,
  studyId: string,
  version?: number,
): Promise<StudyResult | undefined> {
  const [row] = await db.query<{ body: unknown }>(
    'SELECT r.body FROM study_result_heads h JOIN results r ON r.hash = h.hash WHERE h.study_id = $1 AND ($2::int IS NULL OR h.version = $2) ORDER BY h.version DESC LIMIT 1',
    [studyId, version ?? null],
  );
  return row ? StudyResultSchema.parse(row.body) : undefined;
}

/** One result by its hash, whichever version it belongs to and whether or not it is still current. */
export async function resultByHash(db: Queryable, hash: string): Promise<StoredResult | undefined> {
  const [row] = await db.query<{ hash: string; body: unknown }>('SELECT hash, body FROM results WHERE hash = $1', [
    hash,
  ]);
  return row ? { hash: row.hash, result: StudyResultSchema.parse(row.body) } : undefined;
}
