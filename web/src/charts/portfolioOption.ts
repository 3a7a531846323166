import type { LifeCycleStage } from '../../../src/model/lci.ts';
import type { ChartOption } from './echarts.ts';
import { PALETTE } from './palette.ts';

/** One bar group per product: its footprint at each point (year · version), oldest first. */
export function trendOption(
  products: { label: string; points: { label: string; total: number }[] }[],
  format: (v: number) => string,
): ChartOption {
  const pointLabels = [...new Set(products.flatMap((p) => p.points.map((pt) => pt.label)))];
  return {
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => `${format(Number(v))} kg CO2e`,
    },
    xAxis: {
      type: 'category',
      data: products.map((p) => p.label),
      axisLabel: { color: PALETTE.text, interval: 0, width: 140, overflow: 'truncate', ellipsis: '…' },
    },
    yAxis: {
      type: 'value',
      name: 'kg CO2e',
      axisLabel: { color: PALETTE.muted },
      splitLine: { lineStyle: { color: PALETTE.grid } },
    },
    series: pointLabels.map((label, i) => ({
      type: 'bar',
      name: label,
      data: products.map((p) => p.points.find((pt) => pt.label === label)?.total ?? null),
      itemStyle: { color: PALETTE.scale[Math.min(PALETTE.scale.length - 1, 1 + (i % (PALETTE.scale.length - 1)))] },
      barMaxWidth: 32,
    })),
  };
}

/** Stacked shares of each product's latest footprint by life cycle stage, so products of any size compare. */
export function stageShareOption(
  products: { label: string; shares: Record<LifeCycleStage, number> }[],
  stages: readonly LifeCycleStage[],
  stageLabel: (s: LifeCycleStage) => string,
): ChartOption {
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => `${(Number(v) * 100).toFixed(1)} %`,
    },
    xAxis: {
      type: 'value',
      max: 1,
      axisLabel: { color: PALETTE.muted, formatter: (v: number) => `${Math.round(v * 100)} %` },
      splitLine: { lineStyle: { color: PALETTE.grid } },
    },
    yAxis: {
      type: 'category',
      data: products.map((p) => p.label),
      axisLabel: { color: PALETTE.text, width: 180, overflow: 'truncate', ellipsis: '…' },
    },
    series: stages.map((s, i) => ({
      type: 'bar',
      stack: 'share',
      name: stageLabel(s),
      data: products.map((p) => p.shares[s]),
      itemStyle: { color: PALETTE.scale[(i + 1) % PALETTE.scale.length] },
      label: {
        show: true,
        formatter: (p) => (Number(p.value) >= 0.08 ? `${stageLabel(s)} ${Math.round(Number(p.value) * 100)}%` : ''),
        color: i >= 3 ? '#fff' : PALETTE.text,
        fontSize: 11,
      },
    })),
  };
}
