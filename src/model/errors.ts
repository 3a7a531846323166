/**
 * The one base of errors a domain rule raises: what went wrong in words a person can act on, a
 * stable code, and which kind of refusal it is. The HTTP layer maps the kind to a status once
 * (bad-request 400, forbidden 403, not-found 404, conflict 409, invalid 422); the CLI prints the
 * message.
 *
 * The words come from the one catalogue (src/i18n): a rule passes `coded(code, params)`, so the
 * error carries the catalogue code and params beside its English message, and the web app and the
 * CLI show it in the reader's language. `code` stays the API's stable machine code (what a client
 * matches on); `text.code` names the words.
 */

export type DomainErrorKind = 'bad-request' | 'not-found' | 'forbidden' | 'conflict' | 'invalid';

/** An error's words as the catalogue holds them: its code and params, and the English text. */
export interface ErrorText {
  code: string;
  params: Readonly<Record<string, unknown>>;
  message: string;
}

export class DomainError extends Error {
  readonly text?: ErrorText;

  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string | ErrorText,
    readonly details?: unknown,
  ) {
    super(typeof message === 'string' ? message : message.message);
    this.name = new.target.name;
    if (typeof message !== 'string') this.text = message;
  }
}

/** The catalogue words of any error that carries them (a DomainError, an ApiError, an ImportError). */
export function errorTextOf(e: unknown): ErrorText | undefined {
  const text = (e as { text?: unknown } | null)?.text;
  return typeof text === 'object' && text !== null && typeof (text as ErrorText).code === 'string'
    ? (text as ErrorText)
    : undefined;
}
