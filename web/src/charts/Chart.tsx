import { lazy, Suspense } from 'react';
import type { ChartProps } from './EChart.tsx';

// ECharts is most of the bundle; pages without charts load without it.
const EChart = lazy(() => import('./EChart.tsx').then((m) => ({ default: m.EChart })));

export function Chart(props: ChartProps) {
  return (
    <Suspense fallback={<div className="chart" style={{ height: props.height }} aria-busy="true" />}>
      <EChart {...props} />
    </Suspense>
  );
}
