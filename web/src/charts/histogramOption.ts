import type { UncertaintyResult } from '../../../src/model/study.ts';
import type { ChartOption } from './echarts.ts';
import { PALETTE } from './palette.ts';
import { tooltipHtml } from './tooltip.ts';

/** Bins whose centre lies inside the 95 % interval are drawn dark, the tails light. */
export function histogramOption(
  u: UncertaintyResult,
  format: (value: number) => string,
  countLabel: string,
): ChartOption {
  const { edges, counts } = u.histogram;
  const centres = counts.map((_, i) => (edges[i] + edges[i + 1]) / 2);
  return {
    grid: { left: 8, right: 16, top: 32, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const i = (Array.isArray(params) ? params[0] : params).dataIndex;
        return tooltipHtml(`${format(edges[i])} – ${format(edges[i + 1])} kg CO2e`, `${countLabel}: ${counts[i]}`);
      },
    },
    xAxis: {
      type: 'category',
      data: centres.map(format),
      name: 'kg CO2e',
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { color: PALETTE.muted },
    },
    yAxis: {
      type: 'value',
      name: countLabel,
      axisLabel: { color: PALETTE.muted },
      splitLine: { lineStyle: { color: PALETTE.grid } },
    },
    series: [
      {
        type: 'bar',
        barCategoryGap: '4%',
        data: counts.map((count, i) => ({
          value: count,
          itemStyle: { color: centres[i] >= u.p2_5 && centres[i] <= u.p97_5 ? PALETTE.primary : PALETTE.primaryLight },
        })),
      },
    ],
  };
}
