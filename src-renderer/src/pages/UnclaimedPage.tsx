import { useMemo, useState } from 'react';
import { Alert, App, Button, Descriptions, Space, Table, Tabs, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { hasPermission, type BodyStage } from '../../../src-main/contract';
import { call } from '../api/client';
import { useCurrentSession } from '../currentSession';
import { asAppError } from '../formErrors';
import { PageHeader } from '../PageHeader';
import { useQuery } from '../useQuery';
import { ForbiddenPage } from './ForbiddenPage';
import { altLabel, useAltShortcut } from './marriage/useAltShortcut';
import { ClaimDialog, CremateDialog, DisposeDialog, NoticeDialog, PoliceDialog, PrintNoticeDialog } from './unclaimed/ActionDialogs';
import { IntakeDrawer } from './unclaimed/IntakeDrawer';
import { ACTION_LABEL, STAGE_COLOR, STAGE_LABEL, STAGE_TABS, claimable, nextAction, noticeExpired, type Body, type BodyAction } from './unclaimed/stages';

type Open = { action: Exclude<BodyAction, 'approve'>; body: Body } | null;

function BodyDetails({ body }: { body: Body }) {
  const items = [
    { key: 'unit', label: '送交单位', children: body.deliveringUnit },
    { key: 'id', label: '身份证件号码', children: body.idNumberMasked ?? '—' },
    { key: 'sex', label: '性别', children: { male: '男', female: '女', unknown: '不详' }[body.sex] },
    { key: 'notice', label: '认尸公告', children: body.noticeStart ? `${body.noticeStart} 至 ${body.noticeExpires ?? ''}` : '未发布' },
    { key: 'police', label: '公安确认', children: body.policeConfirmedOn ? `${body.policeConfirmedBy ?? ''} ${body.policeConfirmedOn}` : '—' },
    { key: 'approved', label: '批准火化', children: body.approvedOn ? `${body.approvedBy ?? ''} ${body.approvedOn}` : '—' },
    { key: 'cremated', label: '火化', children: body.crematedOn ? `${body.crematedOn}，火化证明 ${body.cremationCertificateNumber ?? ''}` : '—' },
    { key: 'ash', label: '骨灰寄存', children: body.ashLocation ? `${body.ashLocation}，保存至 ${body.ashRetainUntil ?? ''}` : '—' },
    { key: 'end', label: '结果', children: body.outcome ? `${body.endedOn ?? ''} ${body.outcome}` : '—' },
  ];
  return <Descriptions size="small" column={3} items={items} data-testid={`body-details-${body.number}`} />;
}

/** 无人认领遗体: every body from intake to disposal, by stage, with the stage's next step. */
export function UnclaimedPage() {
  const { message, modal } = App.useApp();
  const { status } = useCurrentSession();
  const role = status.user.role;
  const today = status.today;
  const canEnter = hasPermission(role, 'funeral.waiver');
  const canReview = hasPermission(role, 'funeral.review');
  const list = useQuery('unclaimed.list', {});
  const [tab, setTab] = useState<BodyStage | null>(null);
  const [intake, setIntake] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  useAltShortcut('N', () => setIntake(true), canEnter && !intake && !open);

  const bodies = useMemo(() => list.data ?? [], [list.data]);
  const counts = useMemo(() => {
    const c = Object.fromEntries(STAGE_TABS.map((t) => [t.stage, 0])) as Record<BodyStage, number>;
    for (const b of bodies) c[b.stage] += 1;
    return c;
  }, [bodies]);
  // Until a tab is chosen: the reviewer's work (approvals) or the first stage with bodies in it.
  const firstBusy = canReview && !canEnter ? (['awaiting-approval', 'cremated'] as BodyStage[]).find((s) => counts[s] > 0) : STAGE_TABS.find((t) => counts[t.stage] > 0)?.stage;
  const current = tab ?? firstBusy ?? 'stored';

  if (!hasPermission(role, 'funeral.read')) return <ForbiddenPage area="无人认领遗体" permission="funeral.read" />;

  const done = (verb: string) => (body: Body) => {
    void message.success(`${body.number} ${verb}`);
    list.reload();
  };

  const approve = (body: Body): void => {
    modal.confirm({
      title: `批准 ${body.number} 火化处置？`,
      content: (
        <div>
          <p>
            {body.name}，{body.intakeDate} 接收，认尸公告 {body.noticeStart} 至 {body.noticeExpires} 期满无人认领；
            {body.policeConfirmedBy} 于 {body.policeConfirmedOn} 确认。
          </p>
          <p>批准后殡仪馆可予火化。</p>
        </div>
      ),
      okText: '批准火化',
      cancelText: '取消',
      okButtonProps: { 'data-testid': 'approve-confirm' },
      onOk: async () => {
        try {
          const updated = await call('unclaimed.approve', { id: body.id });
          done('已批准火化')(updated);
        } catch (err) {
          void message.error({ content: asAppError(err).message, duration: 8 });
        }
      },
    });
  };

  const run = (action: BodyAction, body: Body): void => {
    if (action === 'approve') approve(body);
    else setOpen({ action, body });
  };

  const actionButton = (body: Body) => {
    const next = nextAction(body, today);
    const mine = next && ((next.by === 'funeral' && canEnter) || (next.by === 'reviewer' && canReview));
    return (
      <Space size={4} wrap>
        {next && mine && (
          <Button size="small" type="primary" onClick={() => run(next.action, body)} data-testid={`action-${next.action}-${body.number}`}>
            {ACTION_LABEL[next.action]}
          </Button>
        )}
        {next && !mine && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            待{next.by === 'reviewer' ? '审核员' : '殡仪馆'}{ACTION_LABEL[next.action]}
          </Typography.Text>
        )}
        {next?.action !== 'print' && canEnter && body.noticeStart && claimable(body) && (body.stage === 'notice' || body.stage === 'awaiting-approval') && (
          <Button size="small" onClick={() => setOpen({ action: 'print', body })} data-testid={`action-print-${body.number}`}>
            公告
          </Button>
        )}
        {canEnter && claimable(body) && (
          <Button size="small" onClick={() => setOpen({ action: 'claim', body })} data-testid={`action-claim-${body.number}`}>
            亲属认领
          </Button>
        )}
      </Space>
    );
  };

  const columns: TableColumnsType<Body> = [
    { title: '编号', dataIndex: 'number', key: 'number', width: 150, render: (n: string) => <Typography.Text code>{n}</Typography.Text> },
    { title: '接收日期', dataIndex: 'intakeDate', key: 'intake', width: 105 },
    {
      title: '姓名',
      key: 'name',
      render: (_v, b) => (
        <span>
          {b.name}
          {!b.identityKnown && (
            <Tag style={{ marginInlineStart: 6 }} color="default">
              身份不明
            </Tag>
          )}
        </span>
      ),
    },
    { title: '存放位置', key: 'loc', width: 130, render: (_v, b) => (b.stage === 'cremated' || b.stage === 'ashes-disposed' ? (b.ashLocation ?? '—') : b.storageLocation) },
    {
      title: '在馆天数',
      dataIndex: 'daysInStorage',
      key: 'days',
      width: 90,
      align: 'right',
      sorter: (a, b) => a.daysInStorage - b.daysInStorage,
      render: (d: number, b) => (b.stage === 'stored' || b.stage === 'notice' || b.stage === 'awaiting-approval' || b.stage === 'approved' ? <strong>{d}</strong> : <Typography.Text type="secondary">{d}</Typography.Text>),
    },
    {
      title: current === 'cremated' ? '骨灰保存至' : '公告至',
      key: 'until',
      width: 150,
      render: (_v, b) => {
        if (current === 'cremated') return b.ashRetainUntil ?? '—';
        if (!b.noticeExpires) return '—';
        const waiting = b.stage === 'notice' && noticeExpired(b, today);
        return (
          <Tooltip title={waiting ? '公告已期满，尚未登记公安机关确认' : undefined}>
            <Typography.Text type={waiting ? 'warning' : undefined} data-testid={`notice-expires-${b.number}`}>
              {b.noticeExpires}
              {waiting && ' 已期满'}
            </Typography.Text>
          </Tooltip>
        );
      },
    },
    ...(current === 'ashes-disposed' || current === 'claimed'
      ? [{ title: '结果', key: 'outcome', render: (_v: unknown, b: Body) => `${b.endedOn ?? ''} ${b.outcome ?? ''}` }]
      : [{ title: '下一步', key: 'action', width: 240, render: (_v: unknown, b: Body) => actionButton(b) }]),
  ];

  const dialogProps = open && {
    body: open.body,
    today,
    onClosed: () => setOpen(null),
  };

  return (
    <div data-testid="unclaimed-page">
      <PageHeader
        title="无人认领遗体"
        description="从接收、认尸公告、公安确认、审批、火化到骨灰处置；亲属可在骨灰处置前任何阶段认领。"
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={list.reload}>
              刷新
            </Button>
            {canEnter && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setIntake(true)} aria-keyshortcuts="Alt+N" data-testid="intake-open">
                {altLabel('接收登记', 'N')}
              </Button>
            )}
          </Space>
        }
      />
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      <Tabs
        activeKey={current}
        onChange={(k) => setTab(k as BodyStage)}
        data-testid="unclaimed-tabs"
        items={STAGE_TABS.map((t) => ({
          key: t.stage,
          label: (
            <span data-testid={`tab-${t.stage}`}>
              {t.label} <Tag color={counts[t.stage] > 0 ? STAGE_COLOR[t.stage] : 'default'}>{counts[t.stage]}</Tag>
            </span>
          ),
        }))}
      />
      <Table<Body>
        rowKey="id"
        size="small"
        loading={list.loading}
        columns={columns}
        dataSource={bodies.filter((b) => b.stage === current)}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        expandable={{ expandedRowRender: (b) => <BodyDetails body={b} /> }}
        locale={{ emptyText: `没有${STAGE_LABEL[current]}的遗体` }}
        data-testid="unclaimed-list"
      />
      {intake && (
        <IntakeDrawer
          today={today}
          onClose={() => setIntake(false)}
          onSaved={(body) => {
            setIntake(false);
            setTab('stored');
            done('已登记接收')(body);
          }}
        />
      )}
      {dialogProps && open.action === 'notice' && (
        <NoticeDialog
          {...dialogProps}
          onDone={(body) => {
            done(`认尸公告已登记，公告至 ${body.noticeExpires ?? ''}`)(body);
            setTab(body.stage);
            // Straight on to printing the notice.
            setTimeout(() => setOpen({ action: 'print', body }), 0);
          }}
        />
      )}
      {dialogProps && open.action === 'print' && <PrintNoticeDialog body={open.body} onClosed={() => setOpen(null)} />}
      {dialogProps && open.action === 'police' && <PoliceDialog {...dialogProps} onDone={done('已登记公安确认')} />}
      {dialogProps && open.action === 'cremate' && (
        <CremateDialog
          {...dialogProps}
          onDone={(body) => {
            list.reload();
            modal.success({
              title: `${body.number} 已登记火化`,
              content: (
                <div data-testid="cremation-result">
                  火化证明编号 <Typography.Text strong copyable data-testid="cremation-certificate-number">{body.cremationCertificateNumber}</Typography.Text>
                  <br />
                  骨灰寄存于 {body.ashLocation}，保存至 {body.ashRetainUntil}
                </div>
              ),
              okText: '知道了',
            });
          }}
        />
      )}
      {dialogProps && open.action === 'dispose' && <DisposeDialog {...dialogProps} onDone={done('骨灰处置已登记')} />}
      {dialogProps && open.action === 'claim' && <ClaimDialog {...dialogProps} onDone={done('已由亲属认领')} />}
    </div>
  );
}
