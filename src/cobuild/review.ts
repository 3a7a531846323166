import {
  cobuildEvent,
  companyPeople,
  findUserByEmail,
  getSubmission,
  getSubmissionVersion,
  insertComment,
  lockSubmission,
  notify,
  setSubmissionState,
  usersWithRoles,
  type Queryable,
  type Store,
  type SubmissionHead,
} from '../store/index.ts';
import { CobuildConflictError, coded, StaleSubmissionError } from './errors.ts';
import { ValidationReportSchema, type ReviewAction } from './model.ts';
import { partiesOf, REVIEWER_ROLES, type Actor } from './parties.ts';
import { hasPath } from './paths.ts';
import { visibleHead } from './submissions.ts';
import { nextState } from './workflow.ts';

/**
 * The review: stewards assign reviewers; reviewers move a submission through the workflow on the
 * version they read, with comments on the whole dataset or on one field. Every step is an event
 * in the audit trail and a notification to the people it concerns.
 */

async function contributorIds(db: Queryable, head: SubmissionHead): Promise<string[]> {
  return (await companyPeople(db, head.companyId)).map((p) => p.id);
}

export async function assignReviewer(store: Store, actor: Actor, id: string, email: string): Promise<SubmissionHead> {
  await visibleHead(store, actor, id);
  const reviewer = await findUserByEmail(store, email);
  if (!reviewer || !REVIEWER_ROLES.includes(reviewer.role))
    throw new CobuildConflictError(coded('cobuild.not-a-reviewer', { email }));
  await store.transaction(async (tx) => {
    const head = (await lockSubmission(tx, id))!;
    nextState(head.state, 'assign', partiesOf(actor, head));
    await setSubmissionState(tx, id, { reviewerId: reviewer.id });
    await cobuildEvent(tx, {
      userId: actor.id,
      companyId: head.companyId,
      submissionId: id,
      action: 'submission.reviewer-assigned',
      detail: { reviewer: reviewer.name, previous: head.reviewerName },
    });
    await notify(tx, [reviewer.id], { kind: 'review-assigned', params: { name: head.name }, submissionId: id });
  });
  return (await getSubmission(store, id))!;
}

export interface ReviewStep {
  action: ReviewAction;
  /** the version the reviewer looked at */
  baseVersion: number;
  comment?: string;
}

export async function reviewSubmission(
  store: Store,
  actor: Actor,
  id: string,
  step: ReviewStep,
): Promise<SubmissionHead> {
  await visibleHead(store, actor, id);
  await store.transaction(async (tx) => {
    const head = (await lockSubmission(tx, id))!;
    if (head.latestVersion !== step.baseVersion) throw new StaleSubmissionError(head.latestVersion, step.baseVersion);
    const version = (await getSubmissionVersion(tx, id, head.latestVersion))!;
    const flags = ValidationReportSchema.parse(version.validation).flags.length;
    const comment = step.comment?.trim() || undefined;
    const state = nextState(head.state, step.action, partiesOf(actor, head), { comment, flags });
    // a steward who starts an unassigned review is its reviewer
    const reviewerId = step.action === 'start-review' && !head.reviewerId ? actor.id : undefined;
    await setSubmissionState(tx, id, { state, reviewerId });
    if (comment)
      await insertComment(tx, {
        submissionId: id,
        version: head.latestVersion,
        field: null,
        body: comment,
        authorId: actor.id,
      });
    await cobuildEvent(tx, {
      userId: actor.id,
      companyId: head.companyId,
      submissionId: id,
      action: `submission.${step.action}`,
      detail: {
        version: head.latestVersion,
        from: head.state,
        to: state,
        comment: comment ?? null,
        flagsAccepted: step.action === 'approve' ? flags : undefined,
      },
    });
    await notify(tx, await contributorIds(tx, head), {
      kind: 'submission-state',
      params: { name: head.name, state },
      submissionId: id,
    });
  });
  return (await getSubmission(store, id))!;
}

export interface NewComment {
  /** a field path of the dataset ("factor.value", "process.exchanges[2].amount"), or none for the whole dataset */
  field?: string;
  text: string;
  /** default: the latest version */
  version?: number;
}

export async function commentOn(store: Store, actor: Actor, id: string, c: NewComment): Promise<void> {
  const head = await visibleHead(store, actor, id);
  const version = c.version ?? head.latestVersion;
  const row = await getSubmissionVersion(store, id, version);
  if (!row) throw new CobuildConflictError(coded('cobuild.no-version', { id, version }));
  const field = c.field?.trim() || null;
  if (field && !hasPath({ ...(row.dataset as object), meta: row.meta }, field))
    throw new CobuildConflictError(coded('cobuild.no-field', { version, field }));
  const text = c.text.trim();
  if (!text) throw new CobuildConflictError(coded('cobuild.comment-empty', {}));
  const parties = partiesOf(actor, head);
  const stewards = (await usersWithRoles(store, ['steward'])).map((u) => u.id);
  await store.transaction(async (tx) => {
    await insertComment(tx, { submissionId: id, version, field, body: text, authorId: actor.id });
    await cobuildEvent(tx, {
      userId: actor.id,
      companyId: head.companyId,
      submissionId: id,
      action: 'submission.commented',
      detail: { version, field },
    });
    const to = parties.includes('contributor')
      ? head.reviewerId
        ? [head.reviewerId]
        : stewards
      : await contributorIds(tx, head);
    await notify(
      tx,
      to.filter((u) => u !== actor.id),
      { kind: 'comment', params: { name: head.name, field: field ?? '' }, submissionId: id },
    );
  });
}
