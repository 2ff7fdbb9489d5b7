import { Card, Table, type TableColumnsType } from 'antd';
import { BOOKLET_KIND_LABELS, type OpOutput } from '../../../../src-main/contract';
import { formatDateTime } from '../../format';

type Batch = OpOutput<'booklets.ledger'>['batches'][number];

const count = (title: string, key: 'received' | 'used' | 'voided' | 'inStock') => ({ title, dataIndex: key, align: 'right' as const });

const columns: TableColumnsType<Batch> = [
  { title: '种类', dataIndex: 'kind', render: (_, batch) => BOOKLET_KIND_LABELS[batch.kind] },
  { title: '起止印制编号', key: 'range', render: (_, batch) => `${batch.first} – ${batch.last}` },
  { title: '领入时间', dataIndex: 'receivedAt', render: (_, batch) => formatDateTime(batch.receivedAt) },
  count('领入', 'received'),
  count('已用', 'used'),
  count('作废', 'voided'),
  count('库存', 'inStock'),
  { title: '备注', dataIndex: 'note', render: (_, batch) => batch.note ?? '—' },
];

/** Every batch received, by serial range, with what has become of it. */
export function BookletBatchesTable({ batches, loading }: { batches: Batch[]; loading: boolean }) {
  return (
    <Card title="领入批次" style={{ marginBottom: 16 }}>
      <Table<Batch>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={batches}
        loading={loading}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '尚未领入空白证书' }}
        data-testid="booklet-batches"
      />
    </Card>
  );
}
