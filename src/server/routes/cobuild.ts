import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { addBenchmark, listBenchmarkViews } from '../../cobuild/benchmarks.ts';
import {
  approvedByProduct,
  aggregateView,
  buildAggregate,
  listAggregateViews,
  previewAggregate,
} from '../../cobuild/aggregation.ts';
import { loadSettings, saveSettings } from '../../cobuild/context.ts';
import { datasetTemplate } from '../../cobuild/excel.ts';
import { datasetsFromFile } from '../../cobuild/files.ts';
import { SettingsSchema, SharingSchema } from '../../cobuild/model.ts';
import { compareStudyOnRelease, moveStudyToRelease } from '../../cobuild/move-study.ts';
import { listOpenDatasets, listOpenReleases, openRelease } from '../../cobuild/open-data.ts';
import { checkReleaseRequest, previewRelease } from '../../cobuild/publish.ts';
import { enqueue } from '../../jobs/index.ts';
import { accepted } from '../jobs.ts';
import { assignReviewer, commentOn, reviewSubmission } from '../../cobuild/review.ts';
import {
  listVisibleSubmissions,
  reviseSubmission,
  submissionView,
  submitDatasets,
  visibleHead,
} from '../../cobuild/submissions.ts';
import { archiveFormat } from '../../formats/index.ts';
import { readingAs } from '../../formats/errors.ts';
import { StudySchema } from '../../model/study.ts';
import {
  exportReleaseCsv,
  exportReleaseJsonLd,
  exportReleaseIlcd,
  exportReleaseEcoSpold2,
  ZIP_FORMATS,
  getRelease,
  ReleaseExistsError,
  saveImportArchive,
  listCobuildEvents,
  listNotifications,
  markNotificationsRead,
  StaleVersionError,
  unreadNotifications,
  usersWithRoles,
} from '../../store/index.ts';
import { EntryError } from '../../studies/per-unit.ts';
import { UnknownReleaseError } from '../../studies/background.ts';
import { ApiError, coded, notFound, unauthorized } from '../errors.ts';
import { bearer, ERRORS, json, ok, reply, requireRole, router, type Deps } from '../openapi.ts';
import {
  AggregatePreviewSchema,
  AggregateRequestSchema,
  AggregateViewSchema,
  ApprovedProductSchema,
  AuditSchema,
  BenchmarkAddedSchema,
  BenchmarkRequestSchema,
  BenchmarkSchema,
  CommentRequestSchema,
  ErrorSchema,
  IdParamSchema,
  JobSchema,
  MoveStudyRequestSchema,
  MoveStudySchema,
  NotesLangQuerySchema,
  NotificationSchema,
  OpenDatasetsSchema,
  OpenReleaseDetailSchema,
  OpenReleaseSchema,
  queryInt,
  ReleasePreviewSchema,
  ReleaseRequestSchema,
  ReviewRequestSchema,
  ReviseRequestSchema,
  SubmissionHeadSchema,
  SubmissionViewSchema,
  SubmitRequestSchema,
} from '../schemas.ts';
import { readableStudy, writableStudy } from './studies.ts';
import { uploadBody, uploadFileName } from '../uploads.ts';

