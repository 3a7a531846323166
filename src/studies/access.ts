import { DomainError } from '../model/errors.ts';
import type { User } from '../model/account.ts';
import { coder } from '../i18n/define.ts';
import { STUDY_TEXTS } from '../i18n/studies.ts';

const coded = coder(STUDY_TEXTS);

/**
 * Who may do what with a study. Enterprise users read and write their own company's studies;
 * verifiers read their own company's studies and those shared with them; admins read all (for
 * support) but write none; stewards and the public see no company's private data.
 */

export interface StudyOwner {
  companyId: string;
}

export function canReadStudy(user: User, study: StudyOwner, sharedWithUser: boolean): boolean {
  if (user.role === 'admin') return true;
  if (user.role === 'enterprise') return user.companyId === study.companyId;
  if (user.role === 'verifier') return user.companyId === study.companyId || sharedWithUser;
  return false;
}

export function canWriteStudy(user: User, study: StudyOwner): boolean {
  return user.role === 'enterprise' && user.companyId === study.companyId;
}

/** Another company's study answers exactly like a missing one, so ids of private data do not leak. */
export class StudyNotFoundError extends DomainError {
  constructor(id: string) {
    super('not-found', 'not-found', coded('study.not-found', { id }));
  }
}

/** Only practitioners of the study's company change it. */
export class StudyForbiddenError extends DomainError {
  constructor() {
    super('forbidden', 'forbidden', coded('study.not-writable', {}));
  }
}

export function requireReadable(
  user: User,
  id: string,
  study: StudyOwner | undefined,
  sharedWithUser: boolean,
): StudyOwner {
  if (!study || !canReadStudy(user, study, sharedWithUser)) throw new StudyNotFoundError(id);
  return study;
}

export function requireWritable(user: User, study: StudyOwner): void {
  if (!canWriteStudy(user, study)) throw new StudyForbiddenError();
}
