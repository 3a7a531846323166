import {
  BenchmarkInputSchema,
  BenchmarkSchema,
  CredentialSchema,
  type Benchmark,
  type BenchmarkInput,
  type Credential,
  type LogHead,
  type RevocationList,
  type TrustBundle,
} from '../model/credential.ts';
import type { Study, StudyResult } from '../model/study.ts';
import { coder, type CodedMessage } from '../i18n/define.ts';
import { LABEL_TEXTS } from '../i18n/labels.ts';
import { DomainError, errorTextOf, type ErrorText } from '../model/errors.ts';
import {
  addVerification,
  addVerifier,
  audit,
  decideRequest,
  findUserByEmail,
  getCompany,
  getGradeBenchmark,
  getLabel,
  getRequest,
  getStudy,
  insertGradeBenchmark,
  insertLabel,
  insertLogEntry,
  insertRequest,
  isVerifierOf,
  lastLogEntry,
  latestGradeBenchmarkVersion,
  latestResult,
  latestStoredResult,
  listGradeBenchmarks,
  listKeys,
  lockRegistry,
  readLog,
  searchLabels,
  setLabelStatus,
  type LabelRow,
  type Queryable,
  type RequestRow,
  type Store,
  type User,
} from '../store/index.ts';
import { checkConformance, declaredFootprint, type Conformance, type DeclaredFootprint } from './conformance.ts';
import { buildCredential, signCredential, signRevocationList } from './credential.ts';
import { hashOf } from './digest.ts';
import { gradeStatement } from './grading.ts';
import { keyFor, signerFor } from './keys.ts';
import { nextEntry, signHead, type NewEntry } from './registry.ts';

/**
 * The chain from a verified study to a public label, over the store: category benchmarks,
 * verification requests, the verifier's check and signature, revocation, and the registry's log,
 * revocation lists and trust file. Rules are plain functions of the user and the data; the
 * routes only parse and call: a `LabelError` is a DomainError, which the API maps to HTTP once.
 */

/** A refusal of the label workflow; a bad request keeps the API code `invalid-request`, the others their kind's name. */
export class LabelError extends DomainError {
  constructor(kind: 'forbidden' | 'not-found' | 'conflict' | 'bad-request', text: ErrorText, details?: unknown) {
    super(kind, kind === 'bad-request' ? 'invalid-request' : kind, text, details);
  }
}

const coded = coder(LABEL_TEXTS);
const YEAR_MS = 365.25 * 24 * 3600 * 1000;
/** the longest a verifier may make a label valid */
export const MAX_VALIDITY_YEARS = 5;

// ---- benchmarks

export async function publishBenchmark(store: Store, user: User, input: BenchmarkInput): Promise<Benchmark> {
  if (user.role !== 'steward') throw new LabelError('forbidden', coded('label.steward-only', {}));
  let body = BenchmarkInputSchema.parse(input);
  if (body.distribution.kind === 'registry') {
    const category = body.pcr ?? body.id;
    const labels = (await searchLabels(store, { category, status: 'active', limit: 10_000 })).filter(
      (l) => l.declaredUnit === `1 ${body.declaredUnit}`,
    );
    if (labels.length === 0)
      throw new LabelError('conflict', coded('label.no-distribution', { category, unit: body.declaredUnit }));
    const values = labels.map((l) => l.value);
    body = {
      ...body,
      distribution: {
        ...body.distribution,
        values,
        source: `${body.distribution.source} (${values.length} active labels of the registry in category ${category})`,
      },
    };
  }
  return store.transaction(async (tx) => {
    await lockRegistry(tx);
    const benchmark = BenchmarkSchema.parse({
      ...body,
      version: (await latestGradeBenchmarkVersion(tx, body.id)) + 1,
      publishedAt: new Date().toISOString(),
      publishedBy: user.name,
    });
    await insertGradeBenchmark(tx, benchmark, user.id);
    return benchmark;
  });
}

