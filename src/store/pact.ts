import { randomUUID } from 'node:crypto';
import type {
  Connection,
  ConnectionInput,
  PactEventRecord,
  PartnerUpdate,
  Verification,
} from '../model/pact-exchange.ts';
import type { Queryable, Store } from './connection.ts';
import type { CodedMessageData } from '../model/message.ts';
import { audit, ISO } from './studies.ts';

/**
 * PACT exchange in the store: verifications of study results, published footprints (both spec
 * versions), partner connections with their tokens, the event log either way, and the suppliers'
 * footprints received. Secrets and tokens arrive here already hashed.
 */

export type Spec = '3.0' | '2.3';

/**
 * Records a verifier's sign-off of one result (named by its hash). Sign-offs are never changed:
 * a second statement on the same result is a new row beside the first.
 */
export async function addVerification(
  store: Store,
  v: {
    studyId: string;
    companyId: string;
    version: number;
    resultHash: string;
    computedAt: string;
    verifierId: string;
    statement: string;
  },
): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO study_verifications (study_id, version, result_hash, computed_at, verifier_id, statement) VALUES ($1, $2, $3, $4, $5, $6)`,
      [v.studyId, v.version, v.resultHash, v.computedAt, v.verifierId, v.statement],
    );
    await audit(tx, {
      userId: v.verifierId,
      companyId: v.companyId,
      studyId: v.studyId,
      action: 'study.verified',
      detail: { version: v.version, resultHash: v.resultHash, computedAt: v.computedAt },
    });
  });
}

/** The verifications of one study version's results, newest first, each naming the result it covers. */
export async function verificationsOf(
  db: Queryable,
  studyId: string,
  version: number,
): Promise<(Verification & { verifierId: string })[]> {
  return db.query<Verification & { verifierId: string }>(
    `SELECT v.version, v.result_hash AS "resultHash", ${ISO('v.computed_at')} AS "computedAt", u.name AS verifier, v.verifier_id AS "verifierId", v.statement, ${ISO('v.at')} AS at
     FROM study_verifications v JOIN users u ON u.id = v.verifier_id WHERE v.study_id = $1 AND v.version = $2 ORDER BY v.at DESC, v.id DESC`,
    [studyId, version],
  );
}

// ---- published footprints

export interface FootprintRow {
  seq: number;
  id: string;
  companyId: string;
  studyId: string | null;
  studyVersion: number | null;
  /** the result the footprint was written from */
  resultHash: string | null;
  productIds: string[];
  status: 'Active' | 'Deprecated';
  created: string;
  updated: string | null;
  /** the documents as JSON text, served as they are */
  v3: string;
  v2: string | null;
}

const FOOTPRINT_COLUMNS = `seq::float8 AS seq, id::text AS id, company_id AS "companyId", study_id AS "studyId", study_version AS "studyVersion", result_hash AS "resultHash", product_ids AS "productIds",
  status, ${ISO('created')} AS created, ${ISO('updated')} AS updated, v3::text AS v3, v2::text AS v2`;

/**
 * Stores a new footprint and deprecates the study's earlier ones in the same transaction: a
 * partner never sees two active footprints of one study. Returns the ids deprecated.
 */
export async function insertFootprint(
  store: Store,
  f: {
    id: string;
    companyId: string;
    studyId: string;
    studyVersion: number;
    resultHash: string;
    productIds: string[];
    created: string;
    v3: object;
    v2: object | null;
    publishedBy: string;
  },
): Promise<string[]> {
  return store.transaction(async (tx) => {
    const now = new Date().toISOString();
    const deprecated = await tx.query<{ id: string }>(
      `UPDATE pact_footprints SET status = 'Deprecated', updated = $2::text::timestamptz,
         v3 = jsonb_set(v3, '{status}', '"Deprecated"'),
         v2 = CASE WHEN v2 IS NULL THEN NULL ELSE jsonb_set(jsonb_set(v2, '{status}', '"Deprecated"'), '{updated}', to_jsonb($2::text)) END
       WHERE study_id = $1 AND status = 'Active' RETURNING id::text AS id`,
      [f.studyId, now],
    );
    await tx.query(
      `INSERT INTO pact_footprints (id, company_id, study_id, study_version, result_hash, product_ids, status, created, v3, v2, published_by)
       VALUES ($1, $2, $3, $4, $5, $6, 'Active', $7, $8, $9, $10)`,
      [
        f.id,
        f.companyId,
        f.studyId,
        f.studyVersion,
        f.resultHash,
        f.productIds,
        f.created,
        JSON.stringify(f.v3),
        f.v2 ? JSON.stringify(f.v2) : null,
        f.publishedBy,
      ],
    );
    await audit(tx, {
      userId: f.publishedBy,
      companyId: f.companyId,
      studyId: f.studyId,
      action: 'pact.published',
      detail: {
        footprint: f.id,
        version: f.studyVersion,
        resultHash: f.resultHash,
        deprecated: deprecated.map((d) => d.id),
      },
    });
    return deprecated.map((d) => d.id);
  });
}

/** Every footprint, or a company's, in publication order. */
export async function listFootprintRows(db: Queryable, companyId?: string): Promise<FootprintRow[]> {
  return db.query<FootprintRow>(
    `SELECT ${FOOTPRINT_COLUMNS} FROM pact_footprints WHERE $1::text IS NULL OR company_id = $1 ORDER BY seq`,
    [companyId ?? null],
  );
}

export async function latestFootprintOfStudy(db: Queryable, studyId: string): Promise<FootprintRow | undefined> {
  const [row] = await db.query<FootprintRow>(
    `SELECT ${FOOTPRINT_COLUMNS} FROM pact_footprints WHERE study_id = $1 ORDER BY seq DESC LIMIT 1`,
    [studyId],
  );
  return row;
}

/** A cheap fingerprint of the footprint table, so that a cache of it knows when to reload. */
export async function footprintsStamp(db: Queryable): Promise<string> {
  // footprints are only ever added, and a deprecation is written in the transaction that adds its
  // successor (insertFootprint), so the last seq names the table's state: one index lookup, where
  // counting the rows would scan them all
  const [row] = await db.query<{ stamp: string }>(`SELECT coalesce(max(seq), 0)::text AS stamp FROM pact_footprints`);
  return row.stamp;
}

// ---- connections and tokens

interface ConnectionRow extends Connection {
  companyId: string;
  partnerSecret: string | null;
  partnerCa: string | null;
}

const CONNECTION_COLUMNS = `id, company_id AS "companyId", name, client_id AS "clientId", products, partner_url AS "partnerUrl", partner_client_id AS "partnerClientId",
  partner_secret AS "partnerSecret", partner_ca AS "partnerCa", partner_secret IS NOT NULL AS "hasPartnerSecret", partner_ca IS NOT NULL AS "hasPartnerCa",
  ${ISO('created_at')} AS "createdAt", ${ISO('revoked_at')} AS "revokedAt"`;

export type StoredConnection = ConnectionRow;

export async function createConnection(
  store: Store,
  c: ConnectionInput & { companyId: string; clientId: string; secretHash: string; createdBy: string | null },
): Promise<StoredConnection> {
  return store.transaction(async (tx) => {
    const [row] = await tx.query<ConnectionRow>(
      `INSERT INTO pact_connections (id, company_id, name, client_id, secret_hash, products, partner_url, partner_client_id, partner_secret, partner_ca, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${CONNECTION_COLUMNS}`,
      [
        randomUUID(),
        c.companyId,
        c.name,
        c.clientId,
        c.secretHash,
        c.products,
        c.partnerUrl,
        c.partnerClientId,
        c.partnerSecret,
        c.partnerCa,
        c.createdBy,
      ],
    );
    await audit(tx, {
      userId: c.createdBy,
      companyId: c.companyId,
      action: 'pact.connection-created',
      detail: { connection: row.id, name: c.name, products: c.products, partnerUrl: c.partnerUrl },
    });
    return row;
  });
}

export async function listConnections(db: Queryable, companyId: string): Promise<StoredConnection[]> {
  return db.query<ConnectionRow>(
    `SELECT ${CONNECTION_COLUMNS} FROM pact_connections WHERE company_id = $1 ORDER BY created_at`,
    [companyId],
  );
}

export async function getConnection(db: Queryable, id: string): Promise<StoredConnection | undefined> {
  const [row] = await db.query<ConnectionRow>(`SELECT ${CONNECTION_COLUMNS} FROM pact_connections WHERE id = $1`, [id]);
  return row;
}

/** A live connection by its client id, with the secret hash to check. */
export async function connectionForLogin(
  db: Queryable,
  clientId: string,
): Promise<(StoredConnection & { secretHash: string }) | undefined> {
  const [row] = await db.query<ConnectionRow & { secretHash: string }>(
    `SELECT ${CONNECTION_COLUMNS}, secret_hash AS "secretHash" FROM pact_connections WHERE client_id = $1 AND revoked_at IS NULL`,
    [clientId],
  );
  return row;
}

const PARTNER_COLUMNS = {
  partnerUrl: 'partner_url',
  partnerClientId: 'partner_client_id',
  partnerSecret: 'partner_secret',
  partnerCa: 'partner_ca',
} as const;

/** Records the partner's host and the credentials it issued to us; fields not given keep their value. */
export async function updatePartner(
  store: Store,
  id: string,
  change: PartnerUpdate,
  userId: string,
  companyId: string,
): Promise<StoredConnection> {
  return store.transaction(async (tx) => {
    const given = (Object.keys(PARTNER_COLUMNS) as (keyof typeof PARTNER_COLUMNS)[]).filter(
      (k) => change[k] !== undefined,
    );
    const sets = given.map((k, i) => `${PARTNER_COLUMNS[k]} = $${i + 2}`);
    const [row] = await tx.query<ConnectionRow>(
      `UPDATE pact_connections SET ${[...sets, 'id = id'].join(', ')} WHERE id = $1 RETURNING ${CONNECTION_COLUMNS}`,
      [id, ...given.map((k) => change[k])],
    );
    // the secret itself never goes into the audit trail
    await audit(tx, {
      userId,
      companyId,
      action: 'pact.connection-partner-updated',
      detail: { connection: id, fields: given, partnerUrl: change.partnerUrl },
    });
    return row;
  });
}

export async function revokeConnection(store: Store, id: string, userId: string, companyId: string): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.query('UPDATE pact_connections SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [id]);
    await tx.query('DELETE FROM pact_tokens WHERE connection_id = $1', [id]);
    await audit(tx, { userId, companyId, action: 'pact.connection-revoked', detail: { connection: id } });
  });
}

export async function saveToken(
  db: Queryable,
  tokenHash: string,
  connectionId: string,
  expiresAt: Date,
): Promise<void> {
  await db.query("DELETE FROM pact_tokens WHERE expires_at < now() - interval '1 day'");
  await db.query('INSERT INTO pact_tokens (token_hash, connection_id, expires_at) VALUES ($1, $2, $3)', [
    tokenHash,
    connectionId,
    expiresAt.toISOString(),
  ]);
}

/** The live connection a token was issued to, and when the token expires (it may have). */
export async function tokenConnection(
  db: Queryable,
  tokenHash: string,
): Promise<{ connection: StoredConnection; expiresAt: number } | undefined> {
  const [row] = await db.query<{ connectionId: string; expiresAt: string }>(
    `SELECT t.connection_id AS "connectionId", ${ISO('t.expires_at')} AS "expiresAt" FROM pact_tokens t JOIN pact_connections c ON c.id = t.connection_id
     WHERE t.token_hash = $1 AND c.revoked_at IS NULL`,
    [tokenHash],
  );
  if (!row) return undefined;
  const connection = await getConnection(db, row.connectionId);
  return connection && { connection, expiresAt: Date.parse(row.expiresAt) };
}

// ---- events

export interface EventRow extends PactEventRecord {
  connectionId: string;
  body: Record<string, unknown>;
  answer: Record<string, unknown> | null;
}

const EVENT_COLUMNS = `e.id::float8 AS id, e.direction, c.name AS connection, e.connection_id AS "connectionId", e.spec, e.event_id AS "eventId", e.type, e.body, e.state, e.answer,
  e.error, e.coded_error AS "codedError", e.attempts, ${ISO('e.next_attempt_at')} AS "nextAttemptAt", ${ISO('e.at')} AS at, ${ISO('e.updated_at')} AS "updatedAt"`;

export async function insertEvent(
  db: Queryable,
  e: {
    direction: 'in' | 'out';
    connectionId: string;
    spec: Spec;
    eventId: string;
    type: string;
    body: object;
    state: string;
    answer?: object;
    dueNow?: boolean;
  },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO pact_events (direction, connection_id, spec, event_id, type, body, state, answer, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $9 THEN now() END) RETURNING id::float8 AS id`,
    [
      e.direction,
      e.connectionId,
      e.spec,
      e.eventId,
      e.type,
      JSON.stringify(e.body),
      e.state,
      e.answer ? JSON.stringify(e.answer) : null,
      e.dueNow ?? false,
    ],
  );
  return row.id;
}

