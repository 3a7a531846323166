import { z } from 'zod';
import { UserSchema } from '../model/account.ts';
import { CodedMessageSchema } from '../model/message.ts';
import { RoleSchema, StudyInputSchema } from '../model/study.ts';
import { codeText, freeText, nameText, TEXT_LIMITS } from '../model/limits.ts';
import {
  AggregateStatsSchema,
  DatasetSchema,
  ProductionVolumeSchema,
  ReviewActionSchema,
  ReviewStateSchema,
  SharingSchema,
  SubmissionInputSchema,
  SubmissionMetaSchema,
  ValidationReportSchema,
} from '../cobuild/model.ts';

/** Shapes the API adds around the domain types of src/model. */

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'the stable machine code a client matches on' }),
      message: z.string().meta({ description: 'what went wrong, in English' }),
      messageCode: z.string().optional().meta({
        description: 'the catalogue code of the message, to render it with `params` in the reader’s language',
      }),
      params: z.record(z.string(), z.unknown()).optional(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

export const LoginRequestSchema = z.object({
  email: z.string().min(1).max(TEXT_LIMITS.email),
  password: z.string().min(1).max(TEXT_LIMITS.password),
});
export const LoginSchema = z.object({ token: z.string(), expiresAt: z.string(), user: UserSchema });

export const NewUserSchema = z.object({
  email: z.email().max(TEXT_LIMITS.email),
  name: nameText(),
  password: z.string().min(10).max(TEXT_LIMITS.password),
  role: RoleSchema,
  companyId: codeText().nullable().default(null),
});

export const ReleaseSchema = z.object({
  release: z.string(),
  kind: z.enum(['lci', 'factors']),
  name: z.string(),
  processes: z.number(),
  factors: z.number(),
  createdAt: z.string(),
});

/** A query-string integer; an empty value (`?year=`) means "not given", not 0. */
export const queryInt = (min = -Infinity, max = Infinity) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(min).max(max).optional());

export const DatasetQuerySchema = z.object({
  q: z.string().max(TEXT_LIMITS.name).default(''),
  type: z.enum(['factor', 'process']).optional(),
  region: codeText().optional(),
  year: queryInt(),
  limit: queryInt(1, 100),
  lci: codeText().optional(),
  factors: codeText().optional(),
  /** include the processes the release's quality screen quarantined (shown with their findings) */
  quarantined: z.enum(['true', 'false']).optional(),
});

export const StudySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  product: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  version: z.number(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  /** kg CO2e per declared unit of the latest result: emissions, removals excluded */
  total: z.number().nullable(),
  /** kg CO2e per declared unit of the latest result: the CFP of ISO 14067 3.1.1.1, emissions and removals summed */
  cfp: z.number().nullable(),
});

export const SaveStudySchema = z.object({
  study: StudyInputSchema,
  baseVersion: z.number().int().positive(),
  comment: freeText().optional(),
});

