import { randomUUID } from 'node:crypto';
import {
  addSubmissionVersion,
  cobuildEvent,
  companyPeople,
  getSubmission,
  getSubmissionVersion,
  insertSubmission,
  listComments,
  listSubmissions,
  listSubmissionVersions,
  lockSubmission,
  notify,
  releasesOfSubmission,
  setSubmissionState,
  usersWithRoles,
  type CommentRow,
  type Queryable,
  type Store,
  type SubmissionFacts,
  type SubmissionHead,
  type SubmissionFilter,
} from '../store/index.ts';
import { currentRelease, loadSettings, releaseDatabase, releaseFactors } from './context.ts';
import { datasetInfo } from './datasets.ts';
import {
  coded as errorText,
  ForbiddenError,
  NotFoundError,
  StaleSubmissionError,
  SubmissionRejectedError,
} from './errors.ts';
import { coded } from '../i18n/cobuild.ts';
import {
  DatasetSchema,
  SubmissionMetaSchema,
  ValidationReportSchema,
  type Dataset,
  type SubmissionInput,
  type SubmissionMeta,
  type ValidationReport,
} from './model.ts';
import { partiesOf, type Actor } from './parties.ts';
import { changedPaths } from './paths.ts';
import { validateSubmission, type ValidationContext } from './validation.ts';
import { nextState, stepsFrom, type Party, type Step } from './workflow.ts';

/**
 * Submitting datasets and revising them. A submission arrives validated (refused with every
 * problem named, or kept with its flags); each revision is a new immutable version on top of the
 * version the writer read, so two people editing at once cannot overwrite each other: the second
 * is told to reload.
 */

export async function validationContext(db: Queryable, inputs: readonly SubmissionInput[]): Promise<ValidationContext> {
  const settings = await loadSettings(db);
  const ctx: ValidationContext = { ratio: settings.plausibilityRatio };
  const factorRelease = inputs.some((i) => i.dataset.type === 'factor')
    ? await currentRelease(db, 'factor')
    : undefined;
  const lciRelease = inputs.some((i) => i.dataset.type === 'process') ? await currentRelease(db, 'process') : undefined;
  if (factorRelease) ctx.factors = { release: factorRelease, factors: await releaseFactors(db, factorRelease) };
  if (lciRelease) ctx.lci = { release: lciRelease, db: await releaseDatabase(db, lciRelease) };
  return ctx;
}

function factsOf(dataset: Dataset, meta: SubmissionMeta): SubmissionFacts {
  const info = datasetInfo(dataset);
  return {
    kind: info.type,
    productKey: info.productKey,
    datasetId: info.id,
    name: info.name,
    region: info.region ?? null,
    year: info.year ?? null,
    sharing: meta.sharing,
  };
}

/** Validates every input; refuses them all when one fails, so a file goes in whole or not at all. */
async function validateAll(
  db: Queryable,
  inputs: readonly SubmissionInput[],
): Promise<{ dataset: Dataset; meta: SubmissionMeta; report: ValidationReport }[]> {
  const ctx = await validationContext(db, inputs);
  const checked = inputs.map((input) => ({ ...validateSubmission(input, ctx), meta: input.meta }));
  const problems = checked.flatMap((c, index) =>
    c.report.errors.length
      ? [{ index, dataset: datasetInfo(inputs[index].dataset).name, errors: c.report.errors }]
      : [],
  );
  if (problems.length) throw new SubmissionRejectedError(problems);
  return checked;
}

async function stewardIds(db: Queryable): Promise<string[]> {
  return (await usersWithRoles(db, ['steward'])).map((u) => u.id);
}

export async function submitDatasets(
  store: Store,
  actor: Actor,
  inputs: readonly SubmissionInput[],
  origin: string,
): Promise<SubmissionHead[]> {
  if (actor.role !== 'enterprise' || !actor.companyId) throw new ForbiddenError('submit');
  if (inputs.length === 0)
    throw new SubmissionRejectedError([
      { index: 0, dataset: origin, errors: [{ field: 'datasets', ...coded('submission.empty', {}) }] },
    ]);
  const checked = await validateAll(store, inputs);
  const ids = checked.map(() => randomUUID());
  const stewards = await stewardIds(store);
  await store.transaction(async (tx) => {
    for (const [i, c] of checked.entries()) {
      const facts = factsOf(c.dataset, c.meta);
      await insertSubmission(tx, {
        ...facts,
        id: ids[i],
        companyId: actor.companyId!,
        origin,
        createdBy: actor.id,
        dataset: c.dataset,
        meta: c.meta,
        validation: c.report,
        comment: null,
      });
      await cobuildEvent(tx, {
        userId: actor.id,
        companyId: actor.companyId,
        submissionId: ids[i],
        action: 'submission.created',
        detail: { version: 1, origin, flags: c.report.flags.length },
      });
      await notify(tx, stewards, {
        kind: 'submission-received',
        params: { name: facts.name, flags: c.report.flags.length },
        submissionId: ids[i],
      });
    }
  });
  return listSubmissions(store, { ids, all: true });
}

