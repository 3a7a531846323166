import { REMOVALS_NODE, type StudyResult } from '../../../src/model/study.ts';
import type { ChartOption } from './echarts.ts';
import { PALETTE } from './palette.ts';
import { tooltipHtml } from './tooltip.ts';

/** Tall enough that every entry node, however small its flow, keeps a line for its label. */
export function sankeyHeight(sankey: StudyResult['sankey']): number {
  const targets = new Set(sankey.links.map((l) => l.target));
  const sources = new Set(sankey.links.filter((l) => !targets.has(l.source)).map((l) => l.source));
  return Math.min(1000, Math.max(300, sources.size * 24 + 40));
}

/**
 * ECharts' sankey cannot draw zero or negative flows, so the result gives removals as positive
 * flows from the product through its removals node (src/studies/calculate.ts); they are drawn in
 * the removals' colour and that node is labelled with the amount taken up, as a negative. Other
 * links without a positive value are left out of the picture, not of the result.
 */
export function sankeyOption(
  sankey: StudyResult['sankey'],
  format: (value: number) => string,
  label: (node: string) => string,
): ChartOption {
  const removals = removalNodes(sankey);
  const links = sankey.links
    .filter((l) => l.value > 0)
    .map((l) => (removals.has(l.target) ? { ...l, lineStyle: { color: PALETTE.removal, opacity: 0.45 } } : l));
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  const nodeText = (name: string, value: number) =>
    name === REMOVALS_NODE ? `${label(name)} −${format(value)}` : label(name);
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const data = (p as { data: { source?: string; target?: string; name?: string; value?: number } }).data;
        const value = (p as { value?: unknown }).value;
        const head = data.source ? `${label(data.source)} → ${label(data.target ?? '')}` : label(data.name ?? '');
        const removed = removals.has(data.target ?? data.name ?? '') ? '−' : '';
        return tooltipHtml(head, `${removed}${format(Number(value))} kg CO2e`);
      },
    },
    series: [
      {
        type: 'sankey',
        data: sankey.nodes
          .filter((n) => used.has(n.name))
          .map((n) =>
            removals.has(n.name) ? { ...n, itemStyle: { color: PALETTE.removal, borderColor: PALETTE.removal } } : n,
          ),
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
        // a long name is cut with an ellipsis; the tooltip gives it whole
        label: {
          color: PALETTE.text,
          width: 150,
          overflow: 'truncate',
          ellipsis: '…',
          formatter: (p) => nodeText(p.name, Number(p.value)),
        },
      },
    ],
  };
}

/** The removals node and every node downstream of it: the removal entries the CO2 is taken up by. */
function removalNodes(sankey: StudyResult['sankey']): Set<string> {
  const found = new Set<string>();
  const visit = (name: string) => {
    if (found.has(name)) return;
    found.add(name);
    for (const l of sankey.links) if (l.source === name) visit(l.target);
  };
  if (sankey.nodes.some((n) => n.name === REMOVALS_NODE)) visit(REMOVALS_NODE);
  return found;
}
