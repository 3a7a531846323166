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
    datasets: await diffTable(store, 'datasets', 'process_id', a, b, true),
    flows: await diffTable(store, 'flows', 'flow_id', a, b, false),
    factors: await diffTable(store, 'factors', 'factor_id', a, b, false),
  };
}

type Json = Record<string, unknown>;

/**
 * jsonb equality is by value, so only records whose body or packed exchanges differ come back.
 * Packed exchanges name flows by their position in the release, and a release that adds one flow
 * renumbers the rest, so differing exchange texts are unpacked against each release's flows and
 * compared as exchanges.
 */
async function diffTable(store: Queryable, table: string, idColumn: string, a: number, b: number, packed: boolean): Promise<RecordDiff> {
  const rows = await store.query<{ id: string; old_name: string | null; new_name: string | null; old_body: Json | null; new_body: Json | null; old_ex: string | null; new_ex: string | null }>(
    // a process's record is its body, its documentation and its exchanges
    `SELECT coalesce(o.${idColumn}, n.${idColumn}) AS id, o.name AS old_name, n.name AS new_name,
       ${packed ? 'o.body || o.documentation AS old_body, n.body || n.documentation AS new_body' : 'o.body AS old_body, n.body AS new_body'},
       ${packed ? 'o.exchanges AS old_ex, n.exchanges AS new_ex' : 'NULL AS old_ex, NULL AS new_ex'}
     FROM (SELECT * FROM ${table} WHERE release_id = $1) o
     FULL JOIN (SELECT * FROM ${table} WHERE release_id = $2) n ON o.${idColumn} = n.${idColumn}
     WHERE o.body IS DISTINCT FROM n.body${packed ? ' OR o.documentation IS DISTINCT FROM n.documentation OR o.exchanges IS DISTINCT FROM n.exchanges' : ''}
     ORDER BY coalesce(n.position, o.position)`,
    [a, b],
  );
  const flowIds = packed && rows.length ? [await flowIdsOf(store, a), await flowIdsOf(store, b)] : [];
  const diff: RecordDiff = { added: [], removed: [], changed: [] };
  for (const r of rows) {
    if (r.old_body === null) diff.added.push({ id: r.id, name: r.new_name! });
    else if (r.new_body === null) diff.removed.push({ id: r.id, name: r.old_name! });
    else {
      const fields = changedFields(r.old_body, r.new_body);
      if (r.old_ex !== r.new_ex && JSON.stringify(unpackExchanges(r.old_ex!, flowIds[0])) !== JSON.stringify(unpackExchanges(r.new_ex!, flowIds[1]))) fields.push('exchanges');
      if (fields.length) diff.changed.push({ id: r.id, name: r.new_name!, fields: fields.sort() });
    }
  }
  return diff;
}

async function flowIdsOf(store: Queryable, release: number): Promise<string[]> {
  return (await store.query<[string]>('SELECT flow_id FROM flows WHERE release_id = $1 ORDER BY position', [release], 'array')).map((r) => r[0]);
}

function changedFields(a: Json, b: Json, prefix = ''): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .flatMap((k) => (prefix === '' && k === 'provenance' ? changedFields((a[k] ?? {}) as Json, (b[k] ?? {}) as Json, 'provenance.') : [`${prefix}${k}`]));
}
