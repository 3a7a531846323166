import type { PcrCheck } from '../model/pcr.ts';
import type { Study, StudyResult } from '../model/study.ts';
import { blockingFindings, checkStudyAgainstPcr } from '../rules/pcr-check.ts';
import { compareVariants, type Comparison } from '../rules/pcr-compare.ts';
import { getPcr } from '../rules/pcr/index.ts';
import { studyFromPcr, type StudyFromPcrInput } from '../rules/pcr-study.ts';
import { createStudy, getStudy, latestResult, resultOfVersion, type Queryable, type Store } from '../store/index.ts';
import { DomainError } from '../model/errors.ts';
import { coder } from '../i18n/define.ts';
import { STUDY_TEXTS } from '../i18n/studies.ts';
import { StudyNotFoundError } from './access.ts';

const coded = coder(STUDY_TEXTS);

/** Studies and their product category rules in the store: create by rule, check, compare variants. */

/** The study (latest version, or the one asked for) and the result calculated from that very version, if any. */
export async function studyWithResult(
  db: Queryable,
  id: string,
  version?: number,
): Promise<{ study: Study; result: StudyResult | null }> {
  const study = await getStudy(db, id, version);
  if (!study) throw new StudyNotFoundError(id);
  const latest = await latestResult(db, id);
  return { study, result: latest && latest.version === study.version ? latest : null };
}

/** The check the practitioner, the verifier and the verification gate all see. */
export async function checkStoredStudy(db: Queryable, id: string): Promise<PcrCheck> {
  const { study, result } = await studyWithResult(db, id);
  return checkStudyAgainstPcr(study, result);
}

/** A study that fails a mandatory requirement of its rule may not go to verification (422): the reasons, in both languages. */
export class NonconformingStudyError extends DomainError {
  constructor(readonly check: PcrCheck) {
    const blocking = blockingFindings(check);
    super(
      'invalid',
      'pcr-nonconformant',
      coded('study.nonconformant', {
        pcr: check.pcr.id,
        version: check.pcr.version,
        count: blocking.length,
        findingsEn: blocking.map((f) => f.text.en).join('; '),
        findingsZh: blocking.map((f) => f.text.zh).join('；'),
      }),
      { pcr: check.pcr, blocking },
    );
  }
}

/** Refuses verification of a study that fails its rule. `productRulesOnly`: studies under the general rule pass (sharing a draft with a verifier). */
export async function assertConforms(
  db: Queryable,
  id: string,
  opts: { productRulesOnly?: boolean } = {},
): Promise<void> {
  const { study, result } = await studyWithResult(db, id);
  if (opts.productRulesOnly && !study.pcr) return;
  const check = checkStudyAgainstPcr(study, result);
  if (!check.conforms) throw new NonconformingStudyError(check);
}

export async function createStudyFromPcr(
  store: Store,
  pcrId: string,
  input: StudyFromPcrInput,
  companyId: string,
  userId: string,
): Promise<Study> {
  const rule = getPcr(pcrId);
  return createStudy(store, studyFromPcr(rule, input), companyId, userId, `created from ${rule.id} ${rule.version}`);
}

/** Two calculated studies (or versions) side by side under their rule. */
export async function compareStoredStudies(
  db: Queryable,
  a: { id: string; version?: number },
  b: { id: string; version?: number },
): Promise<Comparison> {
  const [va, vb] = await Promise.all([calculatedVersion(db, a.id, a.version), calculatedVersion(db, b.id, b.version)]);
  return compareVariants(va, vb);
}

/** A version with its own result: the latest calculated one unless a version is named. */
async function calculatedVersion(
  db: Queryable,
  id: string,
  version?: number,
): Promise<{ study: Study; result: StudyResult }> {
  const result = await resultOfVersion(db, id, version);
  if (!result) throw new NotCalculatedError(id, version);
  const study = await getStudy(db, id, result.version);
  return { study: study!, result };
}

/** A version to compare that has no result of its own (422 not-calculated). */
export class NotCalculatedError extends DomainError {
  constructor(
    readonly studyId: string,
    readonly version?: number,
  ) {
    super(
      'invalid',
      'not-calculated',
      version
        ? coded('study.version-uncalculated', { id: studyId, version })
        : coded('study.uncalculated', { id: studyId }),
    );
  }
}
