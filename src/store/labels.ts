import type { Benchmark, LabelStatus, RegistryEntry, RegistryItem, VerificationRequest } from '../model/credential.ts';
import { ISO } from './studies.ts';
import type { Queryable } from './connection.ts';

/**
 * Labels in the store: signing keys (sealed private keys), grade benchmarks, verification
 * requests, signed labels with their search fields, and the registry log. The rules are in
 * src/labels; these are the queries.
 */

export interface SealedKey {
  alg: 'aes-256-gcm';
  /** which master key sealed it: the configured one, or the one kept in the store */
  kek: 'config' | 'store';
  iv: string;
  tag: string;
  data: string;
}

export interface KeyRow {
  did: string;
  purpose: 'verifier' | 'registry';
  companyId: string | null;
  organisation: string;
  sealedKey: SealedKey;
  createdAt: string;
  retiredAt: string | null;
}

const KEY_COLUMNS = `k.did, k.purpose, k.company_id AS "companyId", coalesce(c.name, 'Tanji registry') AS organisation, k.sealed_key AS "sealedKey",
  ${ISO('k.created_at')} AS "createdAt", CASE WHEN k.retired_at IS NULL THEN NULL ELSE ${ISO('k.retired_at')} END AS "retiredAt"`;

export async function liveKey(
  db: Queryable,
  purpose: 'verifier' | 'registry',
  companyId: string | null,
): Promise<KeyRow | undefined> {
  const [row] = await db.query<KeyRow>(
    `SELECT ${KEY_COLUMNS} FROM signing_keys k LEFT JOIN companies c ON c.id = k.company_id
      WHERE k.purpose = $1 AND k.company_id IS NOT DISTINCT FROM $2 AND k.retired_at IS NULL`,
    [purpose, companyId],
  );
  return row;
}

export async function insertKey(
  db: Queryable,
  k: { did: string; purpose: 'verifier' | 'registry'; companyId: string | null; sealedKey: SealedKey },
): Promise<void> {
  await db.query(
    'INSERT INTO signing_keys (did, purpose, company_id, sealed_key) VALUES ($1, $2, $3, $4::text::jsonb)',
    [k.did, k.purpose, k.companyId, JSON.stringify(k.sealedKey)],
  );
}

export async function retireKey(db: Queryable, did: string): Promise<void> {
  await db.query('UPDATE signing_keys SET retired_at = now() WHERE did = $1 AND retired_at IS NULL', [did]);
}

/** Every key ever used, live and retired: old labels stay checkable. */
export async function listKeys(db: Queryable): Promise<KeyRow[]> {
  return db.query<KeyRow>(
    `SELECT ${KEY_COLUMNS} FROM signing_keys k LEFT JOIN companies c ON c.id = k.company_id ORDER BY k.created_at`,
  );
}

export async function storedMasterKey(db: Queryable, make: () => string): Promise<string> {
  await db.query('INSERT INTO key_encryption_keys (id, key) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [make()]);
  const [row] = await db.query<{ key: string }>('SELECT key FROM key_encryption_keys WHERE id = 1');
  return row!.key;
}

// ---- benchmarks

export async function insertGradeBenchmark(db: Queryable, b: Benchmark, userId: string): Promise<void> {
  await db.query(
    'INSERT INTO grade_benchmarks (id, version, body, published_by, published_at) VALUES ($1, $2, $3, $4, $5)',
    [b.id, b.version, JSON.stringify(b), userId, b.publishedAt],
  );
}

export async function latestGradeBenchmarkVersion(db: Queryable, id: string): Promise<number> {
  const [row] = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM grade_benchmarks WHERE id = $1', [
    id,
  ]);
  return row?.v ?? 0;
}

/** Every version of every benchmark (`latest` only the newest of each), oldest first. */
export async function listGradeBenchmarks(db: Queryable, opts: { latest?: boolean } = {}): Promise<unknown[]> {
  const rows = await db.query<{ body: string }>(
    opts.latest
      ? 'SELECT DISTINCT ON (id) body FROM grade_benchmarks ORDER BY id, version DESC'
      : 'SELECT body FROM grade_benchmarks ORDER BY id, version',
  );
  return rows.map((r) => JSON.parse(r.body));
}

