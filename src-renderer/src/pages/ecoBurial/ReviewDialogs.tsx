import { Form, Input, Typography } from 'antd';
import { operations } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { contractRule } from '../../fieldRules';
import { FormDialog } from '../../FormDialog';
import { formatFen } from '../funeral/money';
import { normalizeDate } from '../../typedDate';
import type { EcoBurialSubsidy } from './ecoBurialForm';

const reasonSchema = operations['ecoBurial.review'].input.shape.reason.unwrap();
const payShape = operations['ecoBurial.pay'].input.shape;

interface DialogProps {
  subsidy: EcoBurialSubsidy;
  onDone: (message: string) => void;
  onClosed: () => void;
}

/** 不予补贴, with the reason the family is told. */
export function RejectDialog({ subsidy, onDone, onClosed }: DialogProps) {
  return (
    <FormDialog<{ reason: string }>
      title={`不予补贴 ${subsidy.number}`}
      okText="不予补贴"
      testId="eco-reject-form"
      onSubmit={async ({ reason }) => {
        const result = await call('ecoBurial.review', { id: subsidy.id, decision: 'reject', reason: reason.trim() });
        onDone(`已决定不予补贴 ${result.number}`);
      }}
      onClosed={onClosed}
    >
      <Typography.Paragraph type="secondary">
        逝者 {subsidy.deceasedName}，申请人 {subsidy.applicantName}。原因记入申请，受理的殡仪馆和申请人据此知悉。
      </Typography.Paragraph>
      <Form.Item label="不予补贴原因" name="reason" required rules={[{ required: true, whitespace: true, message: '请填写不予补贴原因' }, contractRule(reasonSchema)]}>
        <Input.TextArea autoFocus rows={3} maxLength={200} showCount placeholder="例如：安葬证明与申请的安葬方式不符" data-testid="eco-reject-reason" />
      </Form.Item>
    </FormDialog>
  );
}

/** 登记发放: the date the money left and the payment voucher number. */
export function PayDialog({ subsidy, today, onDone, onClosed }: DialogProps & { today: string }) {
  return (
    <FormDialog<{ paidOn: string; paymentReference: string }>
      title={`登记发放 ${subsidy.number}`}
      okText="登记发放"
      testId="eco-pay-form"
      initialValues={{ paidOn: today, paymentReference: '' }}
      onSubmit={async ({ paidOn, paymentReference }) => {
        const result = await call('ecoBurial.pay', { id: subsidy.id, paidOn: paidOn.trim(), paymentReference: paymentReference.trim() });
        onDone(`已登记发放 ${result.number}：${formatFen(result.amount)}`);
      }}
      onClosed={onClosed}
    >
      <Typography.Paragraph>
        向申请人 {subsidy.applicantName} 发放 <strong>{formatFen(subsidy.amount)}</strong>（逝者 {subsidy.deceasedName}）。
      </Typography.Paragraph>
      <Form.Item label="发放日期" name="paidOn" required rules={[contractRule(payShape.paidOn)]} normalize={normalizeDate}>
        <Input autoComplete="off" maxLength={10} placeholder="YYYY-MM-DD" style={{ width: 160 }} data-testid="eco-paid-on" />
      </Form.Item>
      <Form.Item label="支付凭证号" name="paymentReference" required rules={[contractRule(payShape.paymentReference)]}>
        <Input autoFocus autoComplete="off" maxLength={60} placeholder="国库集中支付凭证或银行回单号" data-testid="eco-payment-reference" />
      </Form.Item>
    </FormDialog>
  );
}
