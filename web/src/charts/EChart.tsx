import { useEffect, useRef } from 'react';
import { chartRenderer, echarts, type ChartOption } from './echarts.ts';
import { CHART_FONT } from './palette.ts';

export interface ChartProps {
  option: ChartOption;
  height: number;
  testId?: string;
  label: string;
}

/** One ECharts instance per mounted element: created once, fed each new option, resized with its box. */
export function EChart({ option, height, testId, label }: ChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const el = element.current!;
    const instance = echarts.init(el, undefined, { renderer: chartRenderer() });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge: a new result must not keep series or nodes of the previous one
    chart.current?.setOption({ textStyle: { fontFamily: CHART_FONT }, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={element} className="chart" style={{ height }} data-testid={testId} role="img" aria-label={label} />;
}
