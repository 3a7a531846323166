import type { Study, StudyResult } from '../model/study.ts';
import { checkReport } from '../rules/iso14067.ts';
import { STAGE_TERMS } from '../rules/terms.ts';

/**
 * What a label needs from the accounting rules: the check of the study against its rule, and the
 * result per declared unit. A failing mandatory requirement means the study cannot be signed.
 */

export interface Conformance {
  pcr: { id: string; version: string; title: { zh: string; en: string } };
  /** the benchmark category the study falls in: its PCR */
  category: string;
  conforms: boolean;
  findings: { requirement: string; status: 'ok' | 'missing' | 'warning'; mandatory: boolean; message: string }[];
}

export interface DeclaredFootprint {
  /** kg CO2e per declared unit, removals excluded */
  value: number;
  declaredUnit: { amount: number; unit: string; description: string };
  /** biogenic removals per declared unit, negative, reported apart */
  removals: number;
  lines: StudyResult['lines'];
  byStage: { stage: string; name: { zh: string; en: string }; value: number }[];
}

export const GENERAL_RULE = { id: 'gbt-24067', version: '2024', title: { zh: 'GB/T 24067-2024 温室气体 产品碳足迹 量化要求和指南', en: 'GB/T 24067-2024 / ISO 14067:2018 general requirements' } };

/** The general rule (ISO 14067 clause 7 items): an item the study leaves missing is a failing mandatory requirement. */
export function checkConformance(study: Study, result: StudyResult): Conformance {
  const findings = checkReport(study, result).map((item) => ({ requirement: item.id, status: item.status, mandatory: true, message: item.message.en }));
  return { pcr: GENERAL_RULE, category: GENERAL_RULE.id, conforms: findings.every((f) => f.status !== 'missing'), findings };
}

/** The result as the study declares it: per its own functional or declared unit, by stage. */
export function declaredFootprint(study: Study, result: StudyResult): DeclaredFootprint {
  return {
    value: result.total,
    declaredUnit: { amount: study.unit.amount, unit: study.unit.unit, description: study.unit.description },
    removals: result.lines.biogenicRemovals,
    lines: result.lines,
    byStage: Object.entries(result.byStage).map(([stage, value]) => ({ stage, name: STAGE_TERMS[stage as keyof typeof STAGE_TERMS], value })),
  };
}
