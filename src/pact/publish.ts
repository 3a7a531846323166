import { randomUUID } from 'node:crypto';
import { PactMappingError, studyToPactFootprint, type PactExportOptions } from '../formats/pact.ts';
import { coder } from '../i18n/define.ts';
import { PACT_TEXTS } from '../i18n/pact.ts';
import { DomainError, type ErrorText } from '../model/errors.ts';
import type { PactVersion } from '../model/pact.ts';
import type { Study, StudyResult } from '../model/study.ts';
import {
  getCompany,
  getStudy,
  insertFootprint,
  latestFootprintOfStudy,
  type Store,
  type User,
} from '../store/index.ts';
import { currentResult, verificationOf } from '../studies/verification.ts';

/**
 * Publishing a verified study result as a PACT ProductFootprint, written in both Tech Spec
 * versions once and stored; the study's earlier footprint is deprecated in the same step.
 */

/** A study that cannot be published as it is now. */
export class PublishError extends DomainError {
  constructor(text: ErrorText) {
    super('conflict', 'conflict', text);
  }
}

const coded = coder(PACT_TEXTS);

/** What a study says about itself in PACT terms, the same for a download and for publishing. */
export function footprintOptions(
  study: Study,
  result: StudyResult,
  companyName: string,
): Omit<PactExportOptions, 'version' | 'id'> {
  const refEnd = `${study.year + 1}-01-01T00:00:00Z`;
  return {
    companyName,
    companyIds: [`urn:tanji:company:${study.companyId}`],
    // one product id per study, so that every version of the study's footprint answers the same filter
    productIds: [`urn:tanji:product:${study.id}`],
    created: result.computedAt,
    referencePeriod: { start: `${study.year}-01-01T00:00:00Z`, end: refEnd },
  };
}

export interface Published {
  id: string;
  deprecated: string[];
  /** why the footprint is not served in v2.3, when it is not */
  v2Problems: string[];
}

export async function publishStudy(store: Store, studyId: string, user: User): Promise<Published> {
  const study = await getStudy(store, studyId);
  if (!study) throw new PublishError(coded('pact.no-study', { study: studyId }));
  const current = await currentResult(store, studyId, 'published');
  const verification = await verificationOf(store, studyId, current);
  const { result } = current;
  const company = await getCompany(store, study.companyId);
  const previous = await latestFootprintOfStudy(store, studyId);
  const now = new Date();
  const refEnd = Date.parse(`${study.year + 1}-01-01T00:00:00Z`);
  const start = new Date(Math.max(refEnd, Date.parse(verification.at))).toISOString();
  const end = new Date(refEnd + 3 * 365 * 24 * 3600 * 1000).toISOString();
  const id = randomUUID();
  const opts = {
    ...footprintOptions(study, result, company?.name ?? ''),
    id,
    created: now.toISOString(),
    precedingPfIds: previous ? [previous.id] : undefined,
    validityPeriod: start < end ? { start, end } : undefined,
    verification: {
      providerName: verification.verifier,
      completedAt: verification.at,
      comments: verification.statement,
    },
  };
  const write = <V extends PactVersion>(version: V) => studyToPactFootprint(study, result, { ...opts, version });
  const v3 = write('3.0');
  let v2: object | null = null;
  let v2Problems: string[] = [];
  try {
    v2 = write('2.3');
  } catch (e) {
    if (!(e instanceof PactMappingError)) throw e;
    v2Problems = e.errors;
  }
  const deprecated = await insertFootprint(store, {
    id,
    companyId: study.companyId,
    studyId,
    studyVersion: study.version,
    resultHash: current.hash,
    productIds: v3.productIds,
    created: opts.created,
    v3,
    v2,
    publishedBy: user.id,
  });
  return { id, deprecated, v2Problems };
}
