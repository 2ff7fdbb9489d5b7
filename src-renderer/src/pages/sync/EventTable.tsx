import type { HTMLAttributes, ReactNode } from 'react';
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { OUTBOX_STATUS_LABELS, type OutboxEventView } from '../../../../src-main/contract';
import { formatDateTime } from '../../format';
import { STATUS_COLORS, eventLabel } from './syncLabels';

type Columns = TableColumnsType<OutboxEventView>;

const mono = { fontFamily: 'ui-monospace, Consolas, monospace' };

const identity: Columns = [
  { title: '编号', dataIndex: 'id' },
  // The code in the hover title: it is what the platform's staff will ask for.
  { title: '事件', dataIndex: 'eventType', render: (_, e) => <span title={e.eventType}>{eventLabel(e.eventType)}</span> },
  { title: '记录', dataIndex: 'recordId', render: (_, e) => <span style={mono}>{e.recordId}</span> },
  { title: '产生时间', dataIndex: 'createdAt', render: (_, e) => formatDateTime(e.createdAt) },
];

const attempts: Columns[number] = { title: '发送次数', dataIndex: 'attempts', align: 'right' };
const rejectCode: Columns[number] = { title: '退回代码', dataIndex: 'rejectCode', render: (_, e) => <span style={mono}>{e.rejectCode ?? '—'}</span> };

const COLUMNS: Record<'parked' | 'held' | 'history', Columns> = {
  parked: [...identity, attempts, rejectCode],
  held: identity,
  history: [
    ...identity,
    { title: '状态', dataIndex: 'status', render: (_, e) => <Tag color={STATUS_COLORS[e.status]}>{OUTBOX_STATUS_LABELS[e.status]}</Tag> },
    attempts,
    { title: '送达时间', dataIndex: 'deliveredAt', render: (_, e) => (e.deliveredAt ? formatDateTime(e.deliveredAt) : '—') },
    // Kept on a row that was later resent or replaced: why it came back is part of its history.
    rejectCode,
  ],
};

/** The platform's reason, on its own line under its event: it is long, and it is what the supervisor acts on. */
function RejectReason({ event }: { event: OutboxEventView }) {
  return (
    <Typography.Text type={event.status === 'parked' ? 'danger' : 'secondary'}>
      省级平台说明的原因：{event.rejectReason ?? '（平台未说明）'}
    </Typography.Text>
  );
}

interface EventTableProps {
  kind: keyof typeof COLUMNS;
  events: OutboxEventView[];
  loading: boolean;
  emptyText: string;
  testId: string;
  /** Each row's data-testid is this prefix and the event's number. */
  rowTestId?: string;
  /** The buttons of a row, in a last column. */
  actions?: (event: OutboxEventView) => ReactNode;
}

/** Outbox events as a supervisor reads them: which record, when, and what became of it. */
export function EventTable({ kind, events, loading, emptyText, testId, rowTestId, actions }: EventTableProps) {
  const columns: Columns = actions ? [...COLUMNS[kind], { title: '操作', key: 'actions', render: (_, e) => actions(e) }] : COLUMNS[kind];
  const rejected = events.filter((e) => e.rejectCode !== null);
  return (
    <Table<OutboxEventView>
      rowKey="id"
      size="small"
      className="sync-table"
      columns={columns}
      dataSource={events}
      loading={loading}
      // The history pages itself (加载更多); the lists to work through page here.
      pagination={kind === 'history' ? false : { pageSize: 20, hideOnSinglePage: true }}
      // Short columns only, so the table fits beside the menu; a narrow window scrolls it sideways.
      scroll={{ x: true }}
      expandable={{
        expandedRowKeys: rejected.map((e) => e.id),
        rowExpandable: (e) => e.rejectCode !== null,
        expandedRowRender: (e) => <RejectReason event={e} />,
        showExpandColumn: false,
      }}
      locale={{ emptyText }}
      onRow={rowTestId ? (e) => ({ 'data-testid': `${rowTestId}${e.id}` }) as HTMLAttributes<HTMLElement> : undefined}
      data-testid={testId}
    />
  );
}
