import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import { acquireLock, HeldByError } from './lock.ts';
import { migrate } from './migrations.ts';
import { NoticeHub, noticeChannel, parseNotice, type NoticeListener } from './notices.ts';
import { ServerListener } from './server-listener.ts';
import { DomainError } from '../model/errors.ts';
import { coder } from '../i18n/define.ts';
import { STUDY_TEXTS } from '../i18n/studies.ts';

/**
 * One interface over the two back ends, both speaking PostgreSQL: PGlite (PostgreSQL compiled to
 * WebAssembly, in this process, on a data directory) by default, a PostgreSQL server when a URL
 * is given. Everything above this file writes one SQL dialect and never asks which one it has.
 */

export interface Queryable {
  /** one statement, parameters as $1, $2…; rows as objects, or as arrays (cheaper for large results) */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], rowMode?: 'object' | 'array'): Promise<T[]>;
  /** several statements, no parameters (migrations) */
  exec(sql: string): Promise<void>;
}

export interface Store extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** the PGlite directory, "memory://", or the server URL without its password */
  readonly location: string;
  /** the schema everything lives in when one was chosen (tests isolate themselves this way) */
  readonly schema?: string;
  /** BEGIN … COMMIT around fn; ROLLBACK and rethrow when it throws */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Every notice sent on this store (`sendNotice` in notices.ts) from any process, this one
   * included; `ready` resolves once notices sent from then on will arrive. `close` unsubscribes.
   */
  listen(listener: NoticeListener): Subscription;
  close(): Promise<void>;
  /** connections of the pool (a PostgreSQL server), for metrics */
  poolStats?(): { total: number; idle: number; waiting: number };
  /** PGlite: the whole data directory as a gzipped tarball, consistent (taken between queries) */
  dumpDataDir?(): Promise<Uint8Array>;
}

export interface Subscription {
  ready: Promise<void>;
  close(): void;
}

export interface StoreOptions {
  /** a PostgreSQL server; default DATABASE_URL */
  url?: string;
  /** a PGlite data directory ("memory://" for a throwaway store); default TANJI_DATA or ~/.tanji */
  dataDir?: string;
  /** a schema to use instead of public, created when missing */
  schema?: string;
  /** how long to wait for another process holding the PGlite directory; default 60 s */
  lockTimeoutMs?: number;
  /**
   * What this process is, when it keeps a PGlite store open for as long as it runs (the server, in
   * one line saying how else to reach the data): another process opening the directory fails at
   * once with a StoreInUseError quoting it, instead of waiting.
   */
  holder?: string;
  /** apply pending migrations on open; default true */
  migrate?: boolean;
}

export const MEMORY = 'memory://';

/** A PGlite directory kept open by a running process (the server): one line, in its words, on what to do. */
export class StoreInUseError extends DomainError {
  constructor(
    readonly dataDir: string,
    readonly holder: string,
    readonly pid: number,
  ) {
    super('conflict', 'store-in-use', coder(STUDY_TEXTS)('store.in-use', { dataDir, holder, pid }));
  }
}

export function defaultDataDir(): string {
  return process.env.TANJI_DATA || join(homedir(), '.tanji');
}

/**
 * An explicit dataDir wins over DATABASE_URL in the environment, so a caller (or a test) that
 * names a directory gets that directory whatever the shell exports.
 */
export async function openStore(opts: StoreOptions = {}): Promise<Store> {
  const url = opts.url ?? (opts.dataDir === undefined ? process.env.DATABASE_URL : undefined);
  // TANJI_DB_SCHEMA: one PostgreSQL database holding several installations (or test runs), each in its schema
  if (opts.schema === undefined && url && !opts.url && process.env.TANJI_DB_SCHEMA)
    opts = { ...opts, schema: process.env.TANJI_DB_SCHEMA };
  if (opts.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(opts.schema))
    throw new Error(`schema "${opts.schema}": use lower-case letters, digits and underscores`);
  const store = url
    ? openServer(url, opts.schema)
    : await openPglite(opts.dataDir ?? defaultDataDir(), opts.schema, opts.lockTimeoutMs ?? 60_000, opts.holder);
  if (opts.migrate !== false) {
    try {
      await migrate(store);
    } catch (e) {
      await store.close();
      throw e;
    }
  }
  return store;
}

function openServer(url: string, schema: string | undefined): Store {
  // search_path as a startup option applies to every pooled connection before its first query
  const pool = new pg.Pool({
    connectionString: url,
    options: schema ? `-c search_path=${schema}` : undefined,
    max: Math.max(1, Number(process.env.TANJI_DB_POOL ?? 4) || 4),
  });
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T>(sql: string, params?: unknown[], rowMode: 'object' | 'array' = 'object') =>
      (rowMode === 'array'
        ? (await c.query({ text: sql, values: params, rowMode: 'array' })).rows
        : (await c.query(sql, params)).rows) as T[],
    exec: async (sql: string) => {
      await c.query(sql);
    },
  });
  const hub = new NoticeHub();
  const listener = new ServerListener(url, noticeChannel(schema), hub);
  return {
    kind: 'postgres',
    location: redact(url),
    schema,
    ...wrap(pool),
    listen: (l) => ({ ready: listener.start(), close: hub.add(l) }),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: once(async () => {
      await listener.close();
      await pool.end();
    }),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}

async function openPglite(
  dataDir: string,
  schema: string | undefined,
  lockTimeoutMs: number,
  holder?: string,
): Promise<Store> {
  const memory = dataDir === MEMORY;
  let lock: { release(): void } | undefined;
  if (!memory) {
    mkdirSync(dataDir, { recursive: true });
    try {
      lock = await acquireLock(join(dataDir, 'pglite.lock'), lockTimeoutMs, holder);
    } catch (e) {
      if (e instanceof HeldByError) throw new StoreInUseError(dataDir, e.holder, e.pid);
      throw e;
    }
  }
  const location = memory ? MEMORY : join(dataDir, 'pglite');
  let db: PGlite;
  try {
    db = await PGlite.create(location);
    if (schema) await db.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}`);
  } catch (e) {
    lock?.release();
    throw e;
  }
  const wrap = (c: PGlite | Transaction): Queryable => ({
    query: async <T>(sql: string, params?: unknown[], rowMode: 'object' | 'array' = 'object') =>
      (await c.query<T>(sql, params, { rowMode })).rows,
    exec: async (sql: string) => {
      await c.exec(sql);
    },
  });
  const hub = new NoticeHub();
  let listening: Promise<unknown> | undefined;
  return {
    kind: 'pglite',
    location,
    schema,
    ...wrap(db),
    listen(l) {
      listening ??= db.listen(noticeChannel(schema), (payload) => {
        const notice = parseNotice(payload);
        if (notice) hub.dispatch(notice);
      });
      return { ready: listening.then(() => undefined), close: hub.add(l) };
    },
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    dumpDataDir: async () => new Uint8Array(await (await db.dumpDataDir('gzip')).arrayBuffer()),
    close: once(async () => {
      try {
        await db.close();
      } finally {
        lock?.release();
      }
    }),
  };
}

/** Closing twice is harmless, as cleanup paths often overlap. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres (unparsable URL)';
  }
}
