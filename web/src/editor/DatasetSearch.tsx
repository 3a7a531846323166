import { useEffect, useState } from 'react';
import type { DatasetRef } from '../../../src/model/study.ts';
import { api } from '../api/endpoints.ts';
import type { DatasetHit } from '../api/types.ts';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { render } from '../../../src/i18n/catalogue.ts';
import { useI18n } from '../i18n/context.tsx';
import { formatNumber } from '../lib/format.ts';
import { factorStatus } from '../lib/factorStatus.ts';
import { datasetName } from '../study/datasets.ts';

/** Waiting this long after the last keystroke keeps the search from firing on every letter. */
const DEBOUNCE_MS = 250;
const LIMIT = 20;

type TypeFilter = '' | DatasetHit['type'];

/** Where and in what the study searches: its region and year, and its pinned releases. */
export interface SearchScope {
  region: string;
  year: number;
  lci: string;
  factors: string;
}

interface DatasetSearchProps {
  scope: SearchScope;
  selected: DatasetRef | null;
  onSelect: (hit: DatasetHit) => void;
}

/** The server searches the newest releases unless it is given both pinned ones. */
function pinned(scope: SearchScope) {
  const both = scope.lci && scope.factors;
  return {
    region: scope.region,
    year: Number.isInteger(scope.year) ? scope.year : undefined,
    lci: both ? scope.lci : undefined,
    factors: both ? scope.factors : undefined,
  };
}

/** Background datasets of the pinned releases, searched in the study's region (the server falls back to wider regions). */
export function DatasetSearch({ scope, selected, onSelect }: DatasetSearchProps) {
  const { t, lang } = useI18n();
  const [q, setQ] = useState('');
  const [type, setType] = useState<TypeFilter>('');
  // processes the release's quality screen quarantined are offered only when asked for, flagged
  const [quarantined, setQuarantined] = useState(false);
  const [hits, setHits] = useState<DatasetHit[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const query = q.trim();
    if (!query) {
      setHits(null);
      setError(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      setLoading(true);
      const flagged = quarantined ? ({ quarantined: 'true' } as const) : {};
      api.datasets({ q: query, type: type || undefined, limit: LIMIT, ...flagged, ...pinned(scope) }).then(
        (found) => {
          if (!current) return;
          setHits(found);
          setError(null);
          setLoading(false);
        },
        (e: unknown) => {
          if (!current) return;
          setError(e);
          setLoading(false);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q, type, quarantined, scope.region, scope.year, scope.lci, scope.factors]);

  const isSelected = (hit: DatasetHit) =>
    selected?.type === hit.type && selected.release === hit.release && selected.id === hit.id;

  return (
    <div className="dataset-search">
      <div className="inline-fields">
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('dataset.searchHint')}
          aria-label={t('dataset.search')}
          data-testid="dataset-search"
        />
        <select
          value={type}
          onChange={(e) => setType(e.target.value as TypeFilter)}
          aria-label={t('dataset.type')}
          data-testid="dataset-type"
        >
          <option value="">{t('dataset.allTypes')}</option>
          <option value="factor">{t('datasetType.factor')}</option>
          <option value="process">{t('datasetType.process')}</option>
        </select>
        <span className="muted small nowrap">
          {t('dataset.region')}: {scope.region} · {scope.year}
        </span>
        <label className="check small">
          <input
            type="checkbox"
            checked={quarantined}
            onChange={(e) => setQuarantined(e.target.checked)}
            data-testid="dataset-quarantined"
          />
          {t('dataset.showQuarantined')}
        </label>
      </div>
      {loading && <Loading label={t('dataset.searching')} />}
      <ErrorMessage error={error} />
      {hits && hits.length === 0 && !loading && <p className="muted small">{t('dataset.none', { q: q.trim() })}</p>}
      {hits && hits.length > 0 && (
        <div className="dataset-results" role="listbox" aria-label={t('dataset.results')}>
          <div className="dataset-row dataset-header" aria-hidden="true">
            <span>{t('dataset.name')}</span>
            <span className="num">{t('dataset.value')}</span>
            <span>{t('dataset.regionYear')}</span>
            <span>{t('dataset.source')}</span>
            <span>{t('dataset.status')}</span>
          </div>
          {hits.map((hit) => (
            <button
              type="button"
              role="option"
              aria-selected={isSelected(hit)}
              key={`${hit.type}/${hit.release}/${hit.id}`}
              className="dataset-row"
              onClick={() => onSelect(hit)}
              data-testid="dataset-result"
              title={hit.notes.map((n) => render(n, lang)).join('\n') || undefined}
            >
              <span>
                {datasetName(hit, lang)}
                <span className="muted small block">
                  {t(`datasetType.${hit.type}`)} · {hit.release}
                </span>
                {hit.screenFlags && (
                  <span className="small block" data-testid="dataset-screen-flags">
                    <span className="badge badge-warn">{t('dataset.quarantinedBadge')}</span>{' '}
                    {hit.screenFlags.join('; ')}
                  </span>
                )}
              </span>
              <span className="num nowrap">
                {formatNumber(hit.kgCo2ePerUnit, lang)}
                <span className="muted small block">
                  {hit.gases === 'CO2' ? 'kg CO2' : 'kg CO2e'}/{hit.perUnit}
                </span>
              </span>
              <span>
                {hit.region}
                {hit.resolvedRegion && hit.resolvedRegion !== hit.region && ` → ${hit.resolvedRegion}`}
                {hit.year !== undefined && ` · ${hit.year}`}
              </span>
              <span className="small truncate" title={hit.source}>
                {hit.source}
              </span>
              <span>
                {hit.status ? (
                  <span className={`badge status-${hit.status}`} title={hit.status}>
                    {factorStatus(hit.status, t)}
                  </span>
                ) : (
                  '—'
                )}
              </span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
