import { randomUUID } from 'node:crypto';
import { StudyInputSchema, type Study, type StudyInput } from '../model/study.ts';
import type { Queryable, Store } from './connection.ts';
import { sendNotice } from './notices.ts';
import { DomainError } from '../model/errors.ts';
import { coder } from '../i18n/define.ts';
import { STUDY_TEXTS } from '../i18n/studies.ts';
import type { LifeCycleStage } from '../model/lci.ts';

/**
 * Studies and their versions. A save never overwrites: it adds a version and an audit row in one
 * transaction, and refuses when the writer's base version is not the latest (lost updates).
 */

export interface StudyHead {
  id: string;
  companyId: string;
  latestVersion: number;
  createdBy: string;
}

export interface StudySummary {
  id: string;
  name: string;
  product: string;
  companyId: string;
  companyName: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
  /** emissions of the latest result, removals excluded */
  total: number | null;
  /** the latest result's CFP as ISO 14067 3.1.1.1 defines it: emissions and removals summed */
  cfp: number | null;
}

export interface VersionInfo {
  version: number;
  at: string;
  by: string;
  comment: string | null;
}

export interface AuditEntry {
  at: string;
  user: string | null;
  action: string;
  detail: Record<string, unknown>;
}

/** Somebody saved in between (409 stale-version); `details.latest` is the version to reload. */
export class StaleVersionError extends DomainError {
  constructor(
    readonly latest: number,
    readonly base: number,
  ) {
    super('conflict', 'stale-version', coder(STUDY_TEXTS)('study.stale-version', { base, latest }), { latest });
  }
}

export const ISO = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export async function studyHead(db: Queryable, id: string): Promise<StudyHead | undefined> {
  const [row] = await db.query<StudyHead>(
    'SELECT id, company_id AS "companyId", latest_version AS "latestVersion", created_by AS "createdBy" FROM studies WHERE id = $1',
    [id],
  );
  return row;
}

export async function createStudy(
  store: Store,
  input: StudyInput,
  companyId: string,
  userId: string,
  comment = 'created',
): Promise<Study> {
  const body = StudyInputSchema.parse(input);
  const id = randomUUID();
  await store.transaction(async (tx) => {
    await tx.query('INSERT INTO studies (id, company_id, latest_version, created_by) VALUES ($1, $2, 1, $3)', [
      id,
      companyId,
      userId,
    ]);
    await tx.query(
      'INSERT INTO study_versions (study_id, version, body, created_by, comment) VALUES ($1, 1, $2::text::jsonb, $3, $4)',
      [id, JSON.stringify(body), userId, comment],
    );
    await audit(tx, {
      userId,
      companyId,
      studyId: id,
      action: 'study.created',
      detail: { version: 1, name: body.name, entries: body.entries.length },
    });
  });
  return (await getStudy(store, id))!;
}

/** A new version on top of baseVersion; the audit row lists what changed. */
export async function saveStudy(
  store: Store,
  id: string,
  input: StudyInput,
  baseVersion: number,
  userId: string,
  comment?: string,
  action = 'study.saved',
): Promise<Study> {
  const body = StudyInputSchema.parse(input);
  await store.transaction(async (tx) => {
    const [head] = await tx.query<{ latest: number; companyId: string }>(
      'SELECT latest_version AS latest, company_id AS "companyId" FROM studies WHERE id = $1 FOR UPDATE',
      [id],
    );
    if (!head) throw new Error(`study ${id} does not exist`);
    if (head.latest !== baseVersion) throw new StaleVersionError(head.latest, baseVersion);
    const [prev] = await tx.query<{ body: StudyInput }>(
      'SELECT body FROM study_versions WHERE study_id = $1 AND version = $2',
      [id, head.latest],
    );
    const version = head.latest + 1;
    await tx.query(
      'INSERT INTO study_versions (study_id, version, body, created_by, comment) VALUES ($1, $2, $3::text::jsonb, $4, $5)',
      [id, version, JSON.stringify(body), userId, comment ?? null],
    );
    await tx.query('UPDATE studies SET latest_version = $2 WHERE id = $1', [id, version]);
    await sendNotice(tx, 'study', id);
    await audit(tx, {
      userId,
      companyId: head.companyId,
      studyId: id,
      action,
      detail: { version, comment: comment ?? null, changes: describeChanges(parseBody(prev.body), body) },
    });
  });
  return (await getStudy(store, id))!;
}

