import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Store } from './connection.ts';
import { acquireLock } from './lock.ts';

/**
 * Backups of the whole store. PGlite: its data directory as a gzipped tarball (PGlite's own dump,
 * taken between queries, so consistent), restored into an empty data directory. A PostgreSQL
 * server: pg_dump's custom format (of the store's schema when it has one), restored with
 * pg_restore; both tools come with PostgreSQL and must be on the PATH.
 */

export async function backupPglite(store: Store, file: string): Promise<number> {
  if (!store.dumpDataDir) throw new Error(`the store at ${store.location} is not PGlite: use backupPostgres`);
  const tar = await store.dumpDataDir();
  writeFileSync(file, tar);
  return tar.length;
}

/** Restores a backup into `dataDir`, which must hold no store yet (restoring never overwrites one). */
export async function restorePglite(file: string, dataDir: string): Promise<void> {
  const target = join(dataDir, 'pglite');
  if (existsSync(target) && readdirSync(target).length)
    throw new Error(`${target} already holds a store: restore into an empty TANJI_DATA directory`);
  mkdirSync(dataDir, { recursive: true });
  const lock = await acquireLock(join(dataDir, 'pglite.lock'), 10_000);
  try {
    const db = await PGlite.create(target, { loadDataDir: new Blob([readFileSync(file)]) });
    await db.query('SELECT 1 FROM schema_migrations LIMIT 1');
    await db.close();
  } finally {
    lock.release();
  }
}

export function backupPostgres(url: string, schema: string | undefined, file: string): void {
  run('pg_dump', [
    '--format=custom',
    '--no-owner',
    `--file=${file}`,
    ...(schema ? [`--schema=${schema}`] : []),
    `--dbname=${url}`,
  ]);
}

/** Into the database at `url`: objects the backup holds are dropped first, so a restore repeats cleanly. */
export function restorePostgres(url: string, file: string): void {
  run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--exit-on-error', `--dbname=${url}`, file]);
}

function run(tool: string, args: string[]): void {
  try {
    execFileSync(tool, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as Error & { stderr?: Buffer; code?: string };
    if (err.code === 'ENOENT') throw new Error(`${tool} is not installed: it comes with PostgreSQL's client tools`);
    throw new Error(
      `${tool} failed: ${err.stderr?.toString().trim().split('\n').slice(0, 3).join('; ') ?? err.message}`,
    );
  }
}
