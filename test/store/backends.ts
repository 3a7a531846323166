import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MEMORY, openStore, type Store, type StoreOptions } from '../../src/store/index.ts';

/**
 * The back ends every store test runs on. PGlite always; a PostgreSQL server as well when
 * TANJI_TEST_DATABASE_URL is set (e.g. postgres://postgres@localhost:5432/postgres; the role must
 * be allowed to create schemas). Each test gets its own store: a fresh PGlite (in memory, or in a
 * temporary directory when several processes must share it) or a fresh schema on the server,
 * dropped afterwards.
 */

export interface Fresh {
  opts: StoreOptions;
  dispose(): Promise<void>;
}

export interface Backend {
  name: string;
  fresh(onDisk?: boolean): Fresh;
}

const url = process.env.TANJI_TEST_DATABASE_URL;

export const BACKENDS: Backend[] = [
  {
    name: 'PGlite',
    fresh(onDisk = false) {
      if (!onDisk) return { opts: { dataDir: MEMORY }, dispose: async () => undefined };
      const dir = mkdtempSync(join(tmpdir(), 'tanji-store-test-'));
      return { opts: { dataDir: dir }, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  ...(url
    ? [
        {
          name: 'PostgreSQL',
          fresh() {
            const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
            return {
              opts: { url, schema },
              async dispose() {
                const s = await openStore({ url, migrate: false });
                await s.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
                await s.close();
              },
            };
          },
        },
      ]
    : []),
];

/** A fresh store on the backend; closing it also drops what `fresh` made (the schema on a server). */
export async function openFresh(backend: Backend, onDisk = false): Promise<Store> {
  const fresh = backend.fresh(onDisk);
  const store = await openStore(fresh.opts);
  const close = store.close;
  return Object.assign(store, {
    close: async () => {
      await close();
      await fresh.dispose();
    },
  });
}
