import { useState, type HTMLAttributes } from 'react';
import { Button, Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { chineseDate, type OpOutput } from '../../../../src-main/contract';
import { formatDateTime } from '../../format';
import { ReviewConflictDialog } from './ReviewConflictDialog';

type Overview = OpOutput<'sync.overview'>;
type Unchecked = Overview['unchecked'][number];
type UncheckedWaiver = Overview['uncheckedWaivers'][number];
type Reviewing = { record: 'marriage' | 'funeral-waiver'; id: number; label: string; conflict: string };

const conflictCell = (conflict: string | null) =>
  conflict ? (
    <>
      <Tag color="error">冲突待复核</Tag>
      <Typography.Text type="danger">{conflict}</Typography.Text>
    </>
  ) : (
    <Tag color="processing">待平台复核</Tag>
  );

const marriageColumns = (review: (r: Reviewing) => void): TableColumnsType<Unchecked> => [
  { title: '结婚证字号', dataIndex: 'certificateNumber', render: (_, u) => <span style={{ fontFamily: 'ui-monospace, Consolas, monospace' }}>{u.certificateNumber}</span> },
  { title: '登记日期', dataIndex: 'registeredOn', render: (_, u) => chineseDate(u.registeredOn) },
  { title: '授权人', dataIndex: 'overrideBy', render: (_, u) => u.overrideBy ?? '—' },
  { title: '授权理由', dataIndex: 'reason', className: 'sync-table-wrap', render: (_, u) => u.reason ?? '—' },
  {
    title: '复核结果',
    dataIndex: 'conflict',
    className: 'sync-table-wrap',
    minWidth: 280,
    render: (_, u) => conflictCell(u.conflict),
  },
  {
    title: '操作',
    key: 'review',
    render: (_, u) =>
      u.conflict && (
        <Button size="small" onClick={() => review({ record: 'marriage', id: u.marriageId, label: u.certificateNumber, conflict: u.conflict! })} data-testid={`sync-review-${u.certificateNumber}`}>
          复核
        </Button>
      ),
  },
];

const waiverColumns = (review: (r: Reviewing) => void): TableColumnsType<UncheckedWaiver> => [
  { title: '减免编号', dataIndex: 'number' },
  { title: '录入时间', dataIndex: 'enteredAt', render: (_, w) => formatDateTime(w.enteredAt) },
  { title: '复核结果', dataIndex: 'conflict', className: 'sync-table-wrap', minWidth: 280, render: (_, w) => conflictCell(w.conflict) },
  {
    title: '操作',
    key: 'review',
    render: (_, w) =>
      w.conflict && (
        <Button size="small" onClick={() => review({ record: 'funeral-waiver', id: w.waiverId, label: w.number, conflict: w.conflict! })}>
          复核
        </Button>
      ),
  },
];

/** Conflicts first: they are what a supervisor has to act on; the rest only wait for the platform. */
function conflictsFirst(list: Unchecked[]): Unchecked[] {
  return [...list].sort((a, b) => Number(b.conflict !== null) - Number(a.conflict !== null));
}

/**
 * Registrations a supervisor authorized, and waivers entered, while the platform could not be reached:
 * until the re-check clears them, or a supervisor records their review of a conflict it found.
 */
export function UncheckedCard({ unchecked, uncheckedWaivers, onReviewed }: { unchecked: Unchecked[]; uncheckedWaivers: UncheckedWaiver[]; onReviewed: () => void }) {
  const [reviewing, setReviewing] = useState<Reviewing | null>(null);
  const conflicts = unchecked.filter((u) => u.conflict !== null).length + uncheckedWaivers.filter((w) => w.conflict !== null).length;
  return (
    <Card
      title={`未经平台核实的结婚登记（${unchecked.length}）`}
      extra={conflicts > 0 && <Tag color="error">{conflicts} 件冲突待复核</Tag>}
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph type="secondary">
        省级平台无法连接时，经审核员授权办理的结婚登记。平台恢复后自动复核双方婚姻状况：无冲突的从此处移除；发现冲突的标为“冲突待复核”，须审核员核实原始材料后处理。
      </Typography.Paragraph>
      <Table<Unchecked>
        rowKey="marriageId"
        size="small"
        columns={marriageColumns(setReviewing)}
        dataSource={conflictsFirst(unchecked)}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        className="sync-table"
        scroll={{ x: 1000 }}
        rowClassName={(u) => (u.conflict ? 'sync-conflict-row' : '')}
        onRow={(u) => ({ 'data-testid': `sync-unchecked-${u.certificateNumber}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: '没有待复核的登记' }}
        data-testid="sync-unchecked-table"
      />
      {uncheckedWaivers.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            未经平台查重的殡葬费用减免（{uncheckedWaivers.length}）
          </Typography.Title>
          <Table<UncheckedWaiver> rowKey="waiverId" size="small" columns={waiverColumns(setReviewing)} dataSource={uncheckedWaivers} pagination={{ pageSize: 20, hideOnSinglePage: true }} className="sync-table" />
        </>
      )}
      {reviewing && (
        <ReviewConflictDialog
          {...reviewing}
          onReviewed={() => {
            setReviewing(null);
            onReviewed();
          }}
          onClosed={() => setReviewing(null)}
        />
      )}
    </Card>
  );
}
