import type { LifeCycleStage } from '../../../src/model/lci.ts';
import type { ChartOption } from './echarts.ts';
import { PALETTE } from './palette.ts';
import { tooltipHtml } from './tooltip.ts';

/** Bars of kg CO2e per life cycle stage, in life cycle order. */
export function stageOption(
  byStage: Partial<Record<LifeCycleStage, number>>,
  stages: readonly LifeCycleStage[],
  stageLabel: (stage: LifeCycleStage) => string,
  format: (value: number) => string,
): ChartOption {
  return {
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params;
        return tooltipHtml(stageLabel(stages[p.dataIndex]), `${format(Number(p.value))} kg CO2e`);
      },
    },
    xAxis: {
      type: 'category',
      data: stages.map(stageLabel),
      // every stage named, wrapped to its column so neighbours neither overlap nor run off the chart
      axisLabel: { color: PALETTE.text, interval: 0, width: 76, overflow: 'break' },
    },
    yAxis: {
      type: 'value',
      name: 'kg CO2e',
      axisLabel: { color: PALETTE.muted },
      splitLine: { lineStyle: { color: PALETTE.grid } },
    },
    series: [
      {
        type: 'bar',
        data: stages.map((s) => byStage[s] ?? 0),
        itemStyle: { color: PALETTE.primary },
        barMaxWidth: 48,
        label: { show: true, position: 'top', formatter: (p) => format(Number(p.value)), color: PALETTE.text },
      },
    ],
  };
}
