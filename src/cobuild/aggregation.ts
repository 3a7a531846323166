import { randomUUID } from 'node:crypto';
import {
  cobuildEvent,
  companyNames,
  getAggregate,
  getSubmissionVersion,
  insertAggregate,
  listAggregates,
  listSubmissions,
  type AggregateRow,
  type Queryable,
  type Store,
} from '../store/index.ts';
import { aggregate, type AggregateMember, type AggregateOptions, type AggregateResult } from './aggregate.ts';
import { loadSettings } from './context.ts';
import { datasetInfo } from './datasets.ts';
import { CobuildConflictError, coded, listOf, NotFoundError } from './errors.ts';
import {
  AggregateStatsSchema,
  DatasetSchema,
  SubmissionMetaSchema,
  type AggregateStats,
  type Dataset,
} from './model.ts';
import { requireSteward, type Actor } from './parties.ts';

/**
 * Stewards average approved datasets of one product into an industry or provincial aggregate.
 * An aggregate is kept as built (immutable; a better one is a new aggregate); whether it may be
 * published depends on how many organisations are in it, against the threshold in force when the
 * release is made.
 */

export interface AggregateRequest extends AggregateOptions {
  submissionIds: string[];
}

export interface AggregateView {
  id: string;
  kind: Dataset['type'];
  productKey: string;
  datasetId: string;
  name: string;
  region: string;
  year: number;
  dataset: Dataset;
  stats: AggregateStats;
  contributors: number;
  /** for stewards only: which submission weighed what */
  members: { submissionId: string; version: number; company: string; weight: number }[];
  publishable: boolean;
  minContributors: number;
  releases: string[];
  createdBy: string;
  createdAt: string;
}

async function membersOf(db: Queryable, ids: readonly string[]): Promise<AggregateMember[]> {
  const unique = [...new Set(ids)];
  const heads = await listSubmissions(db, { all: true, ids: unique });
  const missing = unique.filter((id) => !heads.some((h) => h.id === id));
  if (missing.length) throw new NotFoundError(coded('cobuild.thing.submission', { id: missing.join(', ') }));
  const unapproved = heads.filter((h) => h.state !== 'approved');
  if (unapproved.length)
    throw new CobuildConflictError(
      coded('cobuild.average-unapproved', {
        submissions: listOf(
          unapproved.map((h) =>
            coded('cobuild.submission-in-state', {
              name: h.name,
              id: h.id,
              state: coded(`review.state.${h.state}`, {}),
            }),
          ),
          'cobuild.list.semicolon',
        ),
      }),
    );
  return Promise.all(
    heads.map(async (h) => {
      const v = (await getSubmissionVersion(db, h.id))!;
      return {
        submissionId: h.id,
        version: v.version,
        companyId: h.companyId,
        dataset: DatasetSchema.parse(v.dataset),
        meta: SubmissionMetaSchema.parse(v.meta),
      };
    }),
  );
}

export async function previewAggregate(
  db: Queryable,
  actor: Actor,
  req: AggregateRequest,
): Promise<AggregateResult & { publishable: boolean; minContributors: number }> {
  requireSteward(actor, 'build-aggregates');
  const result = aggregate(await membersOf(db, req.submissionIds), req);
  const { minContributors } = await loadSettings(db);
  return { ...result, publishable: result.stats.contributors >= minContributors, minContributors };
}

export async function buildAggregate(store: Store, actor: Actor, req: AggregateRequest): Promise<AggregateView> {
  const result = await previewAggregate(store, actor, req);
  const id = `agg-${randomUUID()}`;
  const info = datasetInfo(result.dataset);
  await store.transaction(async (tx) => {
    await insertAggregate(tx, {
      id,
      kind: result.dataset.type,
      productKey: result.productKey,
      datasetId: info.id,
      name: info.name,
      region: info.region!,
      year: info.year!,
      dataset: result.dataset,
      stats: result.stats,
      members: result.weights,
      contributors: result.stats.contributors,
      createdBy: actor.id,
    });
    await cobuildEvent(tx, {
      userId: actor.id,
      aggregateId: id,
      action: 'aggregate.built',
      detail: {
        name: info.name,
        datasets: result.stats.datasets,
        contributors: result.stats.contributors,
        submissions: result.weights.map((w) => w.submissionId),
      },
    });
  });
  return (await aggregateView(store, actor, id))!;
}

async function view(db: Queryable, row: AggregateRow, minContributors: number): Promise<AggregateView> {
  const weights = row.members as AggregateResult['weights'];
  const names = await companyNames(
    db,
    weights.map((w) => w.companyId),
  );
  return {
    id: row.id,
    kind: row.kind,
    productKey: row.productKey,
    datasetId: row.datasetId,
    name: row.name,
    region: row.region,
    year: row.year,
    dataset: DatasetSchema.parse(row.dataset),
    stats: AggregateStatsSchema.parse(row.stats),
    contributors: row.contributors,
    members: weights.map((w) => ({
      submissionId: w.submissionId,
      version: w.version,
      company: names.get(w.companyId) ?? w.companyId,
      weight: w.weight,
    })),
    publishable: row.contributors >= minContributors,
    minContributors,
    releases: row.releases,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}

export async function aggregateView(db: Queryable, actor: Actor, id: string): Promise<AggregateView> {
  requireSteward(actor, 'read-unpublished-aggregates');
  const row = await getAggregate(db, id);
  if (!row) throw new NotFoundError(coded('cobuild.thing.aggregate', { id }));
  return view(db, row, (await loadSettings(db)).minContributors);
}

export async function listAggregateViews(db: Queryable, actor: Actor): Promise<AggregateView[]> {
  requireSteward(actor, 'read-unpublished-aggregates');
  const { minContributors } = await loadSettings(db);
  return Promise.all((await listAggregates(db)).map((r) => view(db, r, minContributors)));
}

/** Approved submissions by product, for choosing what to average. */
export async function approvedByProduct(
  db: Queryable,
  actor: Actor,
): Promise<
  {
    productKey: string;
    kind: Dataset['type'];
    submissions: {
      id: string;
      name: string;
      company: string;
      region: string | null;
      year: number | null;
      sharing: string;
    }[];
  }[]
> {
  requireSteward(actor, 'read-approved');
  const heads = await listSubmissions(db, { all: true, state: 'approved' });
  const groups = new Map<
    string,
    {
      productKey: string;
      kind: Dataset['type'];
      submissions: {
        id: string;
        name: string;
        company: string;
        region: string | null;
        year: number | null;
        sharing: string;
      }[];
    }
  >();
  for (const h of heads) {
    const g = groups.get(h.productKey) ?? { productKey: h.productKey, kind: h.kind, submissions: [] };
    g.submissions.push({
      id: h.id,
      name: h.name,
      company: h.companyName,
      region: h.region,
      year: h.year,
      sharing: h.sharing,
    });
    groups.set(h.productKey, g);
  }
  return [...groups.values()].sort(
    (a, b) => b.submissions.length - a.submissions.length || a.productKey.localeCompare(b.productKey),
  );
}