export async function benchmarks(db: Queryable, opts: { latest?: boolean } = {}): Promise<Benchmark[]> {
  return (await listGradeBenchmarks(db, opts)).map((b) => BenchmarkSchema.parse(b));
}

async function benchmarkFor(db: Queryable, id: string, version?: number): Promise<Benchmark> {
  const found = await getGradeBenchmark(db, id, version);
  if (!found)
    throw new LabelError(
      'bad-request',
      version
        ? coded('label.no-benchmark-version', { benchmark: id, version })
        : coded('label.no-benchmark', { benchmark: id }),
    );
  return BenchmarkSchema.parse(found);
}

// ---- who may do what

/** Verifiers may check and sign the studies of their company or shared with them; never their own company's work when it is the requester's. */
async function requireVerifierOf(db: Queryable, user: User, study: Pick<Study, 'id' | 'companyId'>): Promise<void> {
  if (user.role !== 'verifier') throw new LabelError('forbidden', coded('label.verifiers-only', {}));
  if (user.companyId !== study.companyId && !(await isVerifierOf(db, study.id, user.id)))
    throw new LabelError('not-found', coded('label.study-not-visible', { study: study.id }));
}

// ---- requests

export async function requestVerification(
  store: Store,
  user: User,
  studyId: string,
  input: { verifierEmail: string; benchmark?: string; message?: string },
): Promise<RequestRow> {
  const study = await getStudy(store, studyId);
  if (!study || user.role !== 'enterprise' || user.companyId !== study.companyId)
    throw new LabelError('not-found', coded('label.study-not-yours', { study: studyId }));
  const verifier = await findUserByEmail(store, input.verifierEmail);
  if (!verifier || verifier.role !== 'verifier')
    throw new LabelError('bad-request', coded('label.not-a-verifier', { email: input.verifierEmail }));
  // the stored row's own hash: what the sign-off and the credential name is exactly the result kept
  const stored = await latestStoredResult(store, studyId);
  const result = stored?.result;
  if (!stored || !result || result.version !== study.version)
    throw new LabelError('conflict', coded('sign.no-result', { version: study.version }));
  if (input.benchmark) await benchmarkFor(store, input.benchmark);
  const id = globalThis.crypto.randomUUID();
  await store.transaction(async (tx) => {
    await insertRequest(tx, {
      id,
      studyId,
      version: study.version,
      companyId: study.companyId,
      requestedBy: user.id,
      verifierId: verifier.id,
      benchmark: input.benchmark ?? null,
      message: input.message ?? '',
    });
    await audit(tx, {
      userId: user.id,
      companyId: study.companyId,
      studyId,
      action: 'label.requested',
      detail: { request: id, version: study.version, verifier: verifier.id },
    });
  });
  // the verifier must be able to read the study
  await addVerifier(store, studyId, verifier.id, user.id, study.companyId);
  return (await getRequest(store, id))!;
}

// ---- the verifier's check

export interface LabelCheck {
  studyId: string;
  version: number;
  resultHash: string;
  conformance: Conformance;
  declared: DeclaredFootprint | null;
  benchmark: Benchmark | null;
  grade: Awaited<ReturnType<typeof gradeStatement>> | null;
  /** why it cannot be signed as it is; empty when it can */
  blockers: CodedMessage[];
}

interface Checked extends LabelCheck {
  study: Study;
  result: StudyResult;
}

