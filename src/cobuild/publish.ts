import { GHG_LINES, totalOf } from '../engine/lca.ts';
import { getMethod } from '../factors/gwp.ts';
import type { GhgLine } from '../model/method.ts';
import { StudyInputSchema, type Study, type StudyMethod } from '../model/study.ts';
import {
  cobuildEvent,
  cobuildReleaseOfJob,
  companyNames,
  companyPeople,
  getAggregate,
  getRelease,
  getSubmissionVersion,
  holdJob,
  insertCobuildRelease,
  insertRelease,
  listBenchmarks,
  listSubmissions,
  notify,
  type Queryable,
  type ReleaseInfo,
  type ReleaseItemRow,
  type Store,
} from '../store/index.ts';
import { backgroundOf, loadBackground, type Background } from '../studies/background.ts';
import { progressMessage } from '../studies/progress.ts';
import type { CodedMessageData } from '../model/message.ts';
import { currentRelease, loadSettings, releaseDatabase, releaseFactors } from './context.ts';
import { datasetInfo } from './datasets.ts';
import { CobuildConflictError, coded, NotFoundError } from './errors.ts';
import type { TextLang } from '../i18n/cobuild.ts';
import { DatasetSchema } from './model.ts';
import { notesMarkdown, releaseNotes, type AggregateInfo, type BenchmarkEffect, type ReleaseNotes } from './notes.ts';
import { requireSteward, type Actor } from './parties.ts';
import { compareOnBackgrounds } from './rebase.ts';
import { composeRelease, type ComposedRelease, type ReleaseBase, type ReleaseItem } from './release.ts';

/**
 * Publishing a release of the background database: the base releases plus the approved public
 * submissions and the aggregates with enough contributors, saved as a new immutable release with
 * notes generated from what changed, who contributed, and how the benchmark products' footprints
 * move. Confidential primary data never enters a release except inside an aggregate.
 */

export interface ReleaseRequest {
  release: string;
  /** default: the current factor release */
  baseFactors?: string;
  /** default: the current LCI release when unit processes are published, else none */
  baseLci?: string;
  submissionIds: string[];
  aggregateIds: string[];
  licence: string;
}

interface Collected {
  items: ReleaseItem[];
  rows: ReleaseItemRow[];
  aggregates: AggregateInfo[];
  /** companies to tell */
  companies: Set<string>;
}

interface Plan extends Omit<Collected, 'aggregates'> {
  base: ReleaseBase;
  composed: ComposedRelease;
  notes: ReleaseNotes;
}

async function loadBase(db: Queryable, req: ReleaseRequest, hasProcesses: boolean): Promise<ReleaseBase> {
  const base: ReleaseBase = {};
  const factors = req.baseFactors ?? (await currentRelease(db, 'factor'));
  const lci = req.baseLci ?? (hasProcesses ? await currentRelease(db, 'process') : undefined);
  if (factors)
    base.factors = { release: factors, factors: await baseRelease(factors, () => releaseFactors(db, factors)) };
  if (lci) base.lci = { release: lci, db: await baseRelease(lci, () => releaseDatabase(db, lci)) };
  return base;
}

/** A base release that cannot be read as asked (unknown, or an LCI base holding factors only) is not found. */
async function baseRelease<T>(release: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch {
    throw new NotFoundError(coded('cobuild.thing.base-release', { release }));
  }
}

