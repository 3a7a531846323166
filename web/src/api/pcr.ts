import type { Pcr, PcrCheck } from '../../../src/model/pcr.ts';
import type { Comparison } from '../../../src/rules/pcr-compare.ts';
import type { Study } from '../../../src/model/study.ts';
import { getJson, sendJson } from './client.ts';

/** The product category rule routes (src/server/routes/pcrs.ts). */

export interface PcrSummary {
  id: string;
  version: string;
  title: { zh: string; en: string };
  summary: { zh: string; en: string };
  extends?: string;
  document: { number: string; status: string; date: string };
}

export interface FromPcrRequest {
  pcr: string;
  name: string;
  product: { name: string };
  parameters: Record<string, number>;
  releases: { lci: string; factors: string };
  region?: string;
  year: number;
  lang: 'zh' | 'en';
}

const study = (id: string) => `/api/studies/${encodeURIComponent(id)}`;

export const pcrApi = {
  list: () => getJson<PcrSummary[]>('/api/pcrs'),
  rule: (id: string) => getJson<{ rule: Pcr; chain: string[] }>(`/api/pcrs/${encodeURIComponent(id)}`),
  createFrom: (body: FromPcrRequest) => sendJson<Study>('POST', '/api/studies/from-pcr', body),
  check: (id: string) => sendJson<PcrCheck>('POST', `${study(id)}/pcr-check`, {}),
  /** variant b against baseline a, stage by stage: change = b − a (each the latest calculated version unless one is named) */
  compare: (a: { id: string; version?: number }, b: { id: string; version?: number }) =>
    getJson<Comparison>(
      `${study(a.id)}/compare?${new URLSearchParams({ with: b.id, ...(a.version ? { version: String(a.version) } : {}), ...(b.version ? { withVersion: String(b.version) } : {}) })}`,
    ),
};
