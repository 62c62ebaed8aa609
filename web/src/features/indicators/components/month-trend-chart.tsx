/**
 * A flow indicator through its year: each month's count as bars and the running total as a line, with the year's
 * target as a horizontal mark, so "on pace or not" reads at a glance. ECharts, tree-shaken like the town chart.
 */
import { useMemo } from 'react';
import { EChart } from '../../../ui/echart.tsx';

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
  const option = useMemo(
    () => ({
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
    }),
    [points, labels, target],
  );
  return <EChart option={option} height={300} testId="indicator-trend-chart" />;
}
