import type { Role } from '../model/study.ts';
import type { StudyHead, User } from '../store/index.ts';

/**
 * Who may do what with a study. Enterprise users read and write their own company's studies;
 * verifiers read their own company's studies and those shared with them; admins read all (for
 * support) but write none; stewards and the public see no company's private data.
 */

export function canReadStudy(user: User, study: StudyHead, sharedWithUser: boolean): boolean {
  if (user.role === 'admin') return true;
  if (user.role === 'enterprise') return user.companyId === study.companyId;
  if (user.role === 'verifier') return user.companyId === study.companyId || sharedWithUser;
  return false;
}

export function canWriteStudy(user: User, study: StudyHead): boolean {
  return user.role === 'enterprise' && user.companyId === study.companyId;
}

export function hasRole(user: User | undefined, roles: readonly Role[]): user is User {
  return user !== undefined && roles.includes(user.role);
}
