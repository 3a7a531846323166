import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError, coded } from './errors.ts';

/**
 * The largest request body each route takes. One thread serves every user, so a body is refused
 * (413, naming the limit) before it is read when its Content-Length is too large, and as soon as
 * it passes the limit when it is streamed without one. Sizes are generous for real work: a study
 * of a thousand entries is about 0.5 MiB of JSON, a co-construction zip the size of TianGong's
 * 4,133 processes 29 MiB; a whole database archive (TianGong's ILCD zip) for import is larger.
 */

const KiB = 1024;
const MiB = 1024 * KiB;

/** First match wins; `*` stands for one path segment, a final `*` for the rest of the path. */
export const BODY_LIMITS: readonly (readonly [pattern: string, bytes: number])[] = [
  ['/api/auth/login', 16 * KiB],
  ['/api/cobuild/submissions/file', 64 * MiB],
  ['/api/cobuild/imports', 128 * MiB],
  ['/api/studies/*/inventory.xlsx', 8 * MiB],
  ['/api/cobuild/submissions', 8 * MiB],
  ['/api/cobuild/submissions/*', 8 * MiB],
  ['/api/*', 2 * MiB],
];

const matchers = BODY_LIMITS.map(([pattern, bytes]) => {
  const source = pattern
    .split('/')
    .map((part) => (part === '*' ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return { test: new RegExp(`^${source.replace(/\/\[\^\/\]\+$/, '/.+')}$`), bytes };
});

export function bodyLimitOf(path: string): number {
  return (matchers.find((m) => m.test.test(path)) ?? matchers[matchers.length - 1]).bytes;
}

export const shownBytes = (n: number) => (n >= MiB ? `${n / MiB} MiB` : `${n / KiB} KiB`);

export function bodyLimits(): MiddlewareHandler {
  return (c, next) => {
    const maxSize = bodyLimitOf(c.req.path);
    return bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError(
          413,
          'too-large',
          coded('api.too-large', { limit: shownBytes(maxSize), method: c.req.method, path: c.req.path }),
        );
      },
    })(c, next);
  };
}
