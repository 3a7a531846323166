import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Role } from '../model/study.ts';
import type { Store, User } from '../store/index.ts';
import { ApiError, forbidden, unauthorized } from './errors.ts';
import { ErrorSchema } from './schemas.ts';
import { hasRole } from './access.ts';
import type { ReadCache } from './cache.ts';
import type { PactExchange } from '../pact/exchange.ts';

/** The pieces every route module uses: the app type, body and response shorthands, the role check. */

export interface Env {
  Variables: { user?: User; token?: string };
}

export interface Deps {
  store: Store;
  cache: ReadCache;
  pact: PactExchange;
}

export function router(): OpenAPIHono<Env> {
  return new OpenAPIHono<Env>({
    defaultHook: (result) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new ApiError(
          400,
          'invalid-request',
          issues.map((i) => `${i.path || 'body'}: ${i.message}`).join('; '),
          issues,
        );
      }
    },
  });
}

export const json = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});
export const ok = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const err = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } });
export const ERRORS = {
  400: err('invalid request: the message names the field'),
  401: err('not signed in, or the session expired'),
  403: err('the role may not do this'),
  404: err('not found, or not visible to this user'),
} as const;

export const bearer = [{ bearer: [] as string[] }];

/** The signed-in user, if it has one of the roles. */
export function requireRole(c: Context<Env>, roles: readonly Role[], what: string): User {
  const user = c.get('user');
  if (!user) throw unauthorized();
  if (!hasRole(user, roles)) throw forbidden(what);
  return user;
}

/** A JSON body already checked against its schema (from the read cache). */
export function replyJson(c: Context<Env>, json: string) {
  return c.body(json, 200, { 'content-type': 'application/json' }) as never;
}

/** Responses are checked against their schema too: a bug in the server is a 500, not a malformed answer. */
export function reply<T extends z.ZodType>(c: Context<Env>, schema: T, data: z.input<T>, status: 200 | 201 = 200) {
  return c.json(schema.parse(data) as object, status) as never;
}
