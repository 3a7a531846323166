import { createRoute } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { createCompany, createUser, findCompany, getUser } from '../../store/index.ts';
import { ApiError, coded } from '../errors.ts';
import { bearer, ERRORS, json, ok, reply, requireRole, router, type Deps } from '../openapi.ts';
import { hashPassword } from '../passwords.ts';
import { CompanySchema, UserSchema } from '../../model/account.ts';
import { ErrorSchema, LoginRequestSchema, LoginSchema, NewUserSchema } from '../schemas.ts';
import { login, logout } from '../sessions.ts';
import { LoginThrottle } from '../login-throttle.ts';
import { clientAddress } from '../client-address.ts';
import { CSRF_COOKIE, csrfTokenFor, SESSION_COOKIE } from '../csrf.ts';
import { z } from 'zod';
import { nameText } from '../../model/limits.ts';

export function authRoutes({ store, cache }: Deps) {
  const app = router();
  const throttle = new LoginThrottle(store);
  // the role before the body: a non-admin learns nothing from validation messages
  app.use('/api/admin/*', async (c, next) => {
    requireRole(c, ['admin'], 'action.administer-companies');
    await next();
  });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/login',
      tags: ['auth'],
      summary: 'sign in',
      request: { body: json(LoginRequestSchema) },
      responses: {
        200: ok(LoginSchema, 'a session token'),
        400: ERRORS[400],
        401: ERRORS[401],
        429: ok(ErrorSchema, 'too many wrong passwords for this email from this address'),
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const client = clientAddress(c);
      const wait = await throttle.retryAfter(email, client);
      if (wait > 0) {
        c.header('retry-after', String(wait));
        throw new ApiError(
          429,
          'too-many-attempts',
          coded('api.too-many-attempts', { email, minutes: Math.ceil(wait / 60) }),
        );
      }
      const session = await login(store, email, password).catch(async (e: unknown) => {
        if (e instanceof ApiError && e.code === 'bad-credentials') await throttle.failed(email, client);
        throw e;
      });
      await throttle.succeeded(email, client);
      // Secure whenever the request came over HTTPS (directly or through a proxy that says so)
      const secure = new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
      const cookie = { sameSite: 'Strict', path: '/', secure, expires: new Date(session.expiresAt) } as const;
      setCookie(c, SESSION_COOKIE, session.token, { ...cookie, httpOnly: true });
      setCookie(c, CSRF_COOKIE, csrfTokenFor(session.token), cookie);
      return reply(c, LoginSchema, session);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/logout',
      tags: ['auth'],
      summary: 'end the session',
      security: bearer,
      responses: { 200: ok(z.object({ ok: z.boolean() }), 'signed out'), 401: ERRORS[401] },
    }),
    async (c) => {
      requireRole(c, ['enterprise', 'steward', 'verifier', 'admin', 'public'], 'action.sign-out');
      await logout(store, c.get('token')!, cache);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      deleteCookie(c, CSRF_COOKIE, { path: '/' });
      return reply(c, z.object({ ok: z.boolean() }), { ok: true });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/me',
      tags: ['auth'],
      summary: 'the signed-in user',
      security: bearer,
      responses: { 200: ok(UserSchema, 'the user'), 401: ERRORS[401] },
    }),
    (c) =>
      reply(
        c,
        UserSchema,
        requireRole(c, ['enterprise', 'steward', 'verifier', 'admin', 'public'], 'action.read-account'),
      ),
  );

  return app;
}
