import { useMemo, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { ElectricityValue } from '../api/types.ts';
import { Chart } from '../charts/Chart.tsx';
import { isFallback, tileMapOption } from '../charts/tileMapOption.ts';
import { Empty, ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatNumber } from '../lib/format.ts';
import { useLoad } from '../lib/useLoad.ts';

/** Years offered besides whatever the server answers by default; the server says which have data. */
function yearChoices(shown: number | undefined): number[] {
  const now = new Date().getFullYear();
  const years = new Set<number>();
  for (let y = 2021; y <= now; y++) years.add(y);
  if (shown !== undefined) years.add(shown);
  return [...years].sort((a, b) => b - a);
}

const MAP_SIZE = 480;

export function MapPage() {
  const { t, lang } = useI18n();
  const [year, setYear] = useState<number | undefined>(undefined);
  const map = useLoad(() => api.electricityMap(year), [year]);
  const values = map.data ?? [];
  const dataYear = values[0]?.year;
  const shownYear = year ?? dataYear;
  const option = useMemo(
    () =>
      tileMapOption(
        map.data ?? [],
        lang,
        {
          value: t('map.value'),
          year: t('map.year'),
          status: t('map.status'),
          resolvedRegion: t('map.resolvedRegion'),
          fallback: t('map.fallback'),
        },
        (n) => formatNumber(n, lang),
        MAP_SIZE,
      ),
    [map.data, lang, t],
  );
  const sorted = [...values].sort((a, b) => b.value - a.value);

  return (
    <section>
      <div className="page-head">
        <h1>{t('map.title')}</h1>
        <label className="inline-fields">
          <span>{t('map.year')}</span>
          <select value={shownYear ?? ''} onChange={(e) => setYear(Number(e.target.value))} data-testid="map-year">
            {yearChoices(shownYear).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted">{t('map.cartogram')}</p>
      {year !== undefined && dataYear !== undefined && dataYear !== year && (
        <p className="alert alert-warn" data-testid="map-year-fallback">
          {t('map.yearFallback', { asked: year, shown: dataYear })}
        </p>
      )}
      {map.loading && <Loading />}
      <ErrorMessage error={map.error} />
      {map.data && values.length === 0 && <Empty>{t('map.empty', { year: shownYear ?? '' })}</Empty>}
      {values.length > 0 && (
        <div className="map-layout">
          <section className="card">
            <Chart option={option} height={MAP_SIZE + 70} testId="electricity-map" label={t('map.title')} />
            <p className="small muted">{t('map.legend', { unit: values[0].unit })}</p>
          </section>
          <section className="card map-table">
            <table className="table compact">
              <thead>
                <tr>
                  <th>{t('map.province')}</th>
                  <th className="num">{values[0].unit}</th>
                  <th>{t('map.status')}</th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((v: ElectricityValue) => (
                  <tr key={v.region}>
                    <td>
                      {lang === 'zh' ? v.nameZh : v.nameEn}
                      {isFallback(v) && <span className="small muted"> → {v.resolvedRegion}</span>}
                    </td>
                    <td className="num">{formatNumber(v.value, lang)}</td>
                    <td className="small">{v.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      )}
    </section>
  );
}