export async function getStudy(db: Queryable, id: string, version?: number): Promise<Study | undefined> {
  const [row] = await db.query<{
    body: unknown;
    companyId: string;
    version: number;
    updatedAt: string;
    updatedBy: string;
  }>(
    `SELECT v.body, s.company_id AS "companyId", v.version, ${ISO('v.created_at')} AS "updatedAt", u.name AS "updatedBy"
       FROM studies s JOIN study_versions v ON v.study_id = s.id AND v.version = coalesce($2, s.latest_version)
       JOIN users u ON u.id = v.created_by WHERE s.id = $1`,
    [id, version ?? null],
  );
  if (!row) return undefined;
  return {
    ...parseBody(row.body),
    id,
    companyId: row.companyId,
    version: row.version,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

/** Studies of a company, plus those shared with the given verifier; `all` for administrators. */
export async function listStudies(
  db: Queryable,
  scope: { companyId?: string | null; verifierId?: string; all?: boolean },
): Promise<StudySummary[]> {
  return db.query<StudySummary>(
    `SELECT s.id, v.body->>'name' AS name, v.body->'product'->>'name' AS product, s.company_id AS "companyId", c.name AS "companyName",
            s.latest_version AS version, ${ISO('v.created_at')} AS "updatedAt", u.name AS "updatedBy",
            latest.total, latest.cfp
       FROM studies s
       LEFT JOIN LATERAL (
         -- results stored before the headline existed: removals were all in lines.biogenicRemovals (as headlineOf reads them)
         SELECT (r.body->>'total')::float8 AS total,
                COALESCE((r.body->'headline'->>'cfp')::float8,
                         (r.body->>'total')::float8 + COALESCE((r.body->'lines'->>'biogenicRemovals')::float8, 0)) AS cfp
           FROM study_result_heads h JOIN results r ON r.hash = h.hash
          WHERE h.study_id = s.id ORDER BY h.version DESC LIMIT 1) latest ON true JOIN study_versions v ON v.study_id = s.id AND v.version = s.latest_version
       JOIN companies c ON c.id = s.company_id JOIN users u ON u.id = v.created_by
      WHERE $3::boolean OR s.company_id = $1 OR EXISTS (SELECT 1 FROM study_verifiers sv WHERE sv.study_id = s.id AND sv.user_id = $2)
      ORDER BY v.created_at DESC`,
    [scope.companyId ?? null, scope.verifierId ?? null, scope.all ?? false],
  );
}

export async function listVersions(db: Queryable, id: string): Promise<VersionInfo[]> {
  return db.query<VersionInfo>(
    `SELECT v.version, ${ISO('v.created_at')} AS at, u.name AS by, v.comment FROM study_versions v JOIN users u ON u.id = v.created_by
      WHERE v.study_id = $1 ORDER BY v.version DESC`,
    [id],
  );
}

export async function auditTrail(db: Queryable, studyId: string): Promise<AuditEntry[]> {
  return db.query<AuditEntry>(
    `SELECT ${ISO('a.at')} AS at, u.name AS user, a.action, a.detail FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
      WHERE a.study_id = $1 ORDER BY a.id DESC`,
    [studyId],
  );
}

export async function audit(
  db: Queryable,
  row: {
    userId: string | null;
    companyId: string | null;
    studyId?: string;
    action: string;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await db.query(
    'INSERT INTO audit_log (user_id, company_id, study_id, action, detail) VALUES ($1, $2, $3, $4, $5::text::jsonb)',
    [row.userId, row.companyId, row.studyId ?? null, row.action, JSON.stringify(row.detail ?? {})],
  );
}

export async function addVerifier(
  store: Store,
  studyId: string,
  verifierId: string,
  grantedBy: string,
  companyId: string,
): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.query(
      'INSERT INTO study_verifiers (study_id, user_id, granted_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [studyId, verifierId, grantedBy],
    );
    await audit(tx, { userId: grantedBy, companyId, studyId, action: 'study.verifier-added', detail: { verifierId } });
  });
}

