import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { importDatabase } from '../formats/index.ts';
import { screenDatabase } from '../screen/screen.ts';
import {
  getRelease,
  holdJob,
  importedByJob,
  insertRelease,
  loadImportArchive,
  loadScreen,
  recordImport,
} from '../store/index.ts';
import { jobMessage as coded } from './messages.ts';
import { PermanentJobError, type HandlerContext, type Outcome } from './worker.ts';

export const ImportParamsSchema = z.object({
  /** SHA-256 of the archive in import_archives */
  archive: z.string().regex(/^[0-9a-f]{64}$/),
  release: z.string().min(1).max(100),
  licence: z.string().min(1).max(500).optional(),
  /** how to cite the database; kept as the release's notes */
  citation: z.string().min(1).max(2000).optional(),
});
export type ImportParams = z.infer<typeof ImportParamsSchema>;

/**
 * Imports an uploaded database archive as a release: parse (the archive's format recognised as
 * `tanji import` does), screen, then save in one transaction that holds the job's row and records
 * the job on the release. A worker that dies before the commit leaves nothing; a retry that finds
 * the release its job saved returns it.
 */
export async function importArchiveJob({ store, job, progress }: HandlerContext): Promise<Outcome> {
  const params = ImportParamsSchema.parse(job.params);
  const earlier = await importedByJob(store, job.id);
  if (earlier) return done(store, earlier);
  const archive = await loadImportArchive(store, params.archive);
  if (!archive) throw new PermanentJobError(`the archive ${params.archive} of release ${params.release} is not stored`);
  const dir = await mkdtemp(join(tmpdir(), 'tanji-import-'));
  try {
    // the importers read files; the archive's name (already cut to its last part) tells the origin,
    // and a name of dots alone would name a folder
    const path = join(dir, /^\.*$/.test(archive.fileName) ? 'upload.zip' : archive.fileName);
    await writeFile(path, archive.bytes);
    // the worker writes the same step at most every 250 ms, however often it is reported
    const db = await importDatabase(path, {
      onProgress: (n, all) =>
        void progress((0.6 * n) / all, coded('job.import-parsing', { file: archive.fileName, done: n, all })),
    });
    await progress(0.6, coded('job.import-screening', {}));
    const screen = screenDatabase(db);
    await progress(0.7, coded('job.import-saving', {}));
    await store.transaction(async (tx) => {
      await holdJob(tx, job.id, job.worker!);
      await insertRelease(tx, {
        release: params.release,
        database: db,
        licence: params.licence,
        notes: params.citation,
        screen,
      });
      await recordImport(tx, job.id, params.release, archive.sha256);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return done(store, params.release);
}

async function done(store: HandlerContext['store'], release: string): Promise<Outcome> {
  const info = (await getRelease(store, release))!;
  const screen = await loadScreen(store, release);
  return {
    message: coded('job.imported', { release, processes: info.processes }),
    output: {
      release,
      origin: info.origin,
      processes: info.processes,
      quarantined: screen?.quarantined.length ?? 0,
      screen: screen?.counts ?? {},
    },
  };
}
