import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { ProvinceElectricitySchema } from '../../model/factor.ts';
import { DatasetHitSchema, DatasetRefSchema } from '../../model/study.ts';
import { provincialElectricity } from '../../factors/electricity-map.ts';
import { studyTemplate } from '../../formats/study-excel.ts';
import { listReleases, loadFactors, loadScreen, screenedProcesses, type Queryable } from '../../store/index.ts';
import { loadBackground } from '../../studies/background.ts';
import { resolveDatasets, searchDatasets } from '../../studies/datasets.ts';
import { ApiError, coded } from '../errors.ts';
import { ERRORS, json, ok, reply, router, type Deps } from '../openapi.ts';
import { DatasetQuerySchema, queryInt, ReleaseSchema, ScreenReportSchema } from '../schemas.ts';

/** Public reads of the published background database: releases, dataset search, the electricity map, the Excel template. */

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function releases(db: Queryable): Promise<z.infer<typeof ReleaseSchema>[]> {
  return (await listReleases(db)).map((r) => ({
    release: r.number,
    kind: r.processes > 0 ? 'lci' : 'factors',
    name: r.database ?? r.notes ?? r.number,
    processes: r.processes,
    factors: r.factors,
    createdAt: new Date(r.createdAt).toISOString(),
  }));
}

/** The newest release of the kind, for reads that do not name one. */
export async function newestRelease(db: Queryable, kind: 'lci' | 'factors'): Promise<string> {
  const found = (await releases(db)).find((r) => (kind === 'lci' ? r.kind === 'lci' : r.factors > 0));
  if (!found)
    throw new ApiError(404, 'not-found', coded(kind === 'lci' ? 'api.no-lci-release' : 'api.no-factor-release', {}));
  return found.release;
}

export function catalogRoutes({ store }: Deps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/releases/{release}/screen',
      tags: ['background'],
      summary:
        "the quality screen's findings on an LCI release: rules applied, quarantined processes, each finding with code, params and message",
      request: {
        params: z.object({ release: z.string().max(200) }),
        query: z.object({ code: z.string().max(100).optional(), limit: queryInt(1, 100000) }),
      },
      responses: { 200: ok(ScreenReportSchema, 'the report written when the release was saved'), 404: ERRORS[404] },
    }),
    async (c) => {
      const { release } = c.req.valid('param');
      const { code, limit } = c.req.valid('query');
      const report = await loadScreen(store, release);
      if (!report) throw new ApiError(404, 'not-found', coded('api.no-quality-screen', { release }));
      const chosen = report.findings.filter((f) => !code || f.code === code).slice(0, limit ?? 1000);
      // the stored report names processes in English; their Chinese names and regions come from the release
      const processes = await screenedProcesses(store, release, [...new Set(chosen.map((f) => f.processId))]);
      const findings = chosen.map((f) => ({ ...f, ...processes.get(f.processId) }));
      // an unbounded loop's feedback is Infinity, which JSON cannot carry
      const loops = report.loops.map((l) => ({ ...l, feedback: Number.isFinite(l.feedback) ? l.feedback : null }));
      return reply(c, ScreenReportSchema, { ...report, release, loops, findings, rules: [...report.rules] });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/releases',
      tags: ['background'],
      summary: 'releases of the background database',
      responses: { 200: ok(z.array(ReleaseSchema), 'newest first') },
    }),
    async (c) => reply(c, z.array(ReleaseSchema), await releases(store)),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/datasets',
      tags: ['background'],
      summary: 'search background datasets (factors region-aware, LCI processes) for a study entry',
      request: { query: DatasetQuerySchema },
      responses: { 200: ok(z.array(DatasetHitSchema), 'best first'), 400: ERRORS[400], 404: ERRORS[404] },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const bg = await loadBackground(
        store,
        q.lci ?? (await newestRelease(store, 'lci')),
        q.factors ?? (await newestRelease(store, 'factors')),
        'ipcc-ar6-gwp100',
      );
      return reply(c, z.array(DatasetHitSchema), searchDatasets(bg, q));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/datasets/resolve',
      tags: ['background'],
      summary: 'the datasets that the entries of a study refer to (unknown references are left out)',
      request: {
        body: json(z.object({ lci: z.string(), factors: z.string(), refs: z.array(DatasetRefSchema).max(1000) })),
      },
      responses: {
        200: ok(z.array(DatasetHitSchema), 'one hit per known reference'),
        400: ERRORS[400],
        404: ERRORS[404],
      },
    }),
    async (c) => {
      const { lci, factors, refs } = c.req.valid('json');
      const bg = await loadBackground(store, lci, factors, 'ipcc-ar6-gwp100');
      return reply(c, z.array(DatasetHitSchema), resolveDatasets(bg, refs));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/electricity-map',
      tags: ['background'],
      summary: 'life-cycle grid electricity factor of every province',
      request: { query: z.object({ year: queryInt(), release: z.string().optional() }) },
      responses: { 200: ok(z.array(ProvinceElectricitySchema), 'one row per province'), 404: ERRORS[404] },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const factors = await loadFactors(store, q.release ?? (await newestRelease(store, 'factors')));
      return reply(c, z.array(ProvinceElectricitySchema), provincialElectricity(factors, q.year));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/study-template.xlsx',
      tags: ['studies'],
      summary: 'the Excel inventory template',
      responses: {
        200: {
          description: 'an .xlsx workbook',
          content: { [XLSX]: { schema: z.string().meta({ format: 'binary' }) } },
        },
      },
    }),
    async (c) => {
      const body = await studyTemplate();
      return c.body(new Uint8Array(body), 200, {
        'content-type': XLSX,
        'content-disposition': 'attachment; filename="tanji-inventory-template.xlsx"',
      }) as never;
    },
  );
  return app;
}
