/**
 * A bar chart of one indicator by town: a small React wrapper over ECharts (tree-shaken: bars, grid, tooltip and
 * the SVG renderer). Bars carry the rounded figures; clicking one opens that town's records.
 */
import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

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
  const ref = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    chart.on('click', (params) => {
      const bar = bars[params.dataIndex];
      if (bar) pick.current?.(bar.town);
    });
    chart.setOption({
      // Drawn at once: figures are read, not watched grow.
      animation: false,
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
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [bars, unit]);

  return <div ref={ref} style={{ width: '100%', height: 320 }} data-testid="indicator-chart" />;
}
