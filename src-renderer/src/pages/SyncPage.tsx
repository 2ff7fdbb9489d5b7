import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, Row, Space, Spin } from 'antd';
import { CloudSyncOutlined, EditOutlined, RedoOutlined } from '@ant-design/icons';
import { hasPermission, type OutboxEventView } from '../../../src-main/contract';
import { call } from '../api/client';
import { useCurrentSession } from '../currentSession';
import { asAppError } from '../formErrors';
import { LoadFailed } from '../LoadFailed';
import { PageHeader } from '../PageHeader';
import { routeHref } from '../routes';
import { usePolling } from '../usePolling';
import { useQuery } from '../useQuery';
import { ForbiddenPage } from './ForbiddenPage';
import { CorrectMarriageDialog } from './sync/CorrectMarriageDialog';
import { EventTable } from './sync/EventTable';
import { SerialStockCard } from './sync/SerialStockCard';
import { SyncSummaryCard } from './sync/SyncSummaryCard';
import { UncheckedCard } from './sync/UncheckedCard';
import { useEventHistory } from './sync/useEventHistory';

/** The sync service works in the background: while this page is open it is read again this often. */
const REFRESH_MS = 5000;

function SyncDesk() {
  const { message, modal } = App.useApp();
  const { status, refresh: refreshSession } = useCurrentSession();
  const overview = useQuery('sync.overview', {});
  const parked = useQuery('sync.events', { status: 'parked', limit: 500 });
  const held = useQuery('sync.events', { status: 'held', limit: 500 });
  const history = useEventHistory();
  const [correcting, setCorrecting] = useState<OutboxEventView | null>(null);
  const [waking, setWaking] = useState(false);

  const { reload: reloadOverview } = overview;
  const { reload: reloadParked } = parked;
  const { reload: reloadHeld } = held;
  const { refresh: refreshHistory } = history;
  const refreshAll = useCallback(() => {
    reloadOverview();
    reloadParked();
    reloadHeld();
    void refreshHistory();
  }, [reloadOverview, reloadParked, reloadHeld, refreshHistory]);
  usePolling(refreshAll, REFRESH_MS);

  // The status bar polls every 15 s; when this page has just read newer figures, it catches up now.
  const shown = useRef(status.sync);
  useEffect(() => {
    shown.current = status.sync;
  });
  useEffect(() => {
    const o = overview.data;
    const s = shown.current;
    if (o && (o.online !== s.online || o.pending !== s.pending || o.blocked !== s.blocked || o.lastSuccessAt !== s.lastSuccessAt)) refreshSession();
  }, [overview.data, refreshSession]);

  const syncNow = async (): Promise<void> => {
    setWaking(true);
    try {
      await call('sync.wake', {});
      void message.info('已通知同步服务立即与省级平台交换数据');
      refreshAll();
    } catch (err) {
      void message.error(asAppError(err).message);
    } finally {
      setWaking(false);
    }
  };

  const retry = (event: OutboxEventView): void => {
    modal.confirm({
      title: `按原内容重新发送第 ${event.id} 号事件？`,
      content: '仅在省级平台一方的问题已经解决时使用（例如平台已补齐所缺的数据）。记录本身有误的，请先更正：更正后的记录会代替被退回的事件上报，无需重新发送。',
      okText: '重新发送',
      cancelText: '取消',
      okButtonProps: { 'data-testid': 'sync-retry-confirm' },
      onOk: async () => {
        try {
          await call('sync.retry', { id: event.id });
          void message.success(`第 ${event.id} 号事件已重新排入上报队列`);
          refreshAll();
        } catch (err) {
          void message.error(asAppError(err).message);
        }
      },
    });
  };

  const parkedActions = (event: OutboxEventView) => (
    <Space size={4}>
      <Button size="small" icon={<RedoOutlined />} onClick={() => retry(event)} data-testid={`sync-retry-${event.id}`}>
        重新发送
      </Button>
      {event.recordType === 'marriage' && (
        <Button size="small" type="primary" icon={<EditOutlined />} onClick={() => setCorrecting(event)} data-testid={`sync-correct-${event.id}`}>
          更正
        </Button>
      )}
    </Space>
  );

  const o = overview.data;
  const parkedEvents = parked.data?.events ?? [];
  const heldEvents = held.data?.events ?? [];
  return (
    <>
      <PageHeader
        title="数据同步"
        description="本工作站的登记记录按产生顺序逐条上报省级平台；被平台退回的记录须更正后上报或重新发送，排在其后的同一记录的事件随之等待。本页每 5 秒刷新。"
        extra={
          <Button type="primary" icon={<CloudSyncOutlined />} loading={waking} disabled={o ? !o.configured : true} onClick={() => void syncNow()} data-testid="sync-now">
            立即同步
          </Button>
        }
      />
      <LoadFailed what="同步状态" error={overview.error} onRetry={overview.reload} />
      {o && !o.configured && (
        <Alert
          type="info"
          showIcon
          title="本工作站未接入省级平台（单机模式）"
          description={
            <>
              登记照常办理，记录保存在本机并排队待上报，接入后按顺序补报。接入由管理员在
              {hasPermission(status.user.role, 'settings.manage') ? <a href={routeHref('settings')}>系统设置 → 省级平台连接</a> : '“系统设置 → 省级平台连接”'}
              中设置。
            </>
          }
          style={{ marginBottom: 16 }}
          data-testid="sync-standalone"
        />
      )}
      {!o && !overview.error && <Spin style={{ display: 'block', margin: '24px auto' }} />}
      {o && (
        <Row gutter={16}>
          <Col xs={24} xl={14}>
            <SyncSummaryCard overview={o} />
          </Col>
          <Col xs={24} xl={10}>
            <SerialStockCard overview={o} year={Number(status.today.slice(0, 4))} />
          </Col>
        </Row>
      )}
      <Card title={`被平台退回（${parkedEvents.length}${parked.data?.more ? '+' : ''}）`} style={{ marginBottom: 16 }}>
        <LoadFailed what="被退回的事件" error={parked.error} onRetry={parked.reload} />
        <EventTable
          kind="parked"
          events={parkedEvents}
          loading={!parked.data && !parked.error}
          emptyText="没有被退回的记录"
          testId="sync-parked-table"
          rowTestId="sync-parked-"
          actions={parkedActions}
        />
      </Card>
      <Card title={`等待前序事件（${heldEvents.length}${held.data?.more ? '+' : ''}）`} style={{ marginBottom: 16 }}>
        <LoadFailed what="等待中的事件" error={held.error} onRetry={held.reload} />
        <EventTable
          kind="held"
          events={heldEvents}
          loading={!held.data && !held.error}
          emptyText="没有等待中的记录"
          testId="sync-held-table"
          rowTestId="sync-held-"
        />
      </Card>
      {/* Only a linked station registers on a supervisor's authorization; a standalone one has nothing to show here. */}
      {o && (o.configured || o.unchecked.length > 0) && <UncheckedCard unchecked={o.unchecked} uncheckedWaivers={o.uncheckedWaivers} onReviewed={reloadOverview} />}
      <Card title="同步记录" style={{ marginBottom: 16 }}>
        <LoadFailed what="同步记录" error={history.error} onRetry={() => void history.refresh()} />
        <EventTable kind="history" events={history.events} loading={history.loading} emptyText="尚无同步记录" testId="sync-history-table" />
        {history.more && (
          <div style={{ textAlign: 'center', marginTop: 12 }}>
            <Button loading={history.loadingMore} onClick={() => void history.loadMore()} data-testid="sync-history-more">
              加载更多
            </Button>
          </div>
        )}
      </Card>
      {correcting && (
        <CorrectMarriageDialog
          certificateNumber={correcting.recordId}
          rejectReason={correcting.rejectReason}
          onCorrected={() => {
            refreshAll();
            refreshSession();
          }}
          onClosed={() => setCorrecting(null)}
        />
      )}
    </>
  );
}

/** 数据同步: what the station sent the provincial platform, what came back, and what waits for a person. */
export function SyncPage() {
  const { role } = useCurrentSession().status.user;
  if (!hasPermission(role, 'sync.manage')) return <ForbiddenPage area="数据同步" permission="sync.manage" />;
  return (
    <div data-testid="sync-page">
      <SyncDesk />
    </div>
  );
}
