import type { DeclaredResult, DeclaredUnitRule, Pcr, PcrStage } from '../model/pcr.ts';
import type { Entry, Study, StudyResult } from '../model/study.ts';
import { evaluateFormula } from '../engine/formula.ts';

/**
 * A study's result in its rule's units. One inventory describes one reference flow (one battery
 * pack, one module, one vehicle); a declared unit's formula says how many declared units that
 * flow delivers (E_total kWh, peak power in kWp, lifetime km), so
 *
 *   value per declared unit = total per inventory / formula(parameters)
 *
 * and each of the rule's stages likewise. A rule stage gathers the entries that name it
 * (`entry.pcr.stage`), or, when they name none, the entries of the one rule stage that covers
 * their life cycle stage; what no rule stage gathers is reported as "unassigned".
 */

export const UNASSIGNED = 'unassigned';

/** The study's parameter values by name. */
export function parameterValues(study: Pick<Study, 'parameters'>): Record<string, number> {
  return Object.fromEntries((study.parameters ?? []).map((p) => [p.name, p.value]));
}

/** How many declared units one inventory delivers; throws FormulaError when the parameters do not allow it. */
export function perInventory(unit: DeclaredUnitRule, study: Pick<Study, 'parameters'>): number {
  return evaluateFormula(unit.formula, parameterValues(study));
}

/** The rule stage an entry belongs to: the one it names, else the only one covering its life cycle stage. */
export function ruleStageOf(entry: Pick<Entry, 'stage' | 'pcr'>, stages: readonly PcrStage[]): PcrStage | undefined {
  if (entry.pcr?.stage) {
    const named = stages.find((s) => s.id === entry.pcr!.stage);
    return named && named.maps.includes(entry.stage) ? named : undefined;
  }
  const covering = stages.filter((s) => s.maps.includes(entry.stage));
  return covering.length === 1 ? covering[0] : undefined;
}

/** The declared result; null when the rule declares in the study's own unit (the general rule). Throws FormulaError when a formula cannot be evaluated. */
export function declaredResult(rule: Pcr, study: Study, result: StudyResult): DeclaredResult | null {
  if (rule.declaredUnits.length === 0) return null;
  const stageOf = new Map(study.entries.map((e) => [e.id, ruleStageOf(e, rule.stages)?.id ?? UNASSIGNED]));
  const perStage = new Map<string, number>();
  for (const e of result.entries)
    perStage.set(
      stageOf.get(e.entryId) ?? UNASSIGNED,
      (perStage.get(stageOf.get(e.entryId) ?? UNASSIGNED) ?? 0) + e.total,
    );
  const units = rule.declaredUnits.map((u) => {
    const n = perInventory(u, study);
    const byStage = rule.stages.map((s) => ({ stage: s.id, name: s.name, value: (perStage.get(s.id) ?? 0) / n }));
    const unassigned = perStage.get(UNASSIGNED) ?? 0;
    if (unassigned !== 0)
      byStage.push({
        stage: UNASSIGNED,
        name: { zh: '未归入规则阶段', en: 'Not in a stage of the rule' },
        value: unassigned / n,
      });
    return {
      id: u.id,
      unit: u.unit,
      label: u.label,
      formula: u.formula,
      perInventory: n,
      value: result.total / n,
      removals: result.lines.biogenicRemovals / n,
      byStage,
    };
  });
  const first = units[0]!;
  const reached = rule.performanceClasses?.classes.find((c) => first.value < c.below);
  return {
    pcr: { id: rule.id, version: rule.version },
    units,
    performanceClass: rule.performanceClasses ? (reached?.label ?? null) : null,
  };
}
