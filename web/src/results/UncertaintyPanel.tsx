import { CALCULATION_TEXTS } from '../../../src/i18n/calculation.ts';
import { useMemo } from 'react';
import type { UncertaintyResult } from '../../../src/model/study.ts';
import { Chart } from '../charts/Chart.tsx';
import { histogramOption } from '../charts/histogramOption.ts';
import { useI18n } from '../i18n/context.tsx';
import { formatNumber } from '../lib/format.ts';

export function UncertaintyPanel({ uncertainty }: { uncertainty: UncertaintyResult | null }) {
  const { t, lang } = useI18n();
  const option = useMemo(
    () => (uncertainty ? histogramOption(uncertainty, (v) => formatNumber(v, lang), t('results.draws')) : null),
    [uncertainty, lang, t],
  );
  const n = (v: number) => formatNumber(v, lang);
  return (
    <section className="card">
      <h2>{t('results.uncertainty')}</h2>
      {!uncertainty || !option ? (
        <p className="muted">{t('results.noUncertainty')}</p>
      ) : (
        <>
          <p className="interval" data-testid="interval">
            {t('results.interval')}:{' '}
            <strong>
              {n(uncertainty.p2_5)} – {n(uncertainty.p97_5)}
            </strong>{' '}
            kg CO2e
          </p>
          <Chart option={option} height={220} testId="uncertainty-chart" label={t('results.uncertainty')} />
          <p className="small muted">
            {t('results.uncertaintyFacts', {
              mean: n(uncertainty.mean),
              sd: n(uncertainty.sd),
              p50: n(uncertainty.p50),
              iterations: uncertainty.iterations,
              seed: uncertainty.seed,
              method: methodText(uncertainty.method, lang),
            })}
          </p>
        </>
      )}
    </section>
  );
}

const METHOD = CALCULATION_TEXTS['uncertainty.method'];

/** The method in the reader's language when it is the one the catalogue knows; a newer server's own text otherwise. */
function methodText(method: string, lang: 'zh' | 'en'): string {
  return method === METHOD.en({}) ? METHOD[lang]({}) : method;
}
