import { ApiError } from '../api/client.ts';
import { issueText } from '../../../src/i18n/cobuild.ts';
import type { Issue, ProcessDataset } from '../../../src/cobuild/model.ts';
import { useI18n } from '../i18n/context.tsx';
import type { Lang } from '../i18n/translate.ts';
import { unitsOf, withFlow, type ExchangeDraft } from './exchangeDraft.ts';

/**
 * The exchanges of a process submission, one row each: flow, amount, unit and provider editable,
 * direction and the quantitative reference shown. A refused save marks the rows it names, both
 * the validation's `process.exchanges[i].…` fields (422) and the request's `dataset.process.exchanges.i.…` paths (400).
 */

const FIELD = /^(?:dataset\.)?process\.exchanges(?:\[(\d+)\]|\.(\d+))\.?(.*)$/;

export function exchangeProblems(error: unknown, lang: Lang): Map<number, string[]> {
  const found = new Map<number, string[]>();
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return found;
  const add = (path: string, message: string) => {
    const m = FIELD.exec(path);
    if (!m) return;
    const i = Number(m[1] ?? m[2]);
    found.set(i, [...(found.get(i) ?? []), `${m[3] || 'exchange'}: ${message}`]);
  };
  for (const d of error.details as Record<string, unknown>[]) {
    if (Array.isArray(d?.errors)) for (const e of d.errors as Issue[]) add(e.field, issueText(e, lang));
    else if (typeof d?.path === 'string' && typeof d.message === 'string') add(d.path, d.message);
  }
  return found;
}

interface ExchangesEditorProps {
  dataset: ProcessDataset;
  drafts: ExchangeDraft[];
  onChange: (drafts: ExchangeDraft[]) => void;
  error: unknown;
}

export function ExchangesEditor({ dataset, drafts, onChange, error }: ExchangesEditorProps) {
  const { t, lang } = useI18n();
  const problems = exchangeProblems(error, lang);
  const kinds = new Map(dataset.flows.map((f) => [f.id, f.kind]));
  const set = (i: number, draft: ExchangeDraft) => onChange(drafts.map((d, k) => (k === i ? draft : d)));
  return (
    <div data-testid="exchanges-editor">
      <h3>{t('cobuild.exchanges.title')}</h3>
      <p className="small muted">{t('cobuild.exchanges.intro')}</p>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th>{t('cobuild.exchanges.direction')}</th>
              <th>{t('cobuild.exchanges.flow')}</th>
              <th className="num">{t('cobuild.exchanges.amount')}</th>
              <th>{t('cobuild.exchanges.unit')}</th>
              <th>{t('cobuild.exchanges.provider')}</th>
            </tr>
          </thead>
          <tbody>
            {dataset.process.exchanges.map((e, i) => {
              const draft = drafts[i];
              const rowProblems = problems.get(i);
              const elementary = kinds.get(draft.flowId) === 'elementary';
              const units = unitsOf(dataset, draft.flowId);
              return (
                <tr
                  key={e.id}
                  className={rowProblems ? 'status-check' : undefined}
                  data-testid="exchange-row"
                  data-index={i}
                >
                  <td className="nowrap">
                    {e.input ? `← ${t('cobuild.exchanges.input')}` : `→ ${t('cobuild.exchanges.output')}`}
                    {e.reference && <span className="badge"> ★ {t('cobuild.exchanges.reference')}</span>}
                    <div className="small muted">
                      <code>{`process.exchanges[${i}]`}</code>
                    </div>
                  </td>
                  <td>
                    <select
                      value={draft.flowId}
                      onChange={(ev) => set(i, withFlow(dataset, draft, ev.target.value))}
                      data-testid="exchange-flow"
                    >
                      {dataset.flows.map((f) => (
                        <option key={f.id} value={f.id}>
                          {f.name} ({f.unit})
                        </option>
                      ))}
                    </select>
                    {rowProblems && (
                      <ul className="small" data-testid="exchange-problems">
                        {rowProblems.map((p, k) => (
                          <li key={k}>{p}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="num">
                    <input
                      type="number"
                      step="any"
                      value={draft.amount}
                      onChange={(ev) => set(i, { ...draft, amount: ev.target.value })}
                      data-testid="exchange-amount"
                    />
                  </td>
                  <td>
                    <select
                      value={draft.unit}
                      onChange={(ev) => set(i, { ...draft, unit: ev.target.value })}
                      data-testid="exchange-unit"
                    >
                      {units.map((u) => (
                        <option key={u.id} value={u.name}>
                          {u.name}
                        </option>
                      ))}
                      {!units.some((u) => u.name === draft.unit) && <option value={draft.unit}>{draft.unit}</option>}
                    </select>
                  </td>
                  <td>
                    <input
                      value={draft.providerId}
                      disabled={elementary && !draft.providerId}
                      placeholder={elementary ? '—' : t('cobuild.exchanges.providerAuto')}
                      onChange={(ev) => set(i, { ...draft, providerId: ev.target.value })}
                      data-testid="exchange-provider"
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
