import { regionLabel } from '../lib/regions.ts';
import { useState } from 'react';
import type { LifeCycleStage } from '../../../src/model/lci.ts';
import type { PcrStage } from '../../../src/model/pcr.ts';
import type { Entry } from '../../../src/model/study.ts';
import { Empty } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { STAGES } from '../lib/enums.ts';
import { formatNumber, formatQuantity } from '../lib/format.ts';
import { emptyDraft, entryToDraft, type EntryDraft } from '../study/entryDraft.ts';
import type { SearchScope } from './DatasetSearch.tsx';
import { EntryDialog } from './EntryDialog.tsx';
import { SourceSummary } from './SourceSummary.tsx';

interface InventoryProps {
  entries: Entry[];
  onChange: (entries: Entry[]) => void;
  scope: SearchScope;
  readOnly: boolean;
  /** dataset names known from the latest result */
  datasetNames: ReadonlyMap<string, string>;
  /** the stages of the study's product rule, for the entry dialog to pick from */
  ruleStages?: readonly PcrStage[];
}

/** The inventory by life cycle stage; entries are edited in a dialog and saved with the study. */
export function Inventory({ entries, onChange, scope, readOnly, datasetNames, ruleStages }: InventoryProps) {
  const { t, lang } = useI18n();
  const [editing, setEditing] = useState<EntryDraft | null>(null);

  function apply(entry: Entry) {
    const exists = entries.some((e) => e.id === entry.id);
    onChange(exists ? entries.map((e) => (e.id === entry.id ? entry : e)) : [...entries, entry]);
    setEditing(null);
  }

  function remove(entry: Entry) {
    if (window.confirm(t('inventory.confirmRemove', { name: entry.name })))
      onChange(entries.filter((e) => e.id !== entry.id));
  }

  const add = (stage: LifeCycleStage) => setEditing(emptyDraft(stage));

  return (
    <section className="card inventory">
      <div className="section-head">
        <h2>
          {t('inventory.title')} <span className="muted">({entries.length})</span>
        </h2>
        {!readOnly && (
          <button type="button" className="primary" onClick={() => add('raw-materials')} data-testid="add-entry">
            {t('inventory.add')}
          </button>
        )}
      </div>
      {STAGES.map((stage) => {
        const inStage = entries.filter((e) => e.stage === stage);
        return (
          <div key={stage} className="stage-group" data-testid={`stage-${stage}`}>
            <div className="stage-head">
              <h3>{t(`stage.${stage}`)}</h3>
              {!readOnly && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => add(stage)}
                  data-testid={`add-entry-${stage}`}
                >
                  + {t('inventory.addHere')}
                </button>
              )}
            </div>
            {inStage.length === 0 ? (
              <p className="muted small">{t('inventory.stageEmpty')}</p>
            ) : (
              <table className="table compact">
                <thead>
                  <tr>
                    <th>{t('entry.kind')}</th>
                    <th>{t('entry.name')}</th>
                    <th className="num">{t('entry.amount')}</th>
                    <th>{t('entry.source')}</th>
                    <th>{t('entry.evidence')}</th>
                    {!readOnly && <th aria-label={t('common.actions')} />}
                  </tr>
                </thead>
                <tbody>
                  {inStage.map((entry) => (
                    <tr key={entry.id} data-testid="entry-row" data-entry-id={entry.id}>
                      <td>{t(`kind.${entry.kind}`)}</td>
                      <td>
                        {entry.name}
                        {entry.region && (
                          <span className="badge region-badge" title={t('entry.region')} data-testid="entry-row-region">
                            {regionLabel(entry.region, lang)}
                          </span>
                        )}
                      </td>
                      <td className="num nowrap">{formatQuantity(entry.amount, entry.unit, lang)}</td>
                      <td>
                        <SourceSummary entry={entry} names={datasetNames} />
                      </td>
                      <td className="small">
                        {entry.evidence ? `${t(`evidence.${entry.evidence.type}`)}: ${entry.evidence.reference}` : '—'}
                      </td>
                      {!readOnly && (
                        <td className="actions">
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => setEditing(entryToDraft(entry))}
                            data-testid="entry-edit"
                          >
                            {t('common.edit')}
                          </button>
                          <button
                            type="button"
                            className="link-button danger"
                            onClick={() => remove(entry)}
                            data-testid="entry-remove"
                          >
                            {t('common.remove')}
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        );
      })}
      {entries.length === 0 && <Empty>{readOnly ? t('inventory.emptyReadOnly') : t('inventory.empty')}</Empty>}
      {editing && (
        <EntryDialog
          initial={editing}
          scope={scope}
          datasetNames={datasetNames}
          ruleStages={ruleStages}
          onApply={apply}
          onCancel={() => setEditing(null)}
        />
      )}
    </section>
  );
}
