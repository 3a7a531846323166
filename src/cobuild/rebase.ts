import { DomainError } from '../model/errors.ts';
import type { Study, StudyInput, StudyResult } from '../model/study.ts';
import type { Background } from '../studies/background.ts';
import { calculateStudy } from '../studies/calculate.ts';
import { coded, listOf } from './errors.ts';

/**
 * Moving a study to another release: every entry that names a dataset of the pinned releases is
 * pointed at the same dataset id in the new one, and the footprint is calculated on both so the
 * practitioner sees what the move changes, entry by entry, before saving it.
 */

export interface Target {
  /** the new factor release, when the study's factors move */
  factors?: string;
  /** the new LCI release, when its processes move */
  lci?: string;
}

export interface Availability {
  factor(id: string): boolean;
  process(id: string): boolean;
}

type MissingDataset = ReturnType<typeof coded<'cobuild.missing-dataset'>>;

/** The study cannot move: the new release lacks datasets its entries use (the details list them). */
export class MissingDatasetsError extends DomainError {
  constructor(readonly missing: MissingDataset[]) {
    super(
      'invalid',
      'missing-datasets',
      coded('cobuild.missing-datasets', { count: missing.length, missing: listOf(missing, 'cobuild.list.semicolon') }),
      missing,
    );
  }
}

export function rebaseStudy<T extends StudyInput>(study: T, to: Target, has: Availability): T {
  const missing: MissingDataset[] = [];
  const entries = study.entries.map((e) => {
    if (e.source.type !== 'background') return e;
    const ref = e.source.dataset;
    const target =
      ref.type === 'factor'
        ? ref.release === study.releases.factors
          ? to.factors
          : undefined
        : ref.release === study.releases.lci
          ? to.lci
          : undefined;
    if (!target) return e;
    if (!(ref.type === 'factor' ? has.factor(ref.id) : has.process(ref.id))) {
      missing.push(
        coded('cobuild.missing-dataset', {
          entry: e.name,
          type: coded(`review.dataset-type.${ref.type}`, {}),
          id: ref.id,
        }),
      );
      return e;
    }
    return { ...e, source: { ...e.source, dataset: { ...ref, release: target } } };
  });
  if (missing.length) throw new MissingDatasetsError(missing);
  return {
    ...study,
    releases: { factors: to.factors ?? study.releases.factors, lci: to.lci ?? study.releases.lci },
    entries,
  };
}

export function backgroundAvailability(bg: Background): Availability {
  return { factor: (id) => bg.factorById.has(id), process: (id) => bg.columnOf.has(id) };
}

export interface EntryDifference {
  entryId: string;
  name: string;
  before: number;
  after: number;
}

export interface Comparison {
  from: { lci: string; factors: string };
  to: { lci: string; factors: string };
  before: number;
  after: number;
  delta: number;
  /** delta / before; 0 when before is 0 */
  relative: number;
  /** the entries whose footprint changed, largest change first */
  entries: EntryDifference[];
}

export function compareResults(before: StudyResult, after: StudyResult): Comparison {
  const old = new Map(before.entries.map((e) => [e.entryId, e]));
  const entries = after.entries
    .map((e) => ({ entryId: e.entryId, name: e.name, before: old.get(e.entryId)?.total ?? 0, after: e.total }))
    .filter((e) => e.before !== e.after)
    .sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before));
  const delta = after.total - before.total;
  return {
    from: before.releases,
    to: after.releases,
    before: before.total,
    after: after.total,
    delta,
    relative: before.total !== 0 ? delta / before.total : 0,
    entries,
  };
}

/** A study's footprint on its own background and, moved, on another: no Monte Carlo, nothing stored. */
export function compareOnBackgrounds(
  study: Study,
  before: Background,
  after: Background,
  to: Target,
): { moved: Study; comparison: Comparison } {
  const moved = rebaseStudy(study, to, backgroundAvailability(after));
  return { moved, comparison: compareResults(calculateStudy(study, before), calculateStudy(moved, after)) };
}