export interface Revision {
  dataset: Dataset;
  meta: SubmissionMeta;
  baseVersion: number;
  comment?: string;
}

/** A contributor's revision (back to submitted) or a reviewer's correction during the review. */
export async function reviseSubmission(
  store: Store,
  actor: Actor,
  id: string,
  revision: Revision,
): Promise<SubmissionHead> {
  const head = await visibleHead(store, actor, id);
  const parties = partiesOf(actor, head);
  const step: Step = parties.includes('contributor') ? 'revise' : 'edit';
  const sharingOf = async (db: Queryable, version: number) =>
    SubmissionMetaSchema.parse((await getSubmissionVersion(db, id, version))!.meta).sharing;
  const refuseSharingChange = async (db: Queryable, version: number) => {
    if (step === 'edit' && (await sharingOf(db, version)) !== revision.meta.sharing)
      throw new ForbiddenError('change-sharing');
  };
  await refuseSharingChange(store, head.latestVersion);
  const [checked] = await validateAll(store, [{ dataset: revision.dataset, meta: revision.meta }]);
  const stewards = await stewardIds(store);
  await store.transaction(async (tx) => {
    const now = (await lockSubmission(tx, id))!;
    if (now.latestVersion !== revision.baseVersion)
      throw new StaleSubmissionError(now.latestVersion, revision.baseVersion);
    const state = nextState(now.state, step, partiesOf(actor, now));
    await refuseSharingChange(tx, now.latestVersion);
    const previous = (await getSubmissionVersion(tx, id, now.latestVersion))!;
    const version = now.latestVersion + 1;
    const facts = factsOf(checked.dataset, checked.meta);
    await addSubmissionVersion(tx, id, version, {
      ...facts,
      dataset: checked.dataset,
      meta: checked.meta,
      validation: checked.report,
      createdBy: actor.id,
      comment: revision.comment ?? null,
    });
    if (state !== now.state) await setSubmissionState(tx, id, { state });
    const changes = [
      ...changedPaths(previous.dataset, checked.dataset),
      ...changedPaths(previous.meta, checked.meta).map((p) => `meta.${p}`),
    ];
    await cobuildEvent(tx, {
      userId: actor.id,
      companyId: now.companyId,
      submissionId: id,
      action: step === 'revise' ? 'submission.revised' : 'submission.edited',
      detail: { version, comment: revision.comment ?? null, changes, flags: checked.report.flags.length },
    });
    const to =
      step === 'revise'
        ? now.reviewerId
          ? [now.reviewerId]
          : stewards
        : (await companyPeople(tx, now.companyId)).map((p) => p.id);
    await notify(
      tx,
      to.filter((u) => u !== actor.id),
      {
        kind: step === 'revise' ? 'submission-revised' : 'submission-edited',
        params: { name: facts.name, version },
        submissionId: id,
      },
    );
  });
  return (await getSubmission(store, id))!;
}

/** The head if the actor may see the submission; anyone else gets "not found". */
export async function visibleHead(db: Queryable, actor: Actor, id: string): Promise<SubmissionHead> {
  const head = await getSubmission(db, id);
  if (!head || partiesOf(actor, head).length === 0)
    throw new NotFoundError(errorText('cobuild.thing.submission', { id }));
  return head;
}

export async function listVisibleSubmissions(
  db: Queryable,
  actor: Actor,
  filter: Pick<SubmissionFilter, 'state' | 'productKey'> = {},
): Promise<SubmissionHead[]> {
  if (actor.role === 'steward') return listSubmissions(db, { ...filter, all: true });
  if (actor.role === 'enterprise' && actor.companyId)
    return listSubmissions(db, { ...filter, companyId: actor.companyId });
  if (actor.role === 'verifier') return listSubmissions(db, { ...filter, reviewerId: actor.id });
  throw new ForbiddenError('read-submissions');
}

export interface SubmissionView {
  head: SubmissionHead;
  version: number;
  dataset: Dataset;
  meta: SubmissionMeta;
  validation: ValidationReport;
  versions: Awaited<ReturnType<typeof listSubmissionVersions>>;
  comments: CommentRow[];
  /** what the viewer may do next */
  steps: Step[];
  parties: Party[];
  /** releases the dataset went into, itself or inside an aggregate */
  releases: string[];
}

export async function submissionView(
  db: Queryable,
  actor: Actor,
  id: string,
  version?: number,
): Promise<SubmissionView> {
  const head = await visibleHead(db, actor, id);
  const row = await getSubmissionVersion(db, id, version);
  if (!row)
    throw new NotFoundError(
      errorText('cobuild.thing.submission-version', { id, version: version ?? head.latestVersion }),
    );
  const parties = partiesOf(actor, head);
  return {
    head,
    version: row.version,
    dataset: DatasetSchema.parse(row.dataset),
    meta: SubmissionMetaSchema.parse(row.meta),
    validation: ValidationReportSchema.parse(row.validation),
    versions: await listSubmissionVersions(db, id),
    comments: await listComments(db, id),
    steps: stepsFrom(head.state, parties),
    parties,
    releases: await releasesOfSubmission(db, id),
  };
}
