import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import { LciDatabaseSchema, type LciDatabase } from '../model/lci.ts';

/**
 * The data directory until the PostgreSQL store lands: one gzipped JSON file per imported
 * database under $TANJI_DATA/databases. Writes go to a temporary file first and are renamed
 * into place, so a failed or interrupted import leaves what was stored untouched.
 */

export function dataDir(): string {
  return process.env.TANJI_DATA || join(homedir(), '.tanji');
}

function databasesDir(): string {
  return join(dataDir(), 'databases');
}

export interface StoredDatabaseInfo {
  name: string;
  file: string;
  importedAt: Date;
}

/** A database name safe as a file name: letters, digits, dot, dash, underscore. */
export function databaseName(raw: string): string {
  const name = raw.replace(/\.zip$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  if (!name) throw new Error(`"${raw}" gives an empty database name; pass --name`);
  return name;
}

export function saveDatabase(name: string, db: LciDatabase): StoredDatabaseInfo {
  const dir = databasesDir();
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json.gz`);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, gzipSync(strToU8(JSON.stringify(db)), { level: 6 }));
  renameSync(tmp, file);
  return { name, file, importedAt: statSync(file).mtime };
}

export function listDatabases(): StoredDatabaseInfo[] {
  let names: string[];
  try {
    names = readdirSync(databasesDir());
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.json.gz'))
    .map((n) => {
      const file = join(databasesDir(), n);
      return { name: n.slice(0, -'.json.gz'.length), file, importedAt: statSync(file).mtime };
    })
    .sort((a, b) => b.importedAt.getTime() - a.importedAt.getTime());
}

export function loadDatabase(name: string): LciDatabase {
  const info = listDatabases().find((d) => d.name === name);
  if (!info) {
    const known = listDatabases().map((d) => d.name);
    throw new Error(`no database "${name}" in ${databasesDir()}${known.length ? `; known: ${known.join(', ')}` : '; run `tanji import <zip>` first'}`);
  }
  const parsed = LciDatabaseSchema.safeParse(JSON.parse(strFromU8(gunzipSync(readFileSync(info.file)))));
  if (!parsed.success) throw new Error(`${info.file} is not a Tanji database: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
