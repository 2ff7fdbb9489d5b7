import { useState } from 'react';
import { Alert, App, Button, Card, Drawer, Space, Spin } from 'antd';
import { EditOutlined, EyeOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { hasPermission } from '../../../src-main/contract';
import { call } from '../api/client';
import { useCurrentSession } from '../currentSession';
import { asAppError } from '../formErrors';
import { PageHeader } from '../PageHeader';
import { useQuery } from '../useQuery';
import { ForbiddenPage } from './ForbiddenPage';
import { WaiverDesk } from './funeral/WaiverDesk';
import { WaiverDetailView } from './funeral/WaiverDetailView';
import { WaiverFormActions } from './funeral/WaiverOutcome';
import { StatusFilterBar, WaiverTable, type StatusFilter } from './funeral/WaiverTable';
import { correctionKind, selectedScheme, type WaiverDetail, type WaiverSummary } from './funeral/waiverForm';

/** The row's and the drawer's correction button: 修改重交 a returned waiver, 更正 an approved one (冲销 once its month is submitted). */
function CorrectButton({ waiver, onClick, size, testId }: { waiver: WaiverSummary; onClick: () => void; size?: 'small'; testId: string }) {
  const kind = correctionKind(waiver);
  if (!kind) return null;
  const label = { returned: '修改重交', reopen: '更正', reverse: '更正（冲销）' }[kind];
  return (
    <Button
      size={size}
      type={kind === 'returned' ? 'primary' : 'default'}
      icon={kind === 'returned' ? <EditOutlined /> : <SwapOutlined />}
      onClick={onClick}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}

/** 基本殡葬服务费用减免: the funeral home's entry desk, and its waivers with their status. */
export function FuneralWaiverPage() {
  const { message } = App.useApp();
  const { role } = useCurrentSession().status.user;
  const policies = useQuery('funeral.policies', {});
  const [filter, setFilter] = useState<StatusFilter>('all');
  const waivers = useQuery('funeral.waivers', filter === 'all' ? {} : { status: filter });
  const [desk, setDesk] = useState<{ generation: number; correcting?: WaiverDetail }>({ generation: 0 });
  const [viewing, setViewing] = useState<WaiverDetail | null>(null);
  const [opening, setOpening] = useState<number | null>(null);

  if (!hasPermission(role, 'funeral.waiver')) return <ForbiddenPage area="殡葬费用减免录入" permission="funeral.waiver" />;

  const scheme = selectedScheme(policies.data);
  const startNew = (): void => setDesk((d) => ({ generation: d.generation + 1 }));

  const open = async (waiver: WaiverSummary, then: (detail: WaiverDetail) => void): Promise<void> => {
    setOpening(waiver.id);
    try {
      then(await call('funeral.waiver', { id: waiver.id }));
    } catch (err) {
      void message.error(asAppError(err).message);
    } finally {
      setOpening(null);
    }
  };
  const correct = (waiver: WaiverSummary): void =>
    void open(waiver, (detail) => {
      setViewing(null);
      setDesk((d) => ({ generation: d.generation + 1, correcting: detail }));
      document.querySelector('.workspace-content')?.scrollTo({ top: 0, behavior: 'smooth' });
    });

  return (
    <div data-testid="funeral-waiver-page">
      <PageHeader
        title="基本殡葬服务费用减免"
        description="逝者家属结账时录入：Enter 到下一栏，空格勾选，Ctrl+Enter 提交；右侧随填写试算。F2 / F3 读取逝者 / 经办人身份证。"
        extra={
          <Button icon={<PlusOutlined />} onClick={startNew} data-testid="waiver-reset">
            新的减免
          </Button>
        }
      />
      {policies.error && <Alert type="error" showIcon title={`减免政策读取失败：${policies.error.message}`} style={{ marginBottom: 16 }} />}
      {policies.data && !scheme && (
        <Alert type="warning" showIcon title="本工作站尚未选择殡葬减免方案" description="请管理员在 系统设置 → 殡葬减免政策 中选择本地方案后再录入。" style={{ marginBottom: 16 }} data-testid="no-scheme" />
      )}
      {policies.loading && !policies.data ? (
        <Spin />
      ) : (
        <WaiverDesk key={desk.generation} scheme={scheme} correcting={desk.correcting} onSubmitted={waivers.reload} onNew={startNew} />
      )}
      <Card title="本馆减免记录" style={{ marginTop: 24 }} extra={<StatusFilterBar value={filter} onChange={setFilter} />}>
        {waivers.error && <Alert type="error" showIcon title={waivers.error.message} style={{ marginBottom: 12 }} />}
        <WaiverTable
          waivers={waivers.data}
          loading={waivers.loading}
          testId="waiver-list"
          empty="尚无减免记录"
          onOpen={(w) => void open(w, setViewing)}
          actions={(w) => (
            <Space size={4}>
              <Button size="small" icon={<EyeOutlined />} loading={opening === w.id} onClick={() => void open(w, setViewing)} data-testid={`waiver-view-${w.id}`}>
                查看
              </Button>
              <CorrectButton size="small" waiver={w} onClick={() => correct(w)} testId={`waiver-correct-${w.id}`} />
            </Space>
          )}
        />
      </Card>
      <Drawer
        title="减免详情"
        size={760}
        open={viewing !== null}
        onClose={() => setViewing(null)}
        destroyOnHidden
        footer={
          viewing && (
            <Space wrap>
              <CorrectButton waiver={viewing} onClick={() => correct(viewing)} testId="waiver-drawer-correct" />
              <WaiverFormActions waiverId={viewing.id} />
            </Space>
          )
        }
        data-testid="waiver-drawer"
      >
        {viewing && <WaiverDetailView detail={viewing} policies={policies.data} />}
      </Drawer>
    </div>
  );
}