export async function updateEvent(
  db: Queryable,
  id: number,
  change: {
    state: string;
    answer?: object;
    /** why the event failed, in the catalogue's words */
    error?: CodedMessageData | null;
    attempts?: number;
    nextAttemptAt?: Date | null;
  },
): Promise<void> {
  await db.query(
    `UPDATE pact_events SET state = $2, answer = coalesce($3, answer), error = $4, coded_error = $7::text::jsonb, attempts = coalesce($5, attempts), next_attempt_at = $6, updated_at = now() WHERE id = $1`,
    [
      id,
      change.state,
      change.answer ? JSON.stringify(change.answer) : null,
      change.error?.message ?? null,
      change.attempts ?? null,
      change.nextAttemptAt ? change.nextAttemptAt.toISOString() : null,
      change.error ? JSON.stringify(change.error) : null,
    ],
  );
}

export async function findEvent(
  db: Queryable,
  connectionId: string,
  eventId: string,
  direction: 'in' | 'out',
): Promise<EventRow | undefined> {
  const [row] = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM pact_events e JOIN pact_connections c ON c.id = e.connection_id WHERE e.connection_id = $1 AND e.event_id = $2 AND e.direction = $3 ORDER BY e.id DESC LIMIT 1`,
    [connectionId, eventId, direction],
  );
  return row;
}

/** One event by its row id (a `pact-event` job names the row it delivers). */
export async function getEventRow(db: Queryable, id: number): Promise<EventRow | undefined> {
  const [row] = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM pact_events e JOIN pact_connections c ON c.id = e.connection_id WHERE e.id = $1`,
    [id],
  );
  return row;
}

