/**
 * The parts of ECharts the interface uses, registered once. Importing through `echarts/core`
 * keeps the bundle to these charts and components instead of the whole library; add a part
 * here when a new chart needs it.
 */
import * as echarts from 'echarts/core';
import { BarChart, FunnelChart, LineChart, type BarSeriesOption, type FunnelSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, FunnelChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/** The option type of the registered parts only (a chart using anything else fails to typecheck). */
export type ChartOption = echarts.ComposeOption<
  BarSeriesOption | FunnelSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TooltipComponentOption
>;

export type ChartInstance = echarts.ECharts;
export type ChartElementEvent = echarts.ECElementEvent;

export { echarts };
