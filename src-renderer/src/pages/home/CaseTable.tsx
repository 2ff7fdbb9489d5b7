import { Button, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import type { OpOutput } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { routeHrefWith } from '../../useHashRoute';
import { useRevealIdNumber } from '../../useRevealIdNumber';

export type CaseView = OpOutput<'counter.search'>[number];

const KIND_LABELS: Record<CaseView['kind'], { label: string; color: string }> = {
  marriage: { label: '结婚登记', color: 'red' },
  divorce: { label: '离婚登记', color: 'purple' },
  refusal: { label: '不予登记', color: 'orange' },
  reissue: { label: '补发证件', color: 'cyan' },
};

const lines = (values: string[], className?: string) => (
  <span className={className}>
    {values.map((v, i) => (
      <div key={i}>{v || '—'}</div>
    ))}
  </span>
);

interface CaseTableProps {
  cases: CaseView[];
  loading?: boolean;
  /** Today's list leaves the date out; search results show it. */
  showDate?: boolean;
  /** Search results offer 补领 for a registration's certificate. */
  showActions?: boolean;
  emptyText: string;
  testId: string;
}

/** Registrations, applications, refusals and reissues: one row each, ID numbers masked as the server sends them. */
export function CaseTable({ cases, loading, showDate = false, showActions = false, emptyText, testId }: CaseTableProps) {
  const reveal = useRevealIdNumber();
  const masked = (c: CaseView) =>
    c.idNumbersMasked.map((id, index) => (
      <div key={index} style={{ whiteSpace: 'nowrap' }}>
        <span style={{ fontFamily: 'ui-monospace, Consolas, monospace' }}>{id || '—'}</span>
        {id && (
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined />}
            aria-label={`查看${c.names[index]}的完整证件号码`}
            title="查看完整证件号码（记入审计日志）"
            onClick={() =>
              reveal({ who: c.names[index], fetch: async () => (await call('counter.revealIdNumber', { kind: c.kind, id: c.id, index })).idNumber })
            }
          />
        )}
      </div>
    ));
  const columns: TableColumnsType<CaseView> = [
    {
      title: '类别',
      dataIndex: 'kind',
      width: 96,
      render: (_, c) => <Tag color={KIND_LABELS[c.kind].color}>{KIND_LABELS[c.kind].label}</Tag>,
    },
    ...(showDate ? [{ title: '日期', dataIndex: 'date', width: 104 }] : []),
    {
      title: '字号',
      dataIndex: 'certificateNumber',
      render: (_, c) =>
        c.certificateNumber ? (
          <Typography.Text copyable={{ text: c.certificateNumber, tooltips: ['复制字号', '已复制'] }} style={{ whiteSpace: 'nowrap', fontFamily: 'ui-monospace, Consolas, monospace' }}>
            {c.certificateNumber}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    { title: '当事人', dataIndex: 'names', render: (_, c) => lines(c.names) },
    {
      title: '证件号',
      dataIndex: 'idNumbersMasked',
      render: (_, c) => masked(c),
    },
    { title: '状态', dataIndex: 'status' },
    ...(showActions
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 72,
            render: (_: unknown, c: CaseView) =>
              c.certificateNumber && /^[JL]/.test(c.certificateNumber) ? (
                <a href={routeHrefWith('reissue', { original: c.certificateNumber })} title={`补领 ${c.certificateNumber}`}>
                  补领
                </a>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Table<CaseView>
      rowKey={(c) => `${c.kind}:${c.id}`}
      size="small"
      columns={columns}
      dataSource={cases}
      loading={loading}
      pagination={cases.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText }}
      data-testid={testId}
    />
  );
}
