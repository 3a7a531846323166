import type { z } from 'zod';
import type {
  AggregatePreviewSchema,
  AggregateRequestSchema,
  AggregateViewSchema,
  ApprovedProductSchema,
  AuditSchema,
  BenchmarkAddedSchema,
  BenchmarkSchema,
  MoveStudySchema,
  NotificationSchema,
  OpenDatasetsSchema,
  OpenReleaseDetailSchema,
  OpenReleaseSchema,
  ReleasePreviewSchema,
  ScreenReportSchema,
  ReleaseRequestSchema,
  SubmissionHeadSchema,
  SubmissionViewSchema,
} from '../../../src/server/schemas.ts';
import type { Dataset, ReviewAction, Settings, SubmissionInput, SubmissionMeta } from '../../../src/cobuild/model.ts';
import { getJson, request, sendJson } from './client.ts';
import type { Job } from './types.ts';

/** The co-construction routes of src/server/README.md: submissions, review, aggregates, releases, notifications, open data. */

export type SubmissionHead = z.infer<typeof SubmissionHeadSchema>;
export type SubmissionView = z.infer<typeof SubmissionViewSchema>;
export type AggregatePreview = z.infer<typeof AggregatePreviewSchema>;
export type AggregateView = z.infer<typeof AggregateViewSchema>;
export type AggregateRequest = z.input<typeof AggregateRequestSchema>;
export type ApprovedProduct = z.infer<typeof ApprovedProductSchema>;
export type Notification = z.infer<typeof NotificationSchema>;
export type ReleasePreview = z.infer<typeof ReleasePreviewSchema>;
export type ReleaseRequest = z.infer<typeof ReleaseRequestSchema>;
export type OpenRelease = z.infer<typeof OpenReleaseSchema>;
export type OpenReleaseDetail = z.infer<typeof OpenReleaseDetailSchema>;
export type OpenDatasets = z.infer<typeof OpenDatasetsSchema>;
export type MoveStudy = z.infer<typeof MoveStudySchema>;
export type CobuildAuditEvent = z.infer<typeof AuditSchema>;
export type Benchmark = z.infer<typeof BenchmarkSchema>;
export type BenchmarkAdded = z.infer<typeof BenchmarkAddedSchema>;
export type ScreenReport = z.infer<typeof ScreenReportSchema>;
export type ScreenFinding = ScreenReport['findings'][number];
export type { Dataset, ReviewAction, Settings, SubmissionInput, SubmissionMeta };

export interface UploadOptions {
  sharing?: 'confidential' | 'public';
  region?: string;
  year?: number;
  technology?: string;
  source?: string;
  licence?: string;
  volume?: number;
  volumeUnit?: string;
}

const sub = (id: string) => `/api/cobuild/submissions/${encodeURIComponent(id)}`;
const rel = (release: string) => `/api/open/releases/${encodeURIComponent(release)}`;

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const cobuildApi = {
  submissions: (state?: string) => getJson<SubmissionHead[]>(`/api/cobuild/submissions${query({ state })}`),
  submit: (datasets: SubmissionInput[]) => sendJson<SubmissionHead[]>('POST', '/api/cobuild/submissions', { datasets }),
  // header values must be ASCII: a Chinese file name is left out, the server then says "upload"
  uploadFile: async (file: Blob, fileName: string, opts: UploadOptions) =>
    (
      await request(`/api/cobuild/submissions/file${query({ ...opts })}`, {
        method: 'POST',
        body: file,
        contentType: 'application/octet-stream',
        headers: /^[\x20-\x7e]+$/.test(fileName) ? { 'X-File-Name': fileName } : {},
      })
    ).json() as Promise<SubmissionHead[]>,
  submission: (id: string, version?: number) => getJson<SubmissionView>(`${sub(id)}${query({ version })}`),
  revise: (id: string, dataset: Dataset, meta: SubmissionMeta, baseVersion: number, comment?: string) =>
    sendJson<SubmissionHead>('PUT', sub(id), { dataset, meta, baseVersion, comment: comment || undefined }),
  review: (id: string, action: ReviewAction, baseVersion: number, comment?: string) =>
    sendJson<SubmissionHead>('POST', `${sub(id)}/review`, { action, baseVersion, comment: comment || undefined }),
  assign: (id: string, email: string) => sendJson<SubmissionHead>('POST', `${sub(id)}/reviewer`, { email }),
  comment: (id: string, text: string, field?: string, version?: number) =>
    sendJson<{ ok: boolean }>('POST', `${sub(id)}/comments`, { text, field: field || undefined, version }),
  audit: (id: string) => getJson<CobuildAuditEvent[]>(`${sub(id)}/audit`),
  reviewers: () => getJson<{ id: string; name: string; email: string; role: string }[]>('/api/cobuild/reviewers'),
  products: () => getJson<ApprovedProduct[]>('/api/cobuild/products'),
  previewAggregate: (req: AggregateRequest) =>
    sendJson<AggregatePreview>('POST', '/api/cobuild/aggregates/preview', req),
  buildAggregate: (req: AggregateRequest) => sendJson<AggregateView>('POST', '/api/cobuild/aggregates', req),
  aggregates: () => getJson<AggregateView[]>('/api/cobuild/aggregates'),
  settings: () => getJson<Settings>('/api/cobuild/settings'),
  saveSettings: (s: Partial<Settings>) => sendJson<Settings>('PUT', '/api/cobuild/settings', s),
  benchmarks: () => getJson<Benchmark[]>('/api/cobuild/benchmarks'),
  addBenchmark: (name: string, study: unknown) =>
    sendJson<BenchmarkAdded>('POST', '/api/cobuild/benchmarks', { name, study }),
  previewRelease: (req: ReleaseRequest) => sendJson<ReleasePreview>('POST', '/api/cobuild/releases/preview', req),
  /** a job; when done its output holds the release and its notes */
  publishRelease: (req: ReleaseRequest) => sendJson<Job>('POST', '/api/cobuild/releases', req),
  notifications: () => getJson<{ unread: number; items: Notification[] }>('/api/cobuild/notifications'),
  markRead: (ids?: number[]) => sendJson<{ unread: number }>('POST', '/api/cobuild/notifications/read', { ids }),
  moveStudy: (studyId: string, release: string, apply: boolean, baseVersion?: number) =>
    sendJson<MoveStudy>('POST', `/api/cobuild/studies/${encodeURIComponent(studyId)}/move`, {
      release,
      apply,
      baseVersion,
    }),
  openReleases: () => getJson<OpenRelease[]>('/api/open/releases'),
  /** every finding of a release's quality screen (TianGong: about 3,500), with Chinese names and regions */
  screen: (release: string) =>
    getJson<ScreenReport>(`/api/releases/${encodeURIComponent(release)}/screen${query({ limit: 100000 })}`),
  openRelease: (release: string) => getJson<OpenReleaseDetail>(rel(release)),
  openDatasets: (release: string, p: { q?: string; type?: string; offset?: number; limit?: number }) =>
    getJson<OpenDatasets>(`${rel(release)}/datasets${query(p)}`),
};

export const DATASET_TEMPLATE_URL = '/api/cobuild/template.xlsx';
export const downloadUrl = (release: string, file: 'jsonld.zip' | 'factors.csv' | 'exchanges.csv') =>
  `${rel(release)}/${file}`;
