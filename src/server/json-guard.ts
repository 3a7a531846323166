import type { MiddlewareHandler } from 'hono';
import { ApiError, coded } from './errors.ts';
import type { CodedMessage } from '../i18n/define.ts';

/**
 * A backstop for every JSON body, before its route's schema: no string longer than
 * JSON_STRING_MAX characters (schemas set tighter limits per field), no nesting deeper than
 * JSON_DEPTH_MAX, and no number JSON.parse turned into ±Infinity (`1e309`), which a schema would
 * otherwise report as a wrong type. Each refusal names the field by its path.
 */

export const JSON_STRING_MAX = 100_000;
export const JSON_DEPTH_MAX = 32;

const isJson = (contentType: string | undefined) =>
  !!contentType && /^application\/([\w.-]+\+)?json\b/i.test(contentType.trim());

export function jsonGuard(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && isJson(c.req.header('content-type'))) {
      let body: unknown;
      try {
        // cached by Hono: the route's validator reads the same parse
        body = await c.req.json();
      } catch {
        throw new ApiError(400, 'invalid-json', coded('api.invalid-json', {}));
      }
      const problem = findProblem(body, '', 0);
      if (problem) {
        const words = coded('api.field-problem', {
          field: problem.path || coded('api.body', {}),
          problem: problem.what,
        });
        throw new ApiError(400, 'invalid-request', words, [{ path: problem.path || 'body', message: words.message }]);
      }
    }
    await next();
  };
}

/** The first problem found, at its path ('' for the body itself). */
function findProblem(value: unknown, path: string, depth: number): { path: string; what: CodedMessage } | undefined {
  if (typeof value === 'number' && !Number.isFinite(value)) return { path, what: coded('api.number-out-of-range', {}) };
  if (typeof value === 'string' && value.length > JSON_STRING_MAX)
    return { path, what: coded('api.text-too-long', { length: value.length, max: JSON_STRING_MAX }) };
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= JSON_DEPTH_MAX) return { path, what: coded('api.nested-too-deep', { max: JSON_DEPTH_MAX }) };
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value);
  for (const [key, v] of entries) {
    const found = findProblem(v, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return undefined;
}
