/**
 * A request the PACT host refuses, in the spec's terms. The HTTP status and the code's spelling
 * depend on the Tech Spec version and are chosen where the answer is written (host/errors.ts).
 */
export type PactErrorKind =
  'BadRequest' | 'AccessDenied' | 'TokenExpired' | 'NotFound' | 'NotImplemented' | 'InternalError';

export class PactRequestError extends Error {
  constructor(
    readonly kind: PactErrorKind,
    message: string,
  ) {
    super(message);
  }
}
