import { useState } from 'react';
import { Alert, App, Button, Card, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { CheckOutlined, StopOutlined, WalletOutlined } from '@ant-design/icons';
import { BURIAL_TYPE_LABELS, ECO_BURIAL_STATUSES, type AppError } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { asAppError } from '../../formErrors';
import { formatFen } from '../funeral/money';
import { ECO_STATUS_ORDER, type EcoBurialStatus, type EcoBurialSubsidy } from './ecoBurialForm';
import { PayDialog, RejectDialog } from './ReviewDialogs';

interface SubsidyListProps {
  items: EcoBurialSubsidy[] | null;
  loading: boolean;
  error: AppError | null;
  /** The reviewer approves, refuses and records payments; the others read. */
  canReview: boolean;
  today: string;
  onChanged: () => void;
}

function statusDetail(s: EcoBurialSubsidy) {
  if (s.status === 'rejected') return <Typography.Text type="danger">{s.rejectReason ?? '（未说明原因）'}</Typography.Text>;
  if (s.status === 'paid')
    return (
      <span>
        {s.paidOn} 发放
        <br />
        <Typography.Text type="secondary">凭证 {s.paymentReference}</Typography.Text>
      </span>
    );
  if (s.status === 'approved') return <Typography.Text type="secondary">{s.reviewedBy ? `${s.reviewedBy} 批准` : '已批准'}</Typography.Text>;
  return <Typography.Text type="secondary">—</Typography.Text>;
}

/** The bureau's eco-burial subsidies by status, each tab with its count and total; the reviewer's actions on each row. */
export function SubsidyList({ items, loading, error, canReview, today, onChanged }: SubsidyListProps) {
  const { message } = App.useApp();
  const [tab, setTab] = useState<EcoBurialStatus>('pending');
  const [approving, setApproving] = useState<number | null>(null);
  const [rejecting, setRejecting] = useState<EcoBurialSubsidy | null>(null);
  const [paying, setPaying] = useState<EcoBurialSubsidy | null>(null);

  const all = items ?? [];
  const of = (status: EcoBurialStatus) => all.filter((s) => s.status === status);
  const total = (list: EcoBurialSubsidy[]) => list.reduce((sum, s) => sum + s.amount, 0);
  const shown = of(tab);

  const done = (text: string): void => {
    void message.success(text);
    onChanged();
  };
  const approve = async (s: EcoBurialSubsidy): Promise<void> => {
    setApproving(s.id);
    try {
      const result = await call('ecoBurial.review', { id: s.id, decision: 'approve' });
      done(`已批准 ${result.number}：${formatFen(result.amount)}，待登记发放`);
    } catch (err) {
      void message.error(asAppError(err).message);
    } finally {
      setApproving(null);
    }
  };

  const columns: TableColumnsType<EcoBurialSubsidy> = [
    { title: '申请编号', dataIndex: 'number', key: 'number', width: 150, render: (n: string) => <Typography.Text code>{n}</Typography.Text> },
    { title: '逝者', dataIndex: 'deceasedName', key: 'name', width: 90 },
    { title: '证件号码', dataIndex: 'idNumberMasked', key: 'id', width: 175, render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
    { title: '死亡日期', dataIndex: 'dateOfDeath', key: 'death', width: 105 },
    {
      title: '安葬',
      key: 'burial',
      width: 120,
      render: (_v, s) => (
        <span>
          {BURIAL_TYPE_LABELS[s.burialType]}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.burialDate}
          </Typography.Text>
        </span>
      ),
    },
    { title: '申请人', dataIndex: 'applicantName', key: 'applicant', width: 90 },
    {
      title: '奖补金额',
      key: 'amount',
      align: 'right',
      width: 130,
      render: (_v, s) => (
        <span>
          <strong>{formatFen(s.amount)}</strong>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.reason}
          </Typography.Text>
        </span>
      ),
    },
    { title: '受理日期', dataIndex: 'appliedOn', key: 'applied', width: 105 },
    { title: tab === 'rejected' ? '原因' : tab === 'paid' ? '发放' : '审核', key: 'detail', width: 170, render: (_v, s) => statusDetail(s) },
  ];
  if (canReview && (tab === 'pending' || tab === 'approved')) {
    columns.push({
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_v, s) =>
        s.status === 'pending' ? (
          <Space size={4}>
            <Button size="small" type="primary" icon={<CheckOutlined />} loading={approving === s.id} onClick={() => void approve(s)} data-testid={`eco-approve-${s.id}`}>
              批准
            </Button>
            <Button size="small" danger icon={<StopOutlined />} onClick={() => setRejecting(s)} data-testid={`eco-reject-${s.id}`}>
              不予补贴
            </Button>
          </Space>
        ) : (
          <Button size="small" type="primary" icon={<WalletOutlined />} onClick={() => setPaying(s)} data-testid={`eco-pay-${s.id}`}>
            登记发放
          </Button>
        ),
    });
  }

  const shownTotal = total(shown);
  return (
    <Card title="本局生态安葬奖补" style={{ marginTop: 24 }} data-testid="eco-list-card">
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as EcoBurialStatus)}
        items={ECO_STATUS_ORDER.map((status) => {
          const list = of(status);
          return {
            key: status,
            label: (
              <span data-testid={`eco-tab-${status}`}>
                {ECO_BURIAL_STATUSES[status]}
                <Tag style={{ marginInlineStart: 6 }} bordered={false}>
                  {list.length}
                </Tag>
              </span>
            ),
          };
        })}
      />
      <div style={{ marginBottom: 8 }} data-testid="eco-total">
        {ECO_BURIAL_STATUSES[tab]}共 <strong>{shown.length}</strong> 件，奖补金额合计 <strong>{formatFen(shownTotal)}</strong>
      </div>
      <Table<EcoBurialSubsidy>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: `没有${ECO_BURIAL_STATUSES[tab]}的申请` }}
        summary={
          shown.length > 1
            ? () => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={6}>
                    合计 {shown.length} 件
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={6} align="right">
                    <strong>{formatFen(shownTotal)}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={7} colSpan={columns.length - 7} />
                </Table.Summary.Row>
              )
            : undefined
        }
        data-testid="eco-list"
      />
      {rejecting && <RejectDialog subsidy={rejecting} onDone={done} onClosed={() => setRejecting(null)} />}
      {paying && <PayDialog subsidy={paying} today={today} onDone={done} onClosed={() => setPaying(null)} />}
    </Card>
  );
}
