import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DomainErrorKind } from '../model/errors.ts';

/** The one mapping of a domain rule's refusal to HTTP. */
export const DOMAIN_STATUS: Record<DomainErrorKind, ContentfulStatusCode> = {
  'not-found': 404,
  forbidden: 403,
  conflict: 409,
  invalid: 422,
};

/** An error the API answers with its own status and a message a person can act on. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const unauthorized = () =>
  new ApiError(401, 'unauthorized', 'sign in first: your session is missing or has expired');
export const forbidden = (what: string) => new ApiError(403, 'forbidden', `your role may not ${what}`);
/** Another company's study answers exactly like a missing one, so ids of private data do not leak. */
export const notFound = (what: string) =>
  new ApiError(404, 'not-found', `${what} does not exist or is not visible to you`);
