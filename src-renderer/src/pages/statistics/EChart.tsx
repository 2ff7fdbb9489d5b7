import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts';

interface EChartProps {
  option: ChartOption;
  height: number;
  /** What the chart shows, for screen readers (the figures are in the table below it too). */
  label: string;
  testId?: string;
}

/** An ECharts canvas that follows its container's size and is disposed with the component. */
export function EChart({ option, height, label, testId }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas', locale: 'ZH' });
    chart.current = instance;
    // The sider collapsing or the window resizing changes the width without a window resize event.
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={container} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
