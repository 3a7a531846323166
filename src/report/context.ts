import type { Entry, EntryResult, Study, StudyResult } from '../model/study.ts';
import type { PcrCheck } from '../model/pcr.ts';
import type { ComplianceItem } from '../rules/iso14067.ts';
import { dictionary, type Dict, type Lang } from './i18n.ts';

export interface ReportInput {
  study: Study;
  result: StudyResult;
  company: string;
  lang: Lang;
  generatedAt: string;
  compliance: ComplianceItem[];
  /** the gases direct entries may use and their GWP100 in the study's GWP set */
  gases?: { gas: string; gwp100: number }[];
  /** who verifies the study and what they stated; absent or empty: not verified */
  verification?: {
    verifiers: { name: string; organisation: string }[];
    statements: { verifier: string; date: string; text: string }[];
  };
  /** the check against the study's product category rule, for the "conformance with <rule>" section */
  pcr?: PcrCheck;
}

/** What every section reads: the input, the dictionary, and entries looked up by id both ways. */
export interface Ctx extends ReportInput {
  t: Dict;
  resultOf(entryId: string): EntryResult | undefined;
  entryOf(entryId: string): Entry | undefined;
}

export function context(input: ReportInput): Ctx {
  const results = new Map(input.result.entries.map((e) => [e.entryId, e]));
  const entries = new Map(input.study.entries.map((e) => [e.id, e]));
  return { ...input, t: dictionary(input.lang), resultOf: (id) => results.get(id), entryOf: (id) => entries.get(id) };
}
