import type { TreeNode } from '../../../src/model/study.ts';
import type { ChartOption } from './echarts.ts';
import { PALETTE } from './palette.ts';
import { tooltipHtml } from './tooltip.ts';

/** Levels open at first; deeper ones open on click, so large trees stay readable. */
const TREE_OPEN_DEPTH = 2;

interface TreeDatum {
  name: string;
  value: number;
  children: TreeDatum[];
}

function toDatum(node: TreeNode, label: (name: string) => string): TreeDatum {
  return { name: label(node.name), value: node.value, children: node.children.map((c) => toDatum(c, label)) };
}

/** Leaves shown while only the first levels are open: what the chart's height has to fit. */
function visibleLeaves(node: TreeNode, depth = 0): number {
  if (node.children.length === 0 || depth >= TREE_OPEN_DEPTH) return 1;
  return node.children.reduce((n, child) => n + visibleLeaves(child, depth + 1), 0);
}

export function treeHeight(tree: TreeNode): number {
  return Math.min(900, Math.max(260, visibleLeaves(tree) * 26 + 40));
}

export function treeOption(
  tree: TreeNode,
  format: (value: number) => string,
  nodeLabel: (name: string) => string,
): ChartOption {
  const label = (p: { name: string; value: unknown }) => `${p.name}  ${format(Number(p.value))}`;
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p) =>
        tooltipHtml((p as { name: string }).name, `${format(Number((p as { value: unknown }).value))} kg CO2e`),
    },
    series: [
      {
        type: 'tree',
        data: [toDatum(tree, nodeLabel)],
        orient: 'LR',
        // room for the root's label on the left and the leaves' labels (their width, the symbol and the gap) on the right
        left: 170,
        right: 250,
        top: 16,
        bottom: 16,
        initialTreeDepth: TREE_OPEN_DEPTH,
        expandAndCollapse: true,
        symbolSize: 8,
        itemStyle: { color: PALETTE.primary, borderColor: PALETTE.primary },
        lineStyle: { color: PALETTE.primaryLight },
        label: {
          position: 'left',
          verticalAlign: 'middle',
          align: 'right',
          color: PALETTE.text,
          formatter: label,
          width: 160,
          overflow: 'truncate',
          ellipsis: '…',
        },
        leaves: {
          label: {
            position: 'right',
            align: 'left',
            formatter: label,
            width: 240,
            overflow: 'truncate',
            ellipsis: '…',
          },
        },
        animationDuration: 300,
      },
    ],
  };
}
