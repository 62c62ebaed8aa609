/** A bar chart of one indicator by town; bars carry the rounded figures, and clicking one opens that town. */
import { useMemo } from 'react';
import { EChart } from '../../../ui/echart.tsx';

export interface TownBar {
  town: string;
  name: string;
  value: number | null;
}

export function TownBarChart({
  bars,
  unit,
  onPick,
}: {
  bars: readonly TownBar[];
  unit: string;
  onPick?: (town: string) => void;
}) {
  const option = useMemo(
    () => ({
      grid: { left: 48, right: 16, top: 24, bottom: 72 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)} ${unit}` },
      xAxis: { type: 'category', data: bars.map((b) => b.name), axisLabel: { rotate: 45, interval: 0 } },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'bar',
          barMaxWidth: 48,
          data: bars.map((b) => b.value),
          itemStyle: { color: '#1677ff' },
          cursor: 'pointer',
        },
      ],
    }),
    [bars, unit],
  );
  return (
    <EChart
      option={option}
      height={320}
      testId="indicator-chart"
      onPick={(i) => {
        const bar = bars[i];
        if (bar) onPick?.(bar.town);
      }}
    />
  );
}
