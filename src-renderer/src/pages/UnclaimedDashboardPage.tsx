import { Suspense, lazy, useMemo, useState } from 'react';
import { Alert, Card, Col, Empty, InputNumber, Progress, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { hasPermission, type OpOutput } from '../../../src-main/contract';
import { useCurrentSession } from '../currentSession';
import { PageHeader } from '../PageHeader';
import { routeHref } from '../routes';
import { useQuery } from '../useQuery';
import { ForbiddenPage } from './ForbiddenPage';
import { monthChartOption } from './unclaimed/dashboardChart';
import { STAGE_COLOR, STAGE_LABEL } from './unclaimed/stages';

// ECharts comes with this page only, in its own chunk.
const EChart = lazy(() => import('./statistics/EChart').then((m) => ({ default: m.EChart })));

type Dashboard = OpOutput<'unclaimed.dashboard'>;

function targetText(target: NonNullable<Dashboard['target']>): string {
  return `${target.exceed ? '超过' : '不低于'} ${target.percent}%`;
}

/** How many of the 1 January stock must go this year to meet the target. */
function needed(stock: number, target: NonNullable<Dashboard['target']>): number {
  const exact = (stock * target.percent) / 100;
  return target.exceed ? Math.floor(exact) + 1 : Math.ceil(exact);
}

function Progressing({ d }: { d: Dashboard }) {
  const ratio = d.ratio ?? 0;
  const met = d.target ? (d.target.exceed ? ratio > d.target.percent : ratio >= d.target.percent) : null;
  return (
    <Card title={`${d.year} 年处置进度`} size="small" data-testid="dashboard-progress">
      <Row gutter={16} align="middle">
        <Col span={8}>
          <div data-testid="dashboard-stock-jan1">
            <Statistic title="1 月 1 日存量" value={d.stockOnJanuary1} suffix="具" />
          </div>
        </Col>
        <Col span={8}>
          <div data-testid="dashboard-disposed">
            <Statistic title="其中本年已处置" value={d.disposedThisYear} suffix="具" />
          </div>
        </Col>
        <Col span={8}>
          <div data-testid="dashboard-target">
            <Statistic title="年度目标" value={d.target ? targetText(d.target) : '未设定'} styles={{ content: { fontSize: 20 } }} />
          </div>
        </Col>
      </Row>
      <div style={{ marginTop: 16 }}>
        <Progress
          percent={Math.min(100, Math.round(ratio * 10) / 10)}
          format={() => (d.ratio === null ? '无存量' : `${d.ratio.toFixed(1)}%`)}
          status={met === false ? 'active' : met ? 'success' : 'normal'}
          data-testid="dashboard-ratio"
        />
        <Typography.Text type={met === false ? 'warning' : met ? 'success' : 'secondary'} data-testid="dashboard-target-state">
          {d.ratio === null
            ? '1 月 1 日没有存量遗体'
            : d.target
              ? met
                ? `已达到年度目标（${targetText(d.target)}）`
                : `未达年度目标（${targetText(d.target)}）：须处置 ${needed(d.stockOnJanuary1, d.target)} 具，尚差 ${Math.max(0, needed(d.stockOnJanuary1, d.target) - d.disposedThisYear)} 具`
              : '本地政策未设定年度处置目标'}
        </Typography.Text>
      </div>
    </Card>
  );
}

/** 处置情况: the stock now, by stage, the longest stored, notices left without action, the year against its target. */
export function UnclaimedDashboardPage() {
  const { status } = useCurrentSession();
  const thisYear = Number(status.today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const q = useQuery('unclaimed.dashboard', { year });
  const d = q.data;
  const option = useMemo(() => (d ? monthChartOption(d) : null), [d]);

  if (!hasPermission(status.user.role, 'funeral.read')) return <ForbiddenPage area="无人认领遗体处置情况" permission="funeral.read" />;

  return (
    <div data-testid="unclaimed-dashboard-page">
      <PageHeader
        title="无人认领遗体处置情况"
        description={d ? `截至 ${d.today}` : undefined}
        extra={
          <Space>
            年度
            <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="dashboard-year" />
          </Space>
        }
      />
      {q.error && <Alert type="error" showIcon title={q.error.message} style={{ marginBottom: 16 }} />}
      {!d ? (
        <Spin style={{ display: 'block', margin: '48px auto' }} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={16}>
            <Col span={6}>
              <Card size="small">
                <div data-testid="dashboard-in-stock">
                  <Statistic title="当前在馆（未火化、未认领）" value={d.inStock} suffix="具" />
                </div>
              </Card>
            </Col>
            <Col span={18}>
              <Card size="small" title="按阶段" data-testid="dashboard-by-stage">
                <Space wrap size={[16, 8]}>
                  {d.byStage.map((s) => (
                    <span key={s.stage} data-testid={`dashboard-stage-${s.stage}`}>
                      <Tag color={STAGE_COLOR[s.stage]}>{STAGE_LABEL[s.stage]}</Tag>
                      <strong data-testid={`dashboard-stage-${s.stage}-count`}>{s.count}</strong> 具
                    </span>
                  ))}
                </Space>
              </Card>
            </Col>
          </Row>
          <Progressing d={d} />
          <Row gutter={16}>
            <Col span={12}>
              <Card size="small" title="在馆时间最长" data-testid="dashboard-longest">
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={d.longestStored}
                  locale={{ emptyText: '没有在馆遗体' }}
                  columns={[
                    { title: '编号', dataIndex: 'number', key: 'n', render: (n: string) => <a href={routeHref('unclaimed')}>{n}</a> },
                    { title: '姓名', dataIndex: 'name', key: 'name' },
                    { title: '在馆天数', dataIndex: 'days', key: 'd', align: 'right', render: (v: number) => <strong>{v}</strong> },
                  ]}
                />
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small" title={`公告期满未处理（${d.expiredWithoutAction.length}）`} data-testid="dashboard-expired">
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={d.expiredWithoutAction}
                  locale={{ emptyText: '没有期满未处理的公告' }}
                  columns={[
                    { title: '编号', dataIndex: 'number', key: 'n' },
                    { title: '姓名', dataIndex: 'name', key: 'name' },
                    { title: '公告至', dataIndex: 'noticeExpires', key: 'e' },
                    { title: '已过天数', dataIndex: 'daysSince', key: 's', align: 'right', render: (v: number) => <Typography.Text type="warning">{v}</Typography.Text> },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={`${d.year} 年各月接收与处置`}>
            {d.byMonth.length === 0 ? (
              <Empty description="本年没有记录" />
            ) : (
              <Suspense fallback={<Spin description="正在载入图表…" style={{ display: 'block', margin: '48px auto' }} />}>
                <EChart option={option!} height={280} label="各月接收与处置的遗体数" testId="dashboard-chart" />
              </Suspense>
            )}
          </Card>
        </Space>
      )}
    </div>
  );
}
