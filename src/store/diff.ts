import type { Queryable } from './connection.ts';
import { unpackExchanges } from './packed-exchanges.ts';
import { releaseId } from './releases.ts';

/**
 * What changed between two releases, record by record: datasets (unit processes), flows and
 * factors matched on their ids. A changed record names the top-level fields that differ
 * ("exchanges", "location", "value"…) and, inside a process's provenance, each of its fields
 * ("provenance.referenceYear"): a steward reviews them one by one. The effect on a product's
 * footprint is the caller's to compute, from the two loaded releases.
 */

export interface RecordRef {
  id: string;
  name: string;
}

export interface ChangedRecord extends RecordRef {
  fields: string[];
}

export interface RecordDiff {
  added: RecordRef[];
  removed: RecordRef[];
  changed: ChangedRecord[];
}

export interface ReleaseDiff {
  from: string;
  to: string;
  datasets: RecordDiff;
  flows: RecordDiff;
  factors: RecordDiff;
}

export async function diffReleases(store: Queryable, from: string, to: string): Promise<ReleaseDiff> {
  const a = await releaseId(store, from);
  const b = await releaseId(store, to);
  return {
    from,
    to,
    datasets: await diffDatasets(store, a, b),
    flows: await diffRecords(store, 'flows', 'flow_id', a, b),
    factors: await diffRecords(store, 'factors', 'factor_id', a, b),
  };
}

type Json = Record<string, unknown>;

interface Pair {
  id: string;
  old_name: string | null;
  new_name: string | null;
  old_body: Json | null;
  new_body: Json | null;
}

/** jsonb equality is by value, so only records whose body differs come back. */
async function diffRecords(
  store: Queryable,
  table: string,
  idColumn: string,
  a: number,
  b: number,
): Promise<RecordDiff> {
  const rows = await store.query<Pair>(
    `SELECT coalesce(o.${idColumn}, n.${idColumn}) AS id, o.name AS old_name, n.name AS new_name, o.body AS old_body, n.body AS new_body
     FROM (SELECT * FROM ${table} WHERE release_id = $1) o
     FULL JOIN (SELECT * FROM ${table} WHERE release_id = $2) n ON o.${idColumn} = n.${idColumn}
     WHERE o.body IS DISTINCT FROM n.body
     ORDER BY coalesce(n.position, o.position)`,
    [a, b],
  );
  return classify(rows, () => false);
}

/**
 * A process's record is its body, its documentation and its exchanges. Packed exchanges name
 * flows and providers by their position in the release. When the two releases' flows and
 * processes are the same ids in the same order, equal text is equal exchanges, and differing
 * text is unpacked and compared as exchanges (a release that adds a flow renumbers the rest).
 * Otherwise positions name different records in the two, equal text may differ in meaning, and
 * every dataset the two share is compared unpacked.
 */
async function diffDatasets(store: Queryable, a: number, b: number): Promise<RecordDiff> {
  const ids = await Promise.all(
    [a, b].map(async (r) => ({
      flows: await idsOf(store, 'flows', 'flow_id', r),
      processes: await idsOf(store, 'datasets', 'process_id', r),
    })),
  );
  const renumbered = !(sameList(ids[0].flows, ids[1].flows) && sameList(ids[0].processes, ids[1].processes));
  const rows = await store.query<
    Pair & {
      old_numbers: string;
      old_details: string;
      old_ids: string | null;
      new_numbers: string;
      new_details: string;
      new_ids: string | null;
    }
  >(
    `SELECT coalesce(o.process_id, n.process_id) AS id, o.name AS old_name, n.name AS new_name,
       o.body || o.documentation AS old_body, n.body || n.documentation AS new_body,
       o.exchange_numbers AS old_numbers, o.exchange_details AS old_details, oi.ids AS old_ids,
       n.exchange_numbers AS new_numbers, n.exchange_details AS new_details, ni.ids AS new_ids
     FROM (SELECT * FROM datasets WHERE release_id = $1) o
     FULL JOIN (SELECT * FROM datasets WHERE release_id = $2) n ON o.process_id = n.process_id
     LEFT JOIN exchange_id_lists oi ON oi.release_id = o.release_id AND oi.list = o.exchange_ids
     LEFT JOIN exchange_id_lists ni ON ni.release_id = n.release_id AND ni.list = n.exchange_ids
     WHERE o.body IS DISTINCT FROM n.body OR o.documentation IS DISTINCT FROM n.documentation
       OR o.exchange_numbers IS DISTINCT FROM n.exchange_numbers OR o.exchange_details IS DISTINCT FROM n.exchange_details OR oi.ids IS DISTINCT FROM ni.ids
       OR $3
     ORDER BY coalesce(n.position, o.position)`,
    [a, b, renumbered],
  );
  const exchanges = (numbers: string, details: string, list: string | null, release: 0 | 1) =>
    JSON.stringify(
      unpackExchanges(
        [{ numbers, details, ids: list === null ? null : (JSON.parse(list) as string[]) }],
        ids[release].flows,
        ids[release].processes,
      ).exchanges[0],
    );
  return classify(rows, (r) => {
    const textDiffers = r.old_numbers !== r.new_numbers || r.old_details !== r.new_details || r.old_ids !== r.new_ids;
    return (
      (textDiffers || renumbered) &&
      exchanges(r.old_numbers, r.old_details, r.old_ids, 0) !== exchanges(r.new_numbers, r.new_details, r.new_ids, 1)
    );
  });
}

function classify<R extends Pair>(rows: R[], exchangesDiffer: (r: R) => boolean): RecordDiff {
  const diff: RecordDiff = { added: [], removed: [], changed: [] };
  for (const r of rows) {
    if (r.old_body === null) diff.added.push({ id: r.id, name: r.new_name! });
    else if (r.new_body === null) diff.removed.push({ id: r.id, name: r.old_name! });
    else {
      const fields = changedFields(r.old_body, r.new_body);
      if (exchangesDiffer(r)) fields.push('exchanges');
      if (fields.length) diff.changed.push({ id: r.id, name: r.new_name!, fields: fields.sort() });
    }
  }
  return diff;
}

async function idsOf(store: Queryable, table: string, idColumn: string, release: number): Promise<string[]> {
  return (
    await store.query<[string]>(
      `SELECT ${idColumn} FROM ${table} WHERE release_id = $1 ORDER BY position`,
      [release],
      'array',
    )
  ).map((r) => r[0]);
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function changedFields(a: Json, b: Json, prefix = ''): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .flatMap((k) =>
      prefix === '' && k === 'provenance'
        ? changedFields((a[k] ?? {}) as Json, (b[k] ?? {}) as Json, 'provenance.')
        : [`${prefix}${k}`],
    );
}
