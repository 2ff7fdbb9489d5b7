import type { ReactNode } from 'react';
import { Segmented, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { WAIVER_STATUSES } from '../../../../src-main/contract';
import dayjs from 'dayjs';
import { formatFen } from './money';
import { WAIVER_STATUS_COLORS, type WaiverSummary } from './waiverForm';

export type StatusFilter = WaiverSummary['status'] | 'all';

export function StatusFilterBar({ value, onChange }: { value: StatusFilter; onChange: (value: StatusFilter) => void }) {
  return (
    <Segmented<StatusFilter>
      value={value}
      onChange={onChange}
      options={[
        { value: 'pending', label: WAIVER_STATUSES.pending },
        { value: 'rejected', label: WAIVER_STATUSES.rejected },
        { value: 'approved', label: WAIVER_STATUSES.approved },
        { value: 'superseded', label: WAIVER_STATUSES.superseded },
        { value: 'all', label: '全部' },
      ]}
      data-testid="waiver-status-filter"
    />
  );
}

export function StatusTag({ waiver }: { waiver: Pick<WaiverSummary, 'status' | 'rejectReason'> }) {
  const tag = <Tag color={WAIVER_STATUS_COLORS[waiver.status]}>{WAIVER_STATUSES[waiver.status]}</Tag>;
  return waiver.status === 'rejected' && waiver.rejectReason ? <Tooltip title={`退回原因：${waiver.rejectReason}`}>{tag}</Tooltip> : tag;
}

interface WaiverTableProps {
  waivers: WaiverSummary[] | null;
  loading: boolean;
  /** The row's buttons, if any. */
  actions?: (waiver: WaiverSummary) => ReactNode;
  testId: string;
  empty: string;
  onOpen?: (waiver: WaiverSummary) => void;
}

/** Waivers with their amounts and status; ID numbers masked. */
export function WaiverTable({ waivers, loading, actions, testId, empty, onOpen }: WaiverTableProps) {
  const columns: TableColumnsType<WaiverSummary> = [
    { title: '减免编号', dataIndex: 'number', key: 'number', width: 150, render: (n: string) => <Typography.Text code>{n}</Typography.Text> },
    { title: '逝者', dataIndex: 'deceasedName', key: 'name', width: 90 },
    { title: '证件号码', dataIndex: 'idNumberMasked', key: 'id', width: 175, render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
    { title: '死亡日期', dataIndex: 'dateOfDeath', key: 'death', width: 105 },
    { title: '实际收费', dataIndex: 'totalClaimed', key: 'claimed', align: 'right', width: 115, render: (v: number) => formatFen(v) },
    { title: '减免金额', dataIndex: 'totalWaived', key: 'waived', align: 'right', width: 115, render: (v: number) => <strong>{formatFen(v)}</strong> },
    {
      title: '状态',
      key: 'status',
      width: 140,
      render: (_v, w) => (
        <div>
          <StatusTag waiver={w} />
          {w.status === 'rejected' && w.rejectReason && (
            <div>
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {w.rejectReason}
              </Typography.Text>
            </div>
          )}
          {w.settlementMonth && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                计入 {w.settlementMonth} 结算
              </Typography.Text>
            </div>
          )}
          {w.replacesNumber && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                更正 {w.replacesNumber}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      title: '录入',
      key: 'entered',
      width: 120,
      render: (_v, w) => (
        <div style={{ fontSize: 12 }}>
          {w.enteredBy ?? '—'}
          <div>
            <Typography.Text type="secondary">{dayjs(w.enteredAt).format('MM-DD HH:mm')}</Typography.Text>
          </div>
        </div>
      ),
    },
  ];
  if (actions) columns.push({ title: '操作', key: 'actions', fixed: 'right', render: (_v, w) => actions(w) });
  return (
    <Table<WaiverSummary>
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={waivers ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: empty }}
      onRow={onOpen ? (w) => ({ onDoubleClick: () => onOpen(w) }) : undefined}
      data-testid={testId}
    />
  );
}
