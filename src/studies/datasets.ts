import type { StoredMessage } from '../model/message.ts';
import { isVerified } from '../factors/integrity.ts';
import { searchFactors } from '../factors/lookup.ts';
import { regionInText } from '../factors/regions.ts';
import { totalOf } from '../engine/lca.ts';
import type { Factor } from '../model/factor.ts';
import type { DatasetHit, DatasetRef } from '../model/study.ts';
import type { Background } from './background.ts';
import { lineScores } from './per-unit.ts';

/**
 * Background datasets a practitioner can pick for an entry: factors of the pinned factor release
 * (region-aware: a province falls back to its grid, then the country) and processes of the pinned
 * LCI release. A region named in the search text is searched instead of the entry's.
 */

export interface DatasetQuery {
  q: string;
  type?: DatasetRef['type'];
  region?: string;
  year?: number;
  limit?: number;
  /** 'true': offer the processes the quality screen quarantined too, each with its findings */
  quarantined?: 'true' | 'false';
}

export function searchDatasets(bg: Background, query: DatasetQuery): DatasetHit[] {
  const limit = Math.min(query.limit ?? 20, 100);
  const out: DatasetHit[] = [];
  if (query.type !== 'process') out.push(...factorHits(bg, query, limit));
  if (query.type !== 'factor') out.push(...processHits(bg, query.q, limit, query.region, query.quarantined === 'true'));
  return out.slice(0, limit);
}

/** The datasets that entries refer to, for showing what a saved entry uses; unknown references are left out. */
export function resolveDatasets(bg: Background, refs: DatasetRef[]): DatasetHit[] {
  const out: DatasetHit[] = [];
  for (const ref of refs) {
    if (ref.type === 'factor' && ref.release === bg.factorRelease) {
      const f = bg.factorById.get(ref.id);
      if (f) out.push(factorHit(bg, f, f.region, []));
    } else if (ref.type === 'process' && ref.release === bg.lciRelease) {
      const column = bg.columnOf.get(ref.id);
      if (column !== undefined) out.push(processHit(bg, ref.id, column));
    }
  }
  return out;
}

function factorHits(bg: Background, query: DatasetQuery, limit: number): DatasetHit[] {
  if (!query.q.trim()) return [];
  return searchFactors(bg.factors, query.q, {
    region: query.region ?? 'CN',
    year: query.year,
    purpose: 'product-footprint',
    release: bg.factorRelease,
  })
    .slice(0, limit)
    .map((f) => ({ ...factorHit(bg, f, f.resolvedRegion, f.notes), region: f.region }));
}

function factorHit(bg: Background, f: Factor, resolvedRegion: string, notes: StoredMessage[]): DatasetHit {
  return {
    type: 'factor',
    release: bg.factorRelease,
    id: f.id,
    name: f.name,
    nameZh: f.nameZh,
    perUnit: f.perUnit,
    kgCo2ePerUnit: f.value,
    gases: f.gases,
    region: f.region,
    resolvedRegion,
    year: f.year,
    source: [f.source.publisher, f.source.title, f.source.documentNumber].filter(Boolean).join(', '),
    status: f.status,
    verified: isVerified(f),
    notes,
  };
}

/**
 * Processes whose name (English or Chinese) or product contains every word of the query, the
 * quarantined ones only when asked for. A region named in the text (「广东」, "Guangdong") keeps
 * only the processes located there; otherwise, for a study in China (region CN or a province),
 * processes located in its province come first, then elsewhere in China, then the rest, so a
 * Chinese background comes before a foreign one.
 */
function processHits(
  bg: Background,
  q: string,
  limit: number,
  region: string | undefined,
  quarantined: boolean,
): DatasetHit[] {
  const named = regionInText(q);
  const words = named.rest.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0 && !named.region) return [];
  const hits: DatasetHit[] = [];
  for (const [processId, column] of bg.columnOf) {
    const { process, flow } = bg.system.index.providers[column];
    if (named.region && process.location?.toUpperCase() !== named.region.code) continue;
    const text = [process.name, process.nameZh, flow.name, flow.nameZh].filter(Boolean).join(' ').toLowerCase();
    if (!words.every((w) => text.includes(w))) continue;
    if (!quarantined && bg.quarantine.has(processId)) continue;
    hits.push(processHit(bg, processId, column));
  }
  const rank = (h: DatasetHit) =>
    !region || !isChinese(region) ? 0 : h.region === region ? 0 : isChinese(h.region) ? 1 : 2;
  return hits.sort((a, b) => rank(a) - rank(b) || a.name.length - b.name.length).slice(0, limit);
}

const isChinese = (region: string) => region === 'CN' || region.startsWith('CN-');

function processHit(bg: Background, processId: string, column: number): DatasetHit {
  const p = bg.system.index.providers[column];
  return {
    type: 'process',
    release: bg.lciRelease,
    id: processId,
    name: p.process.name,
    nameZh: p.process.nameZh,
    perUnit: p.flow.unit,
    kgCo2ePerUnit: totalOf(lineScores(bg, column)),
    gases: 'CO2e',
    region: p.process.location ?? 'GLO',
    year: p.process.provenance?.referenceYear,
    source: p.process.provenance?.publication ?? `${bg.db.name} (${p.process.source ?? bg.db.origin})`,
    ...(bg.quarantine.has(processId) ? { screenFlags: bg.quarantine.get(processId) } : {}),
    notes: [],
  };
}
