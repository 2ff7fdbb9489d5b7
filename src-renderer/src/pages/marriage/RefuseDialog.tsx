import { Form, Input, Select, Typography } from 'antd';
import { REFUSAL_REASONS, REFUSAL_REASON_CODES, operations, type RefusalReason } from '../../../../src-main/contract';
import { contractRule } from '../../fieldRules';
import { FormDialog } from '../../FormDialog';

const fields = operations['marriage.refuse'].input.shape;

export interface RefusalValues {
  reasonCode: RefusalReason;
  reason: string;
}

interface RefuseDialogProps {
  names: string;
  /** What the check found, to start from: the ground it points to and its words. */
  initialValues: Partial<RefusalValues>;
  onSubmit: (values: RefusalValues) => Promise<void>;
  onClosed: () => void;
}

/** 不予登记: the decision is recorded with its legal ground (情形) and the reason, then the notice is printed. */
export function RefuseDialog({ names, initialValues, onSubmit, onClosed }: RefuseDialogProps) {
  return (
    <FormDialog<RefusalValues>
      title="不予结婚登记"
      okText="不予登记"
      testId="refuse-form"
      initialValues={initialValues}
      onSubmit={({ reasonCode, reason }) => onSubmit({ reasonCode, reason: reason.trim() })}
      onClosed={onClosed}
    >
      <Typography.Paragraph>
        对 <Typography.Text strong>{names}</Typography.Text> 的结婚登记申请作出不予登记的决定。情形和理由记入登记记录和审计日志，并打印《不予办理结婚登记告知书》交当事人。
      </Typography.Paragraph>
      <Form.Item label="不予登记的情形" name="reasonCode" required rules={[contractRule(fields.reasonCode)]}>
        <Select
          autoFocus={!initialValues.reasonCode}
          placeholder="请选择"
          options={REFUSAL_REASON_CODES.map((code) => ({ value: code, label: REFUSAL_REASONS[code] }))}
          data-testid="refusal-reason-code"
        />
      </Form.Item>
      <Form.Item label="不予登记的理由" name="reason" required rules={[contractRule(fields.reason)]}>
        <Input.TextArea
          autoFocus={Boolean(initialValues.reasonCode)}
          autoComplete="off"
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 6 }}
          placeholder="例如：男方未达法定婚龄"
          // Enter decides, as in every dialog; Shift+Enter starts a new line.
          onPressEnter={(event) => {
            if (!event.shiftKey) {
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            }
          }}
          data-testid="refusal-reason"
        />
      </Form.Item>
    </FormDialog>
  );
}
