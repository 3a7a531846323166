import { useState } from 'react';
import type { Scenario, StudyInput } from '../../../src/model/study.ts';
import { useI18n } from '../i18n/context.tsx';
import { formatNumber } from '../lib/format.ts';
import {
  addOverride,
  addScenario,
  freeParameters,
  removeOverride,
  removeScenario,
  replaceOverride,
  scenarioProblems,
  setOverride,
  updateScenario,
  type ScenarioProblem,
} from '../study/scenarioDraft.ts';

interface ScenarioEditorProps {
  input: StudyInput;
  onChange: (scenarios: Scenario[]) => void;
  readOnly: boolean;
  /** the results tab, where the scenarios are calculated beside the base; null before the study is saved */
  compareHref: string | null;
  dirty: boolean;
}

/** The study's scenarios: each a name and the parameters it sets apart from the base, saved with the study. */
export function ScenarioEditor({ input, onChange, readOnly, compareHref, dirty }: ScenarioEditorProps) {
  const { t, lang } = useI18n();
  // what was typed in a value field, so "1." or "" stays as typed while the stored value is NaN
  const [typed, setTyped] = useState<Record<string, string>>({});
  const scenarios = input.scenarios ?? [];
  const parameters = input.parameters ?? [];
  const problems = scenarioProblems(input);
  const problemsOf = (i: number, parameter?: string) =>
    problems.filter((p) => p.scenario === i && p.parameter === parameter);
  const n = (v: number) => formatNumber(v, lang);

  return (
    <fieldset className="card scenarios-editor" disabled={readOnly} data-testid="scenario-editor">
      <legend>
        {t('scenario.editor')} ({scenarios.length})
      </legend>
      <p className="small muted">{t('scenario.hint')}</p>
      {parameters.length === 0 && <p className="small muted">{t('scenario.noParameters')}</p>}
      {scenarios.map((s, i) => (
        <div className="scenario" key={i} data-testid="scenario">
          <div className="inline-fields">
            <label className="field">
              <span>{t('scenario.name')} *</span>
              <input
                value={s.name}
                maxLength={100}
                onChange={(e) => onChange(updateScenario(input, i, { name: e.target.value }))}
                aria-invalid={problemsOf(i).length > 0 || undefined}
                data-testid="scenario-name"
              />
            </label>
            <label className="field grow">
              <span>{t('scenario.description')}</span>
              <input
                value={s.description}
                maxLength={1000}
                onChange={(e) => onChange(updateScenario(input, i, { description: e.target.value }))}
                data-testid="scenario-description"
              />
            </label>
            <button
              type="button"
              className="link"
              onClick={() => {
                // the values typed are kept by scenario index, which the removal shifts
                setTyped({});
                onChange(removeScenario(input, i));
              }}
              data-testid="scenario-remove"
            >
              {t('scenario.remove')}
            </button>
          </div>
          <Problems list={problemsOf(i)} />
          {Object.keys(s.values).length === 0 && <p className="small muted">{t('scenario.noOverrides')}</p>}
          {Object.keys(s.values).length > 0 && (
            <table className="table compact">
              <thead>
                <tr>
                  <th>{t('scenario.parameter')}</th>
                  <th>{t('scenario.value')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {Object.entries(s.values).map(([name, value]) => {
                  const p = parameters.find((q) => q.name === name);
                  const key = `${i}/${name}`;
                  const shown = typed[key] ?? (Number.isFinite(value) ? String(value) : '');
                  const own = problemsOf(i, name);
                  return (
                    <tr key={name} data-testid="scenario-override" data-parameter={name}>
                      <td>
                        <select
                          value={name}
                          onChange={(e) => onChange(replaceOverride(input, i, name, e.target.value))}
                          aria-label={t('scenario.parameter')}
                          data-testid="scenario-parameter"
                          data-user-text
                        >
                          <option value={name}>{p ? label(p.name, p.description) : name}</option>
                          {freeParameters(input, s).map((q) => (
                            <option key={q.name} value={q.name}>
                              {label(q.name, q.description)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <input
                          inputMode="decimal"
                          value={shown}
                          onChange={(e) => {
                            setTyped({ ...typed, [key]: e.target.value });
                            onChange(setOverride(input, i, name, e.target.value));
                          }}
                          aria-label={t('scenario.value')}
                          aria-invalid={own.length > 0 || undefined}
                          data-testid="scenario-value"
                        />{' '}
                        {p && (
                          <span className="small muted" data-testid="scenario-base">
                            {p.unit} · {t('scenario.baseValue', { value: n(p.value), unit: p.unit })}
                            {(p.min !== undefined || p.max !== undefined) &&
                              ` · ${t('scenario.allowed', { min: p.min === undefined ? '−∞' : n(p.min), max: p.max === undefined ? '∞' : n(p.max) })}`}
                          </span>
                        )}
                        <Problems list={own} />
                      </td>
                      <td>
                        <button
                          type="button"
                          className="link"
                          onClick={() => onChange(removeOverride(input, i, name))}
                          data-testid="scenario-override-remove"
                        >
                          {t('scenario.removeOverride')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {freeParameters(input, s).length > 0 && (
            <button type="button" onClick={() => onChange(addOverride(input, i))} data-testid="scenario-add-override">
              {t('scenario.addOverride')}
            </button>
          )}
        </div>
      ))}
      <div className="inline-fields">
        <button
          type="button"
          onClick={() => onChange(addScenario(input, t('scenario.defaultName')))}
          disabled={scenarios.length >= 20}
          data-testid="add-scenario"
        >
          {t('scenario.add')}
        </button>
        {scenarios.length > 0 &&
          (compareHref && !dirty ? (
            <a href={compareHref} data-testid="scenario-compare">
              {t('scenario.compare')}
            </a>
          ) : (
            <span className="small muted">{t('scenario.saveToCompare')}</span>
          ))}
      </div>
    </fieldset>
  );
}

/** A scenario's problems, numbers in the reader's format. */
function Problems({ list }: { list: ScenarioProblem[] }) {
  const { t, lang } = useI18n();
  if (list.length === 0) return null;
  const format = (params: ScenarioProblem['params']) =>
    params &&
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? formatNumber(v, lang) : v]));
  return (
    <ul className="field-errors small" role="alert" data-testid="scenario-problems">
      {list.map((p, k) => (
        <li key={k}>{t(p.message, format(p.params))}</li>
      ))}
    </ul>
  );
}

/** A parameter as a picker lists it: its name, and what it is when the study says. */
function label(name: string, description: string): string {
  return description ? `${name} — ${description}` : name;
}