export const VersionSchema = z.object({
  version: z.number(),
  at: z.string(),
  by: z.string(),
  comment: z.string().nullable(),
});
export const AuditSchema = z.object({
  at: z.string(),
  user: z.string().nullable(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
});

export const JobSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    studyId: z.string().nullable(),
    state: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.number(),
    message: z.string().meta({ description: 'the latest message in English' }),
    codedMessage: CodedMessageSchema.nullable().meta({
      description:
        'the same message as catalogue code and params, to render in the reader’s language; null on older jobs',
    }),
    error: z.string().nullable(),
    codedError: CodedMessageSchema.nullable().meta({
      description: 'the same error as catalogue code and params, when the failure carried them',
    }),
    attempts: z.number().int(),
    output: z.record(z.string(), z.unknown()).nullable().meta({
      description:
        'what a done job made: calculate/monte-carlo {hash, version, total}; release-publish {release, notes, markdown}; report-pdf {key, lang, result, download}; pact-event {event}',
    }),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({
    id: 'Job',
    description:
      'background work; kinds: calculate, monte-carlo (a calculation with draws), import (a database archive saved as a release), release-publish (with the benchmark recalculation of its notes), report-pdf, pact-event',
  });

export const CalculateRequestSchema = z.object({
  iterations: z.number().int().min(0).max(20000).default(1000),
  seed: z.number().int().default(1),
});

export const IdParamSchema = z.object({ id: z.string().min(1) });
export const ReportQuerySchema = z.object({
  lang: z.enum(['zh', 'en']).default('zh'),
  format: z
    .literal('html')
    .default('html')
    .meta({ description: 'HTML only: a PDF is printed by a job (POST /api/studies/{id}/reports)' }),
});

export const ReportPdfRequestSchema = z.object({ lang: z.enum(['zh', 'en']).default('zh') });

export const ReportFileParamsSchema = z.object({
  id: z.string().min(1),
  key: z.string().regex(/^[0-9a-f]{64}$/, 'the report key from the job output'),
});

// co-construction of the background database (src/cobuild)

export const SubmissionHeadSchema = z
  .object({
    id: z.string(),
    companyId: z.string(),
    companyName: z.string(),
    kind: z.enum(['factor', 'process']),
    productKey: z.string(),
    datasetId: z.string(),
    name: z.string(),
    region: z.string().nullable(),
    year: z.number().nullable(),
    sharing: SharingSchema,
    state: ReviewStateSchema,
    latestVersion: z.number(),
    reviewerId: z.string().nullable(),
    reviewerName: z.string().nullable(),
    origin: z.string(),
    createdBy: z.string(),
    createdByName: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SubmissionHead' });

export const SubmissionViewSchema = z.object({
  head: SubmissionHeadSchema,
  version: z.number(),
  dataset: DatasetSchema,
  meta: SubmissionMetaSchema,
  validation: ValidationReportSchema,
  versions: z.array(
    z.object({
      version: z.number(),
      createdBy: z.string(),
      createdByName: z.string(),
      createdAt: z.string(),
      comment: z.string().nullable(),
    }),
  ),
  comments: z.array(
    z.object({
      id: z.number(),
      version: z.number(),
      field: z.string().nullable(),
      body: z.string(),
      authorId: z.string(),
      author: z.string(),
      authorRole: z.string(),
      at: z.string(),
    }),
  ),
  steps: z.array(z.string()),
  parties: z.array(z.enum(['contributor', 'steward', 'reviewer'])),
  releases: z.array(z.string()),
});

export const SubmitRequestSchema = z.object({ datasets: z.array(SubmissionInputSchema).min(1).max(500) });
export const ReviseRequestSchema = z.object({
  dataset: DatasetSchema,
  meta: SubmissionMetaSchema,
  baseVersion: z.number().int().positive(),
  comment: freeText().optional(),
});
export const ReviewRequestSchema = z.object({
  action: ReviewActionSchema,
  baseVersion: z.number().int().positive(),
  comment: freeText().optional(),
});
export const CommentRequestSchema = z.object({
  field: codeText().optional(),
  text: z.string().min(1).max(TEXT_LIMITS.text),
  version: z.number().int().positive().optional(),
});

export const NotificationSchema = z.object({
  id: z.number(),
  at: z.string(),
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  submissionId: z.string().nullable(),
  read: z.boolean(),
});

export const AggregateRequestSchema = z.object({
  submissionIds: z.array(z.string()).min(1),
  region: z.string().min(1),
  year: z.number().int().optional(),
  name: z.string().optional(),
  nameZh: z.string().optional(),
  technology: z.string().optional(),
  licence: z.string().min(1).default('CC BY 4.0'),
  marketVolume: ProductionVolumeSchema.optional(),
});

export const AggregatePreviewSchema = z.object({
  productKey: z.string(),
  dataset: DatasetSchema,
  stats: AggregateStatsSchema,
  weights: z.array(
    z.object({ submissionId: z.string(), version: z.number(), companyId: z.string(), weight: z.number() }),
  ),
  publishable: z.boolean(),
  minContributors: z.number(),
});

export const AggregateViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['factor', 'process']),
  productKey: z.string(),
  datasetId: z.string(),
  name: z.string(),
  region: z.string(),
  year: z.number(),
  dataset: DatasetSchema,
  stats: AggregateStatsSchema,
  contributors: z.number(),
  members: z.array(
    z.object({ submissionId: z.string(), version: z.number(), company: z.string(), weight: z.number() }),
  ),
  publishable: z.boolean(),
  minContributors: z.number(),
  releases: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const ApprovedProductSchema = z.object({
  productKey: z.string(),
  kind: z.enum(['factor', 'process']),
  submissions: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      company: z.string(),
      region: z.string().nullable(),
      year: z.number().nullable(),
      sharing: z.string(),
    }),
  ),
});

export const ComparisonSchema = z.object({
  from: z.object({ lci: z.string(), factors: z.string() }),
  to: z.object({ lci: z.string(), factors: z.string() }),
  before: z.number(),
  after: z.number(),
  delta: z.number(),
  relative: z.number(),
  entries: z.array(z.object({ entryId: z.string(), name: z.string(), before: z.number(), after: z.number() })),
});

