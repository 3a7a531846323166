import type { StudyResult } from '../model/study.ts';
import { DomainError, type ErrorText } from '../model/errors.ts';
import { coder } from '../i18n/define.ts';
import { STUDY_TEXTS } from '../i18n/studies.ts';

const coded = coder(STUDY_TEXTS);

/**
 * A result is saved only when every number in it is finite. A non-finite number (an amount or a
 * formula that overflows, a factor that is not a number) would be stored as null by JSON and
 * break every reader of the result afterwards: the result page, the report, the PACT document.
 * The error names the entries whose numbers failed, or says that only the sums overflowed.
 */
export class InvalidResultError extends DomainError {
  constructor(
    message: ErrorText,
    /** ids of the entries at fault, when the fault is in entries */
    readonly entryIds: readonly string[],
  ) {
    super('invalid', 'invalid-result', message);
  }
}

/** Paths of the non-finite numbers inside `value` (at most `max` of them). */
export function nonFinitePaths(value: unknown, path = '', max = 5, found: string[] = []): string[] {
  if (found.length >= max) return found;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) found.push(path || '(value)');
  } else if (Array.isArray(value)) value.forEach((v, i) => nonFinitePaths(v, `${path}[${i}]`, max, found));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) nonFinitePaths(v, path ? `${path}.${k}` : k, max, found);
  return found;
}

export function checkResult(result: StudyResult): void {
  const badEntries = result.entries.filter((e) => nonFinitePaths(e).length > 0);
  if (badEntries.length > 0) {
    const named = badEntries
      .slice(0, 5)
      .map((e) => `"${e.name}" (${e.entryId}: ${nonFinitePaths(e, '', 3).join(', ')})`)
      .join('; ');
    throw new InvalidResultError(
      coded('result.not-finite', { count: badEntries.length, entries: named }),
      badEntries.map((e) => e.entryId),
    );
  }
  const paths = nonFinitePaths(result);
  if (paths.length > 0) {
    const largest = [...result.entries].sort((a, b) => Math.abs(b.total) - Math.abs(a.total)).slice(0, 3);
    throw new InvalidResultError(
      coded('result.overflow', {
        paths: paths.join(', '),
        largest: largest.map((e) => `"${e.name}" (${e.total.toExponential(2)} kg CO2e)`).join(', '),
      }),
      largest.map((e) => e.entryId),
    );
  }
}
