import { useMemo, useState } from 'react';
import { LifeCycleStageSchema } from '../../../src/model/lci.ts';
import { getJson, request } from '../api/client.ts';
import { Chart } from '../charts/Chart.tsx';
import { stageShareOption, trendOption } from '../charts/portfolioOption.ts';
import { Empty, ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { saveBlob } from '../lib/download.ts';
import { formatDateTime, formatNumber, formatPercent, formatQuantity } from '../lib/format.ts';
import { useLoad } from '../lib/useLoad.ts';
import { href } from '../router.ts';
import type { PortfolioProduct } from '../../../src/studies/portfolio.ts';

const STAGES = LifeCycleStageSchema.options;

/** The company's products and their footprints across years and versions: trend, stage comparison, Excel. */
export function PortfolioPage() {
  const { t, lang } = useI18n();
  const loaded = useLoad(() => getJson<PortfolioProduct[]>('/api/portfolio'), []);
  const [exportError, setExportError] = useState<unknown>(null);
  const n = (v: number) => formatNumber(v, lang);
  const products = loaded.data;
  const trend = useMemo(
    () =>
      products &&
      trendOption(
        products.map((p) => ({
          label: `${p.product} (${formatQuantity(p.declaredUnit.amount, p.declaredUnit.unit, lang)})`,
          points: p.points.map((pt) => ({
            label: t('portfolio.point', { year: pt.year, version: pt.version }),
            total: pt.total,
          })),
        })),
        n,
      ),
    [products, lang],
  );
  const shares = useMemo(
    () =>
      products &&
      stageShareOption(
        products.map((p) => ({ label: p.product, shares: p.stageShares })),
        STAGES,
        (s) => t(`stage.${s}`),
      ),
    [products, lang],
  );

  async function exportExcel() {
    setExportError(null);
    try {
      const res = await request(`/api/portfolio.xlsx?lang=${lang}`);
      saveBlob(await res.blob(), `tanji-portfolio-${lang}.xlsx`);
    } catch (e) {
      setExportError(e);
    }
  }

  if (!products) return loaded.loading ? <Loading /> : <ErrorMessage error={loaded.error} />;
  return (
    <section data-testid="portfolio-page">
      <div className="section-head">
        <h1>{t('portfolio.title')}</h1>
        <button
          type="button"
          onClick={() => void exportExcel()}
          disabled={products.length === 0}
          data-testid="portfolio-export"
        >
          {t('portfolio.export')}
        </button>
      </div>
      <ErrorMessage error={exportError} />
      {products.length === 0 ? (
        <Empty>{t('portfolio.empty')}</Empty>
      ) : (
        <>
          <div className="card">
            <h2>{t('portfolio.trend')}</h2>
            <Chart option={trend!} height={320} testId="portfolio-trend" label={t('portfolio.trend')} />
          </div>
          <div className="card">
            <h2>{t('portfolio.stages')}</h2>
            <Chart
              option={shares!}
              height={Math.max(160, 48 * products.length + 40)}
              testId="portfolio-stages"
              label={t('portfolio.stages')}
            />
          </div>
          <div className="card table-scroll">
            <table className="table compact" data-testid="portfolio-table">
              <thead>
                <tr>
                  <th>{t('portfolio.product')}</th>
                  <th>{t('portfolio.study')}</th>
                  <th className="num">{t('portfolio.year')}</th>
                  <th className="num">{t('portfolio.version')}</th>
                  <th className="num">{t('portfolio.emissions')}</th>
                  <th className="num">{t('portfolio.removals')}</th>
                  <th className="num">{t('portfolio.change')}</th>
                  <th>{t('portfolio.computed')}</th>
                </tr>
              </thead>
              <tbody>
                {products.flatMap((p) =>
                  p.points.map((pt) => (
                    <tr key={`${pt.studyId}@${pt.version}`} data-testid="portfolio-row">
                      <td>
                        {p.product}
                        <span className="muted small block">
                          {formatQuantity(p.declaredUnit.amount, p.declaredUnit.unit, lang)}
                        </span>
                      </td>
                      <td>
                        <a href={href({ page: 'study', id: pt.studyId, tab: 'results' })}>{pt.studyName}</a>
                      </td>
                      <td className="num">{pt.year}</td>
                      <td className="num">{pt.version}</td>
                      <td className="num">{n(pt.total)}</td>
                      <td className="num">{n(pt.removals)}</td>
                      <td className="num">
                        {pt.change === undefined
                          ? '—'
                          : `${pt.change > 0 ? '+' : ''}${n(pt.change)}${pt.changeShare === undefined ? '' : ` (${pt.changeShare > 0 ? '+' : ''}${formatPercent(pt.changeShare, lang)})`}`}
                      </td>
                      <td className="small">{formatDateTime(pt.computedAt, lang)}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
