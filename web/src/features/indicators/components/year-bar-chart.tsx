/**
 * A small bar chart of one indicator across the years (ECharts, tree-shaken: bars, grid, tooltip, SVG renderer).
 * A year without a figure has no bar, never a bar of zero.
 */
import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export interface YearBar {
  year: number;
  label: string;
  /** The rounded figure, or null when the year has none. */
  value: number | null;
}

export function YearBarChart({
  bars,
  unit,
  testId,
}: {
  bars: readonly YearBar[];
  unit: string;
  testId: string;
}) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 56, right: 12, top: 16, bottom: 28 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v} ${unit}` : '—'),
      },
      xAxis: { type: 'category', data: bars.map((b) => b.label) },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'bar',
          barMaxWidth: 40,
          data: bars.map((b) => b.value),
          itemStyle: { color: '#0f3a7a' },
          label: { show: true, position: 'top', fontSize: 11 },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [bars, unit]);

  return <div ref={ref} style={{ width: '100%', height: 200 }} data-testid={testId} />;
}
