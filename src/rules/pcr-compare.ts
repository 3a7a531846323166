import type { Pcr, PcrText } from '../model/pcr.ts';
import type { Study, StudyResult } from '../model/study.ts';
import { declaredResult } from './pcr-declared.ts';
import { studyPcrId } from './pcr-check.ts';
import { getPcr, PCRS } from './pcr/index.ts';
import { STAGE_TERMS, STAGES } from './terms.ts';
import { DomainError, type ErrorText } from '../model/errors.ts';
import { coder } from '../i18n/define.ts';
import { STUDY_TEXTS } from '../i18n/studies.ts';

const coded = coder(STUDY_TEXTS);

/**
 * Design variants side by side: two studies of a product (or two versions of one) under the same
 * rule, stage by stage in the rule's declared unit, with what the second saves against the first.
 * Under the general rule the stages are Tanji's and the unit the studies' own, which must agree.
 */

export interface Variant {
  study: Study;
  result: StudyResult;
}

export interface ComparisonRow {
  stage: string;
  name: PcrText;
  a: number;
  b: number;
  /** b − a: negative is a saving */
  change: number;
  /** (b − a) / |a|, null when a is 0 */
  relative: number | null;
}

export interface Comparison {
  pcr: { id: string; version: string; title: PcrText };
  unit: string;
  a: { studyId: string; version: number; name: string };
  b: { studyId: string; version: number; name: string };
  rows: ComparisonRow[];
  total: ComparisonRow;
}

/** Two variants that cannot stand side by side (422 not-comparable). */
export class IncomparableError extends DomainError {
  constructor(message: ErrorText) {
    super('invalid', 'not-comparable', message);
  }
}

const row = (stage: string, name: PcrText, a: number, b: number): ComparisonRow => ({
  stage,
  name,
  a,
  b,
  change: b - a,
  relative: a === 0 ? null : (b - a) / Math.abs(a),
});
const who = ({ study, result }: Variant) => ({ studyId: study.id, version: result.version, name: study.name });

export function compareVariants(a: Variant, b: Variant, rules: ReadonlyMap<string, Pcr> = PCRS): Comparison {
  const id = studyPcrId(a.study);
  if (studyPcrId(b.study) !== id)
    throw new IncomparableError(coded('compare.other-rules', { a: id, b: studyPcrId(b.study) }));
  const rule = getPcr(id, rules);
  const pcr = { id: rule.id, version: rule.version, title: rule.title };
  const da = declaredResult(rule, a.study, a.result);
  const db = declaredResult(rule, b.study, b.result);
  if (da && db) {
    const [ua, ub] = [da.units[0]!, db.units[0]!];
    const stages = [...new Set([...ua.byStage, ...ub.byStage].map((s) => s.stage))];
    const rows = stages.map((s) => {
      const name = (ua.byStage.find((x) => x.stage === s) ?? ub.byStage.find((x) => x.stage === s))!.name;
      return row(
        s,
        name,
        ua.byStage.find((x) => x.stage === s)?.value ?? 0,
        ub.byStage.find((x) => x.stage === s)?.value ?? 0,
      );
    });
    return {
      pcr,
      unit: `kg CO2e/${ua.unit}`,
      a: who(a),
      b: who(b),
      rows,
      total: row('total', { zh: '合计', en: 'Total' }, ua.value, ub.value),
    };
  }
  const [unitA, unitB] = [a.study.unit, b.study.unit];
  if (unitA.unit !== unitB.unit || unitA.amount !== unitB.amount) {
    throw new IncomparableError(
      coded('compare.other-units', { a: `${unitA.amount} ${unitA.unit}`, b: `${unitB.amount} ${unitB.unit}` }),
    );
  }
  const rows = STAGES.map((s) => row(s, STAGE_TERMS[s], a.result.byStage[s] ?? 0, b.result.byStage[s] ?? 0)).filter(
    (r) => r.a !== 0 || r.b !== 0,
  );
  return {
    pcr,
    unit: `kg CO2e per ${unitA.amount} ${unitA.unit}`,
    a: who(a),
    b: who(b),
    rows,
    total: row('total', { zh: '合计', en: 'Total' }, a.result.total, b.result.total),
  };
}
