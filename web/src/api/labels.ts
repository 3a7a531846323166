import type {
  Benchmark,
  CredentialSubject,
  Grade,
  LabelStatus,
  RegistryItem,
  TrustBundle,
  VerificationRequest,
} from '../../../src/model/credential.ts';
import { getJson, sendJson } from './client.ts';

/** Labels, grading and the public registry (src/server/routes/labels.ts), one function per route. */

export type { Benchmark, CredentialSubject, Grade, LabelStatus, RegistryItem, TrustBundle, VerificationRequest };

export interface LabelDetail {
  item: RegistryItem;
  disclosure: CredentialSubject;
  issuer: { id: string; name: string };
  signedAt: string;
  credentialHash: string;
}

export interface CodedBlocker {
  code: string;
  params: Record<string, string | number>;
  message: string;
}

export interface LabelCheck {
  studyId: string;
  version: number;
  resultHash: string;
  conformance: {
    pcr: { id: string; version: string; title: { zh: string; en: string } };
    conforms: boolean;
    findings: CredentialSubject['pcr']['findings'];
  };
  declared: Omit<CredentialSubject['footprint'], 'unit'> | null;
  benchmark: Benchmark | null;
  grade: CredentialSubject['grade'];
  blockers: CodedBlocker[];
}

export interface RegistryQuery {
  q?: string;
  grade?: string;
  region?: string;
  status?: string;
}

const study = (id: string) => `/api/studies/${encodeURIComponent(id)}`;
const label = (id: string) => `/api/registry/${encodeURIComponent(id)}`;

export const labelFileUrl = (
  id: string,
  file: 'credential' | 'label.svg' | 'label.png' | 'label.pdf' | 'battery-passport' | 'pact',
  lang?: 'zh' | 'en',
) => `${label(id)}/${file}${lang ? `?lang=${lang}` : ''}`;

export const labelsApi = {
  registry: (q: RegistryQuery) => {
    const params = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => !!e[1]));
    return getJson<RegistryItem[]>(`/api/registry?${params}`);
  },
  detail: (id: string) => getJson<LabelDetail>(label(id)),
  credential: (id: string) => getJson<unknown>(`${label(id)}/credential`),
  trust: () => getJson<TrustBundle>('/api/registry/trust'),
  benchmarks: () => getJson<Benchmark[]>('/api/benchmarks'),
  verifiers: () => getJson<{ email: string; name: string; organisation: string | null }[]>('/api/verifiers'),
  studyLabels: (studyId: string) =>
    getJson<{ requests: VerificationRequest[]; labels: RegistryItem[] }>(`${study(studyId)}/labels`),
  request: (studyId: string, body: { verifierEmail: string; benchmark?: string; message?: string }) =>
    sendJson<VerificationRequest>('POST', `${study(studyId)}/label-requests`, body),
  queue: () => getJson<VerificationRequest[]>('/api/verification/queue'),
  check: (studyId: string, benchmark?: string) =>
    getJson<LabelCheck>(
      `${study(studyId)}/label-check${benchmark ? `?benchmark=${encodeURIComponent(benchmark)}` : ''}`,
    ),
  sign: (
    studyId: string,
    body: { statement: string; benchmark?: { id: string }; validUntil?: string; requestId?: string },
  ) => sendJson<RegistryItem>('POST', `${study(studyId)}/labels`, body),
  decline: (requestId: string, reason: string) =>
    sendJson<VerificationRequest>('POST', `/api/verification/requests/${encodeURIComponent(requestId)}/decline`, {
      reason,
    }),
  revoke: (labelId: string, reason: string) => sendJson<RegistryItem>('POST', `${label(labelId)}/revoke`, { reason }),
};
