import type { HTMLAttributes } from 'react';
import { Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { chineseDate, type OpOutput } from '../../../../src-main/contract';

type Unchecked = OpOutput<'sync.overview'>['unchecked'][number];

const columns: TableColumnsType<Unchecked> = [
  { title: '结婚证字号', dataIndex: 'certificateNumber', render: (_, u) => <span style={{ fontFamily: 'ui-monospace, Consolas, monospace' }}>{u.certificateNumber}</span> },
  { title: '登记日期', dataIndex: 'registeredOn', render: (_, u) => chineseDate(u.registeredOn) },
  { title: '授权人', dataIndex: 'overrideBy', render: (_, u) => u.overrideBy ?? '—' },
  { title: '授权理由', dataIndex: 'reason', className: 'sync-table-wrap', render: (_, u) => u.reason ?? '—' },
  {
    title: '复核结果',
    dataIndex: 'conflict',
    className: 'sync-table-wrap',
    minWidth: 280,
    render: (_, u) =>
      u.conflict ? (
        <>
          <Tag color="error">冲突待复核</Tag>
          <Typography.Text type="danger">{u.conflict}</Typography.Text>
        </>
      ) : (
        <Tag color="processing">待平台复核</Tag>
      ),
  },
];

/** Conflicts first: they are what a supervisor has to act on; the rest only wait for the platform. */
function conflictsFirst(list: Unchecked[]): Unchecked[] {
  return [...list].sort((a, b) => Number(b.conflict !== null) - Number(a.conflict !== null));
}

/** Registrations a supervisor authorized while the platform could not be reached, until the re-check clears them. */
export function UncheckedCard({ unchecked }: { unchecked: Unchecked[] }) {
  const conflicts = unchecked.filter((u) => u.conflict !== null).length;
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
        columns={columns}
        dataSource={conflictsFirst(unchecked)}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        className="sync-table"
        scroll={{ x: 1000 }}
        rowClassName={(u) => (u.conflict ? 'sync-conflict-row' : '')}
        onRow={(u) => ({ 'data-testid': `sync-unchecked-${u.certificateNumber}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: '没有待复核的登记' }}
        data-testid="sync-unchecked-table"
      />
    </Card>
  );
}
