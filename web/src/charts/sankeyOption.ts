import type { StudyResult } from '../../../src/model/study.ts';
import type { ChartOption } from './echarts.ts';
import { PALETTE } from './palette.ts';
import { tooltipHtml } from './tooltip.ts';

/**
 * ECharts' sankey cannot draw zero or negative flows; removals are reported apart from the
 * total, so links without a positive value are left out of the picture, not of the result.
 */
/** Tall enough that every entry node, however small its flow, keeps a line for its label. */
export function sankeyHeight(sankey: StudyResult['sankey']): number {
  const targets = new Set(sankey.links.map((l) => l.target));
  const sources = new Set(sankey.links.filter((l) => !targets.has(l.source)).map((l) => l.source));
  return Math.min(1000, Math.max(300, sources.size * 24 + 40));
}

export function sankeyOption(
  sankey: StudyResult['sankey'],
  format: (value: number) => string,
  label: (node: string) => string,
): ChartOption {
  const links = sankey.links.filter((l) => l.value > 0);
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const data = (p as { data: { source?: string; target?: string; name?: string; value?: number } }).data;
        const value = (p as { value?: unknown }).value;
        const head = data.source ? `${label(data.source)} → ${label(data.target ?? '')}` : label(data.name ?? '');
        return tooltipHtml(head, `${format(Number(value))} kg CO2e`);
      },
    },
    series: [
      {
        type: 'sankey',
        data: sankey.nodes.filter((n) => used.has(n.name)),
        links,
        emphasis: { focus: 'adjacency' },
        nodeAlign: 'right',
        nodeGap: 12,
        left: 8,
        right: 160,
        top: 8,
        bottom: 8,
        itemStyle: { color: PALETTE.primary, borderColor: PALETTE.primary },
        lineStyle: { color: 'gradient', opacity: 0.35 },
        label: { color: PALETTE.text, width: 150, overflow: 'truncate', formatter: (p) => label(p.name) },
      },
    ],
  };
}
