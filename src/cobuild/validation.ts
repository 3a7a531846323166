import type { Factor } from '../model/factor.ts';
import type { LciDatabase } from '../model/lci.ts';
import { namedUnit } from '../formats/units.ts';
import { checkBalances } from './balance.ts';
import { coded } from '../i18n/cobuild.ts';
import type { Dataset, SubmissionInput, ValidationReport } from './model.ts';
import { factorPlausibility, processPlausibility } from './plausibility.ts';
import { providerIssues } from './providers.ts';
import { checkStructure } from './validate.ts';

/**
 * Everything a submission goes through on arrival, in order: structure (units, required
 * metadata), then for what passes, balances and plausibility against the current release. Errors
 * refuse the dataset; flags and notes travel with it to the reviewer.
 */

export interface ValidationContext {
  /** the current factor release, for factors */
  factors?: { release: string; factors: readonly Factor[] };
  /** the current LCI release, for processes */
  lci?: { release: string; db: LciDatabase };
  /** settings.plausibilityRatio */
  ratio: number;
  now?: Date;
}

export function validateSubmission(
  input: SubmissionInput,
  ctx: ValidationContext,
): { dataset: Dataset; report: ValidationReport } {
  const { dataset, errors, notes } = checkStructure(input.dataset, input.meta, ctx.now);
  const volume = input.meta.productionVolume;
  if (volume && !namedUnit(volume.unit))
    errors.push({
      field: 'meta.productionVolume.unit',
      ...coded('unit.unknown', { unit: volume.unit, examples: 't, kg, kWh, MWh, t*km' }),
    });
  if (!volume) notes.push(coded('validation.no-volume', {}));
  if (dataset.type === 'process' && ctx.lci) errors.push(...providerIssues(dataset, ctx.lci.db, ctx.lci.release));
  const release = dataset.type === 'factor' ? ctx.factors?.release : ctx.lci?.release;
  const report: ValidationReport = { release: release ?? null, errors, flags: [], notes };
  if (errors.length) return { dataset, report };
  if (dataset.type === 'process') {
    const balance = checkBalances(dataset);
    report.flags.push(...balance.flags);
    report.notes.push(...balance.notes);
  }
  const plausible =
    dataset.type === 'factor'
      ? ctx.factors && factorPlausibility(dataset.factor, ctx.factors.factors, ctx.factors.release, ctx.ratio)
      : ctx.lci && processPlausibility(dataset, ctx.lci.db, ctx.lci.release, ctx.ratio);
  if (plausible) {
    report.flags.push(...plausible.flags);
    report.notes.push(...plausible.notes);
  } else report.notes.push(coded('validation.no-release', { what: dataset.type === 'factor' ? 'factor' : 'LCI' }));
  return { dataset, report };
}
