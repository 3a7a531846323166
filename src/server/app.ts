import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { getCookie } from 'hono/cookie';
import type { Context } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Store } from '../store/index.ts';
import { ApiError, coded, unauthorized } from './errors.ts';
import { clientError, serverError } from './client-errors.ts';
import { bodyLimits } from './body-limits.ts';
import { jsonGuard } from './json-guard.ts';
import { checkCsrf, checkOrigin, CSRF_HEADER, isUnsafeMethod, SESSION_COOKIE } from './csrf.ts';
import { securityHeaders, WEB_CSP } from './security-headers.ts';
import { ReadCache } from './cache.ts';
import { docsPage } from './docs.ts';
import { router, type Env } from './openapi.ts';
import { adminRoutes } from './routes/admin.ts';
import { portfolioRoutes } from './routes/portfolio.ts';
import { authRoutes } from './routes/auth.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { cobuildRoutes } from './routes/cobuild.ts';
import { resultRoutes } from './routes/results.ts';
import { studyRoutes } from './routes/studies.ts';
import { pactRoutes } from './routes/pact.ts';
import { labelRoutes } from './routes/labels.ts';
import { pcrRoutes } from './routes/pcrs.ts';
import { PactExchange } from '../pact/exchange.ts';
import { authenticate } from './sessions.ts';
import { inProcessWorker } from './jobs.ts';
import { wakeLocalWorkers } from '../jobs/index.ts';
import { randomUUID } from 'node:crypto';
import { log } from '../ops/log.ts';
import { observeRequest, registry, watchStore } from '../ops/metrics.ts';

export interface AppOptions {
  store: Store;
  /** the built web app (web/dist) to serve at /, when it exists */
  webDir?: string;
  /** the PACT exchange shared with the PACT host of the same process */
  pact?: PactExchange;
  /** run jobs in this process (default); false: only enqueue them for `tanji worker` processes */
  worker?: boolean;
}

/** Unsafe methods that need no session: signing in, and a read that takes its question as a body. */
const OPEN_UNSAFE_ROUTES = new Set(['/api/auth/login', '/api/datasets/resolve']);

/** The whole HTTP surface: API, OpenAPI document, docs page and the web app, on one port. */
export function createApp({
  store,
  webDir,
  pact = new PactExchange(store),
  worker = true,
}: AppOptions): OpenAPIHono<Env> {
  const app = router();
  const cache = new ReadCache(store);
  if (worker) inProcessWorker(store).worker.onDone((job) => job.studyId && cache.dropResult(job.studyId));
  pact.events.onQueued = () => wakeLocalWorkers(store);
  watchStore(store);

  app.use('*', async (c, next) => {
    const started = performance.now();
    const id = c.req.header('x-request-id')?.slice(0, 100) || randomUUID();
    c.header('x-request-id', id);
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = c.req.routePath || 'unmatched';
    observeRequest(c.req.method, route, c.res.status, seconds);
    if (route !== '/healthz' && route !== '/metrics')
      log.info(
        {
          req: id,
          method: c.req.method,
          route,
          path: c.req.path,
          status: c.res.status,
          ms: Math.round(seconds * 1000),
        },
        'request',
      );
  });
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', async (c) => {
    try {
      await store.query('SELECT 1 FROM schema_migrations LIMIT 1');
      return c.json({ ok: true, store: store.kind });
    } catch (e) {
      return c.json({ ok: false, error: `the store does not answer: ${(e as Error).message}` }, 503);
    }
  });
  // TANJI_METRICS_TOKEN, when set, is the bearer token a scraper must send
  app.get('/metrics', async (c) => {
    const token = process.env.TANJI_METRICS_TOKEN;
    if (token && c.req.header('authorization') !== `Bearer ${token}`)
      return c.json(
        { error: { code: 'unauthorized', message: 'metrics need the bearer token TANJI_METRICS_TOKEN' } },
        401,
      );
    return c.body(await registry.metrics(), 200, { 'content-type': registry.contentType });
  });

  app.use('*', securityHeaders({ csp: WEB_CSP }));
  app.use('/api/*', async (c, next) => {
    const unsafe = isUnsafeMethod(c.req.method);
    if (unsafe) checkOrigin(c.req.header('origin'), c.req.header('x-forwarded-host') ?? c.req.header('host'));
    const header = c.req.header('authorization');
    const bearerToken = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const token = bearerToken ?? getCookie(c, SESSION_COOKIE);
    if (token) {
      const user = await authenticate(store, token, cache);
      if (user) {
        // only the cookie is sent by the browser on its own, so only the cookie needs the CSRF proof
        if (unsafe && !bearerToken) checkCsrf(token, c.req.header(CSRF_HEADER));
        c.set('user', user);
        c.set('token', token);
      }
    }
    // who may ask before what is asked: a body is read and validated only for a signed-in user
    if (unsafe && !c.get('user') && !OPEN_UNSAFE_ROUTES.has(c.req.path)) throw unauthorized();
    await next();
  });
  app.use('/api/*', bodyLimits());
  app.use('/api/*', jsonGuard());

  for (const routes of [
    authRoutes,
    adminRoutes,
    portfolioRoutes,
    catalogRoutes,
    pcrRoutes,
    studyRoutes,
    resultRoutes,
    pactRoutes,
    cobuildRoutes,
    labelRoutes,
  ])
    app.route('/', routes({ store, cache, pact }));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'the token from POST /api/auth/login',
  });
  const document = () =>
    app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'Tanji (碳迹) API',
        version: '0.1.0',
        description: 'Product carbon footprints to ISO 14067 / GB/T 24067: background data, studies, results, reports.',
      },
    });
  app.get('/openapi.json', (c) => c.json(document()));
  app.get('/docs', (c) => c.html(docsPage(document())));

  const answer = (c: Context, e: ApiError) => {
    const words = e.text && { messageCode: e.text.code, params: e.text.params };
    return c.json({ error: { code: e.code, message: e.message, ...words, details: e.details } }, e.status);
  };
  app.notFound((c) =>
    answer(c, new ApiError(404, 'not-found', coded('api.no-route', { method: c.req.method, path: c.req.path }))),
  );
  app.onError((err, c) => answer(c, clientError(err, c) ?? serverError(err)));

  if (webDir && existsSync(join(webDir, 'index.html'))) {
    const root = relative(process.cwd(), webDir) || '.';
    app.use('/*', serveStatic({ root }));
    app.get('*', async (c) =>
      c.req.path.startsWith('/api/') ? c.notFound() : c.html(await readFile(join(webDir, 'index.html'), 'utf8')),
    );
  }
  return app;
}
