import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { provincialElectricity } from '../../factors/electricity-map.ts';
import { studyTemplate } from '../../formats/study-excel.ts';
import { listReleases, loadFactors, type Queryable } from '../../store/index.ts';
import { loadBackground } from '../../studies/background.ts';
import { searchDatasets } from '../../studies/datasets.ts';
import { ApiError } from '../errors.ts';
import { ERRORS, ok, reply, router, type Deps } from '../openapi.ts';
import { DatasetHitSchema, DatasetQuerySchema, ProvinceElectricitySchema, ReleaseSchema } from '../schemas.ts';

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

/** The newest release of each kind, for searches that do not name one. */
export async function newestReleases(db: Queryable): Promise<{ lci: string; factors: string }> {
  const all = await releases(db);
  const lci = all.find((r) => r.kind === 'lci');
  const factors = all.find((r) => r.factors > 0);
  if (!lci || !factors) throw new ApiError(404, 'not-found', 'the store holds no LCI release or no factor release yet: run `npm start` or `tanji db init`');
  return { lci: lci.release, factors: factors.release };
}

export function catalogRoutes({ store }: Deps) {
  const app = router();

  app.openapi(
    createRoute({ method: 'get', path: '/api/releases', tags: ['background'], summary: 'releases of the background database', responses: { 200: ok(z.array(ReleaseSchema), 'newest first') } }),
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
      const newest = q.lci && q.factors ? { lci: q.lci, factors: q.factors } : await newestReleases(store);
      const bg = await loadBackground(store, q.lci ?? newest.lci, q.factors ?? newest.factors, 'ipcc-ar6-gwp100');
      return reply(c, z.array(DatasetHitSchema), searchDatasets(bg, q));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/electricity-map',
      tags: ['background'],
      summary: 'life-cycle grid electricity factor of every province',
      request: { query: z.object({ year: z.coerce.number().int().optional(), release: z.string().optional() }) },
      responses: { 200: ok(z.array(ProvinceElectricitySchema), 'one row per province'), 404: ERRORS[404] },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const factors = await loadFactors(store, q.release ?? (await newestReleases(store)).factors);
      return reply(c, z.array(ProvinceElectricitySchema), provincialElectricity(factors, q.year));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/study-template.xlsx',
      tags: ['studies'],
      summary: 'the Excel inventory template',
      responses: { 200: { description: 'an .xlsx workbook', content: { [XLSX]: { schema: z.string().meta({ format: 'binary' }) } } } },
    }),
    async (c) => {
      const body = await studyTemplate();
      return c.body(new Uint8Array(body), 200, { 'content-type': XLSX, 'content-disposition': 'attachment; filename="tanji-inventory-template.xlsx"' }) as never;
    },
  );
  return app;
}
