import { Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { OpOutput } from '../../../../src-main/contract';
import { SERIAL_PREFIX_LABELS, bySerialOrder } from './syncLabels';

type Overview = OpOutput<'sync.overview'>;
type Stock = Overview['serials'][number];

/**
 * The stock per prefix and year. This year's five prefixes are always listed: one without a block is
 * exactly the row a supervisor must see (no 字号 of that kind can be issued until the platform answers).
 */
function stockRows(overview: Overview, year: number): Stock[] {
  const rows = [...overview.serials];
  for (const prefix of Object.keys(SERIAL_PREFIX_LABELS)) {
    if (!rows.some((r) => r.prefix === prefix && r.year === year)) rows.push({ prefix, year, remaining: 0, blocks: 0 });
  }
  return rows.sort(bySerialOrder);
}

function columns(blockSize: number): TableColumnsType<Stock> {
  return [
    {
      title: '字号前缀',
      dataIndex: 'prefix',
      render: (_, s) => (
        <>
          <Tag style={{ fontFamily: 'ui-monospace, Consolas, monospace' }}>{s.prefix}</Tag>
          {SERIAL_PREFIX_LABELS[s.prefix] ?? ''}
        </>
      ),
    },
    { title: '年度', dataIndex: 'year' },
    {
      title: '未用字号',
      dataIndex: 'remaining',
      align: 'right',
      render: (_, s) => {
        if (s.remaining === 0) return <Typography.Text type="danger">无可用字号</Typography.Text>;
        // The sync service tops a stock up below half a block; still low means it could not reach the platform.
        return <Typography.Text type={s.remaining * 2 < blockSize ? 'warning' : undefined}>{s.remaining} 个</Typography.Text>;
      },
    },
    { title: '号段数', dataIndex: 'blocks', align: 'right' },
  ];
}

/** 证书字号号段: the serials the platform leased to this station and not yet used. */
export function SerialStockCard({ overview, year }: { overview: Overview; year: number }) {
  return (
    <Card title="证书字号号段" style={{ marginBottom: 16 }} data-testid="sync-serials">
      {overview.configured ? (
        <>
          <Typography.Paragraph type="secondary">
            接入省级平台后，证书字号从平台分配给本工作站的号段中依次取用，每次领取 {overview.blockSize} 个；不足半个号段时自动补领。
          </Typography.Paragraph>
          <Table<Stock>
            rowKey={(s) => `${s.prefix}-${s.year}`}
            size="small"
            columns={columns(overview.blockSize)}
            dataSource={stockRows(overview, year)}
            pagination={false}
            data-testid="sync-serials-table"
          />
        </>
      ) : (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          单机模式：证书字号由本工作站自行按年编号。接入省级平台后改为从平台分配的号段中取用。
        </Typography.Paragraph>
      )}
    </Card>
  );
}
