import { useState } from 'react';
import type { StudyInput } from '../../../src/model/study.ts';
import { pcrApi } from '../api/pcr.ts';
import { ErrorMessage } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { useLoad } from '../lib/useLoad.ts';
import { navigate } from '../router.ts';

/**
 * On a new study: pick the product's category rule, enter its product parameters, and create the
 * study the rule shapes (unit from the parameters, boundary, statements, placeholders to complete).
 * Name, product, releases, region and year come from the form below it.
 */
export function RulePicker({ draft }: { draft: StudyInput }) {
  const { t, lang } = useI18n();
  const rules = useLoad(() => pcrApi.list(), []);
  const [pick, setPick] = useState('');
  const rule = useLoad(() => (pick ? pcrApi.rule(pick) : Promise.resolve(null)), [pick]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const params = rule.data?.rule.parameters ?? [];
  async function create() {
    setBusy(true);
    setError(null);
    try {
      const parameters: Record<string, number> = {};
      for (const p of params) {
        const raw = values[p.name]?.trim();
        if (raw) parameters[p.name] = Number(raw);
      }
      const study = await pcrApi.createFrom({
        pcr: pick,
        name: draft.name || rule.data!.rule.title[lang],
        product: { name: draft.product.name || rule.data!.rule.title[lang] },
        parameters,
        releases: draft.releases,
        region: draft.region,
        year: draft.year,
        lang,
      });
      navigate({ page: 'study', id: study.id, tab: 'inventory' });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" data-testid="rule-picker">
      <h2>{t('pcr.pickTitle')}</h2>
      <p className="muted small">{t('pcr.pickHelp')}</p>
      <ErrorMessage error={rules.error} />
      <label className="field">
        <span>{t('pcr.rule')}</span>
        <select
          value={pick}
          onChange={(e) => {
            setPick(e.target.value);
            setValues({});
          }}
          data-testid="rule-select"
        >
          <option value="">{t('pcr.none')}</option>
          {(rules.data ?? []).map((r) => (
            <option key={r.id} value={r.id}>
              {r.title[lang]} · {r.document.number}
            </option>
          ))}
        </select>
      </label>
      {rule.data && (
        <>
          <p className="small">{rule.data.rule.summary[lang]}</p>
          {rule.data.rule.declaredUnits.map((u) => (
            <p key={u.id} className="small" data-testid="rule-unit">
              {t('pcr.declaredUnit')}: {u.label[lang]} = <code>{u.formula}</code> {u.unit}
            </p>
          ))}
          <div className="grid-2">
            {params.map((p) => (
              <label key={p.name} className="field">
                <span>
                  {p.label[lang]} ({p.unit}){p.default === undefined ? ' *' : ''}
                </span>
                {p.choices ? (
                  <select
                    value={values[p.name] ?? String(p.default ?? '')}
                    onChange={(e) => setValues({ ...values, [p.name]: e.target.value })}
                    data-testid={`param-${p.name}`}
                  >
                    {p.choices.map((c) => (
                      <option key={c.value} value={String(c.value)}>
                        {c.value} · {c.label[lang]}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    type="number"
                    inputMode="decimal"
                    min={p.min}
                    max={p.max}
                    placeholder={p.default === undefined ? `${p.min ?? ''}–${p.max ?? ''}` : String(p.default)}
                    value={values[p.name] ?? ''}
                    onChange={(e) => setValues({ ...values, [p.name]: e.target.value })}
                    data-testid={`param-${p.name}`}
                  />
                )}
                {!p.source.verified && <small className="muted">{t('pcr.unverified')}</small>}
              </label>
            ))}
          </div>
          <ErrorMessage error={error} />
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void create()}
            data-testid="create-from-rule"
          >
            {t('pcr.create')}
          </button>
        </>
      )}
    </section>
  );
}
