import { Form, Input, Typography } from 'antd';
import { operations } from '../../../../src-main/contract';
import { contractRule } from '../../fieldRules';
import { FormDialog } from '../../FormDialog';

const reasonSchema = operations['marriage.refuse'].input.shape.reason;

interface RefuseDialogProps {
  names: string;
  onSubmit: (reason: string) => Promise<void>;
  onClosed: () => void;
}

/** 不予登记: the decision is recorded with its reason. */
export function RefuseDialog({ names, onSubmit, onClosed }: RefuseDialogProps) {
  return (
    <FormDialog<{ reason: string }>
      title="不予结婚登记"
      okText="不予登记"
      testId="refuse-form"
      onSubmit={({ reason }) => onSubmit(reason.trim())}
      onClosed={onClosed}
    >
      <Typography.Paragraph>
        对 <Typography.Text strong>{names}</Typography.Text> 的结婚登记申请作出不予登记的决定。理由记入登记记录和审计日志，并应向当事人书面说明。
      </Typography.Paragraph>
      <Form.Item label="不予登记的理由" name="reason" required rules={[contractRule(reasonSchema)]}>
        <Input autoFocus autoComplete="off" maxLength={500} placeholder="例如：一方未达法定婚龄" />
      </Form.Item>
    </FormDialog>
  );
}
