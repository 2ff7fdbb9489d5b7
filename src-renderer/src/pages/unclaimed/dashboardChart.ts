import type { OpOutput } from '../../../../src-main/contract';
import type { ChartOption } from '../statistics/echarts';

type Dashboard = OpOutput<'unclaimed.dashboard'>;

/** Intake and disposals per month of the year: two bars side by side. */
export function monthChartOption(d: Dashboard): ChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 32, right: 16, top: 36, bottom: 24, containLabel: true },
    xAxis: { type: 'category', data: d.byMonth.map((m) => m.month), axisLabel: { formatter: (v: string) => `${Number(v.slice(5))}月` } },
    yAxis: { type: 'value', name: '具', minInterval: 1 },
    series: [
      { type: 'bar', name: '接收', data: d.byMonth.map((m) => m.intake), itemStyle: { color: '#1677ff' }, barMaxWidth: 22 },
      { type: 'bar', name: '处置（火化或认领）', data: d.byMonth.map((m) => m.disposed), itemStyle: { color: '#52c41a' }, barMaxWidth: 22 },
    ],
  };
}
