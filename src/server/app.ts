import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { getCookie } from 'hono/cookie';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Store } from '../store/index.ts';
import { unauthorized } from './errors.ts';
import { clientError, serverError } from './client-errors.ts';
import { bodyLimits } from './body-limits.ts';
import { jsonGuard } from './json-guard.ts';
import { checkCsrf, checkOrigin, CSRF_HEADER, isUnsafeMethod, SESSION_COOKIE } from './csrf.ts';
import { securityHeaders, WEB_CSP } from './security-headers.ts';
import { ReadCache } from './cache.ts';
import { docsPage } from './docs.ts';
import { router, type Env } from './openapi.ts';
import { authRoutes } from './routes/auth.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { cobuildRoutes } from './routes/cobuild.ts';
import { resultRoutes } from './routes/results.ts';
import { studyRoutes } from './routes/studies.ts';
import { pactRoutes } from './routes/pact.ts';
import { pcrRoutes } from './routes/pcrs.ts';
import { PactExchange } from '../pact/exchange.ts';
import { authenticate } from './sessions.ts';

export interface AppOptions {
  store: Store;
  /** the built web app (web/dist) to serve at /, when it exists */
  webDir?: string;
  /** the PACT exchange shared with the PACT host of the same process */
  pact?: PactExchange;
}

/** Unsafe methods that need no session: signing in, and a read that takes its question as a body. */
const OPEN_UNSAFE_ROUTES = new Set(['/api/auth/login', '/api/datasets/resolve']);

/** The whole HTTP surface: API, OpenAPI document, docs page and the web app, on one port. */
export function createApp({ store, webDir, pact = new PactExchange(store) }: AppOptions): OpenAPIHono<Env> {
  const app = router();
  const cache = new ReadCache(store);

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

  for (const routes of [authRoutes, catalogRoutes, pcrRoutes, studyRoutes, resultRoutes, pactRoutes, cobuildRoutes]) app.route('/', routes({ store, cache, pact }));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'the token from POST /api/auth/login' });
  const document = () =>
    app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 'Tanji (碳迹) API', version: '0.1.0', description: 'Product carbon footprints to ISO 14067 / GB/T 24067: background data, studies, results, reports.' },
    });
  app.get('/openapi.json', (c) => c.json(document()));
  app.get('/docs', (c) => c.html(docsPage(document())));

  app.notFound((c) => c.json({ error: { code: 'not-found', message: `no route ${c.req.method} ${c.req.path}` } }, 404));
  app.onError((err, c) => {
    const e = clientError(err, c) ?? serverError(err);
    return c.json({ error: { code: e.code, message: e.message, details: e.details } }, e.status);
  });

  if (webDir && existsSync(join(webDir, 'index.html'))) {
    const root = relative(process.cwd(), webDir) || '.';
    app.use('/*', serveStatic({ root }));
    app.get('*', async (c) => (c.req.path.startsWith('/api/') ? c.notFound() : c.html(await readFile(join(webDir, 'index.html'), 'utf8'))));
  }
  return app;
}