export async function getGradeBenchmark(db: Queryable, id: string, version?: number): Promise<unknown | undefined> {
  const [row] = await db.query<{ body: string }>(
    'SELECT body FROM grade_benchmarks WHERE id = $1 AND ($2::int IS NULL OR version = $2) ORDER BY version DESC LIMIT 1',
    [id, version ?? null],
  );
  return row ? JSON.parse(row.body) : undefined;
}

// ---- verification requests

export type RequestRow = VerificationRequest;

const REQUEST_SELECT = `SELECT r.id, r.study_id AS "studyId", v.body->>'name' AS "studyName", r.version, r.company_id AS "companyId", c.name AS "companyName",
  u.name AS "requestedBy", r.verifier_id AS "verifierId", w.name AS verifier, r.benchmark, r.message, r.state, r.label_id AS "labelId", r.reason,
  ${ISO('r.created_at')} AS "createdAt", CASE WHEN r.decided_at IS NULL THEN NULL ELSE ${ISO('r.decided_at')} END AS "decidedAt"
  FROM verification_requests r JOIN study_versions v ON v.study_id = r.study_id AND v.version = r.version
  JOIN companies c ON c.id = r.company_id JOIN users u ON u.id = r.requested_by JOIN users w ON w.id = r.verifier_id`;

export async function insertRequest(
  db: Queryable,
  r: {
    id: string;
    studyId: string;
    version: number;
    companyId: string;
    requestedBy: string;
    verifierId: string;
    benchmark: string | null;
    message: string;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO verification_requests (id, study_id, version, company_id, requested_by, verifier_id, benchmark, message, state) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open')`,
    [r.id, r.studyId, r.version, r.companyId, r.requestedBy, r.verifierId, r.benchmark, r.message],
  );
}

export async function getRequest(db: Queryable, id: string): Promise<RequestRow | undefined> {
  const [row] = await db.query<RequestRow>(`${REQUEST_SELECT} WHERE r.id = $1`, [id]);
  return row;
}

/** A verifier's queue (verifierId), or a company's requests (companyId), or one study's; newest first. */
export async function listRequests(
  db: Queryable,
  scope: { verifierId?: string; companyId?: string; studyId?: string },
): Promise<RequestRow[]> {
  return db.query<RequestRow>(
    `${REQUEST_SELECT} WHERE ($1::text IS NULL OR r.verifier_id = $1) AND ($2::text IS NULL OR r.company_id = $2) AND ($3::text IS NULL OR r.study_id = $3)
      ORDER BY r.created_at DESC`,
    [scope.verifierId ?? null, scope.companyId ?? null, scope.studyId ?? null],
  );
}

export async function decideRequest(
  db: Queryable,
  id: string,
  state: 'signed' | 'declined',
  labelId: string | null,
  reason: string | null,
): Promise<void> {
  await db.query(
    `UPDATE verification_requests SET state = $2, label_id = $3, reason = $4, decided_at = now() WHERE id = $1 AND state = 'open'`,
    [id, state, labelId, reason],
  );
}

// ---- labels

export interface LabelRow extends RegistryItem {
  studyId: string;
  studyVersion: number;
  companyId: string;
  issuerDid: string;
  credential: string;
  credentialHash: string;
}

const LABEL_SELECT = `SELECT id, study_id AS "studyId", study_version AS "studyVersion", company_id AS "companyId", issuer_did AS "issuerDid", credential,
  credential_hash AS "credentialHash", product, company, category, pcr, region, grade, value, declared_unit AS "declaredUnit", signed_by_name AS verifier,
  ${ISO('valid_from')} AS "validFrom", ${ISO('valid_until')} AS "validUntil", status, status_reason AS "statusReason", superseded_by AS "supersededBy"
  FROM (SELECT l.*, u.name AS signed_by_name FROM labels l JOIN users u ON u.id = l.signed_by) l`;

export interface NewLabel {
  id: string;
  studyId: string;
  studyVersion: number;
  companyId: string;
  issuerDid: string;
  signedBy: string;
  credential: string;
  credentialHash: string;
  product: string;
  company: string;
  category: string | null;
  pcr: string;
  region: string;
  grade: string | null;
  value: number;
  declaredUnit: string;
  validFrom: string;
  validUntil: string;
}

