import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importDatabase } from '../formats/index.ts';
import type { LciDatabase } from '../model/lci.ts';
import type { Factor } from '../model/factor.ts';
import { SEED_RELEASE, seedFactors } from '../factors/seed.ts';
import { Progress } from './progress.ts';
import {
  defaultDataDir,
  getRelease,
  listReleases,
  loadRelease,
  openStore,
  saveRelease,
  type ReleaseInfo,
  type Store,
} from '../store/index.ts';

/**
 * The CLI's databases are releases of the store (PGlite in TANJI_DATA, or DATABASE_URL): an
 * import is one transaction and a release, once saved, never changes.
 */

export async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore();
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export function storeLocation(): string {
  return process.env.DATABASE_URL ? 'the PostgreSQL server in DATABASE_URL' : `${defaultDataDir()}/pglite`;
}

/** A release name safe everywhere: letters, digits, dot, dash, underscore. */
export function databaseName(raw: string): string {
  const name = raw
    .replace(/\.zip$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!name) throw new Error(`"${raw}" gives an empty database name; pass --name`);
  return name;
}

/** releases that hold an LCI database, newest first */
export async function listDatabases(): Promise<ReleaseInfo[]> {
  return withStore(async (store) => (await listReleases(store)).filter((r) => r.processes > 0).reverse());
}

export async function loadDatabase(name: string): Promise<LciDatabase> {
  return withStore(async (store) => {
    const known = (await listReleases(store)).filter((r) => r.processes > 0).map((r) => r.number);
    if (!known.includes(name))
      throw new Error(
        `no database "${name}" in ${storeLocation()}; known: ${known.join(', ') || 'none (tanji import <zip>)'}`,
      );
    return loadRelease(store, name);
  });
}

export async function saveDatabase(name: string, db: LciDatabase, licence?: string): Promise<ReleaseInfo> {
  return withStore((store) => saveRelease(store, { release: name, database: db, licence }));
}

const LICENCE_FILES = ['LICENSE', 'LICENCE', 'LICENSE.txt', 'LICENSE.md', 'COPYING'];

/**
 * The licence a database file is distributed under, from the licence file beside it (as the
 * US LCI and TianGong downloads have): its title and copyright lines, and where they were read.
 * Undefined when there is none; the release then says its licence was not stated.
 */
export function licenceBeside(file: string): string | undefined {
  const found = LICENCE_FILES.map((n) => join(dirname(file), n)).find((p) => existsSync(p));
  if (!found) return undefined;
  const lines = readFileSync(found, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const head = [lines[0], lines.find((l) => /^copyright/i.test(l))].filter(
    (l): l is string => Boolean(l) && l!.length <= 200,
  );
  return head.length
    ? `${[...new Set(head)].join(', ')} (${basename(found)} distributed with ${basename(file)})`
    : undefined;
}

/** A release of factors is under the licences of its factors: each distinct one, most used first. */
export function factorsLicence(factors: readonly Factor[]): string {
  const counts = new Map<string, number>();
  for (const f of factors) counts.set(f.licence, (counts.get(f.licence) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([licence, n]) => `${licence} (${n} factors)`)
    .join(' | ');
}

/** publishes the China factor seed data as release SEED_RELEASE unless it is there; true when it was published now */
export async function publishSeedFactors(store: Store): Promise<boolean> {
  if (await getRelease(store, SEED_RELEASE)) return false;
  const factors = seedFactors();
  await saveRelease(store, {
    release: SEED_RELEASE,
    factors,
    notes: 'China factor seed data (src/factors/data)',
    licence: factorsLicence(factors),
  });
  return true;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The background databases every Tanji store starts with, each loaded once as its own release:
 * the US LCI database and TianGong, the China background (unit processes of Chinese industry
 * with provincial locations). Environment variables name other archives.
 */
export const BUNDLED_DATABASES = [
  {
    release: 'uslci',
    title: 'the US LCI database',
    env: 'TANJI_SEED',
    path: () => process.env.TANJI_SEED ?? join(root, '../shared/data/uslci/uslci-olca1.5-jsonld.zip'),
    required: true,
  },
  {
    release: 'tiangong',
    title: 'the TianGong LCA database (China background, ILCD, 4,133 processes; about a minute, first time only)',
    env: 'TANJI_TIANGONG',
    path: () => process.env.TANJI_TIANGONG ?? join(root, '../shared/data/tiangong/tiangong-lca-data-ilcd.zip'),
    required: false,
  },
] as const;

/**
 * Loads each bundled database the store lacks (one transaction each), telling the user what is
 * happening; a missing required archive is an error, a missing optional one a note.
 */
export async function loadBundledDatabases(
  store: Store,
  say: (line: string) => void = (l) => console.log(l),
): Promise<string[]> {
  const loaded: string[] = [];
  for (const d of BUNDLED_DATABASES) {
    if (await getRelease(store, d.release)) continue;
    const path = d.path();
    if (!existsSync(path)) {
      const message = `no archive for release ${d.release} at ${path}; set ${d.env} to its zip`;
      if (d.required) throw new Error(message);
      say(`${message} (continuing without it)`);
      continue;
    }
    const progress = new Progress(`loading ${d.title}`);
    const warnings: string[] = [];
    const db = await importDatabase(path, {
      onProgress: (done, total) => progress.update(done, total),
      onWarning: (w) => warnings.push(w),
    });
    progress.done(
      `${db.processes.length} processes${warnings.length ? `, ${warnings.length} notes (tanji import --json lists them)` : ''}`,
    );
    await saveRelease(store, { release: d.release, database: db, licence: licenceBeside(path) });
    loaded.push(d.release);
  }
  return loaded;
}
