import { Suspense, lazy, useMemo, useState } from 'react';
import { Alert, Card, Col, Empty, Row, Spin } from 'antd';
import { STATS_GRANULARITY_LABELS, hasPermission, type StatsGranularity } from '../../../src-main/contract';
import { call } from '../api/client';
import { useCurrentSession } from '../currentSession';
import { LoadFailed } from '../LoadFailed';
import { PageHeader } from '../PageHeader';
import { useQuery } from '../useQuery';
import { ForbiddenPage } from './ForbiddenPage';
import { periodChartOption, refusalChartOption } from './statistics/chartOptions';
import { StatsSummary } from './statistics/StatsSummary';
import { StatsTable } from './statistics/StatsTable';
import { StatsToolbar, type DateRange } from './statistics/StatsToolbar';
import { useXlsxExport } from './statistics/useXlsxExport';

// ECharts is loaded with this page only, in its own chunk: the counter's screens never pay for it.
const EChart = lazy(() => import('./statistics/EChart').then((m) => ({ default: m.EChart })));

/** 婚姻登记统计: registrations by day or month, 跨省通办, 不予登记 by reason; exported as Excel. */
export function StatisticsPage() {
  const { status } = useCurrentSession();
  // No range chosen yet: the server takes this month to date by the station's clock, and says which.
  const [chosen, setChosen] = useState<DateRange | null>(null);
  const [granularity, setGranularity] = useState<StatsGranularity>('day');
  const input = chosen ? { from: chosen[0], to: chosen[1], granularity } : { granularity };
  const stats = useQuery('stats.marriage', input);
  // 导出 Excel: the same range and granularity as on screen.
  const { exporting, exportXlsx } = useXlsxExport();
  const data = stats.data;
  const range: DateRange | null = chosen ?? (data ? [data.from, data.to] : null);

  const periodOption = useMemo(() => (data ? periodChartOption(data) : null), [data]);
  const refusalOption = useMemo(() => (data ? refusalChartOption(data) : null), [data]);

  if (!hasPermission(status.user.role, 'statistics.read') || stats.error?.code === 'FORBIDDEN') {
    return <ForbiddenPage area="婚姻登记统计" permission="statistics.read" serverMessage={stats.error?.message} />;
  }

  const rangeRefused = stats.error?.code === 'VALIDATION';
  return (
    <div data-testid="statistics-page">
      <PageHeader
        title="婚姻登记统计"
        description={`${status.station.officeName}：结婚登记、离婚登记、补发证件和不予登记的件数，跨省通办占比，不予登记的原因。`}
      />
      <StatsToolbar
        range={range}
        today={data?.today ?? null}
        granularity={granularity}
        onRange={setChosen}
        onGranularity={setGranularity}
        onExport={() => range && void exportXlsx(() => call('stats.export', { from: range[0], to: range[1], granularity }))}
        exporting={exporting}
      />
      {rangeRefused ? (
        <Alert type="warning" showIcon title={stats.error!.message} style={{ marginBottom: 16 }} data-testid="stats-range-error" />
      ) : (
        <LoadFailed what="统计数据" error={stats.error} onRetry={stats.reload} />
      )}
      {!data ? (
        !stats.error && <Spin description="正在统计…" style={{ display: 'block', margin: '48px auto' }} />
      ) : (
        <>
          <StatsSummary stats={data} />
          <Suspense fallback={<Spin description="正在载入图表…" style={{ display: 'block', margin: '48px auto' }} />}>
            <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
              <Col xs={24} xl={16}>
                <Card size="small" title={`登记件数（${data.from} 至 ${data.to}，${STATS_GRANULARITY_LABELS[data.granularity]}）`}>
                  <EChart option={periodOption!} height={320} label="按期间的婚姻登记件数" testId="stats-chart" />
                </Card>
              </Col>
              <Col xs={24} xl={8}>
                <Card size="small" title="不予登记原因">
                  {data.totals.refusals === 0 ? (
                    <div style={{ height: 320, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
                      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本期间没有不予登记" />
                    </div>
                  ) : (
                    <EChart option={refusalOption!} height={320} label="不予登记原因及件数" testId="stats-refusal-chart" />
                  )}
                </Card>
              </Col>
            </Row>
          </Suspense>
          <StatsTable stats={data} loading={stats.loading} />
        </>
      )}
    </div>
  );
}
