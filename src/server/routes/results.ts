import { createRoute } from '@hono/zod-openapi';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { studyToPactFootprint } from '../../formats/pact.ts';
import { headlineOf } from '../../model/headline.ts';
import { StudyResultSchema } from '../../model/study.ts';
import { footprintOptions } from '../../pact/publish.ts';
import {
  getCompany,
  getJob,
  getStudy,
  latestResult,
  latestStoredResult,
  loadReportFile,
  studyHead,
  type Store,
} from '../../store/index.ts';
import { ApiError, coded, notFound } from '../errors.ts';
import { calculationKind, enqueue, reportHtml, reportInputs, type ReportInputs } from '../../jobs/index.ts';
import { accepted } from '../jobs.ts';
import { bearer, ERRORS, json, ok, reply, replyJson, requireRole, router, type Deps } from '../openapi.ts';
import {
  CalculateRequestSchema,
  ErrorSchema,
  IdParamSchema,
  JobSchema,
  ReportFileParamsSchema,
  ReportPdfRequestSchema,
  ReportQuerySchema,
} from '../schemas.ts';
import { readableStudy, writableStudy } from './studies.ts';

/** Calculation as a background job, its progress, the stored result, and the ISO 14067 report. */

export function resultRoutes(deps: Deps) {
  const { store, cache } = deps;
  const app = router();
  const params = IdParamSchema;

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/studies/{id}/calculate',
      tags: ['results'],
      summary:
        'calculate the latest version (footprint, contributions, Monte Carlo) as a background job: kind `monte-carlo` with iterations > 0, else `calculate`',
      security: bearer,
      request: { params, body: { ...json(CalculateRequestSchema), required: false } },
      responses: {
        202: ok(JobSchema, 'the job; poll GET /api/jobs/{id} (the Location header); its output names the result hash'),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        404: ERRORS[404],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { user } = await writableStudy(c, deps, id);
      const opts = CalculateRequestSchema.parse((await c.req.json().catch(() => ({}))) ?? {});
      // pinned from the store, not a cache that another server's save may not have reached
      const version = (await studyHead(store, id))!.latestVersion;
      const job = await enqueue(store, {
        kind: calculationKind(opts.iterations),
        studyId: id,
        userId: user.id,
        params: { ...opts, version },
      });
      return accepted(c, job);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/jobs/{id}',
      tags: ['results'],
      summary:
        'state, progress and outcome of a job you asked for: `output` holds what it made (a result hash, a published release and its notes, a report PDF to download), `error` why it failed',
      security: bearer,
      request: { params },
      responses: { 200: ok(JobSchema, 'the job'), 401: ERRORS[401], 404: ERRORS[404] },
    }),
    async (c) => {
      const user = requireRole(c, ['enterprise', 'steward', 'verifier', 'admin'], 'action.read-jobs');
      const job = await getJob(store, c.req.valid('param').id);
      if (!job || (job.userId !== user.id && user.role !== 'admin'))
        throw notFound('thing.job', { id: c.req.valid('param').id });
      return reply(c, JobSchema, job);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/studies/{id}/result',
      tags: ['results'],
      summary: 'the result of the latest calculated version',
      security: bearer,
      request: { params },
      responses: { 200: ok(StudyResultSchema, 'the result'), 401: ERRORS[401], 404: ERRORS[404] },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await readableStudy(c, deps, id);
      let json = cache.result(id);
      if (!json) {
        const result = StudyResultSchema.parse(await resultOf(store, id));
        json = JSON.stringify(result);
        cache.putResult(id, json, result.computedAt);
      }
      return replyJson(c, json);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/studies/{id}/pact',
      tags: ['results'],
      summary: 'the latest result as a PACT ProductFootprint (Tech Spec v3.0 or v2.3), checked against the spec',
      security: bearer,
      request: { params, query: z.object({ version: z.enum(['3.0', '2.3']).default('3.0') }) },
      responses: {
        200: {
          description: 'the footprint',
          content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
        },
        401: ERRORS[401],
        404: ERRORS[404],
        422: ok(ErrorSchema, 'the study lacks what the spec requires; details lists it'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { version } = c.req.valid('query');
      await readableStudy(c, deps, id);
      const { result, study, company } = await calculated(store, id);
      const footprint = studyToPactFootprint(study, result, {
        version,
        ...footprintOptions(study, result, company?.name ?? ''),
        id: stableUuid(`${id}/${result.version}/${result.computedAt}/${version}`),
      });
      return c.json(footprint as object, 200) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/studies/{id}/report',
      tags: ['results'],
      summary:
        'the ISO 14067 / GB/T 24067 study report as HTML, Chinese or English (the PDF is printed by a job: POST /api/studies/{id}/reports)',
      security: bearer,
      request: { params, query: ReportQuerySchema },
      responses: {
        200: { description: 'the report', content: { 'text/html': { schema: z.string() } } },
        401: ERRORS[401],
        404: ERRORS[404],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await readableStudy(c, deps, id);
      const inputs = await latestReportInputs(store, id);
      return c.html(reportHtml(inputs, c.req.valid('query').lang, new Date().toISOString())) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/studies/{id}/reports',
      tags: ['results'],
      summary:
        'print the report of the latest result to PDF as a background job (kind `report-pdf`); stored once per result, language and verification statements',
      security: bearer,
      request: { params, body: json(ReportPdfRequestSchema) },
      responses: {
        202: ok(
          JobSchema,
          'the job; poll GET /api/jobs/{id} (the Location header); when done, output.download is the PDF',
        ),
        400: ERRORS[400],
        401: ERRORS[401],
        404: ERRORS[404],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { user } = await readableStudy(c, deps, id);
      const { resultHash } = await latestReportInputs(store, id);
      const job = await enqueue(store, {
        kind: 'report-pdf',
        studyId: id,
        userId: user.id,
        params: { result: resultHash, lang: c.req.valid('json').lang },
      });
      return accepted(c, job);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/studies/{id}/reports/{key}',
      tags: ['results'],
      summary: 'a report PDF a `report-pdf` job printed (its output.download), for whoever may read the study',
      security: bearer,
      request: { params: ReportFileParamsSchema },
      responses: {
        200: {
          description: 'the PDF',
          content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
        },
        401: ERRORS[401],
        404: ERRORS[404],
      },
    }),
    async (c) => {
      const { id, key } = c.req.valid('param');
      await readableStudy(c, deps, id);
      const file = await loadReportFile(store, id, key);
      if (!file) throw notFound('thing.report', { key, id });
      const study = (await getStudy(store, id))!;
      const name = encodeURIComponent(`${study.product.name}-report-${file.lang}.pdf`);
      return c.body(new Uint8Array(file.pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename*=UTF-8''${name}`,
      }) as never;
    },
  );
  return app;
}

const NOT_CALCULATED = () => new ApiError(404, 'not-calculated', coded('api.not-calculated', {}));

async function resultOf(store: Store, id: string) {
  const result = await latestResult(store, id);
  if (!result) throw NOT_CALCULATED();
  // results stored before the headline existed get it derived, so every reader sees the same CFP
  return result.headline ? result : { ...result, headline: headlineOf(result) };
}

/** The latest result, the study version it was calculated for, and its company. */
async function calculated(store: Store, id: string) {
  const result = await resultOf(store, id);
  const study = (await getStudy(store, id, result.version))!;
  return { result, study, company: await getCompany(store, study.companyId) };
}

/** What the report of the latest result shows. */
async function latestReportInputs(store: Store, id: string): Promise<ReportInputs> {
  const latest = await latestStoredResult(store, id);
  const inputs = latest && (await reportInputs(store, id, latest.hash));
  if (!inputs) throw NOT_CALCULATED();
  return inputs;
}

/** The same calculation always gets the same footprint id; a new calculation gets a new one, as PACT wants. */
function stableUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
