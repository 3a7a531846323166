import { DomainError } from '../model/errors.ts';
import { coded, listOf } from './errors.ts';
import type { ReviewAction, ReviewState } from './model.ts';

/**
 * The review workflow as data: which step may follow which state, who may take it, and whether it
 * must say why. A contributor revises its own submission while it waits or after changes were
 * requested; a steward assigns a reviewer; the reviewer (or any steward) starts the review,
 * corrects fields, and requests changes, approves or rejects. Approved and rejected are final:
 * a correction of published data is a new submission, and every earlier version stays readable.
 */

/** who someone is to one submission: its company's people, a steward, its assigned reviewer */
export type Party = 'contributor' | 'steward' | 'reviewer';

export type Step = ReviewAction | 'revise' | 'edit' | 'assign';

export interface Transition {
  step: Step;
  from: readonly ReviewState[];
  /** 'unchanged': the step keeps the state (a correction, an assignment) */
  to: ReviewState | 'unchanged';
  by: readonly Party[];
  /** the step must carry a comment: why changes are needed, why a dataset is rejected */
  needsComment: boolean;
}

const REVIEWERS: readonly Party[] = ['steward', 'reviewer'];

export const TRANSITIONS: readonly Transition[] = [
  {
    step: 'assign',
    from: ['submitted', 'under-review', 'changes-requested'],
    to: 'unchanged',
    by: ['steward'],
    needsComment: false,
  },
  { step: 'start-review', from: ['submitted'], to: 'under-review', by: REVIEWERS, needsComment: false },
  { step: 'edit', from: ['under-review'], to: 'unchanged', by: REVIEWERS, needsComment: false },
  { step: 'request-changes', from: ['under-review'], to: 'changes-requested', by: REVIEWERS, needsComment: true },
  { step: 'approve', from: ['under-review'], to: 'approved', by: REVIEWERS, needsComment: false },
  { step: 'reject', from: ['under-review'], to: 'rejected', by: REVIEWERS, needsComment: true },
  {
    step: 'revise',
    from: ['submitted', 'changes-requested'],
    to: 'submitted',
    by: ['contributor'],
    needsComment: false,
  },
];

const stepWord = (step: Step) => coded(`review.step.${step}`, {});
const stateWord = (state: ReviewState) => coded(`review.state.${state}`, {});

/** The step does not follow from the state: someone else moved the submission on, or it is final. */
export class IllegalTransitionError extends DomainError {
  constructor(
    readonly state: ReviewState,
    readonly step: Step,
    readonly allowed: Step[],
  ) {
    super(
      'conflict',
      'illegal-transition',
      allowed.length
        ? coded('cobuild.illegal-step', {
            step: stepWord(step),
            state: stateWord(state),
            allowed: listOf(allowed.map(stepWord), 'cobuild.list.comma'),
          })
        : coded('cobuild.illegal-step-final', { step: stepWord(step), state: stateWord(state) }),
      { state, allowed },
    );
  }
}

/** The step follows from the state, but not for this person. */
export class NotYourStepError extends DomainError {
  constructor(
    readonly step: Step,
    readonly by: readonly Party[],
  ) {
    super(
      'forbidden',
      'forbidden',
      coded('cobuild.not-your-step', {
        step: stepWord(step),
        by: listOf(
          by.map((p) => coded(`review.party.${p}`, {})),
          'cobuild.list.or',
        ),
      }),
    );
  }
}

/** Why the step needs a comment: a rejection, a request for changes, flagged values approved. */
type CommentReason = { of: 'reject' } | { of: 'changes' } | { of: 'flags'; flags: number };

export class CommentRequiredError extends DomainError {
  constructor(
    readonly step: Step,
    reason: CommentReason,
  ) {
    super(
      'bad-request',
      'comment-required',
      reason.of === 'flags'
        ? coded('cobuild.comment-required.flags', { step: stepWord(step), flags: reason.flags })
        : coded(`cobuild.comment-required.${reason.of}`, { step: stepWord(step) }),
    );
  }
}

export function stepsFrom(state: ReviewState, parties: readonly Party[]): Step[] {
  return TRANSITIONS.filter((t) => t.from.includes(state) && t.by.some((p) => parties.includes(p))).map((t) => t.step);
}

/**
 * The state after the step, or the reason it is refused. Approving a dataset the checks flagged
 * needs a comment too: flagged values are accepted by a person who says why, never silently.
 */
export function nextState(
  state: ReviewState,
  step: Step,
  parties: readonly Party[],
  opts: { comment?: string; flags?: number } = {},
): ReviewState {
  const t = TRANSITIONS.find((x) => x.step === step);
  if (!t) throw new Error(`unknown step ${step}`);
  if (!t.from.includes(state)) throw new IllegalTransitionError(state, step, stepsFrom(state, parties));
  if (!t.by.some((p) => parties.includes(p))) throw new NotYourStepError(step, t.by);
  const hasComment = (opts.comment ?? '').trim() !== '';
  if (t.needsComment && !hasComment)
    throw new CommentRequiredError(step, { of: step === 'reject' ? 'reject' : 'changes' });
  const flags = opts.flags ?? 0;
  if (step === 'approve' && flags > 0 && !hasComment) {
    throw new CommentRequiredError(step, { of: 'flags', flags });
  }
  return t.to === 'unchanged' ? state : t.to;
}