export async function listEvents(db: Queryable, companyId: string, limit = 100): Promise<EventRow[]> {
  return db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM pact_events e JOIN pact_connections c ON c.id = e.connection_id WHERE c.company_id = $1 ORDER BY e.id DESC LIMIT $2`,
    [companyId, limit],
  );
}

// ---- received footprints

export interface ReceivedRow {
  id: string;
  companyId: string;
  connectionId: string;
  connection: string;
  pfId: string;
  spec: Spec;
  productIds: string[];
  document: Record<string, unknown>;
  sourceUrl: string;
  via: 'sync' | 'async' | 'published';
  requestEventId: string | null;
  receivedAt: string;
}

const RECEIVED_COLUMNS = `r.id, r.company_id AS "companyId", r.connection_id AS "connectionId", c.name AS connection, r.pf_id AS "pfId", r.spec, r.product_ids AS "productIds", r.document,
  r.source_url AS "sourceUrl", r.via, r.request_event_id AS "requestEventId", ${ISO('r.received_at')} AS "receivedAt"`;

/** Keeps a received footprint; one already kept (same company, footprint id and spec version) stays as it was. */
export async function saveReceived(
  db: Queryable,
  r: {
    companyId: string;
    connectionId: string;
    pfId: string;
    spec: Spec;
    productIds: string[];
    document: object;
    sourceUrl: string;
    via: ReceivedRow['via'];
    requestEventId?: string;
  },
): Promise<ReceivedRow> {
  await db.query(
    `INSERT INTO pact_received (id, company_id, connection_id, pf_id, spec, product_ids, document, source_url, via, request_event_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (company_id, pf_id, spec) DO NOTHING`,
    [
      randomUUID(),
      r.companyId,
      r.connectionId,
      r.pfId,
      r.spec,
      r.productIds,
      JSON.stringify(r.document),
      r.sourceUrl,
      r.via,
      r.requestEventId ?? null,
    ],
  );
  const [row] = await db.query<ReceivedRow>(
    `SELECT ${RECEIVED_COLUMNS} FROM pact_received r JOIN pact_connections c ON c.id = r.connection_id WHERE r.company_id = $1 AND r.pf_id = $2 AND r.spec = $3`,
    [r.companyId, r.pfId, r.spec],
  );
  return row;
}

export async function listReceived(db: Queryable, companyId: string): Promise<ReceivedRow[]> {
  return db.query<ReceivedRow>(
    `SELECT ${RECEIVED_COLUMNS} FROM pact_received r JOIN pact_connections c ON c.id = r.connection_id WHERE r.company_id = $1 ORDER BY r.received_at DESC`,
    [companyId],
  );
}

export async function getReceived(db: Queryable, id: string): Promise<ReceivedRow | undefined> {
  const [row] = await db.query<ReceivedRow>(
    `SELECT ${RECEIVED_COLUMNS} FROM pact_received r JOIN pact_connections c ON c.id = r.connection_id WHERE r.id = $1`,
    [id],
  );
  return row;
}

/** Every company's connections, or the live ones of that name, with the company's name (the CLI names partners, not ids). */
export async function connectionsWithCompany(
  db: Queryable,
  name?: string,
): Promise<(StoredConnection & { companyName: string })[]> {
  return db.query<ConnectionRow & { companyName: string }>(
    `SELECT c.*, co.name AS "companyName" FROM (SELECT ${CONNECTION_COLUMNS} FROM pact_connections WHERE $1::text IS NULL OR (lower(name) = lower($1) AND revoked_at IS NULL)) c
     JOIN companies co ON co.id = c."companyId" ORDER BY c."createdAt"`,
    [name ?? null],
  );
}
