/**
 * Targets against actuals at a glance: one horizontal bar per indicator with a target, its progress in per cent of
 * the target (capped at 150 for the drawing only; the table shows the figure), with the 100 % line marked and the
 * bars of met targets in green.
 */
import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

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
  const ref = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    const shown = [...bars].reverse();
    chart.on('click', (params) => {
      const bar = shown[params.dataIndex];
      if (bar) pick.current?.(bar.id);
    });
    chart.setOption({
      animation: false,
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
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [bars]);
  return (
    <div
      ref={ref}
      style={{ width: '100%', height: Math.max(160, 28 * bars.length + 40) }}
      data-testid="indicator-progress-chart"
    />
  );
}
