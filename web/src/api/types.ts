import type { Role } from '../../../src/model/study.ts';

/** Response shapes of src/server/README.md that have no schema in src/model (as src/server/schemas.ts sends them). */

export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** null for administrators, who belong to no company */
  companyId: string | null;
  companyName: string | null;
}

export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: Me;
}

export interface ReleaseInfo {
  release: string;
  kind: 'lci' | 'factors';
  name: string;
  processes: number;
  factors: number;
  createdAt: string;
}

export interface DatasetHit {
  type: 'factor' | 'process';
  release: string;
  id: string;
  name: string;
  nameZh?: string;
  perUnit: string;
  kgCo2ePerUnit: number;
  /** 'CO2': the value leaves out CH4 and N2O */
  gases?: 'CO2' | 'CO2e';
  region: string;
  /** where the value was found when the asked region has none (province → grid → national) */
  resolvedRegion?: string;
  year?: number;
  source: string;
  status?: string;
  notes: string[];
}

export interface StudySummary {
  id: string;
  name: string;
  /** the product's name */
  product: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
  /** of the latest calculation; null before the first one */
  total?: number | null;
}

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

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface Job {
  id: string;
  kind: string;
  state: JobState;
  progress: number;
  message: string;
  error?: string | null;
  studyId: string;
}

export interface ElectricityValue {
  region: string;
  nameZh: string;
  nameEn: string;
  value: number;
  unit: string;
  year: number;
  status: string;
  resolvedRegion: string;
}

export interface SheetIssue {
  sheet: string;
  /** 0 when the issue concerns the whole sheet */
  row: number;
  /** "" when the issue concerns the whole row or sheet */
  column: string;
  message: string;
}
