import { useState } from 'react';
import { Alert, App, Button, Segmented, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { hasPermission, type OpOutput } from '../../../src-main/contract';
import { useCurrentSession } from '../currentSession';
import { PageHeader } from '../PageHeader';
import { routeHref } from '../routes';
import { useQuery } from '../useQuery';
import { ForbiddenPage } from './ForbiddenPage';
import { ASH_DISPOSITIONS, IssueDialog, RegisterAshesDialog, VoidDialog, type AshDisposition } from './cremation/LedgerDialogs';

type Entry = OpOutput<'cremation.ledger'>[number];
type Status = Entry['status'];

const STATUS: Record<Status, { label: string; color: string }> = {
  issued: { label: '已开具', color: 'processing' },
  registered: { label: '已登记去向', color: 'success' },
  voided: { label: '已作废', color: 'default' },
};

/** Certificates of unclaimed bodies (source: the body's WR number) follow the body record, not the ledger's commands. */
const fromBody = (e: Entry): boolean => e.bodyNumber !== null;

type Open = { kind: 'issue' } | { kind: 'ashes'; number: string } | { kind: 'void'; number: string } | null;

/** 火化证明台账: every cremation certificate this station issued, its ashes' destination, voided ones with the reason. */
export function CremationLedgerPage() {
  const { message } = App.useApp();
  const { status } = useCurrentSession();
  const role = status.user.role;
  const canEnter = hasPermission(role, 'funeral.waiver');
  const canVoid = hasPermission(role, 'funeral.review');
  const ledger = useQuery('cremation.ledger', {});
  const [filter, setFilter] = useState<Status | 'all'>('all');
  const [open, setOpen] = useState<Open>(null);

  if (!hasPermission(role, 'funeral.read')) return <ForbiddenPage area="火化证明台账" permission="funeral.read" />;

  const rows = (ledger.data ?? []).filter((e) => filter === 'all' || e.status === filter);
  const count = (s: Status): number => (ledger.data ?? []).filter((e) => e.status === s).length;

  const columns: TableColumnsType<Entry> = [
    { title: '火化证明编号', dataIndex: 'number', key: 'number', width: 170, render: (n: string) => <Typography.Text code>{n}</Typography.Text> },
    { title: '开具日期', dataIndex: 'issuedOn', key: 'issuedOn', width: 105 },
    { title: '逝者', dataIndex: 'deceasedName', key: 'name' },
    {
      title: '状态',
      key: 'status',
      width: 120,
      render: (_v, e) => {
        const tag = <Tag color={STATUS[e.status].color}>{STATUS[e.status].label}</Tag>;
        return e.voidReason ? <Tooltip title={`作废原因：${e.voidReason}`}>{tag}</Tooltip> : tag;
      },
    },
    {
      title: '骨灰去向',
      key: 'ashes',
      render: (_v, e) => {
        if (e.status === 'voided') return <Typography.Text type="secondary">作废：{e.voidReason}</Typography.Text>;
        const label = e.ashDisposition ? (ASH_DISPOSITIONS[e.ashDisposition as AshDisposition] ?? e.ashDisposition) : null;
        const where = [label, e.ashLocation].filter(Boolean).join(' · ');
        return where ? `${where}${e.registeredOn ? `（${e.registeredOn}）` : ''}` : '—';
      },
    },
    { title: '来源', dataIndex: 'source', key: 'source', width: 170 },
    {
      title: '操作',
      key: 'actions',
      width: 190,
      render: (_v, e) =>
        e.status !== 'issued' ? null : fromBody(e) ? (
          <Tooltip title="无人认领遗体的火化证明，骨灰去向随该遗体的认领或骨灰处置登记">
            <Typography.Text type="secondary">
              随遗体 <a href={routeHref('unclaimed')}>{e.bodyNumber}</a>
            </Typography.Text>
          </Tooltip>
        ) : (
          <Space size={4}>
            {canEnter && (
              <Button size="small" type="primary" onClick={() => setOpen({ kind: 'ashes', number: e.number })} data-testid={`ledger-ashes-${e.number}`}>
                登记骨灰去向
              </Button>
            )}
            {canVoid && (
              <Button size="small" danger onClick={() => setOpen({ kind: 'void', number: e.number })} data-testid={`ledger-void-${e.number}`}>
                作废
              </Button>
            )}
          </Space>
        ),
    },
  ];

  return (
    <div data-testid="cremation-ledger-page">
      <PageHeader
        title="火化证明台账"
        description="本馆开具的全部火化证明：无人认领遗体火化时自动开具；普通火化在此开具。骨灰去向登记后状态为“已登记去向”。"
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={ledger.reload}>
              刷新
            </Button>
            {canEnter && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen({ kind: 'issue' })} data-testid="ledger-issue">
                开具火化证明
              </Button>
            )}
          </Space>
        }
      />
      {ledger.error && <Alert type="error" showIcon title={ledger.error.message} style={{ marginBottom: 16 }} />}
      <Segmented<Status | 'all'>
        value={filter}
        onChange={setFilter}
        style={{ marginBottom: 12 }}
        options={[
          { value: 'all', label: `全部 ${ledger.data?.length ?? 0}` },
          ...(Object.keys(STATUS) as Status[]).map((s) => ({ value: s, label: `${STATUS[s].label} ${count(s)}` })),
        ]}
        data-testid="ledger-filter"
      />
      <Table<Entry>
        rowKey="number"
        size="small"
        loading={ledger.loading}
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 30, hideOnSinglePage: true }}
        locale={{ emptyText: '台账中没有火化证明' }}
        data-testid="cremation-ledger"
      />
      {open?.kind === 'issue' && (
        <IssueDialog
          today={status.today}
          onDone={(number) => {
            void message.success(`已开具火化证明 ${number}`);
            ledger.reload();
          }}
          onClosed={() => setOpen(null)}
        />
      )}
      {open?.kind === 'ashes' && (
        <RegisterAshesDialog
          number={open.number}
          today={status.today}
          onDone={() => {
            void message.success(`${open.number} 骨灰去向已登记`);
            ledger.reload();
          }}
          onClosed={() => setOpen(null)}
        />
      )}
      {open?.kind === 'void' && (
        <VoidDialog
          number={open.number}
          onDone={() => {
            void message.success(`${open.number} 已作废`);
            ledger.reload();
          }}
          onClosed={() => setOpen(null)}
        />
      )}
    </div>
  );
}
