import { z } from 'zod';
import { getStudy, saveResult } from '../store/index.ts';
import { UnknownReleaseError } from '../studies/background.ts';
import { EntryError } from '../studies/per-unit.ts';
import { checkResult, InvalidResultError } from '../studies/result-check.ts';
import { CalculationError, type ComputePool } from './compute.ts';
import { PermanentJobError, type Handler } from './worker.ts';

/**
 * What each kind of job does: a plain map from kind to a domain function. Handlers are idempotent
 * (a job may run again after its worker died): a calculation of a pinned study version with a
 * seed is deterministic and dated by the job, so a rerun stores the very same result (same hash).
 */

export const CalculateParamsSchema = z.object({
  /** the study version pinned when the job was asked for */
  version: z.number().int().positive(),
  iterations: z.number().int().min(0).max(20_000).default(0),
  seed: z.number().int().default(1),
});
export type CalculateParams = z.infer<typeof CalculateParamsSchema>;

export const JOB_KINDS = ['calculate'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** Errors in the job's input: failing again would not help. */
export function isPermanent(e: unknown): boolean {
  return (
    e instanceof CalculationError ||
    e instanceof EntryError ||
    e instanceof UnknownReleaseError ||
    e instanceof InvalidResultError ||
    e instanceof z.ZodError
  );
}

export function jobHandlers(compute: ComputePool): Record<JobKind, Handler> {
  return {
    /** Footprint, contributions and (iterations > 0) Monte Carlo of one study version, on a calculation thread. */
    async calculate({ store, job, progress }) {
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
        message: `version ${result.version}: ${result.total.toPrecision(4)} kg CO2e per unit`,
        output: { hash, version: result.version, total: result.total },
      };
    },
  };
}