/** What the request names, each checked: approved, public or aggregated by enough organisations. */
async function collect(db: Queryable, actor: Actor, req: ReleaseRequest): Promise<Collected> {
  requireSteward(actor, 'publish-releases');
  if (await getRelease(db, req.release))
    throw new CobuildConflictError(coded('cobuild.release-exists', { release: req.release }));
  if (req.submissionIds.length + req.aggregateIds.length === 0)
    throw new CobuildConflictError(coded('cobuild.release-empty', {}));
  const { minContributors } = await loadSettings(db);
  const items: ReleaseItem[] = [];
  const rows: ReleaseItemRow[] = [];
  const companies = new Set<string>();

  const heads = req.submissionIds.length ? await listSubmissions(db, { all: true, ids: req.submissionIds }) : [];
  for (const id of req.submissionIds) {
    const h = heads.find((x) => x.id === id);
    if (!h) throw new NotFoundError(coded('cobuild.thing.submission', { id }));
    if (h.state !== 'approved')
      throw new CobuildConflictError(
        coded('cobuild.release-unapproved', { name: h.name, id, state: coded(`review.state.${h.state}`, {}) }),
      );
    if (h.sharing !== 'public')
      throw new CobuildConflictError(coded('cobuild.release-confidential', { name: h.name, id, min: minContributors }));
    const v = (await getSubmissionVersion(db, id))!;
    const dataset = DatasetSchema.parse(v.dataset);
    items.push({
      kind: 'submission',
      ref: id,
      version: v.version,
      dataset,
      contributors: [h.companyName],
      approval: { by: h.reviewerName ?? 'a steward', at: h.updatedAt },
    });
    rows.push({
      kind: 'submission',
      datasetType: dataset.type,
      datasetId: datasetInfo(dataset).id,
      submissionId: id,
      version: v.version,
      aggregateId: null,
    });
    companies.add(h.companyId);
  }
  const aggregates: AggregateInfo[] = [];
  for (const id of req.aggregateIds) {
    const a = await getAggregate(db, id);
    if (!a) throw new NotFoundError(coded('cobuild.thing.aggregate', { id }));
    if (a.contributors < minContributors)
      throw new CobuildConflictError(
        coded('cobuild.release-few-contributors', {
          name: a.name,
          contributors: a.contributors,
          min: minContributors,
        }),
      );
    const members = a.members as { companyId: string }[];
    const names = await companyNames(
      db,
      members.map((m) => m.companyId),
    );
    for (const m of members) companies.add(m.companyId);
    const dataset = DatasetSchema.parse(a.dataset);
    items.push({ kind: 'aggregate', ref: id, dataset, contributors: [...names.values()] });
    rows.push({
      kind: 'aggregate',
      datasetType: dataset.type,
      datasetId: a.datasetId,
      submissionId: null,
      version: null,
      aggregateId: id,
    });
    aggregates.push({ ref: id, name: a.name, contributors: a.contributors, datasets: members.length });
  }

  return { items, rows, companies, aggregates };
}

async function plan(db: Queryable, actor: Actor, req: ReleaseRequest): Promise<Plan> {
  const { items, rows, companies, aggregates } = await collect(db, actor, req);
  const base = await loadBase(
    db,
    req,
    items.some((i) => i.dataset.type === 'process'),
  );
  const composed = composeRelease(req.release, base, items);
  await processScores(db, base, composed, req.release);
  const benchmarks = await benchmarkEffects(db, composed, req.release);
  const notes = releaseNotes(
    req.release,
    { factors: base.factors?.release, lci: base.lci?.release },
    items,
    composed.changes,
    aggregates,
    benchmarks,
  );
  return { base, items, rows, composed, notes, companies };
}

/** A changed process's footprint per unit of product before and after, on the AR6 method. */
async function processScores(db: Queryable, base: ReleaseBase, composed: ComposedRelease, number: string) {
  const changes = composed.changes.filter((c) => c.type === 'process');
  if (!changes.length || !composed.database || !composed.factors.length) return;
  const method = getMethod('ipcc-ar6-gwp100');
  const after = backgroundOf(composed.database, composed.factors, number, number, method);
  const before =
    base.lci && base.factors
      ? await loadBackground(db, base.lci.release, base.factors.release, 'ipcc-ar6-gwp100')
      : undefined;
  const score = (bg: Background, id: string) => {
    const col = bg.columnOf.get(id);
    if (col === undefined) return undefined;
    return totalOf(Object.fromEntries(GHG_LINES.map((l) => [l, bg.scores[l][col]])) as Record<GhgLine, number>);
  };
  for (const c of changes) {
    c.before = before && score(before, c.id);
    c.after = score(after, c.id);
    c.unit = 'kg CO2e per unit of product';
  }
}

