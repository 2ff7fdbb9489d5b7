import type { HTMLAttributes, ReactNode } from 'react';
import { Button, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { CheckCircleOutlined, FileTextOutlined, PaperClipOutlined, RollbackOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { divorceHint, divorceStage, type DivorceStage } from '../home/counterDates';
import type { DivorceApplication } from './ApplyForm';

/** The page's tabs: an application past its window that the hourly check has not marked yet stays with 待发证. */
export type StageTab = Exclude<DivorceStage, 'overdue'>;

export const STAGE_TABS: { key: StageTab; label: string; empty: string }[] = [
  { key: 'cooling-off', label: '冷静期中', empty: '没有处于离婚冷静期的申请' },
  { key: 'awaiting', label: '待发证', empty: '没有冷静期已届满、等待双方到场领证的申请' },
  { key: 'withdrawn', label: '已撤回', empty: '没有撤回的申请' },
  { key: 'lapsed', label: '视为撤回', empty: '没有视为撤回的申请' },
  { key: 'registered', label: '已离婚', empty: '没有已登记离婚的申请' },
];

export function stageTab(a: DivorceApplication, today: string): StageTab {
  const stage = divorceStage(a, today);
  return stage === 'overdue' ? 'awaiting' : stage;
}

export type ApplicationAction = 'receipt' | 'withdraw' | 'withdrawal' | 'register' | 'certificates' | 'scans';

const ENDED_ON: Partial<Record<StageTab, string>> = { withdrawn: '撤回日期', lapsed: '视为撤回日期', registered: '登记日期' };

function Actions({ a, today, onAction }: { a: DivorceApplication; today: string; onAction: (action: ApplicationAction, a: DivorceApplication) => void }) {
  const stage = divorceStage(a, today);
  const button = (action: ApplicationAction, label: string, icon: ReactNode, disabledReason?: string) => {
    const b = (
      <Button
        size="small"
        type={action === 'register' ? 'primary' : 'default'}
        icon={icon}
        disabled={Boolean(disabledReason)}
        onClick={() => onAction(action, a)}
        data-testid={`divorce-${action}-${a.id}`}
      >
        {label}
      </Button>
    );
    return disabledReason ? (
      <Tooltip key={action} title={disabledReason}>
        <span data-testid={`divorce-${action}-${a.id}-disabled`}>{b}</span>
      </Tooltip>
    ) : (
      <span key={action}>{b}</span>
    );
  };
  const closed = `离婚冷静期已于 ${a.coolingOffEnds} 届满，不能再撤回`;
  const buttons = {
    'cooling-off': [
      button('receipt', '回执单', <FileTextOutlined />),
      button('withdraw', '撤回', <RollbackOutlined />),
    ],
    awaiting: [
      button('register', '登记', <CheckCircleOutlined />),
      button('receipt', '回执单', <FileTextOutlined />),
      button('withdraw', '撤回', <RollbackOutlined />, closed),
    ],
    overdue: [button('register', '登记', <CheckCircleOutlined />, `已超过领证期限 ${a.certificateDeadline}，申请视为撤回`)],
    withdrawn: [button('withdrawal', '撤回确认单', <FileTextOutlined />), button('receipt', '回执单', <FileTextOutlined />)],
    lapsed: [button('receipt', '回执单', <FileTextOutlined />)],
    registered: [button('certificates', '离婚证', <SafetyCertificateOutlined />)],
  }[stage];
  return (
    <Space size={4} wrap>
      {buttons}
      {a.attachments.length > 0 && button('scans', `扫描件 ${a.attachments.length}`, <PaperClipOutlined />)}
    </Space>
  );
}

interface ApplicationTableProps {
  tab: StageTab;
  applications: DivorceApplication[];
  today: string;
  loading: boolean;
  onAction: (action: ApplicationAction, a: DivorceApplication) => void;
}

/** One stage's applications with their dates, what today means for each, and what can be done. */
export function ApplicationTable({ tab, applications, today, loading, onAction }: ApplicationTableProps) {
  const rows = applications
    .filter((a) => stageTab(a, today) === tab)
    .sort((x, y) => (ENDED_ON[tab] ? (y.endedOn ?? '').localeCompare(x.endedOn ?? '') || y.id - x.id : x.certificateDeadline.localeCompare(y.certificateDeadline) || x.id - y.id));
  const ended = ENDED_ON[tab];
  const columns: TableColumnsType<DivorceApplication> = [
    { title: '申请编号', dataIndex: 'id', width: 90, render: (id: number) => `第 ${id} 号` },
    {
      title: '当事人 / 结婚证字号',
      key: 'names',
      width: 190,
      render: (_, a) => (
        <>
          <div>{a.names.join('、')}</div>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
            {a.marriageCertificateNumber}
          </Typography.Text>
        </>
      ),
    },
    { title: '收到申请', dataIndex: 'receivedOn', width: 104 },
    { title: '冷静期届满', dataIndex: 'coolingOffEnds', width: 104 },
    { title: '领证截止', dataIndex: 'certificateDeadline', width: 104 },
    ...(ended ? [{ title: ended, dataIndex: 'endedOn', width: 110 }] : []),
    ...(tab === 'registered'
      ? [{ title: '离婚证字号', dataIndex: 'certificateNumber', render: (n: string) => <span style={{ whiteSpace: 'nowrap' }}>{n}</span> }]
      : [
          {
            title: '今日提示',
            key: 'hint',
            width: 240,
            render: (_: unknown, a: DivorceApplication) => {
              const stage = divorceStage(a, today);
              return (
                <Typography.Text type={stage === 'awaiting' || stage === 'overdue' ? 'danger' : stage === 'cooling-off' ? undefined : 'secondary'} data-testid={`divorce-hint-${a.id}`}>
                  {divorceHint(a, today)}
                </Typography.Text>
              );
            },
          },
        ]),
    { title: '操作', key: 'actions', width: 280, render: (_, a) => <Actions a={a} today={today} onAction={onAction} /> },
  ];
  return (
    <div data-testid={`divorce-table-${tab}`}>
      <Table<DivorceApplication>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={rows.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: STAGE_TABS.find((t) => t.key === tab)?.empty }}
        onRow={(a) => ({ 'data-testid': `divorce-row-${a.id}` }) as HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
