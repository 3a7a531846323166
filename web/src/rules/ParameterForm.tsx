import { useEffect, useState } from 'react';
import type { Pcr } from '../../../src/model/pcr.ts';
import type { Parameter, StudyInput } from '../../../src/model/study.ts';
import { useI18n } from '../i18n/context.tsx';
import { formatQuantity } from '../lib/format.ts';

/**
 * The product parameters of a study that follows a product rule (capacity, cycles, warranty, peak
 * power, mileage), editable in place. The declared unit is derived data: the server works it out
 * again from the rule's formula when the study is saved, so the form shows the saved unit and the
 * formula rather than computing a twin of it here.
 */
interface ParameterFormProps {
  draft: StudyInput;
  /** the study's rule, once loaded: labels and the declared unit's formula */
  rule?: Pcr;
  savedUnit?: StudyInput['unit'];
  onChange: (parameters: Parameter[]) => void;
  readOnly: boolean;
}

export function ParameterForm({ draft, rule, savedUnit, onChange, readOnly }: ParameterFormProps) {
  const { t, lang } = useI18n();
  const parameters = draft.parameters ?? [];
  // what the user typed, kept while it is not a number in range, so the field does not jump back
  const [raw, setRaw] = useState<Record<string, string>>({});
  useEffect(() => setRaw({}), [draft.pcr?.id]);
  if (!draft.pcr || parameters.length === 0) return null;

  const unit = rule?.declaredUnits[0];
  // the rule's label in the reader's language; else the study's own words for it (user data)
  const label = (p: Parameter) =>
    rule?.parameters.find((r) => r.name === p.name)?.label[lang] ?? (
      <span data-user-text>{p.description || p.name}</span>
    );
  const invalid = (p: Parameter, text: string) => {
    const v = Number(text);
    return (
      text.trim() === '' ||
      !Number.isFinite(v) ||
      (p.min !== undefined && v < p.min) ||
      (p.max !== undefined && v > p.max)
    );
  };

  function edit(p: Parameter, text: string) {
    setRaw({ ...raw, [p.name]: text });
    if (invalid(p, text)) return;
    onChange(parameters.map((q) => (q.name === p.name ? { ...q, value: Number(text) } : q)));
  }

  return (
    <section className="card" data-testid="parameter-form">
      <h2>{t('pcr.parameters')}</h2>
      <p className="muted small">{t('pcr.parametersHelp')}</p>
      <div className="grid-2">
        {parameters.map((p) => {
          const text = raw[p.name] ?? String(p.value);
          const bad = invalid(p, text);
          return (
            <label key={p.name} className="field">
              <span>
                {label(p)} ({p.unit}) <code className="small">{p.name}</code>
              </span>
              <input
                type="number"
                inputMode="decimal"
                min={p.min}
                max={p.max}
                value={text}
                disabled={readOnly}
                aria-invalid={bad}
                onChange={(e) => edit(p, e.target.value)}
                data-testid={`study-param-${p.name}`}
              />
              {bad && (
                <small className="error" role="alert">
                  {t('pcr.parameterRange', { min: p.min ?? '−∞', max: p.max ?? '∞' })}
                </small>
              )}
            </label>
          );
        })}
      </div>
      {unit && (
        <p className="small" data-testid="study-declared-unit">
          {t('pcr.declaredUnit')}: {unit.label[lang]} = <code>{unit.formula}</code> {unit.unit}
          {savedUnit && (
            <>
              {' · '}
              {t('pcr.savedUnit', { quantity: formatQuantity(savedUnit.amount, savedUnit.unit, lang) })}
            </>
          )}
        </p>
      )}
    </section>
  );
}
