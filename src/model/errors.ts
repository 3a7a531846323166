/**
 * The one base of errors a domain rule raises: what went wrong in words a person can act on, a
 * stable code, and which kind of refusal it is. The HTTP layer maps the kind to a status once
 * (not-found 404, forbidden 403, conflict 409, invalid 422); the CLI prints the message.
 */

export type DomainErrorKind = 'not-found' | 'forbidden' | 'conflict' | 'invalid';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
