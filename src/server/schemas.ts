import { z } from 'zod';
import { UserSchema } from '../model/account.ts';
import { RoleSchema, StudyInputSchema } from '../model/study.ts';

/** Shapes the API adds around the domain types of src/model. */

export const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) }).meta({ id: 'Error' });

export const LoginRequestSchema = z.object({ email: z.string().min(1), password: z.string().min(1) });
export const LoginSchema = z.object({ token: z.string(), expiresAt: z.string(), user: UserSchema });

export const NewUserSchema = z.object({
  email: z.email(),
  name: z.string().min(1),
  password: z.string().min(10),
  role: RoleSchema,
  companyId: z.string().nullable().default(null),
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
export const queryInt = (min = -Infinity, max = Infinity) => z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(min).max(max).optional());

export const DatasetQuerySchema = z.object({
  q: z.string().default(''),
  type: z.enum(['factor', 'process']).optional(),
  region: z.string().optional(),
  year: queryInt(),
  limit: queryInt(1, 100),
  lci: z.string().optional(),
  factors: z.string().optional(),
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
  total: z.number().nullable(),
});

export const SaveStudySchema = z.object({ study: StudyInputSchema, baseVersion: z.number().int().positive(), comment: z.string().optional() });

export const VersionSchema = z.object({ version: z.number(), at: z.string(), by: z.string(), comment: z.string().nullable() });
export const AuditSchema = z.object({ at: z.string(), user: z.string().nullable(), action: z.string(), detail: z.record(z.string(), z.unknown()) });

export const JobSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    studyId: z.string().nullable(),
    state: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.number(),
    message: z.string(),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Job' });

export const CalculateRequestSchema = z.object({
  iterations: z.number().int().min(0).max(20000).default(1000),
  seed: z.number().int().default(1),
});

export const IdParamSchema = z.object({ id: z.string().min(1) });
export const ReportQuerySchema = z.object({ lang: z.enum(['zh', 'en']).default('zh'), format: z.enum(['html', 'pdf']).default('html') });
