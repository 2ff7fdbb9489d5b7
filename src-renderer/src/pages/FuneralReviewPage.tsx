import { useState } from 'react';
import { Alert, App, Button, Card, Drawer, Form, Input, Space, Typography } from 'antd';
import { AuditOutlined, CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { hasPermission, operations, type AppError } from '../../../src-main/contract';
import { call } from '../api/client';
import { useCurrentSession } from '../currentSession';
import { contractRule } from '../fieldRules';
import { FormDialog } from '../FormDialog';
import { asAppError } from '../formErrors';
import { PageHeader } from '../PageHeader';
import { useQuery } from '../useQuery';
import { ForbiddenPage } from './ForbiddenPage';
import { WaiverDetailView } from './funeral/WaiverDetailView';
import { WaiverFormActions } from './funeral/WaiverOutcome';
import { StatusFilterBar, WaiverTable, type StatusFilter } from './funeral/WaiverTable';
import type { Policies, WaiverDetail, WaiverSummary } from './funeral/waiverForm';
import { useDrawerShortcut } from './funeral/useDrawerShortcut';
import { altLabel } from './marriage/useAltShortcut';

const reasonSchema = operations['funeral.reviewWaiver'].input.shape.reason.unwrap();

function RejectDialog({ number, onSubmit, onClosed }: { number: string; onSubmit: (reason: string) => Promise<void>; onClosed: () => void }) {
  return (
    <FormDialog<{ reason: string }> title={`退回减免 ${number}`} okText="退回" testId="reject-form" onSubmit={({ reason }) => onSubmit(reason.trim())} onClosed={onClosed}>
      <Typography.Paragraph type="secondary">退回后由殡仪馆修改重新提交；原因会显示给录入人。</Typography.Paragraph>
      <Form.Item label="退回原因" name="reason" required rules={[{ required: true, whitespace: true, message: '请填写退回原因' }, contractRule(reasonSchema)]}>
        <Input.TextArea autoFocus rows={3} maxLength={200} showCount placeholder="例如：缺少火化证明；骨灰盒收费与清单不符" />
      </Form.Item>
    </FormDialog>
  );
}

interface ReviewDrawerProps {
  detail: WaiverDetail;
  policies: Policies | null;
  onReviewed: (message: string) => void;
  onClose: () => void;
}

/** One waiver in full, with 通过 and 退回 for a pending one. */
function ReviewDrawer({ detail, policies, onReviewed, onClose }: ReviewDrawerProps) {
  const { message } = App.useApp();
  const [error, setError] = useState<AppError | null>(null);
  const [approving, setApproving] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const pending = detail.status === 'pending';

  const approve = async (): Promise<void> => {
    setApproving(true);
    setError(null);
    try {
      const result = await call('funeral.reviewWaiver', { id: detail.id, decision: 'approve' });
      onReviewed(`已审核通过 ${result.number}${result.settlementMonth ? `，计入 ${result.settlementMonth} 结算` : ''}`);
    } catch (err) {
      const e = asAppError(err);
      setError(e);
      void message.error(e.message);
    } finally {
      setApproving(false);
    }
  };
  const reject = async (reason: string): Promise<void> => {
    const result = await call('funeral.reviewWaiver', { id: detail.id, decision: 'reject', reason });
    onReviewed(`已退回 ${result.number}`);
  };

  const active = pending && !rejecting && !approving;
  useDrawerShortcut('A', () => void approve(), active);
  useDrawerShortcut('B', () => setRejecting(true), active);

  return (
    <Drawer
      title={`审核减免 ${detail.number}`}
      size={800}
      open
      onClose={onClose}
      destroyOnHidden
      data-testid="review-drawer"
      footer={
        <Space wrap>
          {pending && (
            <>
              <Button type="primary" icon={<CheckOutlined />} loading={approving} onClick={() => void approve()} aria-keyshortcuts="Alt+A" data-testid="review-approve">
                {altLabel('通过', 'A')}
              </Button>
              <Button danger icon={<RollbackOutlined />} onClick={() => setRejecting(true)} aria-keyshortcuts="Alt+B" data-testid="review-reject">
                {altLabel('退回', 'B')}
              </Button>
            </>
          )}
          <WaiverFormActions waiverId={detail.id} />
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} data-testid="review-error" />}
      <WaiverDetailView detail={detail} policies={policies} />
      {rejecting && <RejectDialog number={detail.number} onSubmit={reject} onClosed={() => setRejecting(false)} />}
    </Drawer>
  );
}

/** 减免审核: the bureau's reviewer checks each waiver the funeral homes entered, and approves or returns it. */
export function FuneralReviewPage() {
  const { message } = App.useApp();
  const { role } = useCurrentSession().status.user;
  const [filter, setFilter] = useState<StatusFilter>('pending');
  const waivers = useQuery('funeral.waivers', filter === 'all' ? {} : { status: filter });
  const policies = useQuery('funeral.policies', {});
  const [open, setOpen] = useState<WaiverDetail | null>(null);
  const [opening, setOpening] = useState<number | null>(null);

  if (!hasPermission(role, 'funeral.review')) return <ForbiddenPage area="殡葬减免审核" permission="funeral.review" />;

  const show = async (w: WaiverSummary): Promise<void> => {
    setOpening(w.id);
    try {
      setOpen(await call('funeral.waiver', { id: w.id }));
    } catch (err) {
      void message.error(asAppError(err).message);
    } finally {
      setOpening(null);
    }
  };

  return (
    <div data-testid="funeral-review-page">
      <PageHeader title="殡葬减免审核" description="逐件核对逝者情况、减免对象类别、服务项目和计算依据：通过（Alt+A）的计入当月结算，退回（Alt+B）的须说明原因。" />
      <Card title="减免申请" extra={<StatusFilterBar value={filter} onChange={setFilter} />}>
        {waivers.error && <Alert type="error" showIcon title={waivers.error.message} style={{ marginBottom: 12 }} />}
        <WaiverTable
          waivers={waivers.data}
          loading={waivers.loading}
          testId="review-list"
          empty={filter === 'pending' ? '没有待审核的减免' : '没有减免记录'}
          onOpen={(w) => void show(w)}
          actions={(w) => (
            <Button
              size="small"
              type={w.status === 'pending' ? 'primary' : 'default'}
              icon={<AuditOutlined />}
              loading={opening === w.id}
              onClick={() => void show(w)}
              data-testid={`review-open-${w.id}`}
            >
              {w.status === 'pending' ? '审核' : '查看'}
            </Button>
          )}
        />
      </Card>
      {open && (
        <ReviewDrawer
          key={open.id}
          detail={open}
          policies={policies.data}
          onClose={() => setOpen(null)}
          onReviewed={(text) => {
            void message.success(text);
            setOpen(null);
            waivers.reload();
          }}
        />
      )}
    </div>
  );
}
