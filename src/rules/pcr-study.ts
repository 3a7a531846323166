import type { Pcr } from '../model/pcr.ts';
import type { DeclaredUnit, Entry, Parameter, StudyInput } from '../model/study.ts';
import { evaluateFormula, FormulaError } from '../engine/formula.ts';
import { perInventory } from './pcr-declared.ts';
import { DomainError } from '../model/errors.ts';
import { coder } from '../i18n/define.ts';
import { STUDY_TEXTS } from '../i18n/studies.ts';

/**
 * A new study shaped by its product category rule: the rule's unit worked out from the product
 * parameters, its boundary, its cut-off, allocation and electricity statements, and one
 * placeholder entry per mandatory data item for the practitioner to complete. The calculation
 * refuses placeholders and the check names them, so nothing is declared before it is filled in.
 */

export interface StudyFromPcrInput {
  name: string;
  product: { name: string; description?: string };
  /** product parameter values by name; a parameter the rule gives a default for may be left out */
  parameters: Record<string, number>;
  releases: StudyInput['releases'];
  region?: string;
  year: number;
  lang: 'zh' | 'en';
  /** the general rule declares in the study's own unit */
  unit?: DeclaredUnit;
  referenceFlow?: string;
}

/** A parameter the rule needs that has neither a value nor a default. */
export class MissingParametersError extends DomainError {
  constructor(readonly names: string[]) {
    super('invalid', 'missing-parameters', coder(STUDY_TEXTS)('pcr.missing-parameters', { names: names.join(', ') }), {
      names,
    });
  }
}

export function studyParameters(rule: Pcr, values: Record<string, number>, lang: 'zh' | 'en'): Parameter[] {
  const missing = rule.parameters
    .filter((p) => values[p.name] === undefined && p.default === undefined)
    .map((p) => p.name);
  if (missing.length) throw new MissingParametersError(missing);
  return rule.parameters.map((p) => ({
    name: p.name,
    value: values[p.name] ?? p.default!,
    unit: p.unit,
    min: p.min,
    max: p.max,
    description: p.label[lang],
  }));
}

/** The study unit the rule's first declared unit gives for these parameters: one inventory is this many declared units. */
export function declaredUnitOf(rule: Pcr, parameters: Parameter[], lang: 'zh' | 'en'): DeclaredUnit | undefined {
  const first = rule.declaredUnits[0];
  if (!first) return undefined;
  const flow = rule.referenceFlow ? `${rule.referenceFlow[lang]} = ` : '';
  return {
    kind: 'functional',
    amount: perInventory(first, { parameters }),
    unit: first.unit,
    description: `${flow}${first.formula} ${first.unit} (${first.label[lang]})`,
  };
}

function placeholders(rule: Pcr, parameters: Parameter[], lang: 'zh' | 'en'): Entry[] {
  const values = Object.fromEntries(parameters.map((p) => [p.name, p.value]));
  return rule.mandatoryData.map((m) => ({
    id: `pcr-${m.id}`,
    stage: m.stage,
    kind: m.kind,
    name: m.name[lang],
    amount: m.formula ? evaluateFormula(m.formula, values) : 0,
    ...(m.formula ? { formula: m.formula } : {}),
    unit: m.unit,
    source: { type: 'placeholder' },
    pcr: { stage: m.pcrStage, requirement: m.id },
    ...(m.note ? { comment: m.note[lang] } : {}),
  }));
}

export function studyFromPcr(rule: Pcr, input: StudyFromPcrInput): StudyInput {
  const { lang } = input;
  const parameters = studyParameters(rule, input.parameters, lang);
  const unit = declaredUnitOf(rule, parameters, lang) ??
    input.unit ?? { kind: 'declared', amount: 1, unit: 'piece', description: '' };
  const cite = ` (${rule.document.number})`;
  return {
    name: input.name,
    product: {
      name: input.product.name,
      description: input.product.description ?? '',
      classification: rule.scope.cpc[0] ? `CPC ${rule.scope.cpc[0]}` : undefined,
    },
    unit,
    referenceFlow: input.referenceFlow ?? rule.referenceFlow?.[lang] ?? input.product.name,
    boundary: rule.boundary.type ?? 'cradle-to-gate',
    region: input.region ?? 'CN',
    year: input.year,
    method: 'ipcc-ar6-gwp100',
    releases: input.releases,
    cutoff: rule.cutoff.text[lang] + cite,
    allocation: rule.allocation.text[lang] + cite,
    electricity: rule.electricity.text[lang] + cite,
    limitations: '',
    parameters,
    pcr: { id: rule.id, version: rule.version },
    entries: placeholders(rule, parameters, lang),
  };
}

/**
 * The study with its unit worked out again from its parameters, when it follows a product rule:
 * the unit is derived data, so a changed capacity or warranty changes it on save. A study whose
 * parameters do not evaluate keeps its unit; the check names the parameter at fault.
 */
export function withDeclaredUnit<S extends Pick<StudyInput, 'pcr' | 'parameters' | 'unit'>>(
  study: S,
  rules: ReadonlyMap<string, Pcr>,
): S {
  const rule = study.pcr ? rules.get(study.pcr.id) : undefined;
  const first = rule?.declaredUnits[0];
  if (!rule || !first || !study.parameters) return study;
  try {
    const amount = perInventory(first, { parameters: study.parameters });
    return amount > 0 ? { ...study, unit: { ...study.unit, amount, unit: first.unit } } : study;
  } catch (e) {
    if (e instanceof FormulaError) return study;
    throw e;
  }
}
