import type { z } from 'zod';
import type { JobSchema, LoginSchema, ReleaseSchema, StudySummarySchema } from '../../../src/server/schemas.ts';
import type {
  ConnectionInputSchema,
  NewConnectionSchema,
  PactSpecSchema,
  PartnerUpdate,
  ReceivedFootprint,
} from '../../../src/model/pact-exchange.ts';

/** Response shapes of the API, as src/server/schemas.ts declares them (types only: nothing of the server is bundled). */

export type { User as Me } from '../../../src/model/account.ts';
export type { ProvinceElectricity as ElectricityValue } from '../../../src/model/factor.ts';
export type { DatasetHit } from '../../../src/model/study.ts';
export type { WorkbookIssue as SheetIssue } from '../../../src/formats/study-excel.ts';
export type {
  Connection,
  PactEventRecord,
  PublishedFootprint,
  ReceivedFootprint,
  Verification,
} from '../../../src/model/pact-exchange.ts';

export type LoginResponse = z.infer<typeof LoginSchema>;
export type ReleaseInfo = z.infer<typeof ReleaseSchema>;
export type StudySummary = z.infer<typeof StudySummarySchema>;

/** Read tolerantly: a missing comment, or a detail written as plain text, still shows. */
export interface VersionInfo {
  version: number;
  at: string;
  by: string;
  comment?: string | null;
}

export interface AuditEvent {
  at: string;
  /** null for changes made by the system */
  user: string | null;
  action: string;
  /** the server sends an object, e.g. {version, comment, changes: string[]} */
  detail: string | Record<string, unknown>;
}

export type Job = z.infer<typeof JobSchema>;
export type JobState = Job['state'];

export type ConnectionInput = z.input<typeof ConnectionInputSchema>;
export type { PartnerUpdate };
export type NewConnection = z.infer<typeof NewConnectionSchema>;
export type PactSpec = z.infer<typeof PactSpecSchema>;

/** The answers of routes whose shapes src/server/routes/pact.ts declares inline. */
export interface PactHost {
  url: string;
  events: string;
}
export interface Published {
  id: string;
  deprecated: string[];
  v2Problems: string[];
}
export interface PullResult {
  received: ReceivedFootprint[];
  requestEventId?: string;
}
