import { useState } from 'react';
import { Alert, Badge, Button, Card, Drawer, Space, Tabs, Typography } from 'antd';
import { CalculatorOutlined, FileAddOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { hasPermission } from '../../../src-main/contract';
import { useCurrentSession } from '../currentSession';
import { LoadFailed } from '../LoadFailed';
import { PageHeader } from '../PageHeader';
import { useQuery } from '../useQuery';
import { ForbiddenPage } from './ForbiddenPage';
import { ApplicationTable, STAGE_TABS, stageTab, type ApplicationAction, type StageTab } from './divorce/ApplicationTable';
import { ApplyForm, type DivorceApplication } from './divorce/ApplyForm';
import { DateCalculator } from './divorce/DateCalculator';
import { ApplicationDocument, DocumentsDialog, type DivorceDocuments } from './divorce/DocumentsDialog';
import { PeriodDates } from './divorce/PeriodDates';
import { PrintersWarning, usePrintSetup, type PrintSetup } from './divorce/printSetup';
import { RegisterDialog } from './divorce/RegisterDialog';
import { ScansDialog } from './divorce/ScansDialog';
import { WithdrawDialog } from './divorce/WithdrawDialog';

type Tab = 'apply' | StageTab;

type Dialog =
  | { kind: 'withdraw' | 'register' | 'scans'; application: DivorceApplication }
  | { kind: 'documents'; documents: DivorceDocuments; application: DivorceApplication; notice?: string };

/** Received: the dates to tell the parties, and their 受理回执单. */
function Received({ application, setup, active, onNext }: { application: DivorceApplication; setup: PrintSetup; active: boolean; onNext: () => void }) {
  return (
    <div data-testid="divorce-received">
      <Alert
        type="success"
        showIcon
        title={`已受理离婚登记申请第 ${application.id} 号：${application.names.join('、')}（${application.marriageCertificateNumber}）`}
        description={application.attachments.length > 0 ? `附扫描件 ${application.attachments.length} 份` : '未附扫描件'}
        action={
          <Button type="primary" icon={<PlusOutlined />} onClick={onNext} autoFocus data-testid="divorce-apply-next">
            受理下一件
          </Button>
        }
        style={{ marginBottom: 16 }}
      />
      <PeriodDates periods={application} testId="divorce-received-dates" />
      <Card size="small" title="离婚登记申请受理回执单" style={{ marginTop: 16 }}>
        <PrintersWarning setup={setup} />
        <Typography.Paragraph type="secondary">交当事人收执：载明受理日期、离婚冷静期届满日和领证截止日，撤回或领证时须携带。</Typography.Paragraph>
        <ApplicationDocument documents="receipt" application={application} setup={setup} letter={active ? 'P' : undefined} />
      </Card>
    </div>
  );
}

/** 受理: the form, then what was received. A new generation starts the next application clean. */
function ApplyPanel({ setup, active, onApplied }: { setup: PrintSetup; active: boolean; onApplied: () => void }) {
  const [generation, setGeneration] = useState(0);
  const [received, setReceived] = useState<DivorceApplication | null>(null);
  if (received) {
    return (
      <Received
        application={received}
        setup={setup}
        active={active}
        onNext={() => {
          setReceived(null);
          setGeneration((g) => g + 1);
        }}
      />
    );
  }
  return (
    <ApplyForm
      key={generation}
      onApplied={(application) => {
        setReceived(application);
        onApplied();
      }}
    />
  );
}

function DivorceDesk() {
  const list = useQuery('divorce.list', {});
  // The station's date (its clock, not the browser's), for the stages and the days left.
  const { today } = useCurrentSession().status;
  const setup = usePrintSetup();
  const [tab, setTab] = useState<Tab>('apply');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [calculator, setCalculator] = useState(false);
  const applications = list.data ?? [];

  const reload = (): void => {
    list.reload();
  };

  const onAction = (action: ApplicationAction, application: DivorceApplication): void => {
    if (action === 'withdraw' || action === 'register' || action === 'scans') setDialog({ kind: action, application });
    else setDialog({ kind: 'documents', documents: action, application });
  };

  const count = (key: StageTab): number => applications.filter((a) => stageTab(a, today) === key).length;

  return (
    <>
      <PageHeader
        title="离婚登记"
        description="协议离婚：受理离婚登记申请，30 日离婚冷静期内任何一方可撤回；届满后 30 日内双方亲自到场登记、领取离婚证，逾期未申请的视为撤回。"
        extra={
          <Space>
            <Button icon={<CalculatorOutlined />} onClick={() => setCalculator(true)} data-testid="divorce-open-calculator">
              日期计算器
            </Button>
            <Button icon={<ReloadOutlined />} onClick={reload} loading={list.loading} data-testid="divorce-reload">
              刷新
            </Button>
          </Space>
        }
      />
      <LoadFailed what="离婚登记申请" error={list.error} onRetry={list.reload} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        items={[
          {
            key: 'apply',
            label: (
              <span data-testid="divorce-tab-apply">
                <FileAddOutlined /> 受理申请
              </span>
            ),
            children: <ApplyPanel setup={setup} active={tab === 'apply'} onApplied={reload} />,
          },
          ...STAGE_TABS.map((t) => ({
            key: t.key,
            label: (
              <span data-testid={`divorce-tab-${t.key}`}>
                {t.label} <Badge count={count(t.key)} showZero color={count(t.key) ? (t.key === 'awaiting' ? '#fa541c' : '#1677ff') : '#d9d9d9'} />
              </span>
            ),
            children: <ApplicationTable tab={t.key} applications={applications} today={today} loading={list.loading} onAction={onAction} />,
          })),
        ]}
      />
      <Drawer
        title="日期计算器：离婚冷静期和领证期限"
        open={calculator}
        size={560}
        onClose={() => setCalculator(false)}
        destroyOnHidden
        data-testid="divorce-calculator-drawer"
      >
        <DateCalculator stacked />
      </Drawer>
      {dialog?.kind === 'withdraw' && (
        <WithdrawDialog
          application={dialog.application}
          onWithdrawn={(application, party) => {
            reload();
            const by = application.names[party - 1];
            setDialog({
              kind: 'documents',
              documents: 'withdrawal',
              application,
              notice: `离婚登记申请第 ${application.id} 号已由${by}撤回（${application.endedOn}），本次离婚登记程序终止。请打印撤回离婚登记申请确认单交${by}收执。`,
            });
          }}
          onClosed={() => setDialog((d) => (d?.kind === 'withdraw' ? null : d))}
        />
      )}
      {dialog?.kind === 'register' && (
        <RegisterDialog
          application={dialog.application}
          onRegistered={(application) => {
            reload();
            setDialog({ kind: 'documents', documents: 'certificates', application, notice: `离婚登记完成：离婚证字号 ${application.certificateNumber}，登记日期 ${application.endedOn}。` });
          }}
          onClosed={() => setDialog((d) => (d?.kind === 'register' ? null : d))}
        />
      )}
      {dialog?.kind === 'scans' && <ScansDialog application={dialog.application} onClosed={() => setDialog(null)} />}
      {dialog?.kind === 'documents' && (
        <DocumentsDialog documents={dialog.documents} application={dialog.application} setup={setup} notice={dialog.notice} onClosed={() => setDialog(null)} />
      )}
    </>
  );
}

/** 离婚登记: 受理, the applications by stage (撤回, 登记, 视为撤回), their documents, and the date calculator. */
export function DivorcePage() {
  const { role } = useCurrentSession().status.user;
  if (!hasPermission(role, 'marriage.register')) return <ForbiddenPage area="离婚登记" permission="marriage.register" />;
  return (
    <div data-testid="divorce-page">
      <DivorceDesk />
    </div>
  );
}
