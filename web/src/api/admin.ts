import type { OrganisationKind, User } from '../../../src/model/account.ts';
import type { Role } from '../../../src/model/study.ts';
import { getJson, sendJson } from './client.ts';

/** The administration routes (src/server/routes/admin.ts). */

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  users: number;
  createdAt: string;
}

const user = (id: string) => `/api/admin/users/${encodeURIComponent(id)}`;

export const adminApi = {
  organisations: () => getJson<Organisation[]>('/api/admin/companies'),
  createOrganisation: (o: { name: string; kind: OrganisationKind }) =>
    sendJson<Organisation>('POST', '/api/admin/companies', o),
  changeOrganisation: (id: string, change: { name?: string; kind?: OrganisationKind }) =>
    sendJson<Organisation>('PATCH', `/api/admin/companies/${encodeURIComponent(id)}`, change),
  users: () => getJson<User[]>('/api/admin/users'),
  createUser: (u: { email: string; name: string; password: string; role: Role; companyId: string | null }) =>
    sendJson<User>('POST', '/api/admin/users', u),
  changeUser: (id: string, change: { name?: string; role?: Role; companyId?: string | null }) =>
    sendJson<User>('PATCH', user(id), change),
  setPassword: (id: string, password: string) =>
    sendJson<{ ok: boolean }>('POST', `${user(id)}/password`, { password }),
};
