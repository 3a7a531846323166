import { useMemo } from 'react';
import type { Study, StudyResult } from '../../../src/model/study.ts';
import { Chart } from '../charts/Chart.tsx';
import { sankeyHeight, sankeyOption } from '../charts/sankeyOption.ts';
import { stageOfNode } from '../charts/stageNode.ts';
import { CUTOFF_NODE, REMOVALS_NODE } from '../../../src/model/study.ts';
import { render } from '../../../src/i18n/catalogue.ts';
import { stageOption } from '../charts/stageOption.ts';
import { treeHeight, treeOption } from '../charts/treeOption.ts';
import { Empty, ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { STAGES } from '../lib/enums.ts';
import { formatNumber } from '../lib/format.ts';
import type { Loaded } from '../lib/useLoad.ts';
import { ResultPactPanel } from '../pact/ResultPactPanel.tsx';
import { StudyLabelPanel } from '../labels/StudyLabelPanel.tsx';
import { CalculatePanel } from './CalculatePanel.tsx';
import { HotspotTable } from './HotspotTable.tsx';
import { ReportButtons } from './ReportButtons.tsx';
import { SensitivityPanel } from './SensitivityPanel.tsx';
import { Summary } from './Summary.tsx';
import { UncertaintyPanel } from './UncertaintyPanel.tsx';
import { useCalculation } from './useCalculation.ts';

interface ResultsViewProps {
  study: Study;
  /** the latest result, null before the first calculation */
  result: Loaded<StudyResult | null>;
  dirty: boolean;
  canCalculate: boolean;
}

export function ResultsView({ study, result, dirty, canCalculate }: ResultsViewProps) {
  const { t } = useI18n();
  const calculation = useCalculation(study.id, result.reload);
  const disabledReason = !canCalculate
    ? t('results.cannotCalculate')
    : dirty
      ? t('results.saveFirst')
      : study.entries.length === 0
        ? t('results.noEntries')
        : undefined;

  return (
    <div className="results">
      <CalculatePanel
        job={calculation.job}
        error={calculation.error}
        onStart={() => void calculation.start()}
        disabledReason={disabledReason}
      >
        {result.data && <ReportButtons studyId={study.id} studyName={study.name} />}
      </CalculatePanel>
      {result.loading && !result.data && <Loading />}
      <ErrorMessage error={result.error} />
      {result.data === null && <Empty>{t('results.none')}</Empty>}
      {result.data && <ResultPanels study={study} result={result.data} />}
      {result.data && <ResultPactPanel study={study} result={result.data} canPublish={canCalculate} />}
      {result.data && <StudyLabelPanel study={study} result={result.data} />}
    </div>
  );
}

function ResultPanels({ study, result }: { study: Study; result: StudyResult }) {
  const { t, lang } = useI18n();
  const format = (v: number) => formatNumber(v, lang);
  const options = useMemo(() => {
    const f = (v: number) => formatNumber(v, lang);
    const nodeLabel = (name: string) => {
      const stage = stageOfNode(name);
      if (name === REMOVALS_NODE) return t('line.biogenicRemovals');
      if (name === CUTOFF_NODE) return t('results.belowCutoff');
      return stage ? t(`stage.${stage}`) : name;
    };
    return {
      stage: stageOption(result.byStage, STAGES, (s) => t(`stage.${s}`), f),
      sankey: sankeyOption(result.sankey, f, nodeLabel),
      tree: treeOption(result.tree, f, nodeLabel),
    };
  }, [result, lang, t]);

  return (
    <>
      {result.version !== study.version && (
        <p className="alert alert-warn" data-testid="stale-result">
          {t('results.stale', { resultVersion: result.version, studyVersion: study.version })}
        </p>
      )}
      {result.warnings.length > 0 && (
        <div className="alert alert-warn" data-testid="warnings">
          <strong>{t('results.warnings')}</strong>
          <ul>
            {result.warnings.map((w, i) => (
              <li key={i}>{render(w, lang)}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="results-top">
        <Summary study={study} result={result} />
        <section className="card">
          <h2>{t('results.byStage')}</h2>
          <Chart option={options.stage} height={330} testId="stage-chart" label={t('results.byStage')} />
        </section>
      </div>
      <HotspotTable result={result} />
      <SensitivityPanel result={result} />
      <section className="card">
        <h2>{t('results.sankey')}</h2>
        <Chart
          option={options.sankey}
          height={sankeyHeight(result.sankey)}
          testId="sankey"
          label={t('results.sankey')}
        />
      </section>
      <div className="results-pair">
        <section className="card">
          <h2>{t('results.tree')}</h2>
          <p className="small muted">{t('results.treeHint', { total: format(result.tree.value) })}</p>
          <Chart option={options.tree} height={treeHeight(result.tree)} testId="tree-chart" label={t('results.tree')} />
        </section>
        <UncertaintyPanel uncertainty={result.uncertainty} />
      </div>
    </>
  );
}
