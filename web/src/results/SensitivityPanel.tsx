import { useMemo } from 'react';
import { headlineOf } from '../../../src/model/headline.ts';
import { render } from '../../../src/i18n/catalogue.ts';
import type { Readable } from '../../../src/i18n/define.ts';
import type { SensitivityCase, StudyResult } from '../../../src/model/study.ts';
import { Chart } from '../charts/Chart.tsx';
import { tornadoOption } from '../charts/tornadoOption.ts';
import { useI18n } from '../i18n/context.tsx';
import { formatNumber, formatPercent } from '../lib/format.ts';

/** The one-at-a-time sensitivity as a tornado chart and a table, the scenarios beside the base, and each input's share of the Monte Carlo variance. */
export function SensitivityPanel({ result }: { result: StudyResult }) {
  const { t, lang } = useI18n();
  const n = (v: number) => formatNumber(v, lang);
  const sens = result.sensitivity;
  const label = (c: Pick<SensitivityCase, 'kind'> & { name: Readable }) =>
    `${t(`sensitivity.kind.${c.kind}`)}${lang === 'zh' ? '：' : ': '}${render(c.name, lang)}`;
  const option = useMemo(
    () =>
      sens?.cases.length
        ? tornadoOption(sens.cases, sens.baseCfp, label, (v) => formatNumber(v, lang), {
            low: t('sensitivity.lowSeries'),
            high: t('sensitivity.highSeries'),
          })
        : null,
    [sens, lang, t],
  );
  const h = result.headline ?? headlineOf(result);
  const contributions = result.uncertainty?.contributions ?? [];
  return (
    <>
      {result.scenarios && result.scenarios.length > 0 && (
        <section className="card" data-testid="scenarios">
          <h2>{t('scenarios.title')}</h2>
          <table className="table compact">
            <thead>
              <tr>
                <th>{t('scenarios.name')}</th>
                <th>{t('scenarios.values')}</th>
                <th className="num">{t('headline.emissions')}</th>
                <th className="num">{t('headline.cfp')}</th>
                <th className="num">{t('scenarios.change')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th>{t('scenarios.base')}</th>
                <td>—</td>
                <td className="num">{n(h.emissions)}</td>
                <td className="num">{n(h.cfp)}</td>
                <td className="num">—</td>
              </tr>
              {result.scenarios.map((s) => {
                const cfp = s.total + s.removals;
                const changed = Object.entries(s.values).filter(([k, v]) => result.parameters?.[k] !== v);
                return (
                  <tr key={s.name} data-testid="scenario-row">
                    <th data-user-text>
                      {s.name}
                      {s.description && <span className="small muted block">{s.description}</span>}
                    </th>
                    <td>{changed.map(([k, v]) => `${k} = ${n(v)}`).join('; ') || '—'}</td>
                    <td className="num">{n(s.total)}</td>
                    <td className="num" data-testid="scenario-cfp">
                      {n(cfp)}
                    </td>
                    <td className="num">{h.cfp === 0 ? '—' : formatPercent((cfp - h.cfp) / Math.abs(h.cfp), lang)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      <section className="card" data-testid="sensitivity">
        <h2>{t('sensitivity.title')}</h2>
        {!sens || !option ? (
          <p className="muted">{t('sensitivity.none')}</p>
        ) : (
          <>
            <p className="small muted">{t('sensitivity.note')}</p>
            <Chart
              option={option}
              height={Math.max(180, Math.min(12, sens.cases.length) * 30 + 70)}
              testId="tornado-chart"
              label={t('sensitivity.title')}
            />
            <table className="table compact">
              <thead>
                <tr>
                  <th>{t('sensitivity.input')}</th>
                  <th>{t('sensitivity.range')}</th>
                  <th>{t('sensitivity.basis')}</th>
                  <th className="num">{t('sensitivity.low')}</th>
                  <th className="num">{t('sensitivity.high')}</th>
                </tr>
              </thead>
              <tbody>
                {sens.cases.map((c) => (
                  <tr key={`${c.kind}/${c.id}`} data-testid="sensitivity-row">
                    <td>{label(c)}</td>
                    <td>
                      {n(c.low)} – {n(c.high)} {c.unit}
                    </td>
                    <td>{t(`sensitivity.basis.${c.rangeBasis}`)}</td>
                    <td className="num">{n(c.cfpLow)}</td>
                    <td className="num">{n(c.cfpHigh)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {contributions.length > 0 && (
          <>
            <h3>{t('sensitivity.variance')}</h3>
            <p className="small muted">{t('sensitivity.varianceNote')}</p>
            <table className="table compact" data-testid="variance">
              <tbody>
                {contributions.slice(0, 10).map((v) => (
                  <tr key={`${v.kind}/${v.id}`}>
                    <td>{label(v)}</td>
                    <td className="num">{formatPercent(v.share, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </>
  );
}
