import type { Queryable } from './connection.ts';

/**
 * Co-construction of the background database: submissions (a mutable head over immutable
 * versions), review comments, the co-construction audit trail, notifications, aggregates,
 * co-built releases, settings and benchmark studies. Queries only: the rules (who may do what,
 * what a state may become) live in src/cobuild. Datasets, metadata and reports are JSON here and
 * are parsed by the caller.
 */

const ISO = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const jsonText = (v: unknown) => JSON.stringify(v);

export interface SubmissionHead {
  id: string;
  companyId: string;
  companyName: string;
  kind: 'factor' | 'process';
  productKey: string;
  datasetId: string;
  name: string;
  region: string | null;
  year: number | null;
  sharing: 'confidential' | 'public';
  state: 'submitted' | 'under-review' | 'changes-requested' | 'approved' | 'rejected';
  latestVersion: number;
  reviewerId: string | null;
  reviewerName: string | null;
  origin: string;
  createdBy: string;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
}

/** What a version's dataset says about itself, copied to the head for listing and querying. */
export interface SubmissionFacts {
  kind: SubmissionHead['kind'];
  productKey: string;
  datasetId: string;
  name: string;
  region: string | null;
  year: number | null;
  sharing: SubmissionHead['sharing'];
}

export interface VersionRow {
  version: number;
  dataset: unknown;
  meta: unknown;
  validation: unknown;
  createdBy: string;
  createdByName: string;
  createdAt: string;
  comment: string | null;
}

const HEAD_SELECT = `
SELECT s.id, s.company_id AS "companyId", c.name AS "companyName", s.kind, s.product_key AS "productKey", s.dataset_id AS "datasetId",
       s.name, s.region, s.year, s.sharing, s.state, s.latest_version AS "latestVersion", s.reviewer_id AS "reviewerId",
       r.name AS "reviewerName", s.origin, s.created_by AS "createdBy", u.name AS "createdByName",
       ${ISO('s.created_at')} AS "createdAt", ${ISO('s.updated_at')} AS "updatedAt"
  FROM cobuild_submissions s JOIN companies c ON c.id = s.company_id JOIN users u ON u.id = s.created_by
  LEFT JOIN users r ON r.id = s.reviewer_id`;

