/**
 * One ECharts chart in React: drawn with the SVG renderer from an option object, redrawn when the option changes,
 * resized with the window and disposed on unmount; a click on a data item reports its index. ECharts is
 * tree-shaken: only the charts and components registered here are bundled.
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
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type EChartOption = echarts.EChartsCoreOption;

export function EChart({
  option,
  height,
  testId,
  onPick,
}: {
  /** Memoise it: a new object redraws the chart. */
  option: EChartOption;
  height: number;
  testId: string;
  onPick?: (dataIndex: number) => void;
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
    chart.on('click', (params) => pick.current?.(params.dataIndex));
    // Drawn at once: figures are read, not watched grow.
    chart.setOption({ animation: false, ...option });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
