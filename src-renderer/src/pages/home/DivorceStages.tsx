import { useState } from 'react';
import { Card, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { STAGE_COLORS, STAGE_LABELS, STAGE_ORDER, divorceHint, divorceStage, type DivorceApplication, type DivorceStage } from './counterDates';

type Filter = 'open' | DivorceStage | 'all';

interface Row extends DivorceApplication {
  stage: DivorceStage;
}

/** 离婚登记申请 by stage: the cooling-off end, the certificate deadline, and what today means for each. */
export function DivorceStages({ divorces, today, loading }: { divorces: DivorceApplication[]; today: string; loading: boolean }) {
  const rows: Row[] = divorces
    .map((a) => ({ ...a, stage: divorceStage(a, today) }))
    .sort((x, y) => STAGE_ORDER.indexOf(x.stage) - STAGE_ORDER.indexOf(y.stage) || x.certificateDeadline.localeCompare(y.certificateDeadline));
  const count = (stage: DivorceStage): number => rows.filter((r) => r.stage === stage).length;
  const open = rows.filter((r) => r.status === 'received');
  const [filter, setFilter] = useState<Filter>('open');
  const inFilter = (r: Row): boolean => {
    if (filter === 'all') return true;
    if (filter === 'open') return r.status === 'received';
    // An application past its window but not yet marked by the hourly check is shown with those awaiting.
    return r.stage === filter || (filter === 'awaiting' && r.stage === 'overdue');
  };
  const shown = rows.filter(inFilter);

  const columns: TableColumnsType<Row> = [
    { title: '申请编号', dataIndex: 'id', width: 84, render: (id: number) => `第 ${id} 号` },
    {
      title: '阶段',
      dataIndex: 'stage',
      width: 88,
      render: (_, r) => <Tag color={STAGE_COLORS[r.stage]}>{STAGE_LABELS[r.stage]}</Tag>,
    },
    { title: '当事人', dataIndex: 'names', render: (_, r) => r.names.join('、') },
    { title: '结婚证字号', dataIndex: 'marriageCertificateNumber', render: (n: string) => <span style={{ whiteSpace: 'nowrap' }}>{n}</span> },
    { title: '受理日期', dataIndex: 'receivedOn', width: 104 },
    { title: '冷静期至', dataIndex: 'coolingOffEnds', width: 104 },
    { title: '领证截止', dataIndex: 'certificateDeadline', width: 104 },
    {
      title: '今日提示',
      key: 'hint',
      render: (_, r) => (
        <Typography.Text type={r.stage === 'awaiting' || r.stage === 'overdue' ? 'danger' : r.status === 'received' ? undefined : 'secondary'}>
          {divorceHint(r, today)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title="离婚登记申请"
      extra={
        <Segmented<Filter>
          size="small"
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'open', label: `办理中 ${open.length}` },
            { value: 'awaiting', label: `待领证 ${count('awaiting') + count('overdue')}` },
            { value: 'cooling-off', label: `冷静期 ${count('cooling-off')}` },
            { value: 'all', label: `含近 30 日结束 ${rows.length}` },
          ]}
          data-testid="divorce-stage-filter"
        />
      }
      data-testid="divorce-stages"
    >
      <Table<Row>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={shown}
        loading={loading}
        pagination={shown.length > 15 ? { pageSize: 15, size: 'small', showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: filter === 'open' ? '没有办理中的离婚登记申请' : '没有符合的申请' }}
      />
    </Card>
  );
}
