import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { StudyInputSchema, StudySchema, type Study, type StudyInput } from '../../model/study.ts';
import { unknownRegions } from '../../studies/entry-region.ts';
import { checkParameters } from '../../studies/parameters.ts';
import { parseStudyWorkbook } from '../../formats/study-excel.ts';
import {
  addVerifier,
  auditTrail,
  createStudy,
  findUserByEmail,
  getStudy,
  isVerifierOf,
  listStudies,
  listVersions,
  saveStudy,
  StaleVersionError,
  studyHead,
  type Store,
  type StudyHead,
  type User,
} from '../../store/index.ts';
import { requireReadable, requireWritable } from '../../studies/access.ts';
import { allOf, ApiError, coded } from '../errors.ts';
import { errorTextOf } from '../../model/errors.ts';
import { bearer, ERRORS, json, ok, reply, replyJson, requireRole, router, type Deps, type Env } from '../openapi.ts';
import type { ReadCache } from '../cache.ts';
import {
  AuditSchema,
  ErrorSchema,
  IdParamSchema,
  SaveStudySchema,
  StudySummarySchema,
  VersionSchema,
} from '../schemas.ts';
import { XLSX } from './catalog.ts';
import { uploadBody, uploadFileName } from '../uploads.ts';
import { blockingFindings } from '../../rules/pcr-check.ts';
import { assertConforms, NonconformingStudyError } from '../../studies/pcr.ts';
import { PCRS } from '../../rules/pcr/index.ts';
import { withDeclaredUnit } from '../../rules/pcr-study.ts';

const READERS = ['enterprise', 'verifier', 'admin'] as const;

/** The study if the signed-in user may read it; another company's study is "not found", never "forbidden". */
export async function readableStudy(
  c: Context<Env>,
  { store, cache }: Deps,
  id: string,
): Promise<{ user: User; head: StudyHead }> {
  const user = requireRole(c, READERS, 'action.read-studies');
  let head = cache.head(id);
  if (!head) {
    head = await studyHead(store, id);
    if (head) cache.putHead(head);
  }
  requireReadable(user, id, head, user.role === 'verifier' && (await isVerifierOf(store, id, user.id)));
  return { user, head: head! };
}

export async function writableStudy(c: Context<Env>, deps: Deps, id: string): Promise<{ user: User; head: StudyHead }> {
  const { user, head } = await readableStudy(c, deps, id);
  requireWritable(user, head);
  return { user, head };
}

/** A study version as checked JSON, from the cache or the store. */
async function studyJson({ store, cache }: Deps, id: string, version: number): Promise<string> {
  let json = cache.study(id, version);
  if (!json) {
    json = JSON.stringify(StudySchema.parse(await getStudy(store, id, version)));
    cache.putStudy(id, version, json);
  }
  return json;
}

/** After a write: the new head, and the new version ready to read. */
export function written(cache: ReadCache, study: Study, head: StudyHead): Study {
  cache.putHead({ ...head, latestVersion: study.version });
  cache.putStudy(study.id, study.version, JSON.stringify(study));
  return study;
}

/** Formulas, parameters and scenarios that cannot be evaluated are refused before they are saved, each named by its path. */
function refuseBadParameters(study: StudyInput): void {
  const problems = checkParameters(study);
  if (problems.length) {
    throw new ApiError(
      422,
      'bad-parameters',
      allOf(
        problems.map((p) =>
          coded('api.field-problem', { field: p.path.join('.'), problem: errorTextOf(p) ?? p.message }),
        ),
      ),
      problems.map((p) => ({ path: p.path, message: p.message })),
    );
  }
}

/** Verification gate for the routes that send a study to a verifier or record a sign-off: 422 with the failing requirements. */
export async function conformingOrRefused(
  store: Store,
  id: string,
  opts?: { productRulesOnly?: boolean },
): Promise<void> {
  try {
    await assertConforms(store, id, opts);
  } catch (e) {
    if (e instanceof NonconformingStudyError)
      throw new ApiError(422, 'pcr-nonconformant', e.message, {
        pcr: e.check.pcr,
        blocking: blockingFindings(e.check),
      });
    throw e;
  }
}