/**
 * Co-construction of the background database over HTTP: organisations submit datasets (JSON or
 * files), stewards and assigned reviewers review them, stewards average and publish; anyone reads
 * the published releases under /api/open. Handlers check the role and call src/cobuild, which
 * decides the rest (whose submission, which step); its refusals are DomainErrors the app maps to
 * HTTP once, while the errors of files, studies and the store are mapped here.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SIGNED_IN = ['enterprise', 'steward', 'verifier', 'admin', 'public'] as const;
const SUBMISSION_READERS = ['enterprise', 'steward', 'verifier'] as const;

function apiError(e: unknown): unknown {
  if (e instanceof ApiError) return e;
  if (e instanceof EntryError || e instanceof UnknownReleaseError)
    return new ApiError(422, 'not-calculable', e.message);
  if (e instanceof ReleaseExistsError) return new ApiError(422, 'not-possible', e.message);
  if (e instanceof StaleVersionError) return new ApiError(409, 'stale-version', e.message, { latest: e.latest });
  return e;
}

async function mapped<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw apiError(e);
  }
}

const binary = (type: string) => ({ [type]: { schema: z.string().meta({ format: 'binary' }) } });
const ReleaseParamSchema = z.object({ release: z.string().min(1) });
const ImportQuerySchema = z.object({
  release: z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a release name is letters, digits, dot, dash and underscore'),
  licence: z.string().min(1).max(500).optional(),
  citation: z.string().min(1).max(2000).optional(),
});

const UploadQuerySchema = z.object({
  sharing: SharingSchema.optional(),
  region: z.string().optional(),
  year: queryInt(1900, 2100),
  technology: z.string().optional(),
  source: z.string().optional(),
  licence: z.string().optional(),
  volume: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().positive().optional()),
  volumeUnit: z.string().optional(),
});

export function cobuildRoutes(deps: Deps) {
  const { store, cache } = deps;
  const app = router();
  const tags = ['co-construction'];
  const open = ['open data'];
  // the session before the body: without one, nothing about the request is validated or answered
  app.use('/api/cobuild/*', async (c, next) => {
    if (!c.get('user') && !c.req.path.endsWith('/template.xlsx')) throw unauthorized();
    await next();
  });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cobuild/submissions',
      tags,
      summary: 'submit datasets (factors or unit processes); each is validated on arrival',
      security: bearer,
      request: { body: json(SubmitRequestSchema) },
      responses: {
        201: ok(z.array(SubmissionHeadSchema), 'the submissions'),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        422: ok(ErrorSchema, 'datasets refused: details lists every problem by dataset and field'),
      },
    }),
    async (c) => {
      const user = requireRole(c, ['enterprise'], 'action.submit-datasets');
      const heads = await mapped(() => submitDatasets(store, user, c.req.valid('json').datasets, 'api'));
      return reply(c, z.array(SubmissionHeadSchema), heads, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cobuild/submissions/file',
      tags,
      summary:
        'submit the datasets of a file: the Excel template, factor CSV, openLCA JSON-LD or EcoSpold2 zip (the body is the file)',
      security: bearer,
      request: {
        query: UploadQuerySchema,
        body: {
          content: {
            ...binary('application/octet-stream'),
            ...binary(XLSX),
            ...binary('application/zip'),
            ...binary('text/csv'),
          },
          required: true,
        },
      },
      responses: {
        201: ok(z.array(SubmissionHeadSchema), 'the submissions'),
        401: ERRORS[401],
        403: ERRORS[403],
        422: ok(ErrorSchema, 'the file or its datasets refused, every problem named'),
      },
    }),
    async (c) => {
      const user = requireRole(c, ['enterprise'], 'action.submit-datasets');
      const q = c.req.valid('query');
      const fileName = uploadFileName(c, 'upload');
      const data = await uploadBody(c, 'upload.file');
      const heads = await mapped(async () => {
        const inputs = await readingAs('bad-file', () =>
          datasetsFromFile(data, fileName, {
            ...q,
            productionVolume: q.volume && q.volumeUnit ? { amount: q.volume, unit: q.volumeUnit } : undefined,
          }),
        );
        return submitDatasets(store, user, inputs, `file:${fileName}`);
      });
      return reply(c, z.array(SubmissionHeadSchema), heads, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cobuild/submissions',
      tags,
      summary: "submissions you may read: your company's, all (stewards), those you review (verifiers)",
      security: bearer,
      request: { query: z.object({ state: z.string().optional(), product: z.string().optional() }) },
      responses: { 200: ok(z.array(SubmissionHeadSchema), 'newest first'), 401: ERRORS[401], 403: ERRORS[403] },
    }),
    async (c) => {
      const user = requireRole(c, SUBMISSION_READERS, 'action.read-submissions');
      const q = c.req.valid('query');
      return reply(
        c,
        z.array(SubmissionHeadSchema),
        await mapped(() => listVisibleSubmissions(store, user, { state: q.state, productKey: q.product })),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cobuild/submissions/{id}',
      tags,
      summary: 'a submission: its latest version (or ?version=), validation, versions, comments, your next steps',
      security: bearer,
      request: { params: IdParamSchema, query: z.object({ version: queryInt(1) }) },
      responses: { 200: ok(SubmissionViewSchema, 'the submission'), 401: ERRORS[401], 404: ERRORS[404] },
    }),
    async (c) => {
      const user = requireRole(c, SUBMISSION_READERS, 'action.read-submissions');
      return reply(
        c,
        SubmissionViewSchema,
        await mapped(() => submissionView(store, user, c.req.valid('param').id, c.req.valid('query').version)),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/cobuild/submissions/{id}',
      tags,
      summary:
        "a new version: the contributor's revision, or a reviewer's correction during review (409 when baseVersion is not the latest)",
      security: bearer,
      request: { params: IdParamSchema, body: json(ReviseRequestSchema) },
      responses: {
        200: ok(SubmissionHeadSchema, 'the submission'),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        404: ERRORS[404],
        409: ok(ErrorSchema, 'somebody changed it in between, or the state does not allow it'),
        422: ok(ErrorSchema, 'the new version is refused'),
      },
    }),
    async (c) => {
      const user = requireRole(c, SUBMISSION_READERS, 'action.revise-submissions');
      return reply(
        c,
        SubmissionHeadSchema,
        await mapped(() => reviseSubmission(store, user, c.req.valid('param').id, c.req.valid('json'))),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cobuild/submissions/{id}/review',
      tags,
      summary: 'a review step on the version you read: start-review, request-changes, approve, reject',
      security: bearer,
      request: { params: IdParamSchema, body: json(ReviewRequestSchema) },
      responses: {
        200: ok(SubmissionHeadSchema, 'the submission'),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        404: ERRORS[404],
        409: ok(ErrorSchema, 'a newer version, or a state the step does not follow from'),
      },
    }),
    async (c) => {
      const user = requireRole(c, ['steward', 'verifier'], 'action.review-submissions');
      return reply(
        c,
        SubmissionHeadSchema,
        await mapped(() => reviewSubmission(store, user, c.req.valid('param').id, c.req.valid('json'))),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cobuild/submissions/{id}/reviewer',
      tags,
      summary: 'assign a reviewer (a steward or verifier) by e-mail',
      security: bearer,
      request: { params: IdParamSchema, body: json(z.object({ email: z.string().min(1) })) },
      responses: {
        200: ok(SubmissionHeadSchema, 'the submission'),
        401: ERRORS[401],
        403: ERRORS[403],
        404: ERRORS[404],
        409: ok(ErrorSchema, 'the submission is final'),
        422: ok(ErrorSchema, 'not a reviewer'),
      },
    }),
    async (c) => {
      const user = requireRole(c, ['steward'], 'action.assign-reviewers');
      return reply(
        c,
        SubmissionHeadSchema,
        await mapped(() => assignReviewer(store, user, c.req.valid('param').id, c.req.valid('json').email)),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cobuild/submissions/{id}/comments',
      tags,
      summary:
        'comment on the dataset or one of its fields ("factor.value", "process.exchanges[2].amount", "meta.productionVolume")',
      security: bearer,
      request: { params: IdParamSchema, body: json(CommentRequestSchema) },
      responses: {
        201: ok(z.object({ ok: z.boolean() }), 'added'),
        400: ERRORS[400],
        401: ERRORS[401],
        404: ERRORS[404],
        422: ok(ErrorSchema, 'no such field or version'),
      },
    }),
    async (c) => {
      const user = requireRole(c, SUBMISSION_READERS, 'action.comment-submissions');
      await mapped(() => commentOn(store, user, c.req.valid('param').id, c.req.valid('json')));
      return reply(c, z.object({ ok: z.boolean() }), { ok: true }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cobuild/submissions/{id}/audit',
      tags,
      summary: 'audit trail of a submission: who did what, when',
      security: bearer,
      request: { params: IdParamSchema },
      responses: { 200: ok(z.array(AuditSchema), 'newest first'), 401: ERRORS[401], 404: ERRORS[404] },
    }),
    async (c) => {
      const user = requireRole(c, SUBMISSION_READERS, 'action.read-submissions');
      const { id } = c.req.valid('param');
      await mapped(() => visibleHead(store, user, id));
      return reply(c, z.array(AuditSchema), await listCobuildEvents(store, { submissionId: id }));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cobuild/reviewers',
      tags,
      summary: 'the people who may review (stewards and verifiers)',
      security: bearer,
      responses: {
        200: ok(
          z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string() })),
          'by name',
        ),
        401: ERRORS[401],
        403: ERRORS[403],
      },
    }),
    async (c) => {
      requireRole(c, ['steward'], 'action.assign-reviewers');
      const people = await usersWithRoles(store, ['steward', 'verifier']);
      return reply(
        c,
        z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string() })),
        people.map(({ id, name, email, role }) => ({ id, name, email, role })),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cobuild/products',
      tags,
      summary: 'approved submissions grouped by product, to average',
      security: bearer,
      responses: { 200: ok(z.array(ApprovedProductSchema), 'most datasets first'), 401: ERRORS[401], 403: ERRORS[403] },
    }),
    async (c) => {
      const user = requireRole(c, ['steward'], 'action.build-aggregates');
      return reply(c, z.array(ApprovedProductSchema), await mapped(() => approvedByProduct(store, user)));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cobuild/aggregates/preview',
      tags,
      summary:
        'the production-weighted average of approved datasets, with its spread, uncertainty and data quality, not saved',
      security: bearer,
      request: { body: json(AggregateRequestSchema) },
      responses: {
        200: ok(AggregatePreviewSchema, 'the aggregate'),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        404: ERRORS[404],
        422: ok(ErrorSchema, 'the datasets cannot be averaged'),
      },
    }),
    async (c) => {
      const user = requireRole(c, ['steward'], 'action.build-aggregates');
      return reply(c, AggregatePreviewSchema, await mapped(() => previewAggregate(store, user, c.req.valid('json'))));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cobuild/aggregates',
      tags,
      summary: 'build and keep an aggregate',
      security: bearer,
      request: { body: json(AggregateRequestSchema) },
      responses: {
        201: ok(AggregateViewSchema, 'the aggregate'),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        404: ERRORS[404],
        422: ok(ErrorSchema, 'the datasets cannot be averaged'),
      },
    }),
    async (c) => {
      const user = requireRole(c, ['steward'], 'action.build-aggregates');
      return reply(c, AggregateViewSchema, await mapped(() => buildAggregate(store, user, c.req.valid('json'))), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cobuild/aggregates',
      tags,
      summary: 'aggregates, with whether each may be published',
      security: bearer,
      responses: { 200: ok(z.array(AggregateViewSchema), 'newest first'), 401: ERRORS[401], 403: ERRORS[403] },
    }),
    async (c) => {
      const user = requireRole(c, ['steward'], 'action.read-aggregates');
      return reply(c, z.array(AggregateViewSchema), await mapped(() => listAggregateViews(store, user)));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cobuild/aggregates/{id}',
      tags,
      summary: 'an aggregate',
      security: bearer,
      request: { params: IdParamSchema },
      responses: {
        200: ok(AggregateViewSchema, 'the aggregate'),
        401: ERRORS[401],
        403: ERRORS[403],
        404: ERRORS[404],
      },
    }),
    async (c) => {
      const user = requireRole(c, ['steward'], 'action.read-aggregates');
      return reply(c, AggregateViewSchema, await mapped(() => aggregateView(store, user, c.req.valid('param').id)));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cobuild/settings',
      tags,
      summary: 'co-construction settings',
      security: bearer,
      responses: { 200: ok(SettingsSchema, 'the settings'), 401: ERRORS[401] },
    }),
    async (c) => {
      requireRole(c, SIGNED_IN, 'action.read-settings');
      return reply(c, SettingsSchema, await loadSettings(store));
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/cobuild/settings',
      tags,
      summary: 'change settings: minContributors (to publish an aggregate), plausibilityRatio (to flag a value)',
      security: bearer,
      request: { body: json(SettingsSchema.partial()) },
      responses: { 200: ok(SettingsSchema, 'the settings'), 400: ERRORS[400], 401: ERRORS[401], 403: ERRORS[403] },
    }),
    async (c) => {
      const user = requireRole(c, ['steward'], 'action.change-cobuild-settings');
      return reply(c, SettingsSchema, await saveSettings(store, c.req.valid('json'), user.id));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cobuild/benchmarks',
      tags,
      summary: 'benchmark products the release notes recalculate',
      security: bearer,
      responses: { 200: ok(z.array(BenchmarkSchema), 'oldest first'), 401: ERRORS[401], 403: ERRORS[403] },
    }),
    async (c) => {
      const user = requireRole(c, ['steward'], 'action.read-benchmarks');
      return reply(c, z.array(BenchmarkSchema), await mapped(() => listBenchmarkViews(store, user)));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cobuild/benchmarks',
      tags,
      summary:
        "add a benchmark product: a study of public data, no company's, calculated on its pinned releases before it is kept",
      security: bearer,
      request: { body: json(BenchmarkRequestSchema) },
      responses: {
        201: ok(BenchmarkAddedSchema, 'added, with its footprint'),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        422: ok(ErrorSchema, 'the study cannot be calculated on its pinned releases'),
      },
    }),
    async (c) => {
      const user = requireRole(c, ['steward'], 'action.add-benchmarks');
      const { name, study } = c.req.valid('json');
      return reply(c, BenchmarkAddedSchema, await mapped(() => addBenchmark(store, user, name, study)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cobuild/releases/preview',
      tags,
      summary:
        'the notes a release would have: what changes, who contributed, the effect on benchmark products (markdown in ?lang=en|zh)',
      security: bearer,
      request: { query: NotesLangQuerySchema, body: json(ReleaseRequestSchema) },
      responses: {
        200: ok(ReleasePreviewSchema, 'the notes'),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        404: ERRORS[404],
        422: ok(ErrorSchema, 'cannot be published'),
      },
    }),
    async (c) => {
      const user = requireRole(c, ['steward'], 'action.publish-releases');
      return reply(
        c,
        ReleasePreviewSchema,
        await mapped(() => previewRelease(store, user, c.req.valid('json'), c.req.valid('query').lang)),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cobuild/releases',
      tags,
      summary:
        'publish a new release from the base releases and approved public datasets and aggregates, as a background job (kind `release-publish`, which also recalculates the benchmark products for the notes; markdown in ?lang=en|zh)',
      security: bearer,
      request: { query: NotesLangQuerySchema, body: json(ReleaseRequestSchema) },
      responses: {
        202: ok(
          JobSchema,
          'the job; poll GET /api/jobs/{id} (the Location header); when done, output holds {release, notes, markdown}; a refusal found on the way ends it failed with the reason',
        ),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        404: ERRORS[404],
        422: ok(ErrorSchema, 'cannot be published'),
      },
    }),
    async (c) => {
      const user = requireRole(c, ['steward'], 'action.publish-releases');
      const request = c.req.valid('json');
      await mapped(() => checkReleaseRequest(store, user, request));
      const job = await enqueue(store, {
        kind: 'release-publish',
        userId: user.id,
        params: { request, lang: c.req.valid('query').lang },
        // a refusal is permanent; what fails otherwise is the database, worth a few tries
        maxAttempts: 5,
      });
      return accepted(c, job);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cobuild/imports',
      tags,
      summary:
        'import an LCI database archive (openLCA JSON-LD, EcoSpold2 or ILCD zip, recognised by its entries; the body is the zip, X-File-Name its name) as a new release, as a background job (kind `import`: parse, screen, save in one transaction)',
      security: bearer,
      request: {
        query: ImportQuerySchema,
        body: { content: { ...binary('application/zip'), ...binary('application/octet-stream') }, required: true },
      },
      responses: {
        202: ok(
          JobSchema,
          'the job; poll GET /api/jobs/{id} (the Location header); when done, output holds {release, origin, processes, quarantined, screen}; a malformed record ends it failed, naming file, record and field, with nothing saved',
        ),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        413: ok(ErrorSchema, 'the archive is larger than the limit'),
        422: ok(ErrorSchema, 'not a database archive (the file named), or the release exists'),
      },
    }),
    async (c) => {
      const user = requireRole(c, ['steward'], 'action.import-databases');
      const { release, licence, citation } = c.req.valid('query');
      const fileName = uploadFileName(c, 'upload.zip');
      const data = await uploadBody(c, 'upload.database-zip');
      const archive = await mapped(async () => {
        if (await getRelease(store, release)) throw new ReleaseExistsError(release);
        await readingAs('bad-file', async () => archiveFormat(data, fileName));
        return saveImportArchive(store, fileName, data);
      });
      const job = await enqueue(store, {
        kind: 'import',
        userId: user.id,
        params: { archive, release, licence, citation },
        // a bad record is permanent; what fails otherwise is the database, worth a few tries
        maxAttempts: 5,
      });
      return accepted(c, job);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cobuild/notifications',
      tags,
      summary: 'your notifications and how many are unread',
      security: bearer,
      responses: {
        200: ok(z.object({ unread: z.number(), items: z.array(NotificationSchema) }), 'newest first'),
        401: ERRORS[401],
      },
    }),
    async (c) => {
      const user = requireRole(c, SIGNED_IN, 'action.read-notifications');
      return reply(c, z.object({ unread: z.number(), items: z.array(NotificationSchema) }), {
        unread: await unreadNotifications(store, user.id),
        items: await listNotifications(store, user.id),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cobuild/notifications/read',
      tags,
      summary: 'mark notifications read (all when no ids)',
      security: bearer,
      request: { body: json(z.object({ ids: z.array(z.number().int()).optional() })) },
      responses: { 200: ok(z.object({ unread: z.number() }), 'unread left'), 401: ERRORS[401] },
    }),
    async (c) => {
      const user = requireRole(c, SIGNED_IN, 'action.read-notifications');
      await markNotificationsRead(store, user.id, c.req.valid('json').ids);
      return reply(c, z.object({ unread: z.number() }), { unread: await unreadNotifications(store, user.id) });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cobuild/studies/{id}/move',
      tags,
      summary: "a study's footprint on another release, entry by entry; with apply, a new version pinned to it",
      security: bearer,
      request: { params: IdParamSchema, body: json(MoveStudyRequestSchema) },
      responses: {
        200: ok(MoveStudySchema, 'the comparison'),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        404: ERRORS[404],
        409: ok(ErrorSchema, 'the study changed'),
        422: ok(ErrorSchema, 'the release lacks datasets the study uses'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { release, apply, baseVersion } = c.req.valid('json');
      if (!apply) {
        await readableStudy(c, deps, id);
        const { comparison } = await mapped(() => compareStudyOnRelease(store, id, release));
        return reply(c, MoveStudySchema, { comparison, applied: false });
      }
      const { user, head } = await writableStudy(c, deps, id);
      const { study, comparison } = await mapped(() =>
        moveStudyToRelease(store, user.id, id, release, baseVersion ?? head.latestVersion),
      );
      cache.putHead({ ...head, latestVersion: study.version });
      cache.putStudy(id, study.version, JSON.stringify(StudySchema.parse(study)));
      return reply(c, MoveStudySchema, { comparison, applied: true, version: study.version });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cobuild/template.xlsx',
      tags,
      summary: 'the Excel template for submitting factors',
      responses: { 200: { description: 'an .xlsx workbook', content: binary(XLSX) } },
    }),
    async (c) =>
      c.body(new Uint8Array(await datasetTemplate()), 200, {
        'content-type': XLSX,
        'content-disposition': 'attachment; filename="tanji-dataset-template.xlsx"',
      }) as never,
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/open/releases',
      tags: open,
      summary: 'published releases of the background database',
      responses: { 200: ok(z.array(OpenReleaseSchema), 'newest first') },
    }),
    async (c) => reply(c, z.array(OpenReleaseSchema), await listOpenReleases(store)),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/open/releases/{release}',
      tags: open,
      summary:
        'a published release with its notes (markdown in ?lang=en|zh, rendered from the stored structured notes)',
      request: { params: ReleaseParamSchema, query: NotesLangQuerySchema },
      responses: { 200: ok(OpenReleaseDetailSchema, 'the release'), 404: ERRORS[404] },
    }),
    async (c) =>
      reply(
        c,
        OpenReleaseDetailSchema,
        await mapped(() => openRelease(store, c.req.valid('param').release, c.req.valid('query').lang)),
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/open/releases/{release}/datasets',
      tags: open,
      summary: 'the datasets of a published release, each with its licence and citation',
      request: {
        params: ReleaseParamSchema,
        query: z.object({
          q: z.string().optional(),
          type: z.enum(['factor', 'process']).optional(),
          offset: queryInt(0),
          limit: queryInt(1, 500),
        }),
      },
      responses: { 200: ok(OpenDatasetsSchema, 'a page of datasets'), 404: ERRORS[404] },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return reply(
        c,
        OpenDatasetsSchema,
        await mapped(() =>
          listOpenDatasets(store, c.req.valid('param').release, {
            text: q.q,
            type: q.type,
            offset: q.offset,
            limit: q.limit,
          }),
        ),
      );
    },
  );

  const download = (format: 'jsonld' | 'ilcd' | 'ecospold2' | 'factors' | 'exchanges') => async (release: string) => {
    const info = await getRelease(store, release);
    if (!info) throw notFound('thing.release', { release });
    if (format === 'jsonld' || format === 'ilcd' || format === 'ecospold2') {
      if (info.processes === 0) throw new ApiError(404, 'not-found', coded('api.factors-only', { release }));
      const zip =
        format === 'ilcd' ? exportReleaseIlcd : format === 'ecospold2' ? exportReleaseEcoSpold2 : exportReleaseJsonLd;
      return {
        body: await zip(store, release),
        type: 'application/zip',
        name: `tanji-${release}-${ZIP_FORMATS[format].file}`,
      };
    }
    const csv = await exportReleaseCsv(store, release);
    const text = format === 'factors' ? csv.factors : csv.exchanges;
    if (!text) throw new ApiError(404, 'not-found', coded('api.release-lacks', { release, format }));
    return {
      body: new TextEncoder().encode(text),
      type: 'text/csv; charset=utf-8',
      name: `tanji-${release}-${format}.csv`,
    };
  };
  for (const [format, file, type] of [
    ['jsonld', 'jsonld.zip', 'application/zip'],
    ['ilcd', 'ilcd.zip', 'application/zip'],
    ['ecospold2', 'ecospold2.zip', 'application/zip'],
    ['factors', 'factors.csv', 'text/csv'],
    ['exchanges', 'exchanges.csv', 'text/csv'],
  ] as const) {
    app.openapi(
      createRoute({
        method: 'get',
        path: `/api/open/releases/{release}/${file}`,
        tags: open,
        summary:
          format in ZIP_FORMATS
            ? `the release as an ${ZIP_FORMATS[format as keyof typeof ZIP_FORMATS].label} zip`
            : `the release's ${format} as CSV`,
        request: { params: ReleaseParamSchema },
        responses: { 200: { description: file, content: binary(type) }, 404: ERRORS[404] },
      }),
      async (c) => {
        const { body, type: contentType, name } = await download(format)(c.req.valid('param').release);
        return c.body(body as Uint8Array<ArrayBuffer>, 200, {
          'content-type': contentType,
          'content-disposition': `attachment; filename="${name}"`,
        }) as never;
      },
    );
  }

  return app;
}
