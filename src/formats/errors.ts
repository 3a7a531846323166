import { DomainError } from '../model/errors.ts';
import { coder, type CodedMessage } from '../i18n/define.ts';
import { FORMAT_TEXTS } from '../i18n/formats.ts';

/** The words of src/i18n/formats.ts: what is wrong with a file, in the reader's language. */
export const coded = coder(FORMAT_TEXTS);

/** What is wrong, without where: a code of src/i18n/formats.ts and its params. */
export type ImportProblem = CodedMessage<string, Record<string, unknown>>;

/**
 * The importers' one error type. The message names the file, the record inside it and the field,
 * so that a user can open the zip and find the problem without a debugger; the problem itself is
 * a catalogue code (`import.*`), so the web app says it in the reader's language. An unreadable
 * file is the client's to fix: an invalid request, answered 'unreadable-file' unless the caller
 * that reads the file names its own code.
 */
export class ImportError extends DomainError {
  constructor(
    readonly problem: ImportProblem,
    readonly file: string,
    readonly record?: string,
    readonly field?: string,
    apiCode = 'unreadable-file',
    details?: unknown,
  ) {
    super('invalid', apiCode, coded('import.at', { file, record: record ?? '', field: field ?? '', problem }), details);
  }

  /** The same problem under another API code. */
  answeredAs(apiCode: string): ImportError {
    return new ImportError(this.problem, this.file, this.record, this.field, apiCode, this.details);
  }
}

/**
 * Runs `read`, an unreadable file answered under `apiCode`: an API that has always named it so
 * (the co-construction routes: 'bad-file') keeps its code, and no route maps the error itself.
 */
export async function readingAs<T>(apiCode: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    throw e instanceof ImportError ? e.answeredAs(apiCode) : e;
  }
}

/** A value as it appears in a message: strings quoted, long values cut. */
export function shown(v: unknown): string {
  const s = v === undefined ? 'nothing' : (JSON.stringify(v) ?? String(v));
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
