import type { Issue } from './model.ts';

/** The co-construction steps' errors; the HTTP layer gives each its status. */

/** Missing, or not visible to this user: another company's submission is answered exactly like a missing one. */
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} does not exist or is not visible to you`);
  }
}

export class ForbiddenError extends Error {
  constructor(what: string) {
    super(`your role may not ${what}`);
  }
}

/** Datasets refused on arrival, every problem of every dataset named. */
export class SubmissionRejectedError extends Error {
  constructor(readonly problems: { index: number; dataset: string; errors: Issue[] }[]) {
    const lines = problems.flatMap((p) =>
      p.errors.map((e) => `\n  dataset ${p.index + 1} (${p.dataset}): ${e.field}: ${e.message}`),
    );
    super(
      `${problems.length} dataset${problems.length === 1 ? '' : 's'} refused:${lines.slice(0, 20).join('')}${lines.length > 20 ? `\n  … and ${lines.length - 20} more` : ''}`,
    );
  }
}

/** Somebody changed the submission since the caller read it. */
export class StaleSubmissionError extends Error {
  constructor(
    readonly latest: number,
    readonly base: number,
  ) {
    super(
      `the submission changed since you opened it (you read version ${base}, the latest is ${latest}); reload it and apply your change again`,
    );
  }
}

/** A request that cannot be carried out as asked (an aggregate below the threshold, a confidential dataset in a release). */
export class CobuildConflictError extends Error {}
