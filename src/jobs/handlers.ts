import { z } from 'zod';
import { publishedByJob, publishRelease } from '../cobuild/publish.ts';
import { DomainError } from '../model/errors.ts';
import { getStudy, getUser, ReleaseExistsError, saveResult } from '../store/index.ts';
import { UnknownReleaseError } from '../studies/background.ts';
import { EntryError } from '../studies/per-unit.ts';
import { checkResult, InvalidResultError } from '../studies/result-check.ts';
import { CalculationError, type ComputePool } from './compute.ts';
import { importArchiveJob } from './import-archive.ts';
import { printStudyReport, reportInputs } from './study-report.ts';
import { PermanentJobError, type Handler, type HandlerContext, type Outcome } from './worker.ts';
import { fmt } from '../i18n/define.ts';
import { jobMessage as coded } from './messages.ts';

/**
 * What each kind of job does: a plain map from kind to a domain function. Handlers are idempotent
 * (a job may run again after its worker died):
 * - `calculate` and `monte-carlo`: a pinned study version with a seed is deterministic and dated by
 *   the job, so a rerun stores the very same result (same hash). One handler; `monte-carlo` is the
 *   kind of a calculation with draws (iterations > 0), kept apart so queues and metrics show it.
 * - `release-publish`: one transaction per release that records the job; a retry finds the
 *   release its job published and returns it. The release notes' benchmark recalculation runs
 *   inside this job (a release's effect on the benchmark products is part of its notes).
 * - `import`: an uploaded database archive saved as a release in one transaction that records the
 *   job (import-archive.ts); a retry finds the release its job saved.
 * - `report-pdf`: the PDF is stored once under the hash of what it shows; a retry finds it.
 * - `pact-event`: see src/pact/delivery.ts.
 */

export const CalculateParamsSchema = z.object({
  /** the study version pinned when the job was asked for */
  version: z.number().int().positive(),
  iterations: z.number().int().min(0).max(20_000).default(0),
  seed: z.number().int().default(1),
});
export type CalculateParams = z.infer<typeof CalculateParamsSchema>;

export const ReleasePublishParamsSchema = z.object({
  request: z.object({
    release: z.string().min(1).max(100),
    baseFactors: z.string().max(200).optional(),
    baseLci: z.string().max(200).optional(),
    submissionIds: z.array(z.string().max(200)).max(10_000),
    aggregateIds: z.array(z.string().max(200)).max(10_000),
    licence: z.string().min(1).max(200),
  }),
  /** the language of the notes' markdown in the job's output */
  lang: z.enum(['en', 'zh']).default('en'),
});
export type ReleasePublishParams = z.infer<typeof ReleasePublishParamsSchema>;

export const ReportPdfParamsSchema = z.object({
  /** the result the report is of, pinned when the job was asked for */
  result: z.string().regex(/^[0-9a-f]{64}$/),
  lang: z.enum(['zh', 'en']),
});
export type ReportPdfParams = z.infer<typeof ReportPdfParamsSchema>;

export const JOB_KINDS = ['calculate', 'monte-carlo', 'import', 'release-publish', 'report-pdf', 'pact-event'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** The kind of a calculation: with draws it is a Monte Carlo. */
export const calculationKind = (iterations: number): JobKind => (iterations > 0 ? 'monte-carlo' : 'calculate');

/** Errors in the job's input or refusals of the domain: failing again would not help. */
export function isPermanent(e: unknown): boolean {
  return (
    e instanceof CalculationError ||
    e instanceof EntryError ||
    e instanceof UnknownReleaseError ||
    e instanceof InvalidResultError ||
    e instanceof DomainError ||
    e instanceof ReleaseExistsError ||
    e instanceof z.ZodError
  );
}

/** Footprint, contributions and (iterations > 0) Monte Carlo of one study version, on a calculation thread. */
function calculation(compute: ComputePool): Handler {
  return async ({ store, job, progress }) => {
    const params = CalculateParamsSchema.parse(job.params);
    const study = job.studyId ? await getStudy(store, job.studyId, params.version) : undefined;
    if (!study) throw new PermanentJobError(`study ${job.studyId} has no version ${params.version}`);
    const computed = await compute.calculate(store, study, {
      iterations: params.iterations,
      seed: params.seed,
      onProgress: progress,
    });
    // dated by the request, so that a retry on another worker names the same result
    const result = { ...computed, computedAt: job.createdAt };
    checkResult(result);
    let hash: string;
    try {
      hash = await saveResult(store, result);
    } catch (e) {
      if (e instanceof TypeError) throw new PermanentJobError(`the result cannot be stored: ${e.message}`);
      throw e;
    }
    return {
      message: coded('job.calculated', { version: result.version, total: fmt(result.total) }),
      output: { hash, version: result.version, total: result.total },
    };
  };
}

async function publishReleaseJob({ store, job, progress }: HandlerContext): Promise<Outcome> {
  const { request, lang } = ReleasePublishParamsSchema.parse(job.params);
  const done = (published: { release: string; notes: unknown; markdown: string }) => ({
    message: coded('job.release-published', { release: published.release }),
    output: { release: published.release, notes: published.notes, markdown: published.markdown },
  });
  const earlier = await publishedByJob(store, job.id, lang);
  if (earlier) return done(earlier);
  const steward = job.userId ? await getUser(store, job.userId) : undefined;
  if (!steward) throw new PermanentJobError(`the steward who asked for release ${request.release} no longer exists`);
  const { notes, markdown } = await publishRelease(store, steward, request, lang, {
    id: job.id,
    worker: job.worker!,
    progress,
  });
  return done({ release: request.release, notes, markdown });
}

async function reportPdfJob({ store, job, progress }: HandlerContext): Promise<Outcome> {
  const { result, lang } = ReportPdfParamsSchema.parse(job.params);
  const inputs = job.studyId ? await reportInputs(store, job.studyId, result) : undefined;
  if (!inputs) throw new PermanentJobError(`study ${job.studyId} has no result ${result}`);
  const key = await printStudyReport(store, inputs, lang, job.createdAt, progress);
  return {
    message: coded('job.report-ready', { lang }),
    output: { key, lang, result, download: `/api/studies/${encodeURIComponent(inputs.study.id)}/reports/${key}` },
  };
}

export function jobHandlers(compute: ComputePool, deliverPactEvent: Handler): Record<JobKind, Handler> {
  const calculate = calculation(compute);
  return {
    calculate,
    'monte-carlo': calculate,
    import: importArchiveJob,
    'release-publish': publishReleaseJob,
    'report-pdf': reportPdfJob,
    'pact-event': deliverPactEvent,
  };
}
