import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StudyInputSchema, type Entry, type Parameter } from '../../src/model/study.ts';
import {
  addOverride,
  addScenario,
  freeParameters,
  removeOverride,
  removeScenario,
  replaceOverride,
  scenarioProblems,
  setOverride,
  uniqueScenarioName,
  updateScenario,
} from '../../web/src/study/scenarioDraft.ts';

const parameters: Parameter[] = [
  { name: 'yield_t_ha', value: 20, unit: 't/ha', min: 10, max: 30, description: 'yield' },
  { name: 'n_kg_ha', value: 300, unit: 'kg N/ha', description: 'nitrogen' },
  { name: 'offset', value: 0, unit: '', description: '' },
];
const entry = (name: string, formula: string): Entry => ({
  id: name,
  stage: 'raw-materials',
  kind: 'material',
  name,
  amount: 1,
  unit: 'kg',
  formula,
  source: { type: 'background', dataset: { type: 'factor', release: 'r', id: 'x' } },
});
const study = (scenarios = [] as { name: string; description: string; values: Record<string, number> }[]) => ({
  parameters,
  entries: [entry('Fertiliser', 'n_kg_ha / (yield_t_ha * 1000)'), entry('Adjusted', 'n_kg_ha - offset')],
  scenarios,
});

test('scenarios are added with a unique name, renamed and deleted', () => {
  let s = study();
  s = { ...s, scenarios: addScenario(s, 'Scenario') };
  s = { ...s, scenarios: addScenario(s, 'Scenario') };
  assert.deepEqual(
    s.scenarios.map((x) => x.name),
    ['Scenario', 'Scenario 2'],
  );
  assert.equal(uniqueScenarioName('Scenario', s.scenarios), 'Scenario 3');
  s = { ...s, scenarios: updateScenario(s, 1, { name: 'High yield' }) };
  s = { ...s, scenarios: removeScenario(s, 0) };
  assert.deepEqual(s.scenarios, [{ name: 'High yield', description: '', values: {} }]);
});

test('an override starts at the base value, can move to another parameter and be removed', () => {
  let s = study([{ name: 'A', description: '', values: {} }]);
  s = { ...s, scenarios: addOverride(s, 0) };
  assert.deepEqual(s.scenarios[0]!.values, { yield_t_ha: 20 });
  s = { ...s, scenarios: setOverride(s, 0, 'yield_t_ha', '25') };
  s = { ...s, scenarios: addOverride(s, 0) };
  assert.deepEqual(s.scenarios[0]!.values, { yield_t_ha: 25, n_kg_ha: 300 });
  assert.deepEqual(
    freeParameters(s, s.scenarios[0]!).map((p) => p.name),
    ['offset'],
  );
  s = { ...s, scenarios: replaceOverride(s, 0, 'n_kg_ha', 'offset') };
  assert.deepEqual(Object.keys(s.scenarios[0]!.values), ['yield_t_ha', 'offset']);
  s = { ...s, scenarios: removeOverride(s, 0, 'yield_t_ha') };
  assert.deepEqual(s.scenarios[0]!.values, { offset: 0 });
  assert.deepEqual(scenarioProblems(s), []);
  StudyInputSchema.shape.scenarios.parse(s.scenarios);
});

test('values and the formulas that read them are checked before saving, each problem at its parameter', () => {
  const s = study([
    { name: 'Low yield', description: '', values: { yield_t_ha: 5 } },
    { name: 'Low yield', description: '', values: { n_kg_ha: Number.NaN } },
    { name: '', description: '', values: { yield_t_ha: 0, offset: 0 } },
    { name: 'Negative', description: '', values: { offset: 400 } },
  ]);
  const problems = scenarioProblems(s).map((p) => [p.scenario, p.parameter ?? '', p.message, p.params ?? {}]);
  assert.deepEqual(problems, [
    [0, 'yield_t_ha', 'scenario.error.outOfRange', { min: 10, max: 30 }],
    [1, '', 'scenario.error.duplicate', { name: 'Low yield' }],
    [1, 'n_kg_ha', 'scenario.error.value', {}],
    [2, '', 'scenario.error.name', {}],
    [2, 'yield_t_ha', 'scenario.error.outOfRange', { min: 10, max: 30 }],
    [3, 'offset', 'scenario.error.negative', { entry: 'Adjusted', formula: 'n_kg_ha - offset', amount: -100 }],
  ]);
});

test('a formula that divides by a scenario value of zero is named', () => {
  const s = {
    ...study([{ name: 'Zero', description: '', values: { yield_t_ha: 0 } }]),
    parameters: parameters.map((p) => ({ ...p, min: undefined })),
  };
  assert.deepEqual(
    scenarioProblems(s).map((p) => [p.parameter, p.message, p.params?.entry]),
    [['yield_t_ha', 'scenario.error.formula', 'Fertiliser']],
  );
  assert.equal(setOverride(s, 0, 'yield_t_ha', 'abc')[0]!.values.yield_t_ha, Number.NaN);
});
