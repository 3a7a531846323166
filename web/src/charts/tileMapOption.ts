import type { ElectricityValue } from '../api/types.ts';
import type { Lang } from '../i18n/translate.ts';
import { GRID_COLS, GRID_ROWS, TILE_GRID } from '../map/tileGrid.ts';
import type { ChartOption } from './echarts.ts';
import { PALETTE } from './palette.ts';
import { tooltipHtml } from './tooltip.ts';

export interface TileMapLabels {
  value: string;
  year: string;
  status: string;
  resolvedRegion: string;
  fallback: string;
}

/** A province falls back to its grid or the national value when it has no factor of its own. */
export const isFallback = (v: ElectricityValue) => v.resolvedRegion !== v.region;

/** The tile grid drawn as a heatmap on a category grid: one cell per tile, coloured by value. */
export function tileMapOption(
  values: readonly ElectricityValue[],
  lang: Lang,
  labels: TileMapLabels,
  format: (n: number) => string,
  size: number,
): ChartOption {
  const placed = values.filter((v) => TILE_GRID[v.region]);
  const byRegion = new Map(placed.map((v) => [v.region, v]));
  const numbers = placed.map((v) => v.value);
  const tileLabel = (v: ElectricityValue) =>
    `${lang === 'zh' ? v.nameZh : v.region.replace(/^CN-/, '')}${isFallback(v) ? '*' : ''}\n${format(v.value)}`;
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const v = byRegion.get((p as { name: string }).name);
        if (!v) return '';
        const resolved = isFallback(v) ? `${v.resolvedRegion} (${labels.fallback})` : v.resolvedRegion;
        return tooltipHtml(
          `${v.nameZh} / ${v.nameEn} (${v.region})`,
          `${labels.value}: ${format(v.value)} ${v.unit}`,
          `${labels.year}: ${v.year}`,
          `${labels.status}: ${v.status}`,
          `${labels.resolvedRegion}: ${resolved}`,
        );
      },
    },
    grid: { left: 'center', top: 8, width: size, height: size * (GRID_ROWS / GRID_COLS) },
    xAxis: { type: 'category', data: Array.from({ length: GRID_COLS }, (_, i) => String(i)), show: false },
    yAxis: {
      type: 'category',
      data: Array.from({ length: GRID_ROWS }, (_, i) => String(i)),
      show: false,
      inverse: true,
    },
    visualMap: {
      type: 'continuous',
      min: numbers.length ? Math.min(...numbers) : 0,
      max: numbers.length ? Math.max(...numbers) : 1,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      calculable: true,
      precision: 3,
      inRange: { color: [...PALETTE.scale] },
      textStyle: { color: PALETTE.muted },
    },
    series: [
      {
        type: 'heatmap',
        data: placed.map((v) => ({
          name: v.region,
          value: [TILE_GRID[v.region].col, TILE_GRID[v.region].row, v.value],
          itemStyle: isFallback(v) ? { borderColor: PALETTE.muted, borderType: 'dashed' as const, borderWidth: 2 } : {},
        })),
        label: {
          show: true,
          fontSize: 11,
          lineHeight: 14,
          formatter: (p) => tileLabel(byRegion.get((p as { name: string }).name)!),
        },
        itemStyle: { borderColor: '#ffffff', borderWidth: 3, borderRadius: 4 },
        emphasis: { itemStyle: { borderColor: PALETTE.text, borderWidth: 2 } },
      },
    ],
  };
}
