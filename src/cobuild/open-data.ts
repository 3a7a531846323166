import type { Factor } from '../model/factor.ts';
import type { Process } from '../model/lci.ts';
import {
  datasetLicences,
  getCobuildRelease,
  getRelease,
  listCobuildReleases,
  listReleases,
  type Queryable,
  type ReleaseInfo,
} from '../store/index.ts';
import { releaseDatabase, releaseFactors } from './context.ts';
import { coded, NotFoundError } from './errors.ts';
import type { TextLang } from '../i18n/cobuild.ts';
import type { ReleaseNotes } from './notes.ts';
import { notesMarkdown } from './notes.ts';

/**
 * Open sharing: published releases and their datasets, each with its licence and a citation,
 * for anyone. Only what a release holds is readable here; submissions and aggregates that were
 * never published are not.
 */

export interface OpenRelease {
  release: string;
  name: string;
  processes: number;
  factors: number;
  /** the release's own licence, else the licences its datasets carry; null only when none says */
  licence: string | null;
  /** how to cite the release */
  citation: string;
  source: string | null;
  summary: string | null;
  createdAt: string;
  /** built by the co-construction workflow */
  cobuilt: boolean;
}

async function describe(db: Queryable, r: ReleaseInfo, cobuilt: Set<string>): Promise<OpenRelease> {
  return {
    release: r.number,
    name: r.database ?? `Factors ${r.number}`,
    processes: r.processes,
    factors: r.factors,
    licence: r.licence ?? (await licenceOfDatasets(db, r.number)),
    citation: releaseCitation(r),
    source: r.source ? [r.source.publisher, r.source.title, r.source.documentNumber].filter(Boolean).join(', ') : null,
    summary: r.notes ?? null,
    createdAt: new Date(r.createdAt).toISOString(),
    cobuilt: cobuilt.has(r.number),
  };
}

/** Newest first. */
export async function listOpenReleases(db: Queryable): Promise<OpenRelease[]> {
  const cobuilt = new Set((await listCobuildReleases(db)).map((r) => r.release));
  const out: OpenRelease[] = [];
  for (const r of await listReleases(db)) out.push(await describe(db, r, cobuilt));
  return out.reverse();
}

/** The notes are rendered from the stored structured notes, in the language asked for. */
export async function openRelease(
  db: Queryable,
  release: string,
  lang: TextLang = 'en',
): Promise<OpenRelease & { notes: ReleaseNotes | null; markdown: string | null }> {
  const info = await getRelease(db, release);
  if (!info) throw new NotFoundError(coded('cobuild.thing.release', { release }));
  const cobuild = await getCobuildRelease(db, release);
  const notes = (cobuild?.notes as ReleaseNotes | undefined) ?? null;
  return {
    ...(await describe(db, info, new Set(cobuild ? [release] : []))),
    notes,
    markdown: notes && notesMarkdown(notes, lang),
  };
}

export interface OpenDataset {
  type: 'factor' | 'process';
  id: string;
  name: string;
  region: string | null;
  year: number | null;
  /** a factor's value and unit; a process's reference unit */
  value: number | null;
  unit: string;
  licence: string;
  citation: string;
}

const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10);

async function licenceOfDatasets(db: Queryable, release: string): Promise<string | null> {
  const licences = await datasetLicences(db, release);
  if (licences.length === 0) return null;
  return licences.length === 1
    ? licences[0].licence
    : licences.map((l) => `${l.licence} (${l.count} datasets)`).join(' | ');
}

/** Publisher or database, title, release number and date, and where it is read: one line to cite a whole release. */
export function releaseCitation(r: ReleaseInfo): string {
  const what = r.source
    ? [r.source.publisher, r.source.title, r.source.documentNumber].filter(Boolean).join('. ')
    : (r.database ?? `Tanji background factors`);
  return `${what}. Tanji background database, release ${r.number}, ${day(r.createdAt)}. /api/open/releases/${encodeURIComponent(r.number)}.`;
}

export function factorCitation(f: Factor, release: ReleaseInfo): string {
  const s = f.source;
  const published = s.published ? ` (${s.published.slice(0, 4)})` : '';
  return `${s.publisher}${published}. ${s.title}${s.documentNumber ? `, ${s.documentNumber}` : ''}. ${f.name} [${f.id}]. In: Tanji background database, release ${release.number}, ${day(release.createdAt)}.${s.url ? ` ${s.url}` : ''}`;
}

export function processCitation(p: Process, release: ReleaseInfo): string {
  const source = p.provenance?.publication ?? p.provenance?.generator ?? release.database ?? 'Tanji';
  return `${source}. ${p.name} [${p.id}]. In: ${release.database ?? 'Tanji background database'}, Tanji release ${release.number}, ${day(release.createdAt)}.`;
}

export async function listOpenDatasets(
  db: Queryable,
  release: string,
  q: { text?: string; type?: 'factor' | 'process'; offset?: number; limit?: number },
): Promise<{ total: number; items: OpenDataset[] }> {
  const info = await getRelease(db, release);
  if (!info) throw new NotFoundError(coded('cobuild.thing.release', { release }));
  const fallback = info.licence ?? 'see the release licence';
  const all: OpenDataset[] = [];
  if (q.type !== 'process' && info.factors > 0) {
    for (const f of await releaseFactors(db, release)) {
      all.push({
        type: 'factor',
        id: f.id,
        name: f.nameZh ? `${f.name} / ${f.nameZh}` : f.name,
        region: f.region,
        year: f.year,
        value: f.value,
        unit: f.unit,
        licence: f.licence,
        citation: factorCitation(f, info),
      });
    }
  }
  if (q.type !== 'factor' && info.processes > 0) {
    const lci = await releaseDatabase(db, release);
    const units = new Map(lci.flows.map((f) => [f.id, f.unit]));
    for (const p of lci.processes) {
      const ref = p.exchanges.find((e) => e.reference);
      all.push({
        type: 'process',
        id: p.id,
        name: p.name,
        region: p.location ?? null,
        year: p.provenance?.referenceYear ?? null,
        value: null,
        unit: ref ? (units.get(ref.flowId) ?? '') : '',
        licence: p.provenance?.licence ?? fallback,
        citation: processCitation(p, info),
      });
    }
  }
  const text = q.text?.trim().toLowerCase();
  const hits = text
    ? all.filter(
        (d) =>
          d.name.toLowerCase().includes(text) ||
          d.id.toLowerCase().includes(text) ||
          (d.region ?? '').toLowerCase() === text,
      )
    : all;
  const offset = q.offset ?? 0;
  return { total: hits.length, items: hits.slice(offset, offset + (q.limit ?? 50)) };
}
