import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, LockOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { hasPermission, type OpOutput } from '../../../src-main/contract';
import { call } from '../api/client';
import { useCurrentSession } from '../currentSession';
import { formatDateTime } from '../format';
import { asAppError } from '../formErrors';
import { PageHeader } from '../PageHeader';
import { useQuery } from '../useQuery';
import { ForbiddenPage } from './ForbiddenPage';
import { formatFen } from './funeral/money';
import { WaiverTable } from './funeral/WaiverTable';
import { DocumentActions } from './marriage/DocumentActions';
import { useXlsxExport } from './statistics/useXlsxExport';

type Settlement = OpOutput<'funeral.settlement'>;
type Reversal = Settlement['reversals'][number];

/** A row of the statement: an item of the month's waivers, or a reversal (冲销) with its amounts negative. */
interface StatementRow {
  key: string;
  label: ReactNode;
  quantity: number | null;
  claimed: number;
  waived: number;
}

function reversalLabel(r: Reversal): ReactNode {
  return (
    <div data-testid={`settlement-reversal-${r.waiverNumber}`}>
      <Tag color="red">冲销</Tag>
      减免 {r.waiverNumber}（{r.deceasedName}，原计入 {r.originalMonth} 结算{r.replacedBy ? `，由 ${r.replacedBy} 替代` : ''}）
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          更正原因：{r.reason}
        </Typography.Text>
      </div>
    </div>
  );
}

function statementRows(s: Settlement): StatementRow[] {
  return [
    ...s.items.map((i) => ({ key: i.itemId, label: i.label, quantity: i.quantity, claimed: i.claimed, waived: i.waived })),
    ...s.reversals.map((r) => ({ key: `reversal-${r.id}`, label: reversalLabel(r), quantity: null, claimed: r.totalClaimed, waived: r.totalWaived })),
  ];
}

/** Negative amounts (reversals) in red, as the paper statement's 冲销 rows. */
function amount(fen: number): ReactNode {
  return fen < 0 ? <Typography.Text type="danger">{formatFen(fen)}</Typography.Text> : formatFen(fen);
}

const STATUS = { open: { label: '未提交', color: 'warning' }, closed: { label: '已提交', color: 'success' } } as const;

