import type { Role } from '../model/study.ts';
import type { User } from '../store/index.ts';

/** The role check of every route; what a role may do with a study is the domain's (`src/studies/access.ts`). */
export function hasRole(user: User | undefined, roles: readonly Role[]): user is User {
  return user !== undefined && roles.includes(user.role);
}
