import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DomainErrorKind, ErrorText } from '../model/errors.ts';
import { API_TEXTS, type ApiAction, type ApiThing } from '../i18n/api.ts';
import { coder, type CodedMessage } from '../i18n/define.ts';

/** The API's own words (src/i18n/api.ts). */
export const coded = coder(API_TEXTS);

/** The one mapping of a domain rule's refusal to HTTP. */
export const DOMAIN_STATUS: Record<DomainErrorKind, ContentfulStatusCode> = {
  'bad-request': 400,
  'not-found': 404,
  forbidden: 403,
  conflict: 409,
  invalid: 422,
};

/**
 * An error the API answers with its own status and a message a person can act on; with catalogue
 * words (`coded(…)`), the web app shows it in the reader's language.
 */
export class ApiError extends Error {
  readonly text?: ErrorText;

  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string | ErrorText,
    readonly details?: unknown,
  ) {
    super(typeof message === 'string' ? message : message.message);
    if (typeof message !== 'string') this.text = message;
  }
}

export const unauthorized = () => new ApiError(401, 'unauthorized', coded('api.unauthorized', {}));
export const forbidden = (action: ApiAction) =>
  new ApiError(403, 'forbidden', coded('api.forbidden', { action: coded(action, {}) }));
/** Another company's study answers exactly like a missing one, so ids of private data do not leak. */
export const notFound = <T extends ApiThing>(thing: T, params: Parameters<(typeof API_TEXTS)[T]['en']>[0]) =>
  new ApiError(404, 'not-found', coded('api.not-found', { thing: coded(thing, params) }));

type Nested = CodedMessage<string, Record<string, unknown>>;

/** How many problems one message names; the error's details list them all. */
export const PROBLEMS_NAMED = 10;

/**
 * Several problems as one message, each in the reader's language: "first; second; …" in order,
 * the first PROBLEMS_NAMED of them (each link repeats the text after it, so a long chain would
 * cost the square of its length).
 */
export function allOf(problems: readonly Nested[]): Nested {
  const named: Nested[] = problems.slice(0, PROBLEMS_NAMED);
  if (problems.length > PROBLEMS_NAMED)
    named.push(coded('api.more-problems', { count: problems.length - PROBLEMS_NAMED }));
  return named.reduceRight((rest, first) => coded('api.problems', { first, rest }));
}
