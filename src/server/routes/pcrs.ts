import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { PcrCheckSchema, PcrSchema, TextSchema } from '../../model/pcr.ts';
import { DeclaredUnitSchema, StudyInputSchema, StudySchema } from '../../model/study.ts';
import { PCRS, pcrChain, UnknownPcrError } from '../../rules/pcr/index.ts';
import { IncomparableError } from '../../rules/pcr-compare.ts';
import { MissingParametersError } from '../../rules/pcr-study.ts';
import { FormulaError } from '../../engine/formula.ts';
import { checkStoredStudy, compareStoredStudies, createStudyFromPcr, NotCalculatedError } from '../../studies/pcr.ts';
import { ApiError } from '../errors.ts';
import { bearer, ERRORS, json, ok, reply, requireRole, router, type Deps } from '../openapi.ts';
import { ErrorSchema, IdParamSchema } from '../schemas.ts';
import { readableStudy, written } from './studies.ts';

/** Product category rules: the library (public), studies created from a rule, the conformance check, design variants compared. */

const PcrSummarySchema = z.object({
  id: z.string(),
  version: z.string(),
  title: TextSchema,
  summary: TextSchema,
  extends: z.string().optional(),
  document: z.object({ number: z.string(), status: z.string(), date: z.string() }),
  declaredUnits: z.array(z.object({ id: z.string(), unit: z.string(), label: TextSchema, formula: z.string() })),
  parameters: z.array(z.object({ name: z.string(), unit: z.string(), label: TextSchema })),
});

const FromPcrSchema = z.object({
  pcr: z.string().min(1).max(100),
  name: StudyInputSchema.shape.name,
  product: z.object({ name: z.string().min(1).max(200), description: z.string().max(2000).optional() }),
  parameters: z.record(z.string().max(64), z.number().finite()).default({}),
  releases: StudyInputSchema.shape.releases,
  region: z.string().max(16).optional(),
  year: z.number().int().min(1990).max(2100),
  lang: z.enum(['zh', 'en']).default('zh'),
  unit: DeclaredUnitSchema.optional(),
  referenceFlow: z.string().min(1).max(500).optional(),
});

const ComparisonRowSchema = z.object({
  stage: z.string(),
  name: TextSchema,
  a: z.number(),
  b: z.number(),
  change: z.number(),
  relative: z.number().nullable(),
});
const VariantSchema = z.object({ studyId: z.string(), version: z.number(), name: z.string() });
const ComparisonSchema = z.object({
  pcr: z.object({ id: z.string(), version: z.string(), title: TextSchema }),
  unit: z.string(),
  a: VariantSchema,
  b: VariantSchema,
  rows: z.array(ComparisonRowSchema),
  total: ComparisonRowSchema,
});

export function pcrRoutes(deps: Deps) {
  const { store, cache } = deps;
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/pcrs',
      tags: ['rules'],
      summary: 'the product category rules a study can follow',
      responses: { 200: ok(z.array(PcrSummarySchema), 'the general rule first') },
    }),
    (c) =>
      reply(
        c,
        z.array(PcrSummarySchema),
        [...PCRS.values()].map((r) => ({
          id: r.id,
          version: r.version,
          title: r.title,
          summary: r.summary,
          extends: r.extends,
          document: { number: r.document.number, status: r.document.status, date: r.document.date },
          declaredUnits: r.declaredUnits.map(({ id, unit, label, formula }) => ({ id, unit, label, formula })),
          parameters: r.parameters.map(({ name, unit, label }) => ({ name, unit, label })),
        })),
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/pcrs/{id}',
      tags: ['rules'],
      summary: 'one rule, whole, and the rules it extends (its own first)',
      request: { params: IdParamSchema },
      responses: { 200: ok(z.object({ rule: PcrSchema, chain: z.array(z.string()) }), 'the rule'), 404: ERRORS[404] },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const rule = PCRS.get(id);
      if (!rule) throw new ApiError(404, 'not-found', new UnknownPcrError(id).message);
      return reply(c, z.object({ rule: PcrSchema, chain: z.array(z.string()) }), {
        rule,
        chain: pcrChain(id).map((r) => r.id),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/studies/from-pcr',
      tags: ['rules'],
      summary:
        'create a study shaped by a rule: its unit from the product parameters, boundary, statements and a placeholder per mandatory data item',
      security: bearer,
      request: { body: json(FromPcrSchema) },
      responses: {
        201: ok(StudySchema, 'the study, version 1'),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        422: ok(ErrorSchema, 'unknown rule, or parameters missing or out of range'),
      },
    }),
    async (c) => {
      const user = requireRole(c, ['enterprise'], 'action.create-studies');
      const { pcr, ...input } = c.req.valid('json');
      try {
        const study = StudySchema.parse(await createStudyFromPcr(store, pcr, input, user.companyId!, user.id));
        return reply(
          c,
          StudySchema,
          written(cache, study, { id: study.id, companyId: study.companyId, latestVersion: 1, createdBy: user.id }),
          201,
        );
      } catch (e) {
        if (e instanceof UnknownPcrError) throw new ApiError(422, 'unknown-pcr', `pcr: ${e.message}`);
        if (e instanceof MissingParametersError)
          throw new ApiError(422, 'missing-parameters', `parameters: ${e.message}`, { names: e.names });
        if (e instanceof FormulaError) throw new ApiError(422, 'bad-parameters', `parameters: ${e.message}`);
        if (e instanceof z.ZodError)
          throw new ApiError(
            422,
            'bad-parameters',
            e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
            e.issues,
          );
        throw e;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/studies/{id}/pcr-check',
      tags: ['rules'],
      summary: 'check the latest version against its rule (and the rules it extends); the verifier sees the same',
      security: bearer,
      request: { params: IdParamSchema },
      responses: {
        200: ok(
          PcrCheckSchema,
          'every requirement: ok, missing or warning; conforms = no failing mandatory requirement',
        ),
        401: ERRORS[401],
        404: ERRORS[404],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await readableStudy(c, deps, id);
      return reply(c, PcrCheckSchema, await checkStoredStudy(store, id));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/studies/{id}/compare',
      tags: ['rules'],
      summary:
        'design variants: this study against another (or two versions), stage by stage in the rule’s declared unit',
      security: bearer,
      request: {
        params: IdParamSchema,
        query: z.object({
          with: z.string().min(1).max(100),
          version: z.coerce.number().int().positive().optional(),
          withVersion: z.coerce.number().int().positive().optional(),
        }),
      },
      responses: {
        200: ok(ComparisonSchema, 'a is this study, b the other; change = b − a'),
        401: ERRORS[401],
        404: ERRORS[404],
        422: ok(ErrorSchema, 'not calculated, or not comparable'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      await readableStudy(c, deps, id);
      await readableStudy(c, deps, q.with);
      try {
        return reply(
          c,
          ComparisonSchema,
          await compareStoredStudies(store, { id, version: q.version }, { id: q.with, version: q.withVersion }),
        );
      } catch (e) {
        if (e instanceof NotCalculatedError) throw new ApiError(422, 'not-calculated', e.message);
        if (e instanceof IncomparableError) throw new ApiError(422, 'not-comparable', e.message);
        throw e;
      }
    },
  );
  return app;
}