export const ReleaseNotesSchema = z.object({
  release: z.string(),
  base: z.object({ factors: z.string().optional(), lci: z.string().optional() }),
  summary: z.string(),
  changes: z.array(
    z.object({
      type: z.enum(['factor', 'process']),
      id: z.string(),
      name: z.string(),
      change: z.enum(['added', 'replaced']),
      fields: z.array(z.string()),
      before: z.number().optional(),
      after: z.number().optional(),
      unit: z.string().optional(),
      item: z.object({ kind: z.enum(['submission', 'aggregate']), ref: z.string() }),
    }),
  ),
  contributors: z.array(z.object({ organisation: z.string(), datasets: z.number() })),
  aggregates: z.array(z.object({ id: z.string(), name: z.string(), contributors: z.number(), datasets: z.number() })),
  benchmarks: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      comparison: ComparisonSchema.optional(),
      error: z.string().optional(),
    }),
  ),
});

export const ReleaseRequestSchema = z.object({
  release: z
    .string()
    .min(1)
    .regex(/^[\w.-]+$/, 'letters, digits, ".", "-" and "_"'),
  baseFactors: z.string().optional(),
  baseLci: z.string().optional(),
  submissionIds: z.array(z.string()).default([]),
  aggregateIds: z.array(z.string()).default([]),
  licence: z.string().min(1).default('CC BY 4.0'),
});

export const ReleasePreviewSchema = z.object({
  notes: ReleaseNotesSchema,
  markdown: z.string().meta({ description: 'the notes as markdown, in the language of ?lang' }),
});
/** The language the release notes' markdown is written in; the structured notes are the same in both. */
export const NotesLangQuerySchema = z.object({ lang: z.enum(['en', 'zh']).default('en') });

export const OpenReleaseSchema = z.object({
  release: z.string(),
  name: z.string(),
  processes: z.number(),
  factors: z.number(),
  licence: z.string().nullable(),
  citation: z.string(),
  source: z.string().nullable(),
  summary: z.string().nullable(),
  createdAt: z.string(),
  cobuilt: z.boolean(),
});
export const OpenReleaseDetailSchema = OpenReleaseSchema.extend({
  notes: ReleaseNotesSchema.nullable(),
  markdown: z.string().nullable(),
});

export const OpenDatasetsSchema = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      type: z.enum(['factor', 'process']),
      id: z.string(),
      name: z.string(),
      region: z.string().nullable(),
      year: z.number().nullable(),
      value: z.number().nullable(),
      unit: z.string(),
      licence: z.string(),
      citation: z.string(),
    }),
  ),
});

export const BenchmarkSchema = z.object({
  id: z.string(),
  name: z.string(),
  releases: z.object({ lci: z.string(), factors: z.string() }),
  entries: z.number(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const BenchmarkRequestSchema = z.object({ name: z.string().min(1), study: StudyInputSchema });
export const BenchmarkAddedSchema = z.object({
  id: z.string(),
  footprint: z.number().meta({ description: 'kg CO2e per declared or functional unit, on the pinned releases' }),
});

export const MoveStudyRequestSchema = z.object({
  release: z.string().min(1),
  apply: z.boolean().default(false),
  baseVersion: z.number().int().positive().optional(),
});
export const MoveStudySchema = z.object({
  comparison: ComparisonSchema,
  applied: z.boolean(),
  version: z.number().optional(),
});

/** The quality screen of an LCI release (src/screen), as GET /api/releases/{release}/screen gives it. */
export const ScreenFindingSchema = z.object({
  code: z.string(),
  severity: z.enum(['quarantine', 'note']),
  processId: z.string(),
  processName: z.string(),
  /** from the release: the process's Chinese name and its region, when it has them */
  processNameZh: z.string().optional(),
  location: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});

export const ScreenReportSchema = z.object({
  release: z.string(),
  screenedAt: z.string(),
  method: z.string(),
  processes: z.number(),
  scored: z.number(),
  quarantined: z.array(z.string()),
  counts: z.record(z.string(), z.number()),
  loops: z.array(
    z.object({ size: z.number(), radius: z.number(), feedback: z.number().nullable(), examples: z.array(z.string()) }),
  ),
  rules: z.array(
    z.object({
      code: z.string(),
      severity: z.enum(['quarantine', 'note']),
      checks: z.string(),
      limits: z.record(z.string(), z.number()).optional(),
    }),
  ),
  findings: z.array(ScreenFindingSchema),
});
