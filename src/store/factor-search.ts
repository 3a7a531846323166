import type { Factor, FactorKind } from '../model/factor.ts';
import type { Queryable } from './connection.ts';
import { releaseId } from './releases.ts';

/**
 * Factor search: every word of the text must appear (case-insensitively) in the factor's English
 * or Chinese name, its id or its region code. A background release holds thousands of factors, not
 * millions, so ILIKE over one release is fast enough and needs no extension that PGlite would
 * have to load; kind, region and year filters use the (kind, region, year) index.
 */

export interface FactorFilter {
  kind?: FactorKind;
  region?: string;
  year?: number;
  /** default 50 */
  limit?: number;
}

export interface FoundFactor {
  release: string;
  factor: Factor;
}

/** Searches one release, by default the newest release that has factors. */
export async function searchFactors(
  store: Queryable,
  text: string,
  filter: FactorFilter = {},
  release?: string,
): Promise<FoundFactor[]> {
  const id = release !== undefined ? await releaseId(store, release) : await newestFactorRelease(store);
  if (id === undefined) return [];
  const params: unknown[] = [id];
  const where = ['f.release_id = $1'];
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    params.push(`%${word.replace(/[\\%_]/g, '\\$&')}%`);
    const p = `$${params.length}`;
    where.push(`(f.name ILIKE ${p} OR f.name_zh ILIKE ${p} OR f.factor_id ILIKE ${p} OR f.region ILIKE ${p})`);
  }
  const equal = (column: string, value: unknown) => {
    if (value === undefined) return;
    params.push(value);
    where.push(`f.${column} = $${params.length}`);
  };
  equal('kind', filter.kind);
  equal('region', filter.region);
  equal('year', filter.year);
  params.push(filter.limit ?? 50);
  const rows = await store.query<{ number: string; body: Factor }>(
    `SELECT r.number, f.body FROM factors f JOIN releases r ON r.id = f.release_id WHERE ${where.join(' AND ')} ORDER BY f.position LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => ({ release: r.number, factor: r.body }));
}

async function newestFactorRelease(store: Queryable): Promise<number | undefined> {
  const [row] = await store.query<{ release_id: number }>(
    'SELECT release_id FROM factors ORDER BY release_id DESC LIMIT 1',
  );
  return row?.release_id;
}
