import { BarChart, HeatmapChart, SankeyChart, TreeChart } from 'echarts/charts';
import type { BarSeriesOption, HeatmapSeriesOption, SankeySeriesOption, TreeSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import type { GridComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the app draws is registered: the full echarts build is several times larger.
echarts.use([
  BarChart,
  HeatmapChart,
  SankeyChart,
  TreeChart,
  GridComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { echarts };

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | SankeySeriesOption
  | TreeSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;