function SettlementSummary({ settlement }: { settlement: Settlement }) {
  const s = settlement;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 3 }}
      data-testid="settlement-summary"
      items={[
        { key: 'home', label: '殡仪馆', children: s.funeralHome },
        { key: 'month', label: '结算月份', children: s.month },
        {
          key: 'status',
          label: '状态',
          children: (
            <span data-testid="settlement-status">
              <Tag color={STATUS[s.status].color}>{STATUS[s.status].label}</Tag>
              {s.closedAt && (
                <Typography.Text type="secondary">
                  {s.closedBy ?? ''} {formatDateTime(s.closedAt)} 提交
                </Typography.Text>
              )}
            </span>
          ),
        },
        { key: 'count', label: '减免件数', children: <span data-testid="settlement-count">{s.waivers} 件</span> },
        { key: 'claimed', label: '实际收费合计', children: formatFen(s.totalClaimed) },
        {
          key: 'waived',
          label: '减免金额合计',
          children: (
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="settlement-total">
              {formatFen(s.totalWaived)}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

/** The month's items, then its reversals (冲销, negative), then the net totals. */
function ItemsTable({ settlement }: { settlement: Settlement }) {
  const rows = statementRows(settlement);
  const reversals = settlement.reversals.length ? `，冲销 ${settlement.reversals.length} 笔` : '';
  return (
    <Table<StatementRow>
      rowKey="key"
      size="small"
      style={{ marginTop: 16 }}
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: '本月没有审核通过的减免' }}
      data-testid="settlement-items"
      columns={[
        { title: '服务项目', dataIndex: 'label', key: 'label' },
        { title: '数量', dataIndex: 'quantity', key: 'quantity', align: 'right', width: 100 },
        { title: '实际收费', dataIndex: 'claimed', key: 'claimed', align: 'right', width: 160, render: amount },
        { title: '减免金额', dataIndex: 'waived', key: 'waived', align: 'right', width: 160, render: amount },
      ]}
      summary={() =>
        rows.length > 0 && (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>
                合计（{settlement.waivers} 件{reversals}）
              </strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} />
            <Table.Summary.Cell index={2} align="right">
              <strong>{amount(settlement.totalClaimed)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <strong>{amount(settlement.totalWaived)}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )
      }
    />
  );
}

/** 月度结算: each funeral home's approved waivers of a month, as the bureau pays them; submitted, the month is closed. */
export function FuneralSettlementPage() {
  const { message, modal } = App.useApp();
  const { status } = useCurrentSession();
  const role = status.user.role;
  const canClose = hasPermission(role, 'funeral.review');
  const waivers = useQuery('funeral.waivers', {});
  const [chosenMonth, setChosenMonth] = useState<string | null>(null);
  const [chosenHome, setChosenHome] = useState<string | null>(null);
  const { exporting, exportXlsx } = useXlsxExport();
  const printers = useQuery('print.printers', {});

  // Until one is chosen: the latest month with approved waivers, else the station's month. A waiver has a
  // settlement month once approved, and keeps it when superseded (it was settled there).
  const approved = (waivers.data ?? []).filter((w) => w.settlementMonth !== null);
  const months = [...new Set(approved.map((w) => w.settlementMonth).filter((m): m is string => Boolean(m)))].sort().reverse();
  const month = chosenMonth ?? months[0] ?? status.today.slice(0, 7);
  const homes = [...new Set([status.station.officeName, ...approved.map((w) => w.funeralHome)])];
  const funeralHome = chosenHome ?? status.station.officeName;
  const key = { funeralHome, month };
  const settlement = useQuery('funeral.settlement', key);
  const monthWaivers = useQuery('funeral.waivers', { month });

  if (!hasPermission(role, 'funeral.read')) return <ForbiddenPage area="月度结算" permission="funeral.read" />;

  const s = settlement.data && settlement.data.month === month && settlement.data.funeralHome === funeralHome ? settlement.data : null;

  const closeMonth = (): void => {
    modal.confirm({
      title: `提交 ${funeralHome} ${month} 的结算？`,
      content: `共 ${s?.waivers ?? 0} 件${s?.reversals.length ? `、冲销 ${s.reversals.length} 笔` : ''}，减免金额合计 ${formatFen(s?.totalWaived ?? 0)}。提交后该月结算关闭，不能再更改；此后对该月减免的更正在未提交的月份中冲销。`,
      okText: '提交结算',
      cancelText: '取消',
      okButtonProps: { danger: true, 'data-testid': 'settlement-close-confirm' },
      onOk: async () => {
        try {
          await call('funeral.closeMonth', key);
          void message.success(`${month} 结算已提交`);
          settlement.reload();
        } catch (err) {
          void message.error(asAppError(err).message);
        }
      },
    });
  };

  return (
    <div data-testid="funeral-settlement-page">
      <PageHeader
        title="月度结算"
        description={
          canClose
            ? '按月汇总殡仪馆审核通过的减免，核对后提交结算；提交后该月关闭，不能再更改。'
            : '按月查看本馆审核通过的减免汇总。结算由民政部门审核员提交。'
        }
      />
      <Card>
        <Space wrap size={[16, 12]} style={{ marginBottom: 16 }}>
          <Space>
            <span>结算月份</span>
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              onChange={(v) => v && setChosenMonth(v.format('YYYY-MM'))}
              data-testid="settlement-month"
            />
          </Space>
          {homes.length > 1 && (
            <Space>
              <span>殡仪馆</span>
              <Select value={funeralHome} onChange={setChosenHome} options={homes.map((h) => ({ value: h, label: h }))} style={{ minWidth: 220 }} />
            </Space>
          )}
          {months.length > 0 && (
            <Space size={4}>
              <Typography.Text type="secondary">有减免的月份：</Typography.Text>
              {months.slice(0, 6).map((m) => (
                <Tag.CheckableTag key={m} checked={m === month} onChange={() => setChosenMonth(m)}>
                  {m}
                </Tag.CheckableTag>
              ))}
            </Space>
          )}
        </Space>
        {settlement.error && <Alert type="error" showIcon title={settlement.error.message} style={{ marginBottom: 12 }} />}
        {s && (
          <>
            <SettlementSummary settlement={s} />
            <ItemsTable settlement={s} />
            <Space wrap style={{ marginTop: 16 }} align="start">
              {canClose && (
                <Button type="primary" danger icon={<LockOutlined />} disabled={s.status === 'closed'} onClick={closeMonth} data-testid="settlement-close">
                  {s.status === 'closed' ? '已提交结算' : '提交结算'}
                </Button>
              )}
              <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx(() => call('funeral.settlementExport', key))} data-testid="settlement-export">
                导出 Excel
              </Button>
              <DocumentActions
                name="结算汇总表"
                printers={printers.data}
                testId="settlement-document"
                load={() => call('funeral.document', { document: 'settlement-statement', key: `${funeralHome}|${month}` })}
              />
            </Space>
          </>
        )}
      </Card>
      <Card title={`${month} 计入结算的减免`} style={{ marginTop: 16 }}>
        <WaiverTable
          waivers={(monthWaivers.data ?? []).filter((w) => w.funeralHome === funeralHome)}
          loading={monthWaivers.loading}
          testId="settlement-waivers"
          empty="本月没有审核通过的减免"
        />
      </Card>
    </div>
  );
}
