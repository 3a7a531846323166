import type { Study } from '../../../src/model/study.ts';
import { getJson, request, sendJson } from './client.ts';
import type {
  Connection,
  ConnectionInput,
  NewConnection,
  PartnerUpdate,
  PactEventRecord,
  PactHost,
  PactSpec,
  PublishedFootprint,
  Published,
  PullResult,
  ReceivedFootprint,
  Verification,
} from './types.ts';

/** The PACT exchange routes (src/server/routes/pact.ts), one function per route. */

const study = (id: string) => `/api/studies/${encodeURIComponent(id)}`;

export const pactApi = {
  verifications: (studyId: string) => getJson<Verification[]>(`${study(studyId)}/verifications`),
  verify: (studyId: string, statement: string) =>
    sendJson<Verification>('POST', `${study(studyId)}/verifications`, { statement }),
  publish: (studyId: string) => sendJson<Published>('POST', `${study(studyId)}/publish`, {}),
  footprints: () => getJson<PublishedFootprint[]>('/api/pact/footprints'),
  host: () => getJson<PactHost>('/api/pact/host'),
  connections: () => getJson<Connection[]>('/api/pact/connections'),
  addConnection: (input: ConnectionInput) => sendJson<NewConnection>('POST', '/api/pact/connections', input),
  updatePartner: (id: string, change: PartnerUpdate) =>
    sendJson<Connection>('PATCH', `/api/pact/connections/${encodeURIComponent(id)}`, change),
  revokeConnection: async (id: string): Promise<Connection> =>
    (
      await request(`/api/pact/connections/${encodeURIComponent(id)}`, { method: 'DELETE' })
    ).json() as Promise<Connection>,
  pull: (body: { connectionId: string; productId: string; spec: PactSpec; mode: 'sync' | 'async' }) =>
    sendJson<PullResult>('POST', '/api/pact/pull', body),
  received: () => getJson<ReceivedFootprint[]>('/api/pact/received'),
  events: () => getJson<PactEventRecord[]>('/api/pact/events'),
  useSupplierFootprint: (studyId: string, entryId: string, receivedId: string, baseVersion: number) =>
    sendJson<Study>('POST', `${study(studyId)}/entries/${encodeURIComponent(entryId)}/supplier-footprint`, {
      receivedId,
      baseVersion,
    }),
};
