import type { Factor } from '../model/factor.ts';
import type { LciDatabase } from '../model/lci.ts';
import {
  listReleases,
  loadFactors,
  loadRelease,
  readSettings,
  watchStore,
  writeSetting,
  type Queryable,
  type ReleaseInfo,
} from '../store/index.ts';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from './model.ts';

/**
 * What the co-construction steps read from around them: the settings stewards keep, and the
 * current release that new data is checked against (the newest holding factors, the newest
 * holding unit processes). Releases never change, so a loaded one is kept (per store, the LCI ones bounded)
 * until a release is saved under its number, here or in another process.
 */

export async function loadSettings(db: Queryable): Promise<Settings> {
  return SettingsSchema.parse({ ...DEFAULT_SETTINGS, ...(await readSettings(db)) });
}

export async function saveSettings(db: Queryable, change: Partial<Settings>, userId: string): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await loadSettings(db)), ...change });
  for (const [key, value] of Object.entries(change))
    if (value !== undefined) await writeSetting(db, key, value, userId);
  return next;
}

/** Newest last, by creation time (ties keep the store's order). */
async function releasesByAge(db: Queryable): Promise<ReleaseInfo[]> {
  return (await listReleases(db))
    .map((r, i) => ({ r, i }))
    .sort((a, b) => new Date(a.r.createdAt).getTime() - new Date(b.r.createdAt).getTime() || a.i - b.i)
    .map((x) => x.r);
}

export async function currentRelease(db: Queryable, kind: 'factor' | 'process'): Promise<string | undefined> {
  return (await releasesByAge(db)).filter((r) => (kind === 'factor' ? r.factors > 0 : r.processes > 0)).at(-1)?.number;
}

/** Per store, since release numbers are only unique within one. */
const factorCaches = new WeakMap<Queryable, Map<string, Promise<Factor[]>>>();
const lciCaches = new WeakMap<Queryable, Map<string, Promise<LciDatabase>>>();
/** A large LCI release is a few hundred MB as objects: keep only the last few. */
const LCI_CACHE_SIZE = 2;

function cached<T>(
  caches: WeakMap<Queryable, Map<string, Promise<T>>>,
  db: Queryable,
  key: string,
  load: () => Promise<T>,
  size = Infinity,
): Promise<T> {
  let cache = caches.get(db);
  if (!cache) {
    const own = (cache = new Map());
    caches.set(db, own);
    // a release saved under a number (by any process) replaces whatever was read under it, even "nothing"
    watchStore(db, (n) => (n.topic === '*' ? own.clear() : n.topic === 'release' && own.delete(n.subject)));
  }
  let hit = cache.get(key);
  if (!hit) {
    hit = load();
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
    while (cache.size > size) cache.delete(cache.keys().next().value!);
  }
  return hit;
}

export function releaseFactors(db: Queryable, release: string): Promise<Factor[]> {
  return cached(factorCaches, db, release, () => loadFactors(db, release));
}

export function releaseDatabase(db: Queryable, release: string): Promise<LciDatabase> {
  return cached(lciCaches, db, release, () => loadRelease(db, release), LCI_CACHE_SIZE);
}
