import type { SensitivityCase } from '../../../src/model/study.ts';
import type { ChartOption } from './echarts.ts';
import { PALETTE } from './palette.ts';
import { tooltipHtml } from './tooltip.ts';

/**
 * A tornado chart: one row per input, bars from the base CFP to the CFP with the input at its low
 * and at its high end; the widest swing on top. Bars are drawn as deviations from the base so
 * both ends start at the base line; the axis labels add the base back.
 */
export function tornadoOption(
  cases: SensitivityCase[],
  base: number,
  label: (c: SensitivityCase) => string,
  format: (v: number) => string,
  series: { low: string; high: string },
): ChartOption {
  const shown = [...cases].slice(0, 12).reverse();
  return {
    grid: { left: 8, right: 24, top: 32, bottom: 24, containLabel: true },
    legend: { top: 0, data: [series.low, series.high], textStyle: { color: PALETTE.muted } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const i = (Array.isArray(params) ? params[0] : params).dataIndex;
        const c = shown[i]!;
        return tooltipHtml(
          label(c),
          `${series.low}: ${format(c.cfpLow)} kg CO2e`,
          `${series.high}: ${format(c.cfpHigh)} kg CO2e`,
        );
      },
    },
    xAxis: {
      type: 'value',
      axisLabel: { color: PALETTE.muted, formatter: (v: number) => format(base + v) },
      splitLine: { lineStyle: { color: PALETTE.grid } },
    },
    yAxis: {
      type: 'category',
      data: shown.map(label),
      // a long entry name is cut with an ellipsis; the tooltip gives it whole
      axisLabel: { color: PALETTE.muted, width: 220, overflow: 'truncate', ellipsis: '…' },
    },
    series: [
      {
        name: series.low,
        type: 'bar',
        stack: 'swing',
        data: shown.map((c) => c.cfpLow - base),
        itemStyle: { color: PALETTE.primaryLight },
      },
      {
        name: series.high,
        type: 'bar',
        stack: 'swing',
        data: shown.map((c) => c.cfpHigh - base),
        itemStyle: { color: PALETTE.primary },
      },
    ],
  };
}