async function check(
  store: Store,
  user: User,
  studyId: string,
  benchmarkRef?: { id: string; version?: number },
): Promise<Checked> {
  const study = await getStudy(store, studyId);
  if (!study) throw new LabelError('not-found', coded('label.study-not-visible', { study: studyId }));
  await requireVerifierOf(store, user, study);
  // the stored row's own hash: what the sign-off and the credential name is exactly the result kept
  const stored = await latestStoredResult(store, studyId);
  const result = stored?.result;
  if (!stored || !result || result.version !== study.version)
    throw new LabelError('conflict', coded('sign.no-result', { version: study.version }));
  const conformance = checkConformance(study, result);
  // a study that misses its rule's parameters has no declared value; its findings say why
  let declared: DeclaredFootprint | null = null;
  try {
    declared = declaredFootprint(study, result);
  } catch (e) {
    if (conformance.conforms)
      throw new LabelError('conflict', coded('sign.undeclarable', { reason: errorTextOf(e) ?? (e as Error).message }));
  }
  const benchmark = benchmarkRef ? await benchmarkFor(store, benchmarkRef.id, benchmarkRef.version) : null;
  const blockers: CodedMessage[] = [];
  const failed = conformance.findings.filter((f) => f.mandatory && f.status === 'missing').map((f) => f.requirement);
  if (!conformance.conforms)
    blockers.push(
      coded('sign.not-conforming', {
        pcr: `${conformance.pcr.id} ${conformance.pcr.version}`,
        failed: failed.join(', '),
      }),
    );
  if (
    benchmark &&
    declared &&
    (benchmark.declaredUnit !== declared.declaredUnit.unit || declared.declaredUnit.amount !== 1)
  ) {
    throw new LabelError(
      'bad-request',
      coded('sign.benchmark-unit', {
        benchmark: benchmark.id,
        benchmarkUnit: benchmark.declaredUnit,
        amount: declared.declaredUnit.amount,
        unit: declared.declaredUnit.unit,
      }),
    );
  }
  if (benchmark?.pcr && benchmark.pcr !== conformance.pcr.id)
    throw new LabelError(
      'bad-request',
      coded('sign.benchmark-rule', { benchmark: benchmark.id, benchmarkPcr: benchmark.pcr, pcr: conformance.pcr.id }),
    );
  const grade = benchmark && declared ? await gradeStatement(declared.value, benchmark) : null;
  return {
    study,
    result,
    studyId,
    version: study.version,
    resultHash: stored.hash,
    conformance,
    declared,
    benchmark,
    grade,
    blockers,
  };
}

export async function checkForLabel(
  store: Store,
  user: User,
  studyId: string,
  benchmark?: { id: string; version?: number },
): Promise<LabelCheck> {
  const { study: _s, result: _r, ...preview } = await check(store, user, studyId, benchmark);
  return preview;
}

// ---- signing

export interface SignInput {
  statement: string;
  benchmark?: { id: string; version?: number };
  /** default: three years from signing; at most MAX_VALIDITY_YEARS */
  validUntil?: string;
  requestId?: string;
  publicBase: string;
  /** the moment of signing; now by default */
  at?: Date;
}

