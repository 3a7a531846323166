import type { DatasetRef, Study, StudyInput, StudyResult } from '../../../src/model/study.ts';
import { ApiError, getJson, request, sendJson } from './client.ts';
import type {
  AuditEvent,
  DatasetHit,
  ElectricityValue,
  Job,
  LoginResponse,
  Me,
  ReleaseInfo,
  StudySummary,
  VersionInfo,
} from './types.ts';

/** One function per route of src/server/README.md that the app uses. */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const study = (id: string) => `/api/studies/${encodeURIComponent(id)}`;

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const api = {
  login: (email: string, password: string) => sendJson<LoginResponse>('POST', '/api/auth/login', { email, password }),
  logout: () => request('/api/auth/logout', { method: 'POST' }),
  me: () => getJson<Me>('/api/me'),
  releases: () => getJson<ReleaseInfo[]>('/api/releases'),
  datasets: (p: {
    q: string;
    region?: string;
    type?: string;
    year?: number;
    lci?: string;
    factors?: string;
    limit?: number;
    quarantined?: 'true';
  }) => getJson<DatasetHit[]>(`/api/datasets${query(p)}`),
  resolveDatasets: (releases: { lci: string; factors: string }, refs: DatasetRef[]) =>
    sendJson<DatasetHit[]>('POST', '/api/datasets/resolve', { ...releases, refs }),
  electricityMap: (year?: number) => getJson<ElectricityValue[]>(`/api/electricity-map${query({ year })}`),
  studies: () => getJson<StudySummary[]>('/api/studies'),
  createStudy: (input: StudyInput) => sendJson<Study>('POST', '/api/studies', input),
  study: (id: string) => getJson<Study>(study(id)),
  saveStudy: (id: string, input: StudyInput, baseVersion: number, comment?: string) =>
    sendJson<Study>('PUT', study(id), { study: input, baseVersion, comment: comment || undefined }),
  versions: (id: string) => getJson<VersionInfo[]>(`${study(id)}/versions`),
  audit: (id: string) => getJson<AuditEvent[]>(`${study(id)}/audit`),
  calculate: (id: string) => sendJson<Job>('POST', `${study(id)}/calculate`, {}),
  job: (id: string) => getJson<Job>(`/api/jobs/${encodeURIComponent(id)}`),
  /** null before the first calculation (the server answers 404) */
  result: async (id: string): Promise<StudyResult | null> => {
    try {
      return await getJson<StudyResult>(`${study(id)}/result`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  },
  pactFootprint: (id: string) => getJson<Record<string, unknown>>(`${study(id)}/pact`),
  reportHtml: async (id: string, lang: 'zh' | 'en') => (await request(`${study(id)}/report${query({ lang })}`)).blob(),
  /** a job that prints the PDF; its output.download is where the PDF is then */
  printReport: (id: string, lang: 'zh' | 'en') => sendJson<Job>('POST', `${study(id)}/reports`, { lang }),
  /** a path the server named (a job's output.download) */
  download: async (path: string) => (await request(path)).blob(),
  // the server names the file in its messages when told; header values must be ASCII
  uploadInventory: (id: string, file: Blob, fileName: string) =>
    request(`${study(id)}/inventory.xlsx`, {
      method: 'POST',
      body: file,
      contentType: XLSX,
      headers: /^[\x20-\x7e]+$/.test(fileName) ? { 'X-File-Name': fileName } : {},
    }),
};

export const TEMPLATE_URL = '/api/study-template.xlsx';
