import type { ScenarioResult, Study } from '../model/study.ts';
import { parameterValues, type AmountPlan } from './parameters.ts';
import { outcomeOf, type Row } from './rows.ts';

/** Every scenario of the study, calculated on the same rows as the base so that they compare line by line. */
export function scenarioResults(
  study: Pick<Study, 'parameters' | 'scenarios'>,
  plan: AmountPlan,
  rows: readonly Row[],
): ScenarioResult[] {
  return (study.scenarios ?? []).map((s, i) => {
    const values = parameterValues(study, s.values, ['scenarios', i, 'values']);
    return { name: s.name, description: s.description, values, ...outcomeOf(rows, plan.amounts(values)) };
  });
}
