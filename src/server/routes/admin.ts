import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  changeAccount,
  changeOrganisation,
  createAccount,
  createOrganisation,
  resetPassword,
} from '../../admin/accounts.ts';
import { CompanySchema, OrganisationKindSchema, UserSchema } from '../../model/account.ts';
import { RoleSchema } from '../../model/study.ts';
import { listCompanies, listUsers } from '../../store/index.ts';
import { bearer, ERRORS, json, ok, reply, requireRole, router, type Deps } from '../openapi.ts';
import { hashPassword } from '../passwords.ts';
import { NewUserSchema } from '../schemas.ts';

/**
 * Administration: organisations (enterprises, verification bodies, associations, institutes),
 * their users and roles. Administrators only; the rules are in src/admin/accounts.ts.
 */

const OrganisationRowSchema = CompanySchema.extend({ users: z.number().int(), createdAt: z.string() });
const NewOrganisationSchema = z.object({
  name: z.string().min(1).max(200),
  kind: OrganisationKindSchema.default('enterprise'),
});
const OrganisationChangeSchema = z.object({
  name: z.string().min(1).max(200).optional(),
  kind: OrganisationKindSchema.optional(),
});
const UserChangeSchema = z.object({
  name: z.string().min(1).max(200).optional(),
  role: RoleSchema.optional(),
  companyId: z.string().nullable().optional(),
});
const PasswordSchema = z.object({ password: z.string().min(10).max(200) });
const params = z.object({ id: z.string().min(1) });

export function adminRoutes({ store, cache }: Deps) {
  const app = router();
  // the role before the body: a non-admin learns nothing from validation messages
  app.use('/api/admin/*', async (c, next) => {
    requireRole(c, ['admin'], 'action.administer-organisations');
    await next();
  });
  const admin = { tags: ['admin'], security: bearer };

  app.openapi(
    createRoute({
      ...admin,
      method: 'get',
      path: '/api/admin/companies',
      summary: 'every organisation with its number of users',
      responses: { 200: ok(z.array(OrganisationRowSchema), 'by name'), 401: ERRORS[401], 403: ERRORS[403] },
    }),
    async (c) => reply(c, z.array(OrganisationRowSchema), await listCompanies(store)),
  );

  app.openapi(
    createRoute({
      ...admin,
      method: 'post',
      path: '/api/admin/companies',
      summary: 'create an organisation (enterprise, verification body, association or institute)',
      request: { body: json(NewOrganisationSchema) },
      responses: {
        201: ok(CompanySchema, 'the new organisation'),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
      },
    }),
    async (c) => reply(c, CompanySchema, await createOrganisation(store, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      ...admin,
      method: 'patch',
      path: '/api/admin/companies/{id}',
      summary: 'rename an organisation or change its kind (refused when its users’ roles do not fit the new kind)',
      request: { params, body: json(OrganisationChangeSchema) },
      responses: {
        200: ok(CompanySchema, 'the organisation'),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        404: ERRORS[404],
      },
    }),
    async (c) =>
      reply(
        c,
        CompanySchema,
        await changeOrganisation(store, c.req.valid('param').id, c.req.valid('json'), await listUsers(store)),
      ),
  );

  app.openapi(
    createRoute({
      ...admin,
      method: 'get',
      path: '/api/admin/users',
      summary: 'every user with role and organisation',
      responses: { 200: ok(z.array(UserSchema), 'by organisation, then name'), 401: ERRORS[401], 403: ERRORS[403] },
    }),
    async (c) => reply(c, z.array(UserSchema), await listUsers(store)),
  );

  app.openapi(
    createRoute({
      ...admin,
      method: 'post',
      path: '/api/admin/users',
      summary:
        'create a user: practitioners in an enterprise, verifiers in a verification body, stewards in an association or institute',
      request: { body: json(NewUserSchema) },
      responses: { 201: ok(UserSchema, 'the new user'), 400: ERRORS[400], 401: ERRORS[401], 403: ERRORS[403] },
    }),
    async (c) => {
      const { password, ...body } = c.req.valid('json');
      return reply(
        c,
        UserSchema,
        await createAccount(store, { ...body, passwordHash: await hashPassword(password) }),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      ...admin,
      method: 'patch',
      path: '/api/admin/users/{id}',
      summary: 'change a user’s name, role or organisation (their sessions end on a role or organisation change)',
      request: { params, body: json(UserChangeSchema) },
      responses: {
        200: ok(UserSchema, 'the user'),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        404: ERRORS[404],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const user = await changeAccount(store, c.get('user')!, id, c.req.valid('json'));
      cache.dropUserSessions(id);
      return reply(c, UserSchema, user);
    },
  );

  app.openapi(
    createRoute({
      ...admin,
      method: 'post',
      path: '/api/admin/users/{id}/password',
      summary: 'set a new password for a user (their sessions end)',
      request: { params, body: json(PasswordSchema) },
      responses: {
        200: ok(z.object({ ok: z.boolean() }), 'set'),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        404: ERRORS[404],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await resetPassword(store, id, await hashPassword(c.req.valid('json').password));
      cache.dropUserSessions(id);
      return reply(c, z.object({ ok: z.boolean() }), { ok: true });
    },
  );
  return app;
}
