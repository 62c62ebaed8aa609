/**
 * Targets against actuals at a glance: one horizontal bar per indicator with a target, its progress in per cent of
 * the target (capped at 150 for the drawing only; the table shows the figure), with the 100 % line marked and the
 * bars of met targets in green.
 */
import { useMemo } from 'react';
import { EChart } from '../../../ui/echart.tsx';

export interface ProgressBar {
  id: string;
  name: string;
  progress: number | null;
  met: boolean | null;
}

export function TargetProgressChart({
  bars,
  onPick,
}: {
  bars: readonly ProgressBar[];
  onPick?: (id: string) => void;
}) {
  // Listed top to bottom in the table's order: ECharts draws a category axis from the bottom up.
  const shown = useMemo(() => [...bars].reverse(), [bars]);
  const option = useMemo(
    () => ({
      grid: { left: 200, right: 48, top: 8, bottom: 24 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)}%` },
      xAxis: { type: 'value', max: 150, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        data: shown.map((b) => b.name),
        axisLabel: { width: 190, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          cursor: 'pointer',
          data: shown.map((b) => ({
            value: b.progress === null ? null : Math.min(b.progress, 150),
            itemStyle: { color: b.met ? '#52c41a' : '#1677ff' },
          })),
          markLine: {
            symbol: 'none',
            label: { formatter: '100%' },
            lineStyle: { color: '#fa541c', type: 'dashed' },
            data: [{ xAxis: 100 }],
          },
        },
      ],
    }),
    [shown],
  );
  return (
    <EChart
      option={option}
      height={Math.max(160, 28 * bars.length + 40)}
      testId="indicator-progress-chart"
      onPick={(i) => {
        const bar = shown[i];
        if (bar) onPick?.(bar.id);
      }}
    />
  );
}
