import { Card, Table, Tag, type TableColumnsType } from 'antd';
import { BOOKLET_KIND_LABELS, type OpOutput } from '../../../../src-main/contract';
import { formatDateTime } from '../../format';

type Outgoing = OpOutput<'booklets.ledger'>['recent'][number];

const columns: TableColumnsType<Outgoing> = [
  { title: '印制编号', dataIndex: 'serial' },
  { title: '种类', dataIndex: 'kind', render: (_, booklet) => BOOKLET_KIND_LABELS[booklet.kind] },
  {
    title: '去向',
    dataIndex: 'outcome',
    render: (_, booklet) => (booklet.outcome === 'used' ? <Tag color="blue">已用</Tag> : <Tag color="red">作废</Tag>),
  },
  {
    title: '文书编号 / 作废原因',
    key: 'detail',
    render: (_, booklet) => (booklet.outcome === 'used' ? booklet.documentKey : booklet.reason),
  },
  { title: '时间', dataIndex: 'at', render: (_, booklet) => formatDateTime(booklet.at) },
];

/** The 50 booklets that most recently left stock: printed on, or voided. */
export function RecentBookletsTable({ recent, loading }: { recent: Outgoing[]; loading: boolean }) {
  return (
    <Card title="最近出库（最新 50 本）">
      <Table<Outgoing>
        rowKey="serial"
        size="small"
        columns={columns}
        dataSource={recent}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '尚无已用或作废的证书' }}
        data-testid="booklet-recent"
      />
    </Card>
  );
}