export async function insertLabel(db: Queryable, l: NewLabel): Promise<void> {
  await db.query(
    `INSERT INTO labels (id, study_id, study_version, company_id, issuer_did, signed_by, credential, credential_hash, product, company, category, pcr, region, grade, value, declared_unit, valid_from, valid_until, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 'active')`,
    [
      l.id,
      l.studyId,
      l.studyVersion,
      l.companyId,
      l.issuerDid,
      l.signedBy,
      l.credential,
      l.credentialHash,
      l.product,
      l.company,
      l.category,
      l.pcr,
      l.region,
      l.grade,
      l.value,
      l.declaredUnit,
      l.validFrom,
      l.validUntil,
    ],
  );
}

export async function setLabelStatus(
  db: Queryable,
  id: string,
  status: Exclude<LabelStatus, 'active'>,
  reason: string | null,
  supersededBy: string | null = null,
): Promise<void> {
  await db.query(
    'UPDATE labels SET status = $2, status_reason = $3, superseded_by = $4, status_at = now() WHERE id = $1',
    [id, status, reason, supersededBy],
  );
}

export async function getLabel(db: Queryable, id: string): Promise<LabelRow | undefined> {
  const [row] = await db.query<LabelRow>(`${LABEL_SELECT} WHERE id = $1`, [id]);
  return row;
}

export interface LabelFilter {
  q?: string;
  company?: string;
  category?: string;
  pcr?: string;
  region?: string;
  grade?: string;
  status?: LabelStatus;
  studyId?: string;
  issuerDid?: string;
  limit?: number;
  offset?: number;
}

/** Labels matching every given filter (text: product, company or category, case-insensitive), newest first. */
export async function searchLabels(db: Queryable, f: LabelFilter): Promise<LabelRow[]> {
  const like = (s: string | undefined) => (s ? `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null);
  return db.query<LabelRow>(
    `${LABEL_SELECT} WHERE ($1::text IS NULL OR product ILIKE $1 OR company ILIKE $1 OR category ILIKE $1)
       AND ($2::text IS NULL OR company ILIKE $2) AND ($3::text IS NULL OR category = $3) AND ($4::text IS NULL OR pcr = $4)
       AND ($5::text IS NULL OR region = $5 OR region LIKE $5 || '-%') AND ($6::text IS NULL OR grade = $6) AND ($7::text IS NULL OR status = $7)
       AND ($8::text IS NULL OR study_id = $8) AND ($9::text IS NULL OR issuer_did = $9)
     ORDER BY created_at DESC, id LIMIT $10 OFFSET $11`,
    [
      like(f.q),
      like(f.company),
      f.category ?? null,
      f.pcr ?? null,
      f.region ?? null,
      f.grade ?? null,
      f.status ?? null,
      f.studyId ?? null,
      f.issuerDid ?? null,
      f.limit ?? 50,
      f.offset ?? 0,
    ],
  );
}

// ---- registry log

export async function lastLogEntry(db: Queryable): Promise<RegistryEntry | null> {
  const [row] = await db.query<{ entry: string }>('SELECT entry FROM registry_log ORDER BY seq DESC LIMIT 1');
  return row ? JSON.parse(row.entry) : null;
}

export async function insertLogEntry(db: Queryable, entry: RegistryEntry, hash: string): Promise<void> {
  await db.query('INSERT INTO registry_log (seq, entry, hash, at) VALUES ($1, $2, $3, $4)', [
    entry.seq,
    JSON.stringify(entry),
    hash,
    entry.at,
  ]);
}

/** The log from `from` (seq, inclusive), at most `limit` entries, as stored. */
export async function readLog(db: Queryable, from = 1, limit = 10_000): Promise<RegistryEntry[]> {
  const rows = await db.query<{ entry: string }>(
    'SELECT entry FROM registry_log WHERE seq >= $1 ORDER BY seq LIMIT $2',
    [from, limit],
  );
  return rows.map((r) => JSON.parse(r.entry));
}

/** Serialises appends to the log (and key creation) across processes sharing a PostgreSQL server. */
export async function lockRegistry(db: Queryable): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock($1)', [0x6c6f67]);
}
