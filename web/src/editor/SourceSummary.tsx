import type { Entry } from '../../../src/model/study.ts';
import { useI18n } from '../i18n/context.tsx';
import { formatNumber } from '../lib/format.ts';
import { href } from '../router.ts';
import { datasetKey, datasetName, pickedDataset } from '../study/datasets.ts';

/** Where an entry's per-unit footprint comes from, in one line. */
export function SourceSummary({ entry, names }: { entry: Entry; names: ReadonlyMap<string, string> }) {
  const { t, lang } = useI18n();
  const source = entry.source;
  switch (source.type) {
    case 'background': {
      const hit = pickedDataset(source.dataset);
      const ref = `${source.dataset.release} · ${source.dataset.id}`;
      const name = hit ? datasetName(hit, lang) : names.get(datasetKey(source.dataset));
      return (
        <span className="small" title={ref}>
          {t(`datasetType.${source.dataset.type}`)}: {name ?? ref}
        </span>
      );
    }
    case 'supplier':
      return (
        <span className="small">
          {t('source.supplier')}: {source.supplier}, {formatNumber(source.kgCo2ePerUnit, lang)} kg CO2e/{entry.unit}
        </span>
      );
    case 'direct':
      return (
        <span className="small">
          {t('source.direct')}: {t(`gas.${source.gas}`)}
        </span>
      );
    case 'study':
      return (
        <span className="small">
          {t('entry.componentStudy')}:{' '}
          <a href={href({ page: 'study', id: source.studyId, tab: 'inventory' })}>{source.studyId}</a>
        </span>
      );
    case 'placeholder':
      return <span className="small status missing">{t('source.placeholder')}</span>;
  }
}
