/**
 * A flow indicator through its year: each month's count as bars and the running total as a line, with the year's
 * target as a horizontal mark, so "on pace or not" reads at a glance. ECharts, tree-shaken like the town chart.
 */
import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  SVGRenderer,
]);

export interface MonthPoint {
  month: number;
  count: number;
  cumulative: number;
}

/** The months with the running total; January first. */
export function monthPoints(months: readonly number[]): MonthPoint[] {
  let total = 0;
  return months.map((count, i) => {
    total += count;
    return { month: i + 1, count, cumulative: total };
  });
}

export function MonthTrendChart({
  points,
  labels,
  target,
}: {
  points: readonly MonthPoint[];
  labels: { month: (m: number) => string; count: string; cumulative: string; target: string };
  target: number | null;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 56, right: 16, top: 40, bottom: 32 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: points.map((p) => labels.month(p.month)) },
      yAxis: { type: 'value' },
      series: [
        {
          name: labels.count,
          type: 'bar',
          barMaxWidth: 32,
          data: points.map((p) => p.count),
          itemStyle: { color: '#91caff' },
        },
        {
          name: labels.cumulative,
          type: 'line',
          data: points.map((p) => p.cumulative),
          itemStyle: { color: '#1677ff' },
          ...(target === null
            ? {}
            : {
                markLine: {
                  symbol: 'none',
                  label: { formatter: `${labels.target} ${target}` },
                  lineStyle: { color: '#fa541c', type: 'dashed' },
                  data: [{ yAxis: target }],
                },
              }),
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [points, labels, target]);
  return <div ref={ref} style={{ width: '100%', height: 300 }} data-testid="indicator-trend-chart" />;
}
