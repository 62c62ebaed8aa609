/** A small bar chart of one indicator across the years; a year without a figure has no bar, never a bar of zero. */
import { useMemo } from 'react';
import { EChart } from '../../../ui/echart.tsx';

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
  const option = useMemo(
    () => ({
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
    }),
    [bars, unit],
  );
  return <EChart option={option} height={200} testId={testId} />;
}
