import { Button, Card, Col, Row, Space } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useCurrentSession } from '../../currentSession';
import { LoadFailed } from '../../LoadFailed';
import { PageHeader } from '../../PageHeader';
import { ROLE_WORK } from '../../roleWork';
import { ROUTES, routeHref, type RouteKey } from '../../routes';
import { useQuery } from '../../useQuery';
import { CaseSearch } from './CaseSearch';
import { CaseTable } from './CaseTable';
import { DivorceStages } from './DivorceStages';
import { DraftsCard } from './DraftsCard';

/** The pages of the registrar's work that exist, once each, in the order the work lists them. */
function quickLinks(): RouteKey[] {
  const routes = ROLE_WORK.registrar.flatMap((item) => (item.route ? [item.route] : []));
  return [...new Set(routes)];
}

/** 婚姻登记员's desk: search first, today's work, drafts to resume, and the divorce applications by stage. */
export function RegistrarHome() {
  const { user } = useCurrentSession().status;
  const overview = useQuery('counter.overview', {});
  const data = overview.data;
  const today = data?.today ?? '';
  const open = data?.divorces.filter((d) => d.status === 'received').length ?? 0;

  return (
    <div data-testid="home-page">
      <PageHeader
        title="首页"
        description={
          data
            ? `${user.displayName}，您好。今天是 ${today}：已办理 ${data.cases.length} 件，暂存 ${data.drafts.length} 件，离婚登记申请办理中 ${open} 件。`
            : `${user.displayName}，您好。`
        }
        extra={
          <Space wrap>
            {quickLinks().map((route, i) => (
              <Button key={route} type={i === 0 ? 'primary' : 'default'} href={routeHref(route)}>
                {ROUTES[route].title}
              </Button>
            ))}
            <Button icon={<ReloadOutlined />} onClick={overview.reload} loading={overview.loading && Boolean(data)} data-testid="home-reload">
              刷新
            </Button>
          </Space>
        }
      />
      <LoadFailed what="今日办理情况" error={overview.error} onRetry={overview.reload} />
      <Row gutter={[12, 12]}>
        <Col span={24}>
          <CaseSearch />
        </Col>
        <Col xs={24} xl={16}>
          <Card size="small" title={`今日办理（${data?.cases.length ?? 0}）`} style={{ height: '100%' }}>
            <CaseTable cases={data?.cases ?? []} loading={!data && overview.loading} emptyText="今天还没有办理的业务" testId="today-cases" />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <DraftsCard drafts={data?.drafts ?? []} loading={!data && overview.loading} onChanged={overview.reload} />
        </Col>
        <Col span={24}>
          <DivorceStages divorces={data?.divorces ?? []} today={today} loading={!data && overview.loading} />
        </Col>
      </Row>
    </div>
  );
}
