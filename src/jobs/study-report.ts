import { createHash } from 'node:crypto';
import { getMethod } from '../factors/gwp.ts';
import { canonicalJson } from '../model/canonical-json.ts';
import { headlineOf } from '../model/headline.ts';
import type { Study, StudyResult } from '../model/study.ts';
import { renderReportHtml } from '../report/html.ts';
import { printPdf } from '../report/pdf.ts';
import { checkReport } from '../rules/iso14067.ts';
import { checkStudyAgainstPcr } from '../rules/pcr-check.ts';
import {
  getCompany,
  getStudy,
  hasReportFile,
  resultByHash,
  saveReportFile,
  studyVerifiers,
  verificationsOf,
  type Queryable,
  type Store,
} from '../store/index.ts';
import { directGasTable } from '../studies/per-unit.ts';
import type { CodedMessageData } from '../model/message.ts';
import { jobMessage as coded } from './messages.ts';

/**
 * The ISO 14067 study report of one stored result: what it shows read from the store, as HTML
 * (answered at once) or printed to PDF by a `report-pdf` job and stored once under the SHA-256 of
 * what it shows, so a retried job or a second request for the same report prints nothing again.
 */

export type ReportLang = 'zh' | 'en';

export interface ReportInputs {
  study: Study;
  result: StudyResult;
  resultHash: string;
  company: string;
  verification: {
    verifiers: Awaited<ReturnType<typeof studyVerifiers>>;
    statements: { verifier: string; date: string; text: string }[];
  };
}

/** What the report of the result `hash` of a study shows; undefined when the study has no such result. */
export async function reportInputs(db: Queryable, studyId: string, hash: string): Promise<ReportInputs | undefined> {
  const stored = await resultByHash(db, hash);
  if (!stored || stored.result.studyId !== studyId) return undefined;
  // results stored before the headline existed get it derived, so every reader sees the same CFP
  const result = stored.result.headline ? stored.result : { ...stored.result, headline: headlineOf(stored.result) };
  const study = (await getStudy(db, studyId, result.version))!;
  const company = await getCompany(db, study.companyId);
  return {
    study,
    result,
    resultHash: hash,
    company: company?.name ?? '',
    verification: {
      verifiers: await studyVerifiers(db, studyId),
      // statements signed for exactly this calculation (POST /api/studies/{id}/verifications)
      statements: (await verificationsOf(db, studyId, result.version))
        .filter((v) => v.computedAt === new Date(result.computedAt).toISOString())
        .map((v) => ({ verifier: v.verifier, date: v.at, text: v.statement })),
    },
  };
}

export function reportHtml(inputs: ReportInputs, lang: ReportLang, generatedAt: string): string {
  const { study, result } = inputs;
  return renderReportHtml({
    study,
    result,
    company: inputs.company,
    lang,
    generatedAt,
    compliance: checkReport(study, result),
    gases: directGasTable(getMethod(result.method)),
    verification: inputs.verification,
    pcr: checkStudyAgainstPcr(study, result),
  });
}

/** The stored PDF's key: the same result, language, statements and company name print the same report. */
export function reportKey(inputs: ReportInputs, lang: ReportLang): string {
  const shown = {
    result: inputs.resultHash,
    lang,
    company: inputs.company,
    verifiers: inputs.verification.verifiers,
    statements: inputs.verification.statements,
  };
  return createHash('sha256').update(canonicalJson(shown)).digest('hex');
}

/** Prints the report to PDF and stores it, unless a report with the same key is stored already; returns the key. */
export async function printStudyReport(
  store: Store,
  inputs: ReportInputs,
  lang: ReportLang,
  generatedAt: string,
  progress: (fraction: number, message: CodedMessageData) => void,
): Promise<string> {
  const key = reportKey(inputs, lang);
  if (await hasReportFile(store, key)) return key;
  progress(0.2, coded('job.report-printing', {}));
  const pdf = await printPdf(reportHtml(inputs, lang, generatedAt));
  progress(0.9, coded('job.report-storing', {}));
  await saveReportFile(store, { key, studyId: inputs.study.id, resultHash: inputs.resultHash, lang }, pdf);
  return key;
}