export async function insertSubmission(
  tx: Queryable,
  s: SubmissionFacts & {
    id: string;
    companyId: string;
    origin: string;
    createdBy: string;
    dataset: unknown;
    meta: unknown;
    validation: unknown;
    comment: string | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO cobuild_submissions (id, company_id, kind, product_key, dataset_id, name, region, year, sharing, state, latest_version, origin, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'submitted', 1, $10, $11)`,
    [s.id, s.companyId, s.kind, s.productKey, s.datasetId, s.name, s.region, s.year, s.sharing, s.origin, s.createdBy],
  );
  await insertVersion(tx, s.id, 1, s);
}

async function insertVersion(
  tx: Queryable,
  id: string,
  version: number,
  v: { dataset: unknown; meta: unknown; validation: unknown; createdBy: string; comment: string | null },
) {
  await tx.query(
    'INSERT INTO cobuild_versions (submission_id, version, dataset, meta, validation, created_by, comment) VALUES ($1, $2, $3::text::jsonb, $4::text::jsonb, $5::text::jsonb, $6, $7)',
    [id, version, jsonText(v.dataset), jsonText(v.meta), jsonText(v.validation), v.createdBy, v.comment],
  );
}

/** A new version on top of the head; the caller holds the head's lock and has checked the base version. */
export async function addSubmissionVersion(
  tx: Queryable,
  id: string,
  version: number,
  v: SubmissionFacts & {
    dataset: unknown;
    meta: unknown;
    validation: unknown;
    createdBy: string;
    comment: string | null;
  },
): Promise<void> {
  await insertVersion(tx, id, version, v);
  await tx.query(
    `UPDATE cobuild_submissions SET latest_version = $2, kind = $3, product_key = $4, dataset_id = $5, name = $6, region = $7, year = $8, sharing = $9, updated_at = now() WHERE id = $1`,
    [id, version, v.kind, v.productKey, v.datasetId, v.name, v.region, v.year, v.sharing],
  );
}

export async function setSubmissionState(
  tx: Queryable,
  id: string,
  change: { state?: SubmissionHead['state']; reviewerId?: string },
): Promise<void> {
  await tx.query(
    'UPDATE cobuild_submissions SET state = coalesce($2, state), reviewer_id = coalesce($3, reviewer_id), updated_at = now() WHERE id = $1',
    [id, change.state ?? null, change.reviewerId ?? null],
  );
}

/** The head, locked until the transaction ends: concurrent reviews of one submission queue here. */
export async function lockSubmission(tx: Queryable, id: string): Promise<SubmissionHead | undefined> {
  await tx.query('SELECT 1 FROM cobuild_submissions WHERE id = $1 FOR UPDATE', [id]);
  return getSubmission(tx, id);
}

export async function getSubmission(db: Queryable, id: string): Promise<SubmissionHead | undefined> {
  const [row] = await db.query<SubmissionHead>(`${HEAD_SELECT} WHERE s.id = $1`, [id]);
  return row;
}

export interface SubmissionFilter {
  /** a company's own submissions */
  companyId?: string;
  /** those the user reviews */
  reviewerId?: string;
  /** every submission (stewards) */
  all?: boolean;
  state?: string;
  productKey?: string;
  ids?: string[];
}

/** Newest first. */
export async function listSubmissions(db: Queryable, f: SubmissionFilter): Promise<SubmissionHead[]> {
  return db.query<SubmissionHead>(
    `${HEAD_SELECT}
      WHERE ($1::boolean OR s.company_id = $2 OR s.reviewer_id = $3)
        AND ($4::text IS NULL OR s.state = $4) AND ($5::text IS NULL OR s.product_key = $5) AND ($6::text[] IS NULL OR s.id = ANY($6))
      ORDER BY s.updated_at DESC, s.id`,
    [f.all ?? false, f.companyId ?? null, f.reviewerId ?? null, f.state ?? null, f.productKey ?? null, f.ids ?? null],
  );
}

export async function getSubmissionVersion(
  db: Queryable,
  id: string,
  version?: number,
): Promise<VersionRow | undefined> {
  const [row] = await db.query<VersionRow>(
    `SELECT v.version, v.dataset, v.meta, v.validation, v.created_by AS "createdBy", u.name AS "createdByName", ${ISO('v.created_at')} AS "createdAt", v.comment
       FROM cobuild_submissions s JOIN cobuild_versions v ON v.submission_id = s.id AND v.version = coalesce($2, s.latest_version)
       JOIN users u ON u.id = v.created_by WHERE s.id = $1`,
    [id, version ?? null],
  );
  return row;
}

export async function listSubmissionVersions(
  db: Queryable,
  id: string,
): Promise<Omit<VersionRow, 'dataset' | 'meta' | 'validation'>[]> {
  return db.query(
    `SELECT v.version, v.created_by AS "createdBy", u.name AS "createdByName", ${ISO('v.created_at')} AS "createdAt", v.comment
       FROM cobuild_versions v JOIN users u ON u.id = v.created_by WHERE v.submission_id = $1 ORDER BY v.version DESC`,
    [id],
  );
}

export interface CommentRow {
  id: number;
  version: number;
  field: string | null;
  body: string;
  authorId: string;
  author: string;
  authorRole: string;
  at: string;
}

export async function insertComment(
  tx: Queryable,
  c: { submissionId: string; version: number; field: string | null; body: string; authorId: string },
): Promise<void> {
  await tx.query(
    'INSERT INTO cobuild_comments (submission_id, version, field, body, author_id) VALUES ($1, $2, $3, $4, $5)',
    [c.submissionId, c.version, c.field, c.body, c.authorId],
  );
}

/** Oldest first, as a conversation reads. */
export async function listComments(db: Queryable, submissionId: string): Promise<CommentRow[]> {
  return db.query<CommentRow>(
    `SELECT c.id::int AS id, c.version, c.field, c.body, c.author_id AS "authorId", u.name AS author, u.role AS "authorRole", ${ISO('c.at')} AS at
       FROM cobuild_comments c JOIN users u ON u.id = c.author_id WHERE c.submission_id = $1 ORDER BY c.id`,
    [submissionId],
  );
}

export interface CobuildEvent {
  at: string;
  user: string | null;
  action: string;
  detail: Record<string, unknown>;
}

export async function cobuildEvent(
  tx: Queryable,
  e: {
    userId: string | null;
    companyId?: string | null;
    submissionId?: string;
    aggregateId?: string;
    release?: string;
    action: string;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.query(
    'INSERT INTO cobuild_events (user_id, company_id, submission_id, aggregate_id, release, action, detail) VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb)',
    [
      e.userId,
      e.companyId ?? null,
      e.submissionId ?? null,
      e.aggregateId ?? null,
      e.release ?? null,
      e.action,
      jsonText(e.detail ?? {}),
    ],
  );
}

/** Newest first. */
export async function listCobuildEvents(
  db: Queryable,
  f: { submissionId?: string; release?: string },
): Promise<CobuildEvent[]> {
  return db.query<CobuildEvent>(
    `SELECT ${ISO('e.at')} AS at, u.name AS user, e.action, e.detail FROM cobuild_events e LEFT JOIN users u ON u.id = e.user_id
      WHERE ($1::text IS NULL OR e.submission_id = $1) AND ($2::text IS NULL OR e.release = $2) ORDER BY e.id DESC`,
    [f.submissionId ?? null, f.release ?? null],
  );
}

export interface NotificationRow {
  id: number;
  at: string;
  kind: string;
  params: Record<string, string | number>;
  submissionId: string | null;
  read: boolean;
}

export async function notify(
  tx: Queryable,
  userIds: readonly string[],
  n: { kind: string; params: Record<string, string | number>; submissionId?: string },
): Promise<void> {
  for (const userId of new Set(userIds)) {
    await tx.query(
      'INSERT INTO cobuild_notifications (user_id, kind, params, submission_id) VALUES ($1, $2, $3::text::jsonb, $4)',
      [userId, n.kind, jsonText(n.params), n.submissionId ?? null],
    );
  }
}

/** Newest first. */
export async function listNotifications(db: Queryable, userId: string, limit = 100): Promise<NotificationRow[]> {
  return db.query<NotificationRow>(
    `SELECT id::int AS id, ${ISO('at')} AS at, kind, params, submission_id AS "submissionId", read_at IS NOT NULL AS read
       FROM cobuild_notifications WHERE user_id = $1 ORDER BY id DESC LIMIT $2`,
    [userId, limit],
  );
}

export async function unreadNotifications(db: Queryable, userId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM cobuild_notifications WHERE user_id = $1 AND read_at IS NULL',
    [userId],
  );
  return row.n;
}

/** Marks the given notifications of the user read, or all of them when no ids are given. */
export async function markNotificationsRead(db: Queryable, userId: string, ids?: readonly number[]): Promise<void> {
  await db.query(
    'UPDATE cobuild_notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND ($2::bigint[] IS NULL OR id = ANY($2))',
    [userId, ids ?? null],
  );
}

export interface PersonRow {
  id: string;
  name: string;
  email: string;
  role: string;
  companyId: string | null;
}

export async function usersWithRoles(db: Queryable, roles: readonly string[]): Promise<PersonRow[]> {
  return db.query<PersonRow>(
    'SELECT id, name, email, role, company_id AS "companyId" FROM users WHERE role = ANY($1) ORDER BY name',
    [roles],
  );
}

export async function companyPeople(db: Queryable, companyId: string): Promise<PersonRow[]> {
  return db.query<PersonRow>(
    `SELECT id, name, email, role, company_id AS "companyId" FROM users WHERE company_id = $1 AND role = 'enterprise' ORDER BY name`,
    [companyId],
  );
}

export async function companyNames(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; name: string }>('SELECT id, name FROM companies WHERE id = ANY($1)', [ids]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function readSettings(db: Queryable): Promise<Record<string, unknown>> {
  const rows = await db.query<{ key: string; value: unknown }>('SELECT key, value FROM cobuild_settings');
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export async function writeSetting(db: Queryable, key: string, value: unknown, userId: string): Promise<void> {
  await db.query(
    `INSERT INTO cobuild_settings (key, value, updated_by) VALUES ($1, $2::text::jsonb, $3)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = now()`,
    [key, jsonText(value), userId],
  );
}

export interface AggregateRow {
  id: string;
  kind: 'factor' | 'process';
  productKey: string;
  datasetId: string;
  name: string;
  region: string;
  year: number;
  dataset: unknown;
  stats: unknown;
  members: unknown;
  contributors: number;
  createdBy: string;
  createdAt: string;
  /** the releases it was published in */
  releases: string[];
}

export async function insertAggregate(tx: Queryable, a: Omit<AggregateRow, 'createdAt' | 'releases'>): Promise<void> {
  await tx.query(
    `INSERT INTO cobuild_aggregates (id, kind, product_key, dataset_id, name, region, year, dataset, stats, members, contributors, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9::text::jsonb, $10::text::jsonb, $11, $12)`,
    [
      a.id,
      a.kind,
      a.productKey,
      a.datasetId,
      a.name,
      a.region,
      a.year,
      jsonText(a.dataset),
      jsonText(a.stats),
      jsonText(a.members),
      a.contributors,
      a.createdBy,
    ],
  );
}

const AGGREGATE_SELECT = `
SELECT a.id, a.kind, a.product_key AS "productKey", a.dataset_id AS "datasetId", a.name, a.region, a.year, a.dataset, a.stats, a.members,
       a.contributors, u.name AS "createdBy", ${ISO('a.created_at')} AS "createdAt",
       coalesce((SELECT array_agg(i.release ORDER BY i.release) FROM cobuild_release_items i WHERE i.aggregate_id = a.id), '{}') AS releases
  FROM cobuild_aggregates a JOIN users u ON u.id = a.created_by`;

export async function getAggregate(db: Queryable, id: string): Promise<AggregateRow | undefined> {
  const [row] = await db.query<AggregateRow>(`${AGGREGATE_SELECT} WHERE a.id = $1`, [id]);
  return row;
}

/** Newest first. */
export async function listAggregates(db: Queryable): Promise<AggregateRow[]> {
  return db.query<AggregateRow>(`${AGGREGATE_SELECT} ORDER BY a.created_at DESC, a.id`);
}

export interface ReleaseItemRow {
  kind: 'submission' | 'aggregate';
  datasetType: string;
  datasetId: string;
  submissionId: string | null;
  version: number | null;
  aggregateId: string | null;
}

export interface CobuildReleaseRow {
  release: string;
  baseFactors: string | null;
  baseLci: string | null;
  notes: unknown;
  publishedBy: string;
  publishedAt: string;
}

export async function insertCobuildRelease(
  tx: Queryable,
  r: Omit<CobuildReleaseRow, 'publishedAt' | 'publishedBy'> & { publishedBy: string; jobId?: string },
  items: readonly ReleaseItemRow[],
): Promise<void> {
  await tx.query(
    'INSERT INTO cobuild_releases (release, base_factors, base_lci, notes, published_by, job_id) VALUES ($1, $2, $3, $4::text::jsonb, $5, $6)',
    [r.release, r.baseFactors, r.baseLci, jsonText(r.notes), r.publishedBy, r.jobId ?? null],
  );
  let position = 0;
  for (const i of items) {
    await tx.query(
      'INSERT INTO cobuild_release_items (release, position, kind, dataset_type, dataset_id, submission_id, version, aggregate_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [r.release, position++, i.kind, i.datasetType, i.datasetId, i.submissionId, i.version, i.aggregateId],
    );
  }
}

const RELEASE_SELECT = `SELECT r.release, r.base_factors AS "baseFactors", r.base_lci AS "baseLci", r.notes, u.name AS "publishedBy", ${ISO('r.published_at')} AS "publishedAt"
  FROM cobuild_releases r JOIN users u ON u.id = r.published_by`;

export async function getCobuildRelease(db: Queryable, release: string): Promise<CobuildReleaseRow | undefined> {
  const [row] = await db.query<CobuildReleaseRow>(`${RELEASE_SELECT} WHERE r.release = $1`, [release]);
  return row;
}

/** The release a job published, if it did (its retry then has nothing left to do). */
export async function cobuildReleaseOfJob(db: Queryable, jobId: string): Promise<CobuildReleaseRow | undefined> {
  const [row] = await db.query<CobuildReleaseRow>(`${RELEASE_SELECT} WHERE r.job_id = $1`, [jobId]);
  return row;
}

export async function listCobuildReleases(db: Queryable): Promise<CobuildReleaseRow[]> {
  return db.query<CobuildReleaseRow>(`${RELEASE_SELECT} ORDER BY r.published_at DESC`);
}

export async function releaseItems(db: Queryable, release: string): Promise<ReleaseItemRow[]> {
  return db.query<ReleaseItemRow>(
    `SELECT kind, dataset_type AS "datasetType", dataset_id AS "datasetId", submission_id AS "submissionId", version, aggregate_id AS "aggregateId"
       FROM cobuild_release_items WHERE release = $1 ORDER BY position`,
    [release],
  );
}

/** The releases a submission was published in, individually or inside an aggregate. */
export async function releasesOfSubmission(db: Queryable, submissionId: string): Promise<string[]> {
  const rows = await db.query<{ release: string }>(
    `SELECT DISTINCT i.release FROM cobuild_release_items i LEFT JOIN cobuild_aggregates a ON a.id = i.aggregate_id
      WHERE i.submission_id = $1 OR a.members @> $2::text::jsonb ORDER BY i.release`,
    [submissionId, jsonText([{ submissionId }])],
  );
  return rows.map((r) => r.release);
}

export interface BenchmarkRow {
  id: string;
  name: string;
  study: unknown;
  createdBy: string;
  createdAt: string;
}

export async function insertBenchmark(
  db: Queryable,
  b: { id: string; name: string; study: unknown; createdBy: string },
): Promise<void> {
  await db.query('INSERT INTO cobuild_benchmarks (id, name, study, created_by) VALUES ($1, $2, $3::text::jsonb, $4)', [
    b.id,
    b.name,
    jsonText(b.study),
    b.createdBy,
  ]);
}

export async function listBenchmarks(db: Queryable): Promise<BenchmarkRow[]> {
  return db.query<BenchmarkRow>(
    `SELECT b.id, b.name, b.study, u.name AS "createdBy", ${ISO('b.created_at')} AS "createdAt" FROM cobuild_benchmarks b JOIN users u ON u.id = b.created_by ORDER BY b.created_at, b.id`,
  );
}