/** Each benchmark study on its own releases and moved to the new one. */
async function benchmarkEffects(db: Queryable, composed: ComposedRelease, number: string): Promise<BenchmarkEffect[]> {
  const rows = await listBenchmarks(db);
  const built = new Map<StudyMethod, Background>();
  return Promise.all(
    rows.map(async (row): Promise<BenchmarkEffect> => {
      try {
        const input = StudyInputSchema.parse(row.study);
        const study: Study = {
          ...input,
          id: row.id,
          companyId: 'benchmark',
          version: 1,
          updatedAt: row.createdAt,
          updatedBy: row.createdBy,
        };
        const before = await loadBackground(db, input.releases.lci, input.releases.factors, input.method);
        let after: Background;
        if (composed.database) {
          after =
            built.get(input.method) ??
            backgroundOf(composed.database, composed.factors, number, number, getMethod(input.method));
          built.set(input.method, after);
        } else {
          // factors do not enter the matrices: the pinned LCI background serves with the new factors
          after = {
            ...before,
            factorRelease: number,
            factors: composed.factors,
            factorById: new Map(composed.factors.map((f) => [f.id, f])),
          };
        }
        const { comparison } = compareOnBackgrounds(study, before, after, {
          factors: number,
          lci: composed.database ? number : undefined,
        });
        return { id: row.id, name: row.name, comparison };
      } catch (e) {
        return { id: row.id, name: row.name, error: (e as Error).message };
      }
    }),
  );
}

export async function previewRelease(
  db: Queryable,
  actor: Actor,
  req: ReleaseRequest,
  lang: TextLang = 'en',
): Promise<{ notes: ReleaseNotes; markdown: string }> {
  const { notes } = await plan(db, actor, req);
  return { notes, markdown: notesMarkdown(notes, lang) };
}

/** The job publishing a release, so that its retry after a dead worker publishes nothing twice. */
export interface PublishingJob {
  id: string;
  /** the worker holding it: the transaction writes only while it still does */
  worker: string;
  /** settles once a new step is written: the transaction below holds the job's row, which progress writes need */
  progress(fraction: number, message: CodedMessageData): Promise<void>;
}

/**
 * The checks of a release request that need no calculation (steward, new number, every dataset
 * approved and public, every aggregate with enough contributors), made before a publishing job is
 * queued so that the steward hears of a refusal at once.
 */
export async function checkReleaseRequest(db: Queryable, actor: Actor, req: ReleaseRequest): Promise<void> {
  await collect(db, actor, req);
}

/** What a publishing job published, when it did (a retry of that job then has nothing to do). */
export async function publishedByJob(
  db: Queryable,
  jobId: string,
  lang: TextLang = 'en',
): Promise<{ release: string; notes: ReleaseNotes; markdown: string } | undefined> {
  const row = await cobuildReleaseOfJob(db, jobId);
  if (!row) return undefined;
  const notes = row.notes as ReleaseNotes;
  return { release: row.release, notes, markdown: notesMarkdown(notes, lang) };
}

/**
 * The release, its notes record and its notifications in one transaction: a release is never
 * published without its notes, and a worker killed on the way leaves nothing. Under a job the
 * transaction also holds the job's row and records the job on the release.
 */
export async function publishRelease(
  store: Store,
  actor: Actor,
  req: ReleaseRequest,
  lang: TextLang = 'en',
  job?: PublishingJob,
): Promise<{ release: ReleaseInfo; notes: ReleaseNotes; markdown: string }> {
  job?.progress(0.05, progressMessage('job.release-composing', {}));
  const p = await plan(store, actor, req);
  await job?.progress(0.8, progressMessage('job.release-writing', {}));
  await store.transaction(async (tx) => {
    if (job) await holdJob(tx, job.id, job.worker);
    await insertRelease(tx, {
      release: req.release,
      factors: p.composed.factors,
      database: p.composed.database,
      notes: p.notes.summary,
      source: {
        title: `Tanji co-constructed background database, release ${req.release}`,
        publisher: 'Tanji background database stewards',
        published: new Date().toISOString().slice(0, 10),
      },
      licence: req.licence,
    });
    await insertCobuildRelease(
      tx,
      {
        release: req.release,
        baseFactors: p.base.factors?.release ?? null,
        baseLci: p.base.lci?.release ?? null,
        notes: p.notes,
        publishedBy: actor.id,
        jobId: job?.id,
      },
      p.rows,
    );
    await cobuildEvent(tx, {
      userId: actor.id,
      release: req.release,
      action: 'release.published',
      detail: { summary: p.notes.summary, submissions: req.submissionIds, aggregates: req.aggregateIds },
    });
    for (const companyId of p.companies) {
      await notify(
        tx,
        (await companyPeople(tx, companyId)).map((u) => u.id),
        { kind: 'release-published', params: { release: req.release } },
      );
    }
  });
  return { release: (await getRelease(store, req.release))!, notes: p.notes, markdown: notesMarkdown(p.notes, lang) };
}
