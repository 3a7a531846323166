import { hostname } from 'node:os';
import type { Flow, FlowProperty, LciDatabase, Process, UnitGroup } from '../model/lci.ts';
import { FactorSchema, SourceSchema, type Factor, type Source } from '../model/factor.ts';
import type { ExchangeColumns } from '../engine/linking.ts';
import type { Queryable, Store } from './connection.ts';
import { insertRows } from './insert.ts';
import { packExchanges, unpackExchanges } from './packed-exchanges.ts';
import { insertScreen } from './screens.ts';
import type { ScreenReport } from '../screen/screen.ts';
import { sendNotice } from './notices.ts';
import { DomainError } from '../model/errors.ts';
import { coder } from '../i18n/define.ts';
import { STUDY_TEXTS } from '../i18n/studies.ts';

const coded = coder(STUDY_TEXTS);

/**
 * Releases: numbered, immutable snapshots of the background database. Saving one is a single
 * transaction, so an import that fails half way leaves the store exactly as it was; loading one
 * gives back the LciDatabase that was saved, in the same order.
 */

export interface ReleaseInput {
  /** the release number, e.g. "2026.1"; a number is used once, ever */
  release: string;
  database?: LciDatabase;
  factors?: Factor[];
  notes?: string;
  /** the publication this release is, for the provenance of every dataset in it */
  source?: Source;
  licence?: string;
  /** the quality screen of `database`, when the caller has already run it */
  screen?: ScreenReport;
}

export interface ReleaseInfo {
  number: string;
  /** the LciDatabase name; none for a release of factors only */
  database?: string;
  origin?: string;
  source?: Source;
  licence?: string;
  notes?: string;
  createdAt: Date;
  processes: number;
  flows: number;
  factors: number;
}

/** Releases are immutable: a number is saved once (409 release-exists). */
export class ReleaseExistsError extends DomainError {
  constructor(readonly release: string) {
    super('conflict', 'release-exists', coded('release.exists', { release }));
  }
}

export async function saveRelease(store: Store, input: ReleaseInput): Promise<ReleaseInfo> {
  await store.transaction((tx) => insertRelease(tx, input));
  return (await getRelease(store, input.release))!;
}

/**
 * Writes a release inside the caller's transaction, for callers that record something about the
 * release in the same commit (a co-built release's notes): a failure in either leaves neither.
 */
export async function insertRelease(tx: Queryable, input: ReleaseInput): Promise<void> {
  const { release, database: db } = input;
  if (!release.trim()) throw new Error('a release needs a number');
  if (!db && !input.factors?.length) throw new Error(`release ${release}: nothing to save (no database, no factors)`);
  // validated before writing: a bad factor is the caller's error, not a half-written import
  const factors = (input.factors ?? []).map((f) => FactorSchema.parse(f));
  const source = input.source === undefined ? undefined : SourceSchema.parse(input.source);
  const started = performance.now();
  try {
    if ((await tx.query('SELECT 1 FROM releases WHERE number = $1', [release])).length)
      throw new ReleaseExistsError(release);
    const databaseId = db ? await databaseIdFor(tx, db.name) : null;
    const [{ id }] = await tx.query<{ id: number }>(
      'INSERT INTO releases (number, database_id, origin, source, licence, notes) VALUES ($1, $2, $3, $4::text::jsonb, $5, $6) RETURNING id',
      [
        release,
        databaseId,
        db?.origin ?? null,
        source ? JSON.stringify(source) : null,
        input.licence ?? null,
        input.notes ?? null,
      ],
    );
    if (db) {
      await insertDatabase(tx, id, db);
      await insertScreen(tx, id, db, input.screen);
    }
    await insertFactors(tx, id, factors);
    await tx.query(
      'INSERT INTO import_log (release_id, origin, processes, flows, factors, seconds, host, pid) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [
        id,
        db?.origin ?? null,
        db?.processes.length ?? 0,
        db?.flows.length ?? 0,
        factors.length,
        (performance.now() - started) / 1000,
        hostname(),
        process.pid,
      ],
    );
    // at commit: every process drops what it holds under this number (see notices.ts)
    await sendNotice(tx, 'release', release);
  } catch (e) {
    // two writers racing for one number: the loser learns it from the unique index
    if (
      (e as { code?: string }).code === '23505' &&
      (e as { constraint?: string }).constraint === 'releases_number_key'
    )
      throw new ReleaseExistsError(release);
    throw e;
  }
}

