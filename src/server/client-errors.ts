import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { UnknownRegionError } from '../factors/regions.ts';
import { NoSuchReleaseError } from '../store/index.ts';
import { UnknownReleaseError } from '../studies/background.ts';
import { DomainError } from '../model/errors.ts';
import { log } from '../ops/log.ts';
import { ApiError, coded, DOMAIN_STATUS } from './errors.ts';

/**
 * What the API answers for an error no route mapped itself. Mistakes of the client (a body that
 * is not JSON, the wrong content type, an unknown region or release, a file that is not what its
 * name says) are 4xx with a message a person can act on; anything else is the server's fault: a
 * 500 with an id to quote, the details only in the server's log, so that no message shows a
 * server path, a stack or the inside of a query.
 */
export function clientError(err: unknown, c: Context): ApiError | undefined {
  if (err instanceof ApiError) return err;
  if (err instanceof DomainError)
    return new ApiError(DOMAIN_STATUS[err.kind], err.code, err.text ?? err.message, err.details);
  if (err instanceof HTTPException) {
    if (err.status === 400 && /malformed json/i.test(err.message)) {
      return new ApiError(400, 'invalid-json', coded('api.invalid-json', {}));
    }
    if (err.status === 415) {
      const sent = c.req.header('content-type');
      return new ApiError(
        415,
        'unsupported-media-type',
        coded('api.unsupported-media-type', {
          method: c.req.method,
          path: c.req.path,
          sent: sent ? coded('api.body-of-type', { type: sent.slice(0, 100) }) : coded('api.body-without-type', {}),
        }),
      );
    }
    return new ApiError(err.status as ApiError['status'], 'bad-request', err.message);
  }
  if (err instanceof UnknownRegionError) return new ApiError(400, 'unknown-region', err.message);
  if (err instanceof UnknownReleaseError || err instanceof NoSuchReleaseError)
    return new ApiError(404, 'unknown-release', err.message);
  return undefined;
}

/** The answer to an error of the server: logged whole, answered with an id only. */
export function serverError(err: unknown): ApiError {
  const id = randomUUID();
  log.error({ errorId: id, err: (err as Error)?.message, stack: (err as Error)?.stack }, 'request failed');
  return new ApiError(500, 'internal', coded('api.internal', { id }));
}
