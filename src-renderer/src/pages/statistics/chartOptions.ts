import { STATS_MEASURES, type MarriageStatsView, type StatsMeasure } from '../../../../src-main/contract';
import type { ChartOption } from './echarts';

const MEASURE_COLORS: Record<StatsMeasure, string> = {
  marriages: '#d4380d',
  divorces: '#595959',
  reissues: '#1677ff',
  refusals: '#faad14',
};

/** Registrations per period: one bar per kind, 跨省通办 as a line over them. */
export function periodChartOption(stats: MarriageStatsView): ChartOption {
  const periods = stats.periods.map((p) => p.period);
  const many = periods.length > 45;
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28, containLabel: true },
    xAxis: {
      type: 'category',
      data: periods,
      axisLabel: { formatter: (v: string) => (stats.granularity === 'day' ? v.slice(5) : v), hideOverlap: true },
    },
    yAxis: { type: 'value', name: '件', minInterval: 1 },
    series: [
      ...(Object.keys(STATS_MEASURES) as StatsMeasure[]).map((key) => ({
        type: 'bar' as const,
        name: STATS_MEASURES[key],
        data: stats.periods.map((p) => p[key]),
        itemStyle: { color: MEASURE_COLORS[key] },
        barMaxWidth: 18,
        stack: many ? 'all' : undefined,
      })),
      {
        type: 'line' as const,
        name: '其中跨省通办',
        data: stats.periods.map((p) => p.crossProvince),
        itemStyle: { color: '#722ed1' },
        symbolSize: many ? 0 : 6,
      },
    ],
  };
}

/** 不予登记 by reason, longest bar on top. */
export function refusalChartOption(stats: MarriageStatsView): ChartOption {
  const rows = [...stats.refusalsByReason].reverse();
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.label) },
    series: [
      {
        type: 'bar',
        name: '不予登记',
        data: rows.map((r) => r.count),
        itemStyle: { color: MEASURE_COLORS.refusals },
        barMaxWidth: 20,
        label: { show: true, position: 'right' },
      },
    ],
  };
}