export async function signLabel(store: Store, user: User, studyId: string, input: SignInput): Promise<LabelRow> {
  const request = input.requestId ? await getRequest(store, input.requestId) : undefined;
  if (input.requestId && (!request || request.studyId !== studyId || request.verifierId !== user.id))
    throw new LabelError('not-found', coded('label.request-not-for-study', { request: input.requestId }));
  if (request && request.state !== 'open')
    throw new LabelError('conflict', coded('label.request-closed', { request: request.id, state: request.state }));
  const benchmarkRef = input.benchmark ?? (request?.benchmark ? { id: request.benchmark } : undefined);
  const checked = await check(store, user, studyId, benchmarkRef);
  // a study without a declared value fails its rule, so there is a blocker to name
  if (checked.blockers.length || !checked.declared)
    throw new LabelError('conflict', checked.blockers[0]!, checked.blockers);
  const declared = checked.declared;
  if (request && request.version !== checked.version)
    throw new LabelError(
      'conflict',
      coded('sign.version-moved', { requested: request.version, current: checked.version }),
    );

  const at = input.at ?? new Date();
  const validUntil = input.validUntil
    ? new Date(input.validUntil)
    : new Date(new Date(at).setUTCFullYear(at.getUTCFullYear() + 3));
  if (!(validUntil.getTime() > at.getTime())) throw new LabelError('bad-request', coded('sign.valid-until-past', {}));
  if (validUntil.getTime() - at.getTime() > MAX_VALIDITY_YEARS * YEAR_MS + 24 * 3600 * 1000)
    throw new LabelError('bad-request', coded('sign.valid-too-long', { years: MAX_VALIDITY_YEARS }));
  const company = (await getCompany(store, checked.study.companyId))!;
  const key = await keyFor(store, 'verifier', user.companyId);
  const verifierCompany = user.companyId ? await getCompany(store, user.companyId) : undefined;
  const unsigned = buildCredential({
    study: checked.study,
    result: checked.result,
    resultHash: checked.resultHash,
    company,
    conformance: checked.conformance,
    declared,
    grade: checked.grade,
    issuer: { did: key.did, name: verifierCompany?.name ?? user.name },
    verifierName: user.name,
    statement: input.statement,
    validFrom: at.toISOString(),
    validUntil: validUntil.toISOString(),
    publicBase: input.publicBase,
  });
  const credential = await signCredential(unsigned, await signerFor(store, key), at.toISOString());
  const id = credential.id.slice('urn:uuid:'.length);
  const credentialHash = await hashOf(credential);
  await store.transaction(async (tx) => {
    await lockRegistry(tx);
    const previous = await searchLabels(tx, { studyId, status: 'active', limit: 1000 });
    await insertLabel(tx, {
      id,
      studyId,
      studyVersion: checked.version,
      companyId: company.id,
      issuerDid: key.did,
      signedBy: user.id,
      credential: JSON.stringify(credential),
      credentialHash,
      product: checked.study.product.name,
      company: company.name,
      category: checked.conformance.category,
      pcr: `${checked.conformance.pcr.id} ${checked.conformance.pcr.version}`,
      region: checked.study.region,
      grade: checked.grade?.grade ?? null,
      value: declared.value,
      declaredUnit: `${declared.declaredUnit.amount} ${declared.declaredUnit.unit}`,
      validFrom: credential.validFrom,
      validUntil: credential.validUntil,
    });
    await appendLog(tx, { at: at.toISOString(), event: 'issued', label: id, credentialHash });
    for (const old of previous) {
      await setLabelStatus(tx, old.id, 'superseded', `superseded by label ${id}`, id);
      await appendLog(tx, {
        at: at.toISOString(),
        event: 'superseded',
        label: old.id,
        reason: `superseded by label ${id}`,
      });
    }
    if (request) await decideRequest(tx, request.id, 'signed', id, null);
    await audit(tx, {
      userId: user.id,
      companyId: company.id,
      studyId,
      action: 'label.signed',
      detail: {
        label: id,
        version: checked.version,
        resultHash: checked.resultHash,
        grade: checked.grade?.grade ?? null,
      },
    });
  });
  // the sign-off also counts as the verification PACT publishing asks for
  await addVerification(store, {
    studyId,
    companyId: company.id,
    version: checked.version,
    resultHash: checked.resultHash,
    computedAt: checked.result.computedAt,
    verifierId: user.id,
    statement: input.statement,
  });
  return (await getLabel(store, id))!;
}

export async function declineRequest(store: Store, user: User, requestId: string, reason: string): Promise<RequestRow> {
  const request = await getRequest(store, requestId);
  if (!request || request.verifierId !== user.id)
    throw new LabelError('not-found', coded('label.request-not-yours', { request: requestId }));
  if (request.state !== 'open')
    throw new LabelError('conflict', coded('label.request-closed', { request: requestId, state: request.state }));
  await decideRequest(store, requestId, 'declined', null, reason);
  return (await getRequest(store, requestId))!;
}

// ---- revocation

