import type { Study, StudyResult } from '../model/study.ts';
import { checkStudyAgainstPcr, studyPcrId } from '../rules/pcr-check.ts';
import { declaredResult } from '../rules/pcr-declared.ts';
import { getPcr } from '../rules/pcr/index.ts';
import { STAGE_TERMS } from '../rules/terms.ts';

/**
 * What a label needs from the accounting rules (src/rules/pcr): the study checked against its
 * product category rule, and the result per the rule's declared unit. A failing mandatory
 * requirement means the study cannot be signed.
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
  /** per declared unit, by the rule's stages (or the study's life cycle stages under the general rule) */
  byStage: { stage: string; name: { zh: string; en: string }; value: number }[];
}

export function checkConformance(study: Study, result: StudyResult): Conformance {
  const check = checkStudyAgainstPcr(study, result);
  return {
    pcr: { id: check.pcr.id, version: check.pcr.version, title: check.pcr.title },
    category: check.pcr.id,
    conforms: check.conforms,
    findings: check.findings.map((f) => ({
      requirement: f.requirement,
      status: f.status,
      mandatory: f.mandatory,
      message: f.message,
    })),
  };
}

/**
 * The result as declared: in the rule's first declared unit (kWh over the service life, kWp…)
 * when the rule has one, else per the study's own functional or declared unit.
 */
export function declaredFootprint(study: Study, result: StudyResult): DeclaredFootprint {
  const declared = declaredResult(getPcr(studyPcrId(study)), study, result);
  const unit = declared?.units[0];
  if (!unit) {
    return {
      value: result.total,
      declaredUnit: { amount: study.unit.amount, unit: study.unit.unit, description: study.unit.description },
      removals: result.lines.biogenicRemovals,
      lines: result.lines,
      byStage: Object.entries(result.byStage).map(([stage, value]) => ({
        stage,
        name: STAGE_TERMS[stage as keyof typeof STAGE_TERMS],
        value,
      })),
    };
  }
  const per = (x: number) => x / unit.perInventory;
  const l = result.lines;
  return {
    value: unit.value,
    declaredUnit: { amount: 1, unit: unit.unit, description: unit.label.en },
    removals: unit.removals,
    lines: {
      fossil: per(l.fossil),
      biogenic: per(l.biogenic),
      landUseChange: per(l.landUseChange),
      aircraft: per(l.aircraft),
      biogenicRemovals: per(l.biogenicRemovals),
    },
    byStage: unit.byStage,
  };
}
