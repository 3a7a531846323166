/**
 * The importers' one error type. The message names the file, the record inside it and the field,
 * so that a user can open the zip and find the problem without a debugger.
 */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly record?: string,
    readonly field?: string,
  ) {
    super(
      [file, record, field === undefined ? undefined : `field "${field}"`, message]
        .filter((s) => s !== undefined)
        .join(': '),
    );
    this.name = 'ImportError';
  }
}

/** A value as it appears in a message: strings quoted, long values cut. */
export function shown(v: unknown): string {
  const s = v === undefined ? 'nothing' : (JSON.stringify(v) ?? String(v));
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