/** A verifier of the organisation whose key signed the label revokes it; it stays in the registry, marked revoked. */
export async function revokeLabel(
  store: Store,
  user: User,
  labelId: string,
  reason: string,
  at = new Date(),
): Promise<LabelRow> {
  const label = await getLabel(store, labelId);
  if (!label) throw new LabelError('not-found', coded('label.not-found', { label: labelId }));
  const issuer = (await listKeys(store)).find((k) => k.did === label.issuerDid);
  if (user.role !== 'verifier' || !issuer || issuer.companyId !== user.companyId)
    throw new LabelError('forbidden', coded('label.revoke-not-signer', {}));
  if (label.status === 'revoked') throw new LabelError('conflict', coded('label.already-revoked', { label: labelId }));
  await store.transaction(async (tx) => {
    await lockRegistry(tx);
    await setLabelStatus(tx, labelId, 'revoked', reason, label.supersededBy);
    await appendLog(tx, { at: at.toISOString(), event: 'revoked', label: labelId, reason });
    await audit(tx, {
      userId: user.id,
      companyId: label.companyId,
      studyId: label.studyId,
      action: 'label.revoked',
      detail: { label: labelId, reason },
    });
  });
  return (await getLabel(store, labelId))!;
}

/** The issuer's revocation list, signed now with the issuer's key (retired keys too: their labels stay checkable). */
export async function revocationList(store: Store, did: string, at = new Date()): Promise<RevocationList> {
  const key = (await listKeys(store)).find((k) => k.did === did && k.purpose === 'verifier');
  if (!key) throw new LabelError('not-found', coded('label.no-key', { did }));
  const revoked = await store.query<{ id: string; at: string; reason: string }>(
    `SELECT 'urn:uuid:' || id AS id, to_char(status_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, coalesce(status_reason, '') AS reason
       FROM labels WHERE issuer_did = $1 AND status = 'revoked' ORDER BY status_at, id`,
    [did],
  );
  return signRevocationList(revoked, await signerFor(store, key), at.toISOString());
}

// ---- the registry log

async function appendLog(tx: Queryable, entry: NewEntry): Promise<void> {
  const next = await nextEntry(await lastLogEntry(tx), entry);
  await insertLogEntry(tx, next, await hashOf(next));
}

export async function logHead(store: Store, at = new Date()): Promise<LogHead> {
  const key = await keyFor(store, 'registry', null);
  return signHead(await lastLogEntry(store), await signerFor(store, key), at.toISOString());
}

export const readRegistryLog = readLog;

/** Everything an offline check needs, in one file: keys, every issuer's revocation list, benchmarks, the signed log head. */
export async function trustBundle(store: Store, registry: string, at = new Date()): Promise<TrustBundle> {
  await keyFor(store, 'registry', null);
  const keys = await listKeys(store);
  const revocationLists = await Promise.all(
    keys.filter((k) => k.purpose === 'verifier').map((k) => revocationList(store, k.did, at)),
  );
  return {
    type: 'TanjiTrustBundle',
    registry,
    issued: at.toISOString(),
    keys: keys.map((k) => ({
      did: k.did,
      organisation: k.organisation,
      purpose: k.purpose,
      createdAt: k.createdAt,
      retiredAt: k.retiredAt,
    })),
    revocationLists,
    benchmarks: await benchmarks(store),
    head: await logHead(store, at),
  };
}

export function credentialOf(label: Pick<LabelRow, 'credential'>): Credential {
  return CredentialSchema.parse(JSON.parse(label.credential));
}

/** Requests a user may see: the verifier's queue, or the practitioner's company's. */
export async function visibleRequest(store: Store, user: User, id: string): Promise<RequestRow> {
  const r = await getRequest(store, id);
  if (!r || !(r.verifierId === user.id || (user.role === 'enterprise' && user.companyId === r.companyId)))
    throw new LabelError('not-found', coded('label.request-not-visible', { request: id }));
  return r;
}
