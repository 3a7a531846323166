import { createHash } from 'node:crypto';
import type { Queryable } from './connection.ts';

/**
 * Database archives uploaded for an import job, and the release each import job saved. The
 * archive is kept under its SHA-256 before the job is queued, so that whichever worker runs the
 * job (again, after one died) reads the very bytes the steward sent.
 */

export interface ImportArchive {
  sha256: string;
  fileName: string;
  bytes: Uint8Array;
}

/** Stores the archive once (the same bytes uploaded twice are one row); returns its SHA-256. */
export async function saveImportArchive(db: Queryable, fileName: string, bytes: Uint8Array): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await db.query(
    'INSERT INTO import_archives (sha256, file_name, size, bytes) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING',
    [sha256, fileName, bytes.length, Buffer.from(bytes).toString('base64')],
  );
  return sha256;
}

export async function loadImportArchive(db: Queryable, sha256: string): Promise<ImportArchive | undefined> {
  const [row] = await db.query<{ file_name: string; bytes: string }>(
    'SELECT file_name, bytes FROM import_archives WHERE sha256 = $1',
    [sha256],
  );
  return row && { sha256, fileName: row.file_name, bytes: new Uint8Array(Buffer.from(row.bytes, 'base64')) };
}

/** Records, in the release's own transaction, that this job imported it from this archive. */
export async function recordImport(tx: Queryable, jobId: string, release: string, archive: string): Promise<void> {
  await tx.query('INSERT INTO release_imports (job_id, release, archive) VALUES ($1, $2, $3)', [
    jobId,
    release,
    archive,
  ]);
}

/** The release a job imported, if it got as far as committing it. */
export async function importedByJob(db: Queryable, jobId: string): Promise<string | undefined> {
  const [row] = await db.query<{ release: string }>('SELECT release FROM release_imports WHERE job_id = $1', [jobId]);
  return row?.release;
}
