import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import type { $ZodErrorMap } from 'zod/v4/core';
import type { Role } from '../model/study.ts';
import type { Store, User } from '../store/index.ts';
import { allOf, ApiError, coded, forbidden, unauthorized } from './errors.ts';
import type { ApiAction } from '../i18n/api.ts';
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
        // the validator hands the hook the value it checked, though its type does not say so
        const input = 'data' in result ? result.data : undefined;
        throw new ApiError(400, 'invalid-request', issuesInWords(result.error.issues, input), issues);
      }
    },
  });
}

const ZOD_EN = z.locales.en().localeError;
const ZOD_ZH = z.locales.zhCN().localeError;
const wordsOf = (words: ReturnType<$ZodErrorMap>) => (typeof words === 'string' ? words : words?.message);

/**
 * A request's problems, each named by its field, in both languages: zod words its own checks in
 * Chinese too (its zh-CN locale, given the value at the field). A schema's own message (a refine)
 * is English only, so it reads the same in both.
 */
function issuesInWords(issues: readonly z.core.$ZodIssue[], input: unknown) {
  return allOf(
    issues.map((issue) => {
      const raw = { ...issue, input: valueAt(input, issue.path) } as Parameters<$ZodErrorMap>[0];
      const ownWords = wordsOf(ZOD_EN(raw)) === issue.message;
      return coded('api.field-issue', {
        field: issue.path.join('.') || coded('api.body', {}),
        issueEn: issue.message,
        issueZh: (ownWords && wordsOf(ZOD_ZH(raw))) || issue.message,
      });
    }),
  );
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as never)[key] : undefined), value);
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

/** The signed-in user, if it has one of the roles; else 403 naming the action refused. */
export function requireRole(c: Context<Env>, roles: readonly Role[], action: ApiAction): User {
  const user = c.get('user');
  if (!user) throw unauthorized();
  if (!hasRole(user, roles)) throw forbidden(action);
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
