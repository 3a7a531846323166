import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import {
  BenchmarkInputSchema,
  BenchmarkSchema,
  CredentialSubjectSchema,
  GradeSchema,
  LabelStatusSchema,
  LogHeadSchema,
  PublicKeySchema,
  RegistryEntrySchema,
  RegistryItemSchema,
  RevocationListSchema,
  TrustBundleSchema,
  VerificationRequestSchema,
} from '../../model/credential.ts';
import { CodedMessageSchema } from '../../model/message.ts';
import { StudyResultSchema } from '../../model/study.ts';
import {
  getLabel,
  getStudy,
  isVerifierOf,
  listRequests,
  searchLabels,
  type LabelRow,
  type RequestRow,
} from '../../store/index.ts';
import { footprintOptions } from '../../pact/publish.ts';
import { studyToPactFootprint } from '../../formats/pact.ts';
import { labelFile } from '../../labels/files.ts';
import { batteryPassport } from '../../labels/passport.ts';
import {
  benchmarks,
  checkForLabel,
  credentialOf,
  declineRequest,
  logHead,
  publishBenchmark,
  readRegistryLog,
  requestVerification,
  revocationList,
  revokeLabel,
  signLabel,
  trustBundle,
  visibleRequest,
} from '../../labels/workflow.ts';
import { coder } from '../../i18n/define.ts';
import { LABEL_TEXTS } from '../../i18n/labels.ts';
import { ApiError, notFound } from '../errors.ts';
import { bearer, ERRORS, json, ok, reply, requireRole, router, type Deps, type Env } from '../openapi.ts';
import { ErrorSchema, IdParamSchema } from '../schemas.ts';

/**
 * Grading, verification requests, signing, revocation and the public registry. Everything under
 * /api/registry and GET /api/benchmarks is public (no account): the registry, each label's
 * disclosed data, credential and label files, verifier keys, revocation lists, the log and the
 * trust file for offline checks.
 */

const RequestSchema = VerificationRequestSchema;

const LabelDetailSchema = z.object({
  item: RegistryItemSchema,
  disclosure: CredentialSubjectSchema,
  issuer: z.object({ id: z.string(), name: z.string() }),
  signedAt: z.string(),
  credentialHash: z.string(),
});

const LabelCheckSchema = z.object({
  studyId: z.string(),
  version: z.number(),
  resultHash: z.string(),
  conformance: z.object({
    pcr: z.object({ id: z.string(), version: z.string(), title: z.object({ zh: z.string(), en: z.string() }) }),
    category: z.string(),
    conforms: z.boolean(),
    findings: CredentialSubjectSchema.shape.pcr.shape.findings,
  }),
  declared: CredentialSubjectSchema.shape.footprint.omit({ unit: true }).nullable(),
  benchmark: BenchmarkSchema.nullable(),
  grade: CredentialSubjectSchema.shape.grade,
  blockers: z.array(CodedMessageSchema),
});

const BenchmarkRefQuery = z.object({
  benchmark: z.string().max(80).optional(),
  benchmarkVersion: z.coerce.number().int().positive().optional(),
});
const LangQuery = z.object({ lang: z.enum(['zh', 'en']).default('zh') });
const LabelIdParam = z.object({ id: z.uuid() });
const coded = coder(LABEL_TEXTS);

/** Where the QR code and credential links point: TANJI_PUBLIC_URL, else the address the client called. */
export const publicBase = (c: Context<Env>) =>
  process.env.TANJI_PUBLIC_URL?.replace(/\/+$/, '') ?? new URL(c.req.url).origin;

const item = ({
  studyId: _s,
  studyVersion: _v,
  companyId: _c,
  issuerDid: _i,
  credential: _cr,
  credentialHash: _h,
  ...rest
}: LabelRow) => RegistryItemSchema.parse(rest);

