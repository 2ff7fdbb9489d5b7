import { Form, Radio, Typography } from 'antd';
import { operations } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { contractRule } from '../../fieldRules';
import { FormDialog } from '../../FormDialog';
import type { DivorceApplication } from './ApplyForm';

const partyField = operations['divorce.withdraw'].input.shape.party;

interface WithdrawDialogProps {
  application: DivorceApplication;
  /** `party`: the one who withdrew, 1 or 2. */
  onWithdrawn: (application: DivorceApplication, party: 1 | 2) => void;
  onClosed: () => void;
}

/**
 * 撤回离婚登记申请: either party alone, within the 离婚冷静期 (its last day included), with their own ID
 * and the receipt. Afterwards the 撤回离婚登记申请确认单 is printed for them.
 */
export function WithdrawDialog({ application, onWithdrawn, onClosed }: WithdrawDialogProps) {
  const [first, second] = application.names;
  return (
    <FormDialog<{ party: 1 | 2 }>
      title={`撤回离婚登记申请（第 ${application.id} 号）`}
      okText="确认撤回"
      testId="divorce-withdraw-form"
      onSubmit={async ({ party }) => onWithdrawn(await call('divorce.withdraw', { applicationId: application.id, party }), party)}
      onClosed={onClosed}
    >
      <Typography.Paragraph>
        离婚冷静期至 <Typography.Text strong>{application.coolingOffEnds}</Typography.Text> 届满，届满前（含当日）任何一方均可撤回。
        撤回的一方须出示本人身份证件和受理回执单（遗失的须书面说明），填写撤回离婚登记申请书；撤回后本次离婚登记程序终止。
      </Typography.Paragraph>
      <Form.Item label="撤回的一方" name="party" required rules={[contractRule(partyField)]}>
        <Radio.Group
          options={[
            { value: 1, label: `${first}（一方）` },
            { value: 2, label: `${second}（另一方）` },
          ]}
          data-testid="divorce-withdraw-party"
        />
      </Form.Item>
    </FormDialog>
  );
}