export function studyRoutes(deps: Deps) {
  const { store, cache } = deps;
  const app = router();
  const params = IdParamSchema;
  app.on('POST', '/api/studies', async (c, next) => {
    requireRole(c, ['enterprise'], 'action.create-studies');
    await next();
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/studies',
      tags: ['studies'],
      summary: 'the studies you may read',
      security: bearer,
      responses: { 200: ok(z.array(StudySummarySchema), 'newest first'), 401: ERRORS[401], 403: ERRORS[403] },
    }),
    async (c) => {
      const user = requireRole(c, READERS, 'action.read-studies');
      const scope =
        user.role === 'admin'
          ? { all: true }
          : { companyId: user.companyId, verifierId: user.role === 'verifier' ? user.id : undefined };
      return reply(c, z.array(StudySummarySchema), await listStudies(store, scope));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/studies',
      tags: ['studies'],
      summary: 'create a study (version 1)',
      security: bearer,
      request: { body: json(StudyInputSchema) },
      responses: {
        201: ok(StudySchema, 'the study'),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        422: ok(ErrorSchema, 'a formula, parameter or scenario cannot be evaluated; details names each'),
      },
    }),
    async (c) => {
      const user = requireRole(c, ['enterprise'], 'action.create-studies');
      refuseBadParameters(c.req.valid('json'));
      const input = knownRegions(c.req.valid('json'));
      const study = StudySchema.parse(await createStudy(store, input, user.companyId!, user.id));
      return reply(
        c,
        StudySchema,
        written(cache, study, { id: study.id, companyId: study.companyId, latestVersion: 1, createdBy: user.id }),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/studies/{id}',
      tags: ['studies'],
      summary: 'the latest version of a study',
      security: bearer,
      request: { params },
      responses: { 200: ok(StudySchema, 'the study'), 401: ERRORS[401], 404: ERRORS[404] },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { head } = await readableStudy(c, deps, id);
      return replyJson(c, await studyJson(deps, id, head.latestVersion));
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/studies/{id}',
      tags: ['studies'],
      summary: 'save a new version (refused with 409 when baseVersion is not the latest)',
      security: bearer,
      request: { params, body: json(SaveStudySchema) },
      responses: {
        200: ok(StudySchema, 'the new version'),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        404: ERRORS[404],
        409: ok(ErrorSchema, 'somebody saved in between'),
        422: ok(ErrorSchema, 'a formula, parameter or scenario cannot be evaluated; details names each'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { user, head } = await writableStudy(c, deps, id);
      const { study, baseVersion, comment } = c.req.valid('json');
      knownRegions(study);
      refuseBadParameters(study);
      try {
        const saved = await saveStudy(store, id, withDeclaredUnit(study, PCRS), baseVersion, user.id, comment);
        return reply(c, StudySchema, written(cache, StudySchema.parse(saved), head));
      } catch (e) {
        if (e instanceof StaleVersionError) throw new ApiError(409, 'stale-version', e.message, { latest: e.latest });
        throw e;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/studies/{id}/versions',
      tags: ['studies'],
      summary: 'version history',
      security: bearer,
      request: { params },
      responses: { 200: ok(z.array(VersionSchema), 'newest first'), 401: ERRORS[401], 404: ERRORS[404] },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await readableStudy(c, deps, id);
      return reply(c, z.array(VersionSchema), await listVersions(store, id));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/studies/{id}/audit',
      tags: ['studies'],
      summary: 'audit trail: who changed what, when',
      security: bearer,
      request: { params },
      responses: { 200: ok(z.array(AuditSchema), 'newest first'), 401: ERRORS[401], 404: ERRORS[404] },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await readableStudy(c, deps, id);
      return reply(c, z.array(AuditSchema), await auditTrail(store, id));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/studies/{id}/verifiers',
      tags: ['studies'],
      summary: 'let a verifier read the study',
      security: bearer,
      request: { params, body: json(z.object({ email: z.string() })) },
      responses: {
        200: ok(z.object({ ok: z.boolean() }), 'shared'),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        404: ERRORS[404],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { user, head } = await writableStudy(c, deps, id);
      await conformingOrRefused(store, id, { productRulesOnly: true });
      const verifier = await findUserByEmail(store, c.req.valid('json').email);
      if (!verifier || verifier.role !== 'verifier')
        throw new ApiError(
          400,
          'invalid-request',
          coded('api.field-problem', {
            field: 'email',
            problem: coded('api.not-a-verifier', { email: c.req.valid('json').email }),
          }),
        );
      await addVerifier(store, id, verifier.id, user.id, head.companyId);
      return reply(c, z.object({ ok: z.boolean() }), { ok: true });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/studies/{id}/inventory.xlsx',
      tags: ['studies'],
      summary: 'replace the inventory from a filled Excel template (a new version)',
      security: bearer,
      request: {
        params,
        body: { content: { [XLSX]: { schema: z.string().meta({ format: 'binary' }) } }, required: true },
      },
      responses: {
        200: ok(StudySchema, 'the new version'),
        401: ERRORS[401],
        403: ERRORS[403],
        404: ERRORS[404],
        422: ok(ErrorSchema, 'bad cells, each named by sheet, row and column'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { user, head } = await writableStudy(c, deps, id);
      const fileName = uploadFileName(c, 'inventory.xlsx');
      const data = await uploadBody(c, 'upload.xlsx');
      const entries = await parseStudyWorkbook(data, fileName);
      const current = (await getStudy(store, id))!;
      const { id: _, companyId: __, version, updatedAt: ___, updatedBy: ____, ...input } = current;
      const saved = await saveStudy(
        store,
        id,
        { ...input, entries },
        version,
        user.id,
        `inventory imported from Excel (${entries.length} entries)`,
        'study.inventory-imported',
      );
      return reply(c, StudySchema, written(cache, StudySchema.parse(saved), head));
    },
  );
  return app;
}

/** The study as it came, or 400 naming every entry whose region is unknown. */
function knownRegions<T extends Pick<StudyInput, 'region' | 'entries'>>(study: T): T {
  const problems = unknownRegions(study);
  if (problems.length) throw new ApiError(400, 'invalid-request', problems.join('; '), { problems });
  return study;
}
