import { BarChart, HeatmapChart, SankeyChart, TreeChart } from 'echarts/charts';
import type { BarSeriesOption, HeatmapSeriesOption, SankeySeriesOption, TreeSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

// Only what the app draws is registered: the full echarts build is several times larger.
echarts.use([
  BarChart,
  HeatmapChart,
  SankeyChart,
  TreeChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
  SVGRenderer,
]);

/**
 * Canvas by default; SVG when the browser's storage asks for it (`tanji.chartRenderer` = `svg`):
 * crisper when zoomed or printed, and every label is an element whose box can be measured.
 */
export function chartRenderer(): 'canvas' | 'svg' {
  try {
    return localStorage.getItem('tanji.chartRenderer') === 'svg' ? 'svg' : 'canvas';
  } catch {
    return 'canvas';
  }
}

export { echarts };

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | SankeySeriesOption
  | TreeSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;
