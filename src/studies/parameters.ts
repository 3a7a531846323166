import { FormulaError, parseFormula, type Formula } from '../engine/formula.ts';
import { DomainError, type ErrorText } from '../model/errors.ts';
import type { Entry, Parameter, Study } from '../model/study.ts';
import { coder } from '../i18n/define.ts';
import { STUDY_TEXTS } from '../i18n/studies.ts';

const coded = coder(STUDY_TEXTS);

/**
 * Study parameters in entry amounts. Each entry's amount is its formula of the parameters when it
 * has one, else the amount as entered (a transport leg: mass × distance in t·km). Formulas are
 * parsed once per study and evaluated as often as scenarios, sensitivity cases and Monte Carlo
 * draws need, so a draw costs one pass over the entries.
 */

/** A parameter, scenario or formula the calculation cannot use; `path` points at the field at fault. */
export class ParameterError extends DomainError {
  declare readonly text: ErrorText;

  constructor(
    readonly path: (string | number)[],
    message: ErrorText,
  ) {
    super('invalid', 'bad-parameters', message);
  }
}

/** A study whose parameters, scenarios or formulas cannot be evaluated, refused before it is saved: each problem named by its path. */
export class ParametersRefusedError extends DomainError {
  constructor(problems: ParameterError[]) {
    const first = problems[0]!;
    super(
      'invalid',
      'bad-parameters',
      coded('study.bad-parameters', { count: problems.length, path: first.path.join('.'), first: first.text }),
      problems.map((p) => ({ path: p.path, message: p.message, messageCode: p.text.code, params: p.text.params })),
    );
  }
}

export type ParameterValues = Readonly<Record<string, number>>;

/** The study's parameters by name, refusing a name given twice. */
export function parametersOf(study: Pick<Study, 'parameters'>): Map<string, Parameter> {
  const byName = new Map<string, Parameter>();
  (study.parameters ?? []).forEach((p, i) => {
    if (byName.has(p.name))
      throw new ParameterError(['parameters', i, 'name'], coded('parameter.defined-twice', { name: p.name }));
    byName.set(p.name, p);
  });
  return byName;
}

/** Base values, with `overrides` (a scenario's values) replacing some; every override must name a parameter. */
export function parameterValues(
  study: Pick<Study, 'parameters'>,
  overrides: ParameterValues = {},
  where: (string | number)[] = [],
): Record<string, number> {
  const byName = parametersOf(study);
  const values = Object.fromEntries([...byName].map(([name, p]) => [name, p.value]));
  for (const [name, v] of Object.entries(overrides)) {
    if (!byName.has(name))
      throw new ParameterError(
        [...where, name],
        coded('parameter.unknown-override', { name, known: [...byName.keys()].join(', ') }),
      );
    if (!Number.isFinite(v)) throw new ParameterError([...where, name], coded('parameter.not-finite', { name }));
    values[name] = v;
  }
  return values;
}

/** Evaluates every entry's amount for a set of parameter values. */
export interface AmountPlan {
  /** indexes of the entries whose amount is a formula */
  readonly formulaEntries: readonly number[];
  /** the parameters some formula reads */
  readonly used: ReadonlySet<string>;
  /**
   * Every entry's amount. A negative formula value is an error, unless `onNegative` is given
   * (Monte Carlo draws of a wide range): then the amount is 0 and `onNegative` hears of it.
   */
  amounts(values: ParameterValues, onNegative?: (entry: number) => void): Float64Array;
}

/** The amount an entry stands for when no formula sets it. */
export function enteredAmount(entry: Entry): number {
  return entry.transport ? (entry.transport.massKg / 1000) * entry.transport.distanceKm : entry.amount;
}

export function planAmounts(study: Pick<Study, 'parameters' | 'entries'>): AmountPlan {
  const known = parametersOf(study);
  const formulas: (Formula | undefined)[] = study.entries.map((e, i) => {
    if (e.formula === undefined || e.formula.trim() === '') return undefined;
    let f: Formula;
    try {
      f = parseFormula(e.formula);
    } catch (err) {
      if (!(err instanceof FormulaError)) throw err;
      throw new ParameterError(
        ['entries', i, 'formula'],
        coded('parameter.entry-formula', { entry: e.name, problem: err.text! }),
      );
    }
    const unknown = f.names.filter((n) => !known.has(n));
    if (unknown.length)
      throw new ParameterError(
        ['entries', i, 'formula'],
        coded('parameter.unknown-names', {
          entry: e.name,
          formula: e.formula,
          names: unknown.map((n) => `"${n}"`).join(', '),
        }),
      );
    return f;
  });
  const fixed = Float64Array.from(study.entries, enteredAmount);
  const formulaEntries = formulas.flatMap((f, i) => (f ? [i] : []));
  const used = new Set(formulas.flatMap((f) => f?.names ?? []));
  return {
    formulaEntries,
    used,
    amounts(values, onNegative) {
      const out = fixed.slice();
      for (const i of formulaEntries) {
        const e = study.entries[i]!;
        let v: number;
        try {
          v = formulas[i]!.evaluate(values);
        } catch (err) {
          if (!(err instanceof FormulaError)) throw err;
          throw new ParameterError(
            ['entries', i, 'formula'],
            coded('parameter.entry-formula', { entry: e.name, problem: err.text! }),
          );
        }
        if (v < 0 && onNegative) {
          onNegative(i);
          v = 0;
        } else if (v < 0)
          throw new ParameterError(
            ['entries', i, 'formula'],
            coded('parameter.negative', { entry: e.name, formula: e.formula!, value: v }),
          );
        out[i] = v;
      }
      return out;
    },
  };
}

/** The study with every formula evaluated on the base values: what the inventory, the report and the checks read. */
export function withEvaluatedAmounts<S extends Pick<Study, 'parameters' | 'entries'>>(study: S): S {
  const plan = planAmounts(study);
  if (!plan.formulaEntries.length) return study;
  const amounts = plan.amounts(parameterValues(study));
  return {
    ...study,
    entries: study.entries.map((e, i) => (plan.formulaEntries.includes(i) ? { ...e, amount: amounts[i]! } : e)),
  };
}

/** Refuses a study whose parameters, scenarios or formulas cannot be evaluated (ParametersRefusedError, 422). */
export function assertParameters(study: Pick<Study, 'parameters' | 'entries' | 'scenarios'>): void {
  const problems = checkParameters(study);
  if (problems.length) throw new ParametersRefusedError(problems);
}

/** Every problem with a study's parameters, scenarios and formulas, for a 422 before it is saved. */
export function checkParameters(study: Pick<Study, 'parameters' | 'entries' | 'scenarios'>): ParameterError[] {
  const problems: ParameterError[] = [];
  const attempt = (scenario: string | undefined, f: () => unknown) => {
    try {
      f();
    } catch (err) {
      if (!(err instanceof ParameterError)) throw err;
      problems.push(
        scenario === undefined
          ? err
          : new ParameterError(err.path, coded('parameter.in-scenario', { scenario, problem: err.text })),
      );
    }
  };
  attempt(undefined, () => planAmounts(study).amounts(parameterValues(study)));
  (study.scenarios ?? []).forEach((s, i) => {
    if ((study.scenarios ?? []).findIndex((o) => o.name === s.name) !== i)
      problems.push(
        new ParameterError(['scenarios', i, 'name'], coded('parameter.scenario-twice', { scenario: s.name })),
      );
    attempt(s.name, () => planAmounts(study).amounts(parameterValues(study, s.values, ['scenarios', i, 'values'])));
  });
  return problems;
}