/** Concurrent first imports of one database both end up with its single row. */
async function databaseIdFor(tx: Queryable, name: string): Promise<number> {
  await tx.query('INSERT INTO databases (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [name]);
  const [row] = await tx.query<{ id: number }>('SELECT id FROM databases WHERE name = $1', [name]);
  return row.id;
}

async function insertDatabase(tx: Queryable, id: number, db: LciDatabase) {
  const body = { name: 'body', json: true };
  await insertRows(
    tx,
    'unit_groups',
    [{ name: 'release_id' }, { name: 'position' }, { name: 'unit_group_id' }, { name: 'name' }, body],
    db.unitGroups.map((g, i) => [id, i, g.id, g.name, g]),
  );
  await insertRows(
    tx,
    'flow_properties',
    [{ name: 'release_id' }, { name: 'position' }, { name: 'flow_property_id' }, { name: 'name' }, body],
    db.flowProperties.map((p, i) => [id, i, p.id, p.name, p]),
  );
  await insertRows(
    tx,
    'flows',
    [{ name: 'release_id' }, { name: 'position' }, { name: 'flow_id' }, { name: 'name' }, { name: 'kind' }, body],
    db.flows.map((f, i) => [id, i, f.id, f.name, f.kind, f]),
  );
  const flowPosition = new Map(db.flows.map((f, i) => [f.id, i]));
  const processPosition = new Map(db.processes.map((p, i) => [p.id, i]));
  const packed = db.processes.map((p) => packExchanges(p.exchanges, flowPosition, processPosition));
  // each list of exchange ids once, numbered as first met
  const idLists = new Map<string, number>();
  for (const { ids } of packed) if (ids !== null && !idLists.has(ids)) idLists.set(ids, idLists.size);
  await insertRows(
    tx,
    'exchange_id_lists',
    [{ name: 'release_id' }, { name: 'list' }, { name: 'ids' }],
    [...idLists].map(([ids, list]) => [id, list, ids]),
  );
  await insertRows(
    tx,
    'datasets',
    [
      ...[
        'release_id',
        'position',
        'process_id',
        'name',
        'location',
        'category',
        'valid_from',
        'valid_until',
        'source',
      ].map((name) => ({ name })),
      body,
      ...['exchange_numbers', 'exchange_details', 'exchange_ids'].map((name) => ({ name })),
      { name: 'documentation', json: true },
    ],
    db.processes.map((p, i) => {
      const { exchanges, description, provenance, ...rest } = p;
      const documentation = { description, provenance };
      const { numbers, details, ids } = packed[i];
      return [
        id,
        i,
        p.id,
        p.name,
        p.location ?? null,
        p.category.join(' / '),
        p.validFrom ?? null,
        p.validUntil ?? null,
        p.source,
        rest,
        numbers,
        details,
        ids === null ? null : idLists.get(ids),
        documentation,
      ];
    }),
  );
}

async function insertFactors(tx: Queryable, id: number, factors: Factor[]) {
  await insertRows(
    tx,
    'factors',
    [
      ...[
        'release_id',
        'position',
        'factor_id',
        'kind',
        'name',
        'name_zh',
        'region',
        'year',
        'value',
        'unit',
        'status',
        'licence',
      ].map((name) => ({ name })),
      { name: 'body', json: true },
    ],
    factors.map((f, i) => [
      id,
      i,
      f.id,
      f.kind,
      f.name,
      f.nameZh ?? null,
      f.region,
      f.year,
      f.value,
      f.unit,
      f.status,
      f.licence,
      f,
    ]),
  );
}

interface ReleaseRow {
  id: number;
  number: string;
  database: string | null;
  origin: string | null;
  source: Source | null;
  licence: string | null;
  notes: string | null;
  created_at: Date;
  processes: number;
  flows: number;
  factors: number;
}

const RELEASE_SELECT = `
SELECT r.id, r.number, d.name AS database, r.origin, r.source, r.licence, r.notes, r.created_at,
  (SELECT count(*)::int FROM datasets x WHERE x.release_id = r.id) AS processes,
  (SELECT count(*)::int FROM flows x WHERE x.release_id = r.id) AS flows,
  (SELECT count(*)::int FROM factors x WHERE x.release_id = r.id) AS factors
FROM releases r LEFT JOIN databases d ON d.id = r.database_id`;

function info(r: ReleaseRow): ReleaseInfo {
  return {
    number: r.number,
    database: r.database ?? undefined,
    origin: r.origin ?? undefined,
    source: r.source ?? undefined,
    licence: r.licence ?? undefined,
    notes: r.notes ?? undefined,
    createdAt: r.created_at,
    processes: r.processes,
    flows: r.flows,
    factors: r.factors,
  };
}

/** Oldest first. */
export async function listReleases(store: Queryable): Promise<ReleaseInfo[]> {
  return (await store.query<ReleaseRow>(`${RELEASE_SELECT} ORDER BY r.id`)).map(info);
}

export async function getRelease(store: Queryable, release: string): Promise<ReleaseInfo | undefined> {
  const [row] = await store.query<ReleaseRow>(`${RELEASE_SELECT} WHERE r.number = $1`, [release]);
  return row && info(row);
}

/** A release the store does not hold (404 unknown-release), with the ones it does. */
export class NoSuchReleaseError extends DomainError {
  constructor(
    readonly release: string,
    readonly known: readonly string[],
  ) {
    super(
      'not-found',
      'unknown-release',
      known.length
        ? coded('release.no-such', { release, known: known.join(', ') })
        : coded('release.store-empty', { release }),
    );
  }
}

/**
 * The licences its datasets carry, each distinct one with how many datasets: what a release
 * saved without a licence of its own is under.
 */
export async function datasetLicences(
  store: Queryable,
  release: string,
): Promise<{ licence: string; count: number }[]> {
  return store.query<{ licence: string; count: number }>(
    `SELECT licence, count(*)::int AS count FROM (
       SELECT f.licence FROM factors f JOIN releases r ON r.id = f.release_id WHERE r.number = $1
       UNION ALL
       SELECT d.body->'provenance'->>'licence' FROM datasets d JOIN releases r ON r.id = d.release_id WHERE r.number = $1
     ) l WHERE licence IS NOT NULL GROUP BY licence ORDER BY count DESC, licence`,
    [release],
  );
}

/** The release's row id; an unknown number throws, naming the known ones. */
export async function releaseId(store: Queryable, release: string): Promise<number> {
  const [row] = await store.query<{ id: number }>('SELECT id FROM releases WHERE number = $1', [release]);
  if (row) return row.id;
  const known = (await store.query<{ number: string }>('SELECT number FROM releases ORDER BY id')).map((r) => r.number);
  throw new NoSuchReleaseError(release, known);
}

export interface LoadOptions {
  /**
   * Process descriptions and provenance (default true). The engine needs neither: leaving them
   * out halves the time to load a large release into matrices.
   */
  documentation?: boolean;
}

export async function loadRelease(store: Queryable, release: string, opts: LoadOptions = {}): Promise<LciDatabase> {
  return (await loadReleaseWithColumns(store, release, opts)).db;
}

/**
 * A release as loadRelease gives it, with its exchanges also in the engine's columns, read from
 * the stored binary as they are: `buildSystem(db, { columns })` then looks no flow or provider
 * up by id. This is how a release becomes matrices.
 */
export async function loadReleaseWithColumns(
  store: Queryable,
  release: string,
  opts: LoadOptions = {},
): Promise<{ db: LciDatabase; columns: ExchangeColumns }> {
  const withDocs = opts.documentation ?? true;
  const id = await releaseId(store, release);
  const [meta] = await store.query<{ name: string | null; origin: string | null }>(
    'SELECT d.name, r.origin FROM releases r LEFT JOIN databases d ON d.id = r.database_id WHERE r.id = $1',
    [id],
  );
  if (meta.name === null) throw new Error(`release ${release} holds factors only, no LCI database`);
  const bodies = <T>(table: string) =>
    store
      .query<{ body: T }>(`SELECT body FROM ${table} WHERE release_id = $1 ORDER BY position`, [id])
      .then((rows) => rows.map((r) => r.body));
  const [unitGroups, flowProperties, flows, idLists, datasets] = await Promise.all([
    bodies<UnitGroup>('unit_groups'),
    bodies<FlowProperty>('flow_properties'),
    bodies<Flow>('flows'),
    store
      .query<[string]>('SELECT ids FROM exchange_id_lists WHERE release_id = $1 ORDER BY list', [id], 'array')
      .then((rows) => rows.map(([ids]) => JSON.parse(ids) as string[])),
    store.query<
      [Omit<Process, 'exchanges'>, string, string, number | null, Pick<Process, 'description' | 'provenance'>?]
    >(
      `SELECT body, exchange_numbers, exchange_details, exchange_ids${withDocs ? ', documentation' : ''} FROM datasets WHERE release_id = $1 ORDER BY position`,
      [id],
      'array',
    ),
  ]);
  const { exchanges, columns } = unpackExchanges(
    datasets.map(([, numbers, details, list]) => ({ numbers, details, ids: list === null ? null : idLists[list] })),
    flows.map((f) => f.id),
    datasets.map(([body]) => body.id),
  );
  const processes: Process[] = datasets.map(([body, , , , docs], i) => ({ ...body, ...docs, exchanges: exchanges[i] }));
  return { db: { name: meta.name, origin: meta.origin ?? '', flows, processes, unitGroups, flowProperties }, columns };
}

export async function loadFactors(store: Queryable, release: string): Promise<Factor[]> {
  const id = await releaseId(store, release);
  return (
    await store.query<{ body: Factor }>('SELECT body FROM factors WHERE release_id = $1 ORDER BY position', [id])
  ).map((r) => r.body);
}
