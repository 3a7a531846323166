import { Fragment, useEffect, useState } from 'react';
import type { Parameter, StudyInput } from '../../../src/model/study.ts';
import { useI18n } from '../i18n/context.tsx';
import { draftToRange, rangeToDraft, type RangeDraft } from '../study/rangeDraft.ts';
import { RangeFields } from './RangeFields.tsx';

/**
 * The study's parameters (yield, distance, share of green electricity…) that entry formulas read,
 * each with its stated range (Monte Carlo and the sensitivity's ± range); the server refuses a
 * formula that names a parameter not listed here.
 */
interface ParametersEditorProps {
  input: StudyInput;
  onChange: (input: StudyInput) => void;
  /** hears the parameters whose range, as typed, is not valid yet: the study is not saved while there are any */
  onRangeProblems: (parameters: string[]) => void;
}

export function ParametersEditor({ input, onChange, onRangeProblems }: ParametersEditorProps) {
  const { t } = useI18n();
  const parameters = input.parameters ?? [];
  const setAt = (i: number, patch: Partial<Parameter>) =>
    onChange({ ...input, parameters: parameters.map((p, k) => (k === i ? { ...p, ...patch } : p)) });
  // the range being edited, by row: written to the parameter once it is valid (or cleared)
  const [ranges, setRanges] = useState<Record<number, RangeDraft>>({});
  const editRange = (i: number, p: Parameter, draft: RangeDraft) => {
    setRanges({ ...ranges, [i]: draft });
    const checked = draftToRange(draft, p.value, 'absolute');
    if (checked.errors.length === 0) setAt(i, { uncertainty: checked.range });
  };
  const invalidRanges = Object.entries(ranges)
    .filter(
      ([i, draft]) =>
        parameters[Number(i)] && draftToRange(draft, parameters[Number(i)]!.value, 'absolute').errors.length,
    )
    .map(([i]) => parameters[Number(i)]!.name);
  const invalidKey = invalidRanges.join('\u0000');
  useEffect(() => onRangeProblems(invalidKey ? invalidKey.split('\u0000') : []), [invalidKey, onRangeProblems]);
  const optional = (v: string) => (v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));
  return (
    <details className="span-all parameters" open={parameters.length > 0} data-testid="parameters">
      <summary>
        {t('study.parameters')} ({parameters.length})
      </summary>
      <p className="small muted">{t('study.parametersHint')}</p>
      <table className="table compact">
        <thead>
          <tr>
            <th>{t('study.parameterName')}</th>
            <th>{t('study.parameterValue')}</th>
            <th>{t('entry.unit')}</th>
            <th>min</th>
            <th>max</th>
            <th>{t('study.parameterDescription')}</th>
            <th>{t('range.edit')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {parameters.map((p, i) => (
            <Fragment key={i}>
              <tr data-testid="parameter-row">
                <td>
                  <input
                    value={p.name}
                    maxLength={64}
                    onChange={(e) => setAt(i, { name: e.target.value })}
                    aria-label={t('study.parameterName')}
                    data-testid="parameter-name"
                  />
                </td>
                <td>
                  <input
                    type="number"
                    step="any"
                    value={p.value}
                    onChange={(e) => setAt(i, { value: Number(e.target.value) })}
                    aria-label={t('study.parameterValue')}
                    data-testid="parameter-value"
                  />
                </td>
                <td>
                  <input
                    value={p.unit}
                    maxLength={32}
                    onChange={(e) => setAt(i, { unit: e.target.value })}
                    aria-label={t('entry.unit')}
                  />
                </td>
                <td>
                  <input
                    type="number"
                    step="any"
                    value={p.min ?? ''}
                    onChange={(e) => setAt(i, { min: optional(e.target.value) })}
                    aria-label="min"
                  />
                </td>
                <td>
                  <input
                    type="number"
                    step="any"
                    value={p.max ?? ''}
                    onChange={(e) => setAt(i, { max: optional(e.target.value) })}
                    aria-label="max"
                  />
                </td>
                <td>
                  <input
                    value={p.description}
                    maxLength={500}
                    onChange={(e) => setAt(i, { description: e.target.value })}
                    aria-label={t('study.parameterDescription')}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="link"
                    aria-expanded={i in ranges}
                    onClick={() => {
                      const { [i]: open, ...rest } = ranges;
                      setRanges(open ? rest : { ...ranges, [i]: rangeToDraft(p.uncertainty) });
                    }}
                    data-testid="parameter-range-toggle"
                  >
                    {p.uncertainty
                      ? `${t(`range.dist.${p.uncertainty.distribution}`)} ${p.uncertainty.low} – ${p.uncertainty.high}`
                      : t('range.none')}
                  </button>
                </td>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      setRanges({});
                      onChange({ ...input, parameters: parameters.filter((_, k) => k !== i) });
                    }}
                  >
                    {t('study.parameterRemove')}
                  </button>
                </td>
              </tr>
              {ranges[i] && (
                <tr data-testid="parameter-range-row">
                  <td colSpan={8}>
                    <p className="small muted">{t('range.hintParameter')}</p>
                    <RangeFields
                      value={ranges[i]}
                      onChange={(draft) => editRange(i, p, draft)}
                      scale="absolute"
                      centre={p.value}
                      unit={p.unit}
                      testId="parameter-range"
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() =>
          onChange({
            ...input,
            parameters: [...parameters, { name: `p${parameters.length + 1}`, value: 1, unit: '', description: '' }],
          })
        }
        data-testid="add-parameter"
      >
        {t('study.parameterAdd')}
      </button>
    </details>
  );
}
