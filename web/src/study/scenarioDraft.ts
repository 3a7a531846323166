import { parseFormula } from '../../../src/engine/formula.ts';
import type { Parameter, Scenario, StudyInput } from '../../../src/model/study.ts';
import type { MessageKey } from '../i18n/zh.ts';

/**
 * The study's scenarios as the scenario editor changes them: each a name and the parameters it
 * sets apart from the base. A value typed that is not a number is kept as NaN, so the problems
 * below name it and the study is not saved with the previous value silently.
 */

type ScenarioStudy = Pick<StudyInput, 'parameters' | 'scenarios' | 'entries'>;

export interface ScenarioProblem {
  /** index of the scenario */
  scenario: number;
  /** the parameter whose value is at fault; absent for the scenario's name */
  parameter?: string;
  message: MessageKey;
  params?: Record<string, string | number>;
}

/** The first of "name", "name 2", "name 3"… that no scenario has. */
export function uniqueScenarioName(base: string, scenarios: readonly Scenario[]): string {
  const taken = new Set(scenarios.map((s) => s.name));
  let name = base;
  for (let k = 2; taken.has(name); k++) name = `${base} ${k}`;
  return name;
}

export function addScenario(study: ScenarioStudy, name: string): Scenario[] {
  const scenarios = study.scenarios ?? [];
  return [...scenarios, { name: uniqueScenarioName(name, scenarios), description: '', values: {} }];
}

export function updateScenario(study: ScenarioStudy, index: number, patch: Partial<Scenario>): Scenario[] {
  return (study.scenarios ?? []).map((s, i) => (i === index ? { ...s, ...patch } : s));
}

export function removeScenario(study: ScenarioStudy, index: number): Scenario[] {
  return (study.scenarios ?? []).filter((_, i) => i !== index);
}

/** The parameters a scenario does not set yet, in the study's order: what an override may pick. */
export function freeParameters(study: ScenarioStudy, scenario: Scenario): Parameter[] {
  return (study.parameters ?? []).filter((p) => !(p.name in scenario.values));
}

/** A new override starts at the parameter's base value, so it changes nothing until edited. */
export function addOverride(study: ScenarioStudy, index: number): Scenario[] {
  const scenario = study.scenarios?.[index];
  const next = scenario && freeParameters(study, scenario)[0];
  if (!scenario || !next) return study.scenarios ?? [];
  return updateScenario(study, index, { values: { ...scenario.values, [next.name]: next.value } });
}

/** Another parameter in the override's place, at that parameter's base value; the order is kept. */
export function replaceOverride(study: ScenarioStudy, index: number, from: string, to: string): Scenario[] {
  const scenario = study.scenarios?.[index];
  const target = study.parameters?.find((p) => p.name === to);
  if (!scenario || !target || to in scenario.values) return study.scenarios ?? [];
  const values = Object.fromEntries(
    Object.entries(scenario.values).map(([name, v]) => (name === from ? [to, target.value] : [name, v])),
  );
  return updateScenario(study, index, { values });
}

export function setOverride(study: ScenarioStudy, index: number, parameter: string, text: string): Scenario[] {
  const scenario = study.scenarios?.[index];
  if (!scenario) return study.scenarios ?? [];
  return updateScenario(study, index, { values: { ...scenario.values, [parameter]: parseValue(text) } });
}

export function removeOverride(study: ScenarioStudy, index: number, parameter: string): Scenario[] {
  const scenario = study.scenarios?.[index];
  if (!scenario) return study.scenarios ?? [];
  const { [parameter]: _removed, ...values } = scenario.values;
  return updateScenario(study, index, { values });
}

function parseValue(text: string): number {
  const trimmed = text.trim().replace(/,/g, '');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/**
 * Everything the server would refuse in the scenarios, and the values a product rule's min–max
 * does not allow, found before saving: a name missing or given twice, a value that is no number,
 * and an entry formula that reads an overridden parameter and fails or turns negative with it.
 */
export function scenarioProblems(study: ScenarioStudy): ScenarioProblem[] {
  const parameters = new Map((study.parameters ?? []).map((p) => [p.name, p]));
  const base = Object.fromEntries([...parameters].map(([name, p]) => [name, p.value]));
  const formulas = formulaEntries(study);
  const problems: ScenarioProblem[] = [];
  (study.scenarios ?? []).forEach((s, i) => {
    const add = (message: MessageKey, parameter?: string, params?: ScenarioProblem['params']) =>
      problems.push({
        scenario: i,
        message,
        ...(parameter === undefined ? {} : { parameter }),
        ...(params && { params }),
      });
    if (!s.name.trim()) add('scenario.error.name');
    else if ((study.scenarios ?? []).findIndex((o) => o.name.trim() === s.name.trim()) !== i)
      add('scenario.error.duplicate', undefined, { name: s.name.trim() });
    for (const [name, v] of Object.entries(s.values)) {
      const p = parameters.get(name);
      if (!p) add('scenario.error.unknownParameter', name, { parameter: name });
      else if (!Number.isFinite(v)) add('scenario.error.value', name);
      else if ((p.min !== undefined && v < p.min) || (p.max !== undefined && v > p.max))
        add('scenario.error.outOfRange', name, { min: p.min ?? '−∞', max: p.max ?? '∞' });
    }
    if (problems.some((p) => p.scenario === i && p.parameter !== undefined)) return;
    const values = { ...base, ...s.values };
    for (const { formula, entry } of formulas) {
      const parameter = formula.names.find((n) => n in s.values);
      if (parameter === undefined) continue;
      let amount: number;
      try {
        amount = formula.evaluate(values);
      } catch {
        add('scenario.error.formula', parameter, { entry, formula: formula.source });
        continue;
      }
      if (amount < 0) add('scenario.error.negative', parameter, { entry, formula: formula.source, amount });
    }
  });
  return problems;
}

/** The entries' formulas that read only known parameters; others are the base's problem, not a scenario's. */
function formulaEntries(study: ScenarioStudy) {
  const known = new Set((study.parameters ?? []).map((p) => p.name));
  return study.entries.flatMap((e) => {
    if (!e.formula?.trim()) return [];
    try {
      const f = parseFormula(e.formula);
      return f.names.every((n) => known.has(n)) ? [{ formula: f, entry: e.name }] : [];
    } catch {
      return [];
    }
  });
}
