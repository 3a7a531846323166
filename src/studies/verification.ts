import { DomainError } from '../model/errors.ts';
import type { User } from '../model/account.ts';
import { coder } from '../i18n/define.ts';
import { STUDY_TEXTS } from '../i18n/studies.ts';
import {
  addVerification,
  latestStoredResult,
  studyHead,
  verificationsOf,
  type StoredResult,
  type Store,
} from '../store/index.ts';

/**
 * A verifier's sign-off covers one result, named by its hash, so what was verified can never
 * change under the signature: a recalculation makes a new result that needs its own sign-off.
 * The rule "calculated before verified" lives here, not in a route.
 */

const coded = coder(STUDY_TEXTS);

/** What waits for a calculated result: a verifier's sign-off, or publishing it. */
export type AfterCalculation = 'verified' | 'published';

export class NotCalculatedError extends DomainError {
  constructor(version: number, what: AfterCalculation) {
    super(
      'conflict',
      'not-calculated',
      what === 'verified'
        ? coded('study.verify-uncalculated', { version })
        : coded('study.publish-uncalculated', { version }),
    );
  }
}

export class NotVerifiedError extends DomainError {
  constructor(version: number, hash: string) {
    super('conflict', 'not-verified', coded('study.not-verified', { version, result: hash.slice(0, 12) }));
  }
}

/** The current result of the study's latest version; NotCalculatedError when it has none. */
export async function currentResult(store: Store, studyId: string, what: AfterCalculation): Promise<StoredResult> {
  const head = await studyHead(store, studyId);
  const stored = await latestStoredResult(store, studyId);
  const version = head?.latestVersion ?? 0;
  if (!stored || stored.result.version !== version) throw new NotCalculatedError(version, what);
  return stored;
}

/** The verifier signs the latest version's current result; the caller has checked the verifier may read the study. */
export async function verifyCurrentResult(
  store: Store,
  studyId: string,
  companyId: string,
  verifier: User,
  statement: string,
) {
  const { hash, result } = await currentResult(store, studyId, 'verified');
  await addVerification(store, {
    studyId,
    companyId,
    version: result.version,
    resultHash: hash,
    computedAt: result.computedAt,
    verifierId: verifier.id,
    statement,
  });
  return (await verificationsOf(store, studyId, result.version)).find(
    (v) => v.verifierId === verifier.id && v.resultHash === hash,
  )!;
}

/** A sign-off of exactly this result, newest first; NotVerifiedError when there is none. */
export async function verificationOf(store: Store, studyId: string, current: StoredResult) {
  const found = (await verificationsOf(store, studyId, current.result.version)).find(
    (v) => v.resultHash === current.hash,
  );
  if (!found) throw new NotVerifiedError(current.result.version, current.hash);
  return found;
}
