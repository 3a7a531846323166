import type { Study } from '../model/study.ts';
import { getRelease, getStudy, saveStudy, type Queryable, type Store } from '../store/index.ts';
import { loadBackground } from '../studies/background.ts';
import { CobuildConflictError, coded, NotFoundError } from './errors.ts';
import { compareOnBackgrounds, type Comparison, type Target } from './rebase.ts';

/**
 * A study moving to a new release of the background database: what its footprint becomes, entry
 * by entry, and, when the practitioner accepts, a new version of the study pinned to the release.
 */

async function targetOf(db: Queryable, study: Study, release: string): Promise<Target> {
  const info = await getRelease(db, release);
  if (!info) throw new NotFoundError(coded('cobuild.thing.release', { release }));
  const to: Target = {};
  if (info.factors > 0 && study.releases.factors !== release) to.factors = release;
  if (info.processes > 0 && study.releases.lci !== release) to.lci = release;
  if (!to.factors && !to.lci) throw new CobuildConflictError(coded('cobuild.release-in-use', { release }));
  return to;
}

export async function compareStudyOnRelease(
  db: Queryable,
  studyId: string,
  release: string,
): Promise<{ moved: Study; comparison: Comparison }> {
  const study = await getStudy(db, studyId);
  if (!study) throw new NotFoundError(coded('cobuild.thing.study', { id: studyId }));
  const to = await targetOf(db, study, release);
  const before = await loadBackground(db, study.releases.lci, study.releases.factors, study.method);
  const after = await loadBackground(
    db,
    to.lci ?? study.releases.lci,
    to.factors ?? study.releases.factors,
    study.method,
  );
  return compareOnBackgrounds(study, before, after, to);
}

export async function moveStudyToRelease(
  store: Store,
  userId: string,
  studyId: string,
  release: string,
  baseVersion: number,
): Promise<{ study: Study; comparison: Comparison }> {
  const { moved, comparison } = await compareStudyOnRelease(store, studyId, release);
  const { id: _, companyId: __, version: ___, updatedAt: ____, updatedBy: _____, ...input } = moved;
  const study = await saveStudy(
    store,
    studyId,
    input,
    baseVersion,
    userId,
    `moved to background release ${release}: ${comparison.before.toPrecision(4)} → ${comparison.after.toPrecision(4)} kg CO2e`,
    'study.release-changed',
  );
  return { study, comparison };
}