export function labelRoutes({ store }: Deps) {
  const app = router();
  const found = async (id: string) => {
    const label = await getLabel(store, id);
    if (!label) throw notFound('thing.label', { id });
    return label;
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/registry',
      tags: ['registry'],
      summary: 'labelled products, searchable by anyone (no account)',
      request: {
        query: z.object({
          q: z.string().max(200).optional(),
          company: z.string().max(200).optional(),
          category: z.string().max(100).optional(),
          pcr: z.string().max(100).optional(),
          region: z.string().max(20).optional(),
          grade: GradeSchema.optional(),
          status: LabelStatusSchema.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).max(100_000).default(0),
        }),
      },
      responses: {
        200: ok(z.array(RegistryItemSchema), 'newest first; superseded and revoked labels are listed as such'),
        400: ERRORS[400],
      },
    }),
    async (c) => reply(c, z.array(RegistryItemSchema), (await searchLabels(store, c.req.valid('query'))).map(item)),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/registry/trust',
      tags: ['registry'],
      summary:
        'the trust file for offline checks: verifier keys, their signed revocation lists, benchmarks, the signed log head',
      responses: { 200: ok(TrustBundleSchema, 'download it once, check labels offline') },
    }),
    async (c) => {
      c.header('content-disposition', 'attachment; filename="tanji-trust.json"');
      return reply(c, TrustBundleSchema, await trustBundle(store, publicBase(c)));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/registry/keys',
      tags: ['registry'],
      summary: 'published public keys of verifier organisations and of the registry',
      responses: { 200: ok(z.array(PublicKeySchema), 'live and retired') },
    }),
    async (c) => reply(c, z.array(PublicKeySchema), (await trustBundle(store, publicBase(c))).keys),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/registry/revocations/{did}',
      tags: ['registry'],
      summary: "a verifier key's revocation list, signed by that key",
      request: { params: z.object({ did: z.string().max(200) }) },
      responses: { 200: ok(RevocationListSchema, 'signed now'), 404: ERRORS[404] },
    }),
    async (c) => reply(c, RevocationListSchema, await revocationList(store, c.req.valid('param').did)),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/registry/log',
      tags: ['registry'],
      summary: 'the append-only registry log and its signed head',
      request: {
        query: z.object({
          from: z.coerce.number().int().min(1).default(1),
          limit: z.coerce.number().int().min(1).max(10_000).default(1000),
        }),
      },
      responses: {
        200: ok(
          z.object({ entries: z.array(RegistryEntrySchema), head: LogHeadSchema }),
          'entries from `from`, in order',
        ),
      },
    }),
    async (c) => {
      const { from, limit } = c.req.valid('query');
      const head = await logHead(store);
      return reply(c, z.object({ entries: z.array(RegistryEntrySchema), head: LogHeadSchema }), {
        entries: await readRegistryLog(store, from, limit),
        head,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/registry/{id}',
      tags: ['registry'],
      summary: "a label's disclosed data",
      request: { params: LabelIdParam },
      responses: { 200: ok(LabelDetailSchema, 'the signed disclosure'), 404: ERRORS[404] },
    }),
    async (c) => {
      const label = await found(c.req.valid('param').id);
      const credential = credentialOf(label);
      return reply(c, LabelDetailSchema, {
        item: item(label),
        disclosure: credential.credentialSubject,
        issuer: credential.issuer,
        signedAt: credential.proof.created,
        credentialHash: label.credentialHash,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/registry/{id}/credential',
      tags: ['registry'],
      summary: "the label's data file: the signed credential, exactly as signed",
      request: { params: LabelIdParam },
      responses: {
        200: {
          description: 'W3C Verifiable Credential (eddsa-jcs-2022)',
          content: { 'application/json': { schema: z.unknown() } },
        },
        404: ERRORS[404],
      },
    }),
    async (c) => {
      const label = await found(c.req.valid('param').id);
      return c.body(label.credential, 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="tanji-label-${label.id}.json"`,
      }) as never;
    },
  );

  for (const format of ['svg', 'png', 'pdf'] as const) {
    app.openapi(
      createRoute({
        method: 'get',
        path: `/api/registry/{id}/label.${format}`,
        tags: ['registry'],
        summary: `the label as ${format.toUpperCase()} (75 × 45 mm), Chinese or English`,
        request: { params: LabelIdParam, query: LangQuery },
        responses: {
          200: {
            description: `the label (${format})`,
            content: {
              [format === 'svg' ? 'image/svg+xml' : format === 'png' ? 'image/png' : 'application/pdf']: {
                schema: z.string(),
              },
            },
          },
          404: ERRORS[404],
        },
      }),
      async (c) => {
        const label = await found(c.req.valid('param').id);
        const file = await labelFile(credentialOf(label), format, c.req.valid('query').lang);
        return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
          'content-type': file.contentType,
          'content-disposition': `attachment; filename="${file.filename}"`,
          'x-content-type-options': 'nosniff',
        }) as never;
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/registry/{id}/battery-passport',
      tags: ['registry'],
      summary:
        'the carbon footprint in the EU battery passport data model (BatteryPass CarbonFootprintForBatteries 1.2.0)',
      request: {
        params: LabelIdParam,
        query: z.object({ energyKwh: z.coerce.number().positive().max(1e9).optional() }),
      },
      responses: {
        200: ok(z.unknown(), 'the CarbonFootprint aspect'),
        404: ERRORS[404],
        409: ok(ErrorSchema, 'the label does not declare per kWh, has a use stage, or is not graded'),
      },
    }),
    async (c) => {
      const label = await found(c.req.valid('param').id);
      return c.json(batteryPassport(credentialOf(label), c.req.valid('query').energyKwh)) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/registry/{id}/pact',
      tags: ['registry'],
      summary: 'a PACT v3.0 ProductFootprint carrying the signed verification, from the same verified result',
      request: { params: LabelIdParam },
      responses: {
        200: ok(z.unknown(), 'PACT v3.0 ProductFootprint'),
        404: ERRORS[404],
        409: ok(ErrorSchema, 'the result is no longer stored'),
      },
    }),
    async (c) => {
      const label = await found(c.req.valid('param').id);
      const credential = credentialOf(label);
      const study = await getStudy(store, label.studyId, label.studyVersion);
      const [row] = await store.query<{ result: unknown }>(
        'SELECT result FROM study_results WHERE study_id = $1 AND version = $2',
        [label.studyId, label.studyVersion],
      );
      if (!study || !row)
        throw new ApiError(409, 'conflict', coded('label.result-gone', { version: label.studyVersion }));
      const result = StudyResultSchema.parse(row.result);
      const s = credential.credentialSubject;
      const doc = studyToPactFootprint(study, result, {
        ...footprintOptions(study, result, s.product.company.name),
        version: '3.0',
        id: label.id,
        validityPeriod: { start: credential.validFrom, end: credential.validUntil },
        verification: {
          providerName: credential.issuer.name,
          completedAt: credential.proof.created,
          comments: `${s.verification.statement} Signed credential (eddsa-jcs-2022): ${s.verificationPage}`,
        },
      });
      return c.json(doc) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/benchmarks',
      tags: ['registry'],
      summary: 'category benchmarks and their grade bounds, every version (no account)',
      responses: { 200: ok(z.array(BenchmarkSchema), 'by id, then version') },
    }),
    async (c) => reply(c, z.array(BenchmarkSchema), await benchmarks(store)),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/benchmarks',
      tags: ['registry'],
      summary: 'a steward publishes a category benchmark (a new version of its id)',
      security: bearer,
      request: { body: json(BenchmarkInputSchema) },
      responses: {
        201: ok(BenchmarkSchema, 'published'),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        409: ok(ErrorSchema, 'no registry data'),
      },
    }),
    async (c) => {
      const user = requireRole(c, ['steward'], 'action.publish-category-benchmarks');
      return reply(c, BenchmarkSchema, await publishBenchmark(store, user, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/verifiers',
      tags: ['labels'],
      summary: 'verifier accounts a practitioner may send a study to',
      security: bearer,
      responses: {
        200: ok(
          z.array(z.object({ email: z.string(), name: z.string(), organisation: z.string().nullable() })),
          'by name',
        ),
        401: ERRORS[401],
      },
    }),
    async (c) => {
      requireRole(c, ['enterprise', 'verifier', 'admin'], 'action.list-verifiers');
      const rows = await store.query<{ email: string; name: string; organisation: string | null }>(
        `SELECT u.email, u.name, c.name AS organisation FROM users u LEFT JOIN companies c ON c.id = u.company_id WHERE u.role = 'verifier' ORDER BY u.name`,
      );
      return reply(
        c,
        z.array(z.object({ email: z.string(), name: z.string(), organisation: z.string().nullable() })),
        rows,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/studies/{id}/label-requests',
      tags: ['labels'],
      summary: 'a practitioner asks a verifier to check and sign the latest calculated version',
      security: bearer,
      request: {
        params: IdParamSchema,
        body: json(
          z.object({
            verifierEmail: z.string().trim().min(3).max(200),
            benchmark: z.string().max(80).optional(),
            message: z.string().max(2000).optional(),
          }),
        ),
      },
      responses: {
        201: ok(RequestSchema, 'sent; the study is shared with the verifier'),
        400: ERRORS[400],
        401: ERRORS[401],
        404: ERRORS[404],
        409: ok(ErrorSchema, 'not calculated'),
      },
    }),
    async (c) => {
      const user = requireRole(c, ['enterprise'], 'action.request-verification');
      return reply(
        c,
        RequestSchema,
        await requestVerification(store, user, c.req.valid('param').id, c.req.valid('json')),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/studies/{id}/labels',
      tags: ['labels'],
      summary: "a study's verification requests and labels",
      security: bearer,
      request: { params: IdParamSchema },
      responses: {
        200: ok(z.object({ requests: z.array(RequestSchema), labels: z.array(RegistryItemSchema) }), 'newest first'),
        401: ERRORS[401],
        404: ERRORS[404],
      },
    }),
    async (c) => {
      const user = requireRole(c, ['enterprise', 'verifier', 'admin'], 'action.read-studies');
      const id = c.req.valid('param').id;
      const study = await getStudy(store, id);
      const shared = user.role === 'verifier' && (await isVerifierOf(store, id, user.id));
      if (!study || !(user.role === 'admin' || user.companyId === study.companyId || shared))
        throw notFound('thing.study', { id });
      const requests = (await listRequests(store, { studyId: id })).filter(
        (r: RequestRow) => user.role !== 'verifier' || user.companyId === study.companyId || r.verifierId === user.id,
      );
      return reply(c, z.object({ requests: z.array(RequestSchema), labels: z.array(RegistryItemSchema) }), {
        requests,
        labels: (await searchLabels(store, { studyId: id, limit: 200 })).map(item),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/verification/queue',
      tags: ['labels'],
      summary: "the verifier's queue: requests addressed to them",
      security: bearer,
      responses: { 200: ok(z.array(RequestSchema), 'newest first'), 401: ERRORS[401], 403: ERRORS[403] },
    }),
    async (c) => {
      const user = requireRole(c, ['verifier'], 'action.read-verification-queue');
      return reply(c, z.array(RequestSchema), await listRequests(store, { verifierId: user.id }));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/verification/requests/{id}/decline',
      tags: ['labels'],
      summary: 'the verifier declines a request, with the reason',
      security: bearer,
      request: { params: IdParamSchema, body: json(z.object({ reason: z.string().trim().min(1).max(2000) })) },
      responses: {
        200: ok(RequestSchema, 'declined'),
        401: ERRORS[401],
        404: ERRORS[404],
        409: ok(ErrorSchema, 'already decided'),
      },
    }),
    async (c) => {
      const user = requireRole(c, ['verifier'], 'action.decline-verification');
      await visibleRequest(store, user, c.req.valid('param').id);
      return reply(
        c,
        RequestSchema,
        await declineRequest(store, user, c.req.valid('param').id, c.req.valid('json').reason),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/studies/{id}/label-check',
      tags: ['labels'],
      summary:
        'what a signature would attest: result hash, conformance, declared value, grade, and what blocks signing',
      security: bearer,
      request: { params: IdParamSchema, query: BenchmarkRefQuery },
      responses: {
        200: ok(LabelCheckSchema, 'the check'),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        404: ERRORS[404],
        409: ok(ErrorSchema, 'not calculated'),
      },
    }),
    async (c) => {
      const user = requireRole(c, ['verifier'], 'action.check-label-studies');
      const q = c.req.valid('query');
      return reply(
        c,
        LabelCheckSchema,
        await checkForLabel(
          store,
          user,
          c.req.valid('param').id,
          q.benchmark ? { id: q.benchmark, version: q.benchmarkVersion } : undefined,
        ),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/studies/{id}/labels',
      tags: ['labels'],
      summary:
        "the verifier signs the latest result: a credential signed with the organisation's Ed25519 key, a label in the registry",
      security: bearer,
      request: {
        params: IdParamSchema,
        body: json(
          z.object({
            statement: z.string().trim().min(1).max(4000),
            benchmark: z.object({ id: z.string().max(80), version: z.number().int().positive().optional() }).optional(),
            validUntil: z.iso.datetime().optional(),
            requestId: z.string().max(80).optional(),
          }),
        ),
      },
      responses: {
        201: ok(RegistryItemSchema, 'signed and registered'),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        404: ERRORS[404],
        409: ok(ErrorSchema, 'not calculated, or fails mandatory PCR requirements'),
      },
    }),
    async (c) => {
      const user = requireRole(c, ['verifier'], 'action.sign-labels');
      return reply(
        c,
        RegistryItemSchema,
        item(
          await signLabel(store, user, c.req.valid('param').id, {
            ...c.req.valid('json'),
            publicBase: publicBase(c),
          }),
        ),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/registry/{id}/revoke',
      tags: ['labels'],
      summary: 'a verifier of the signing organisation revokes a label; it stays listed as revoked',
      security: bearer,
      request: { params: LabelIdParam, body: json(z.object({ reason: z.string().trim().min(1).max(2000) })) },
      responses: {
        200: ok(RegistryItemSchema, 'revoked'),
        401: ERRORS[401],
        403: ERRORS[403],
        404: ERRORS[404],
        409: ok(ErrorSchema, 'already revoked'),
      },
    }),
    async (c) => {
      const user = requireRole(c, ['verifier'], 'action.revoke-labels');
      return reply(
        c,
        RegistryItemSchema,
        item(await revokeLabel(store, user, c.req.valid('param').id, c.req.valid('json').reason)),
      );
    },
  );

  return app;
}
