import { Table, Typography, type TableColumnsType } from 'antd';
import { STATS_MEASURES, type MarriageStatsView, type StatsMeasure, type StatsPeriodView } from '../../../../src-main/contract';

const MEASURE_KEYS = Object.keys(STATS_MEASURES) as StatsMeasure[];

/** The figures behind the chart, one row per period, with the totals underneath. */
export function StatsTable({ stats, loading }: { stats: MarriageStatsView; loading: boolean }) {
  const columns: TableColumnsType<StatsPeriodView> = [
    { title: stats.granularity === 'day' ? '日期' : '月份', dataIndex: 'period', width: 130 },
    ...MEASURE_KEYS.map((key) => ({ title: STATS_MEASURES[key], dataIndex: key, align: 'right' as const })),
    { title: '其中跨省通办', dataIndex: 'crossProvince', align: 'right' },
  ];
  const total = (key: StatsMeasure | 'crossProvince'): number => stats.periods.reduce((t, p) => t + p[key], 0);

  return (
    <Table<StatsPeriodView>
      rowKey="period"
      size="small"
      columns={columns}
      dataSource={stats.periods}
      loading={loading}
      pagination={stats.periods.length > 31 ? { pageSize: 31, showSizeChanger: false, size: 'small' } : false}
      data-testid="stats-table"
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>合计</Typography.Text>
            </Table.Summary.Cell>
            {[...MEASURE_KEYS, 'crossProvince' as const].map((key, i) => (
              <Table.Summary.Cell key={key} index={i + 1} align="right">
                <Typography.Text strong>{total(key)}</Typography.Text>
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
