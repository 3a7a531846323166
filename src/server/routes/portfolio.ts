import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { LifeCycleStageSchema } from '../../model/lci.ts';
import { portfolioRows } from '../../store/index.ts';
import { portfolioOf, portfolioWorkbook } from '../../studies/portfolio.ts';
import { bearer, ERRORS, ok, reply, requireRole, router, type Deps } from '../openapi.ts';
import { XLSX } from './catalog.ts';

/** The company's portfolio of product footprints across years and versions (src/studies/portfolio.ts). */

const Stages = z.object(
  Object.fromEntries(LifeCycleStageSchema.options.map((s) => [s, z.number()])) as Record<
    (typeof LifeCycleStageSchema.options)[number],
    z.ZodNumber
  >,
);
/** the amount and unit as the study states them; the page and the workbook write the unit in words */
const DeclaredUnitSchema = z.object({ amount: z.number(), unit: z.string() });
const PointSchema = z.object({
  studyId: z.string(),
  studyName: z.string(),
  product: z.string(),
  classification: z.string().optional(),
  declaredUnit: DeclaredUnitSchema,
  year: z.number(),
  version: z.number(),
  computedAt: z.string(),
  total: z.number(),
  removals: z.number(),
  byStage: Stages,
  change: z.number().optional(),
  changeShare: z.number().optional(),
});
const PortfolioSchema = z.array(
  z
    .object({
      key: z.string(),
      product: z.string(),
      declaredUnit: DeclaredUnitSchema,
      classification: z.string().optional(),
      points: z.array(PointSchema),
      latest: PointSchema,
      stageShares: Stages,
    })
    .meta({ id: 'PortfolioProduct' }),
);
const LangQuery = z.object({ lang: z.enum(['zh', 'en']).default('zh') });

export function portfolioRoutes({ store }: Deps) {
  const app = router();
  const what = 'action.read-portfolio';

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/portfolio',
      tags: ['studies'],
      summary:
        "the company's products with every calculated version: trend across years and versions, stage shares of the latest",
      security: bearer,
      responses: { 200: ok(PortfolioSchema, 'by product'), 401: ERRORS[401], 403: ERRORS[403] },
    }),
    async (c) => {
      const user = requireRole(c, ['enterprise'], what);
      return reply(c, PortfolioSchema, portfolioOf(await portfolioRows(store, user.companyId!)));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/portfolio.xlsx',
      tags: ['studies'],
      summary: 'the portfolio as an Excel workbook (every version with its change, and the stage comparison)',
      security: bearer,
      request: { query: LangQuery },
      responses: {
        200: {
          description: 'an .xlsx workbook',
          content: { [XLSX]: { schema: z.string().meta({ format: 'binary' }) } },
        },
        401: ERRORS[401],
        403: ERRORS[403],
      },
    }),
    async (c) => {
      const user = requireRole(c, ['enterprise'], what);
      const body = await portfolioWorkbook(
        portfolioOf(await portfolioRows(store, user.companyId!)),
        c.req.valid('query').lang,
      );
      return c.body(body as Uint8Array<ArrayBuffer>, 200, {
        'content-type': XLSX,
        'content-disposition': 'attachment; filename="tanji-portfolio.xlsx"',
      }) as never;
    },
  );
  return app;
}
