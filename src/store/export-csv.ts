import type { Factor } from '../model/factor.ts';
import type { LciDatabase, Uncertainty } from '../model/lci.ts';
import { csvCell } from '../factors/csv.ts';
import type { Queryable } from './connection.ts';
import { getRelease, loadFactors, loadRelease } from './releases.ts';

/**
 * A release as two CSV tables (RFC 4180, UTF-8, header row) for spreadsheets and other tools:
 * one row per exchange, amounts in the flow's reference unit, and one row per factor with its
 * provenance. Every row names the release it belongs to.
 */

export interface ReleaseCsv {
  /** empty when the release holds factors only */
  exchanges: string;
  /** empty when the release holds no factors */
  factors: string;
}

export async function exportReleaseCsv(store: Queryable, release: string): Promise<ReleaseCsv> {
  const info = await getRelease(store, release);
  return {
    exchanges: info?.database === undefined ? '' : exchangesCsv(await loadRelease(store, release), release),
    factors: info?.factors ? factorsCsv(await loadFactors(store, release), release) : '',
  };
}

type Cell = string | number | boolean | undefined;

function csv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function uncertaintyCells(u: Uncertainty | undefined): Cell[] {
  switch (u?.type) {
    case undefined:
      return [undefined, undefined, undefined, undefined];
    case 'lognormal':
      return [u.type, u.gm, u.gsd, undefined];
    case 'normal':
      return [u.type, u.mean, u.sd, undefined];
    case 'triangular':
      return [u.type, u.min, u.mode, u.max];
    case 'uniform':
      return [u.type, u.min, u.max, undefined];
  }
}

export function exchangesCsv(db: LciDatabase, release: string): string {
  const flows = new Map(db.flows.map((f) => [f.id, f]));
  const rows: Cell[][] = [];
  for (const p of db.processes) {
    for (const e of p.exchanges) {
      const f = flows.get(e.flowId);
      const q = e.pedigree;
      rows.push([
        release,
        p.id,
        p.name,
        p.location,
        p.category.join('/'),
        e.id,
        e.flowId,
        f?.name,
        f?.kind,
        f?.category.join('/'),
        e.input ? 'input' : 'output',
        e.amount,
        f?.unit,
        e.reference,
        e.avoided,
        e.providerId,
        ...uncertaintyCells(e.uncertainty),
        q && `(${q.reliability};${q.completeness};${q.temporal};${q.geographical};${q.technological})`,
        p.validFrom,
        p.validUntil,
        p.source,
      ]);
    }
  }
  return csv(
    [
      'release',
      'process_id',
      'process_name',
      'location',
      'process_category',
      'exchange_id',
      'flow_id',
      'flow_name',
      'flow_kind',
      'flow_category',
      'direction',
      'amount',
      'unit',
      'reference',
      'avoided',
      'provider_id',
      'distribution',
      'param1',
      'param2',
      'param3',
      'pedigree',
      'valid_from',
      'valid_until',
      'source',
    ],
    rows,
  );
}

export function factorsCsv(factors: Factor[], release: string): string {
  const rows = factors.map((f): Cell[] => {
    const q = f.dataQuality.pedigree;
    return [
      release,
      f.id,
      f.kind,
      f.name,
      f.nameZh,
      f.value,
      f.unit,
      f.perUnit,
      f.gases,
      f.gwpSet,
      f.region,
      f.year,
      f.technology,
      f.source.title,
      f.source.publisher,
      f.source.documentNumber,
      f.source.url,
      f.source.published,
      `(${q.reliability};${q.completeness};${q.temporal};${q.geographical};${q.technological})`,
      f.dataQuality.dqr,
      f.dataQuality.comment,
      f.licence,
      f.validFrom,
      f.validUntil,
      f.status,
      f.method,
      f.derivedFrom?.join(';'),
      f.unverifiedInputs?.join(';'),
    ];
  });
  return csv(
    [
      'release',
      'id',
      'kind',
      'name',
      'name_zh',
      'value',
      'unit',
      'per_unit',
      'gases',
      'gwp_set',
      'region',
      'year',
      'technology',
      'source_title',
      'publisher',
      'document_number',
      'url',
      'published',
      'pedigree',
      'dqr',
      'dq_comment',
      'licence',
      'valid_from',
      'valid_until',
      'status',
      'method',
      'derived_from',
      'unverified_inputs',
    ],
    rows,
  );
}
