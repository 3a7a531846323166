import { COBUILD_ERROR_TEXTS } from '../i18n/cobuild-errors.ts';
import { coder, type CodedMessage } from '../i18n/define.ts';
import { DomainError, type ErrorText } from '../model/errors.ts';
import type { Issue } from './model.ts';

/**
 * The co-construction steps' refusals, each a DomainError of its kind (the HTTP layer maps kinds to
 * statuses once) whose words are in src/i18n/cobuild-errors.ts.
 */

export const coded = coder(COBUILD_ERROR_TEXTS);

type Joiner = 'cobuild.list.comma' | 'cobuild.list.or' | 'cobuild.list.semicolon';
type Words = CodedMessage<string, Record<string, unknown>>;
type Item = string | Words;

/** Items (at least one) as one message, joined by the list's words in the reader's language. */
export function listOf(items: readonly Item[], joiner: Joiner): Item {
  return items.reduceRight((rest, first) => coded(joiner, { first, rest }));
}

/** Missing, or not visible to this user: another company's submission is answered exactly like a missing one. */
export class NotFoundError extends DomainError {
  constructor(what: Words) {
    super('not-found', 'not-found', coded('cobuild.not-found', { what }));
  }
}

/** What completes "your role may not …". */
export type Deed = After<'cobuild.deed.', keyof typeof COBUILD_ERROR_TEXTS>;
type After<Prefix extends string, Code> = Code extends `${Prefix}${infer Rest}` ? Rest : never;

export class ForbiddenError extends DomainError {
  constructor(deed: Deed) {
    super('forbidden', 'forbidden', coded('cobuild.forbidden', { what: coded(`cobuild.deed.${deed}`, {}) }));
  }
}

/** The most lines a refusal lists; the details hold them all. */
const SHOWN_PROBLEMS = 20;

/** Datasets refused on arrival, every problem of every dataset named (in the details; the first 20 in the message). */
export class SubmissionRejectedError extends DomainError {
  constructor(readonly problems: { index: number; dataset: string; errors: Issue[] }[]) {
    const lines = problems.flatMap((p) => p.errors.map((e) => ({ index: p.index + 1, dataset: p.dataset, issue: e })));
    const more =
      lines.length > SHOWN_PROBLEMS ? coded('cobuild.more-problems', { count: lines.length - SHOWN_PROBLEMS }) : '';
    const text = lines.slice(0, SHOWN_PROBLEMS).reduceRight<Item>(
      (next, { index, dataset, issue }) =>
        coded('cobuild.dataset-problem', {
          index,
          dataset,
          field: issue.field,
          problem: issue.code
            ? { code: issue.code, params: issue.params ?? {}, message: issue.message }
            : issue.message,
          next,
        }),
      more,
    );
    super(
      'invalid',
      'invalid-datasets',
      coded('cobuild.datasets-refused', { count: problems.length, problems: text }),
      problems,
    );
  }
}

/** Somebody changed the submission since the caller read it. */
export class StaleSubmissionError extends DomainError {
  constructor(
    readonly latest: number,
    readonly base: number,
  ) {
    super('conflict', 'stale-version', coded('cobuild.stale-submission', { base, latest }), { latest });
  }
}

/** A request that cannot be carried out as asked (an aggregate below the threshold, a confidential dataset in a release). */
export class CobuildConflictError extends DomainError {
  constructor(text: ErrorText) {
    super('invalid', 'not-possible', text);
  }
}
