import type { Role } from '../model/study.ts';
import type { SubmissionHead } from '../store/index.ts';
import { ForbiddenError, type Deed } from './errors.ts';
import type { Party } from './workflow.ts';

/**
 * Who someone is to a submission. Its company's people are its contributors; stewards see and
 * review every submission; a steward or verifier assigned as its reviewer reviews it. Nobody
 * else sees it at all, administrators included: contributors' primary data is private to them and
 * the stewards.
 */

export interface Actor {
  id: string;
  role: Role;
  companyId: string | null;
}

export const REVIEWER_ROLES: readonly Role[] = ['steward', 'verifier'];

/** Stewards' work (aggregates, benchmarks, releases), refused to anyone else; `deed` completes "may not …". */
export function requireSteward(actor: Actor, deed: Deed): void {
  if (actor.role !== 'steward') throw new ForbiddenError(deed);
}

export function partiesOf(actor: Actor, head: Pick<SubmissionHead, 'companyId' | 'reviewerId'>): Party[] {
  const parties: Party[] = [];
  if (actor.role === 'enterprise' && actor.companyId === head.companyId) parties.push('contributor');
  if (actor.role === 'steward') parties.push('steward');
  if (head.reviewerId === actor.id && REVIEWER_ROLES.includes(actor.role)) parties.push('reviewer');
  return parties;
}
