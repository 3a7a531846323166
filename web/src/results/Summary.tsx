import { HEADLINE_STANDARDS, headlineOf } from '../../../src/model/headline.ts';
import type { Study, StudyResult } from '../../../src/model/study.ts';
import { useI18n } from '../i18n/context.tsx';
import { formatDateTime, formatNumber, formatPercent, formatQuantity } from '../lib/format.ts';

const EMISSION_LINES = ['fossil', 'biogenic', 'landUseChange', 'aircraft'] as const;

/**
 * The headline number and the ISO 14067 lines. Biogenic removals are listed on their own and
 * never subtracted from the total.
 */
export function Summary({ study, result }: { study: Study; result: StudyResult }) {
  const { t, lang } = useI18n();
  const perUnit = `kg CO2e / ${formatQuantity(study.unit.amount, study.unit.unit, lang)}`;
  const h = result.headline ?? headlineOf(result);
  const rows: [string, string, number, string][] = [
    ['emissions', t('headline.emissions'), h.emissions, HEADLINE_STANDARDS.emissions],
    ['uptake', t('headline.uptake'), h.removals.biogenicUptake, HEADLINE_STANDARDS.removals],
    ['land-management', t('headline.landManagement'), h.removals.landManagement, HEADLINE_STANDARDS.removals],
    [
      'pact-excluding',
      t('headline.pactExcluding'),
      h.pact.v3.excludingBiogenicUptake,
      HEADLINE_STANDARDS.pactExcluding,
    ],
    [
      'pact-including',
      t('headline.pactIncluding'),
      h.pact.v3.includingBiogenicUptake,
      HEADLINE_STANDARDS.pactIncluding,
    ],
  ];
  return (
    <section className="card summary">
      <div className="total">
        <span className="muted">{t('headline.cfp')}</span>
        <span className="total-value">
          <span data-testid="cfp-value">{formatNumber(h.cfp, lang)}</span> <span className="total-unit">{perUnit}</span>
        </span>
        <span className="small muted">{HEADLINE_STANDARDS.cfp}</span>
      </div>
      <table className="table compact headline" data-testid="headline">
        <tbody>
          {rows.map(([key, label, value, std]) => (
            <tr key={key} data-testid={`headline-${key}`}>
              <th>
                {label}
                <span className="small muted block">{std}</span>
              </th>
              <td className="num">
                {key === 'emissions' ? (
                  <span data-testid="total-value">{formatNumber(value, lang)}</span>
                ) : (
                  formatNumber(value, lang)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="table compact lines">
        <tbody>
          {EMISSION_LINES.map((line) => (
            <tr key={line} data-testid={`line-${line}`}>
              <th>{t(`line.${line}`)}</th>
              <td className="num">{formatNumber(result.lines[line], lang)}</td>
            </tr>
          ))}
          <tr className="removals" data-testid="line-biogenicRemovals">
            <th>
              {t('line.biogenicRemovals')}
              <span className="small muted block">{t('results.removalsNote')}</span>
            </th>
            <td className="num">{formatNumber(result.lines.biogenicRemovals, lang)}</td>
          </tr>
        </tbody>
      </table>
      <dl className="facts">
        <dt>{t('results.primaryShare')}</dt>
        <dd data-testid="primary-share" title={t('headline.primaryBasis')}>
          {formatPercent(result.primaryDataShare, lang)}
          <span className="small muted block">{t('headline.primaryBasis')}</span>
        </dd>
        <dt>{t('results.dqr')}</dt>
        <dd data-testid="dqr">
          {formatNumber(result.dqr, lang)} · {result.dqrLevel}
        </dd>
        <dt>{t('results.method')}</dt>
        <dd>
          {t(`method.${result.method}`)} · {result.gwpSet}
        </dd>
        <dt>{t('results.releases')}</dt>
        <dd>
          LCI {result.releases.lci} · {t('results.factorRelease')} {result.releases.factors}
        </dd>
        <dt>{t('results.computed')}</dt>
        <dd>
          {formatDateTime(result.computedAt, lang)} · v{result.version}
        </dd>
      </dl>
    </section>
  );
}