/** The verifiers a study was shared with, by name and organisation, for the report's verification section. */
export async function studyVerifiers(
  db: Queryable,
  studyId: string,
): Promise<{ name: string; organisation: string }[]> {
  return db.query<{ name: string; organisation: string }>(
    `SELECT u.name, coalesce(c.name, '') AS organisation FROM study_verifiers sv JOIN users u ON u.id = sv.user_id LEFT JOIN companies c ON c.id = u.company_id
     WHERE sv.study_id = $1 ORDER BY u.name`,
    [studyId],
  );
}

export async function isVerifierOf(db: Queryable, studyId: string, userId: string): Promise<boolean> {
  return (
    (await db.query('SELECT 1 FROM study_verifiers WHERE study_id = $1 AND user_id = $2', [studyId, userId])).length > 0
  );
}

function parseBody(body: unknown): StudyInput {
  return StudyInputSchema.parse(typeof body === 'string' ? JSON.parse(body) : body);
}

/** What a save changed, for people reading the audit trail: fields, and entries added, removed or edited. */
export function describeChanges(before: StudyInput, after: StudyInput): string[] {
  const out: string[] = [];
  for (const key of Object.keys(after) as (keyof StudyInput)[]) {
    if (key === 'entries') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out.push(`${key} changed`);
  }
  const old = new Map(before.entries.map((e) => [e.id, e]));
  const now = new Map(after.entries.map((e) => [e.id, e]));
  for (const e of after.entries) {
    const was = old.get(e.id);
    if (!was) out.push(`entry "${e.name}" added (${e.amount} ${e.unit})`);
    else if (JSON.stringify(was) !== JSON.stringify(e)) {
      const fields = (Object.keys({ ...was, ...e }) as (keyof typeof e)[]).filter(
        (k) => JSON.stringify(was[k]) !== JSON.stringify(e[k]),
      );
      out.push(
        `entry "${e.name}": ${fields.map((k) => (k === 'amount' ? `amount ${was.amount} → ${e.amount}` : k)).join(', ')}`,
      );
    }
  }
  for (const e of before.entries) if (!now.has(e.id)) out.push(`entry "${e.name}" removed`);
  return out;
}

/** One calculated study version, as the store reads it. */
export interface PortfolioRow {
  studyId: string;
  studyName: string;
  product: string;
  /** UN CPC or another classification code, when the study has one */
  classification?: string;
  /** the declared or functional unit the footprint is per (1 kg, 1 kWh), rendered in words by the reader's language */
  declaredUnit: { amount: number; unit: string };
  /** reference year of the primary data */
  year: number;
  version: number;
  computedAt: string;
  /** kg CO2e per declared unit, removals excluded (as the result's total) */
  total: number;
  /** biogenic removals, negative kg CO2e, reported apart */
  removals: number;
  byStage: Record<LifeCycleStage, number>;
}

/**
 * Every calculated version of a company's studies, with what a portfolio compares: the product,
 * its declared unit and reference year (from that version), and the result's total, stages and
 * removals. One row per stored result, oldest first.
 */
export async function portfolioRows(db: Queryable, companyId: string): Promise<PortfolioRow[]> {
  const rows = await db.query<{
    studyId: string;
    body: StudyInput;
    version: number;
    computedAt: Date;
    total: number;
    removals: number | null;
    byStage: PortfolioRow['byStage'];
  }>(
    `SELECT s.id AS "studyId", v.body, r.version, r.computed_at AS "computedAt", (r.result->>'total')::float8 AS total,
            (r.result->'lines'->>'biogenicRemovals')::float8 AS removals, r.result->'byStage' AS "byStage"
       FROM studies s JOIN study_results r ON r.study_id = s.id JOIN study_versions v ON v.study_id = r.study_id AND v.version = r.version
      WHERE s.company_id = $1 ORDER BY r.computed_at`,
    [companyId],
  );
  return rows.map((r) => ({
    studyId: r.studyId,
    studyName: r.body.name,
    product: r.body.product.name,
    classification: r.body.product.classification,
    declaredUnit: { amount: r.body.unit.amount, unit: r.body.unit.unit },
    year: r.body.year,
    version: r.version,
    computedAt: new Date(r.computedAt).toISOString(),
    total: r.total,
    removals: r.removals ?? 0,
    byStage: r.byStage,
  }));
}
