import { Form, Input, Typography } from 'antd';
import { operations } from '../../../../src-main/contract';
import { contractRule } from '../../fieldRules';
import { FormDialog } from '../../FormDialog';

const reasonSchema = operations['print.output'].input.shape.reprintReason.unwrap();

interface ReprintDialogProps {
  documentKey: string;
  onSubmit: (reprintReason: string) => Promise<void>;
  onClosed: () => void;
}

/** The document has been printed or saved before: printing it again needs a reason on record. */
export function ReprintDialog({ documentKey, onSubmit, onClosed }: ReprintDialogProps) {
  return (
    <FormDialog<{ reprintReason: string }>
      title="重印文书"
      okText="重印"
      testId="reprint-form"
      onSubmit={({ reprintReason }) => onSubmit(reprintReason)}
      onClosed={onClosed}
    >
      <Typography.Paragraph>
        文书 <Typography.Text strong>{documentKey}</Typography.Text> 已打印或保存过。重印须说明原因，原因记入打印记录和审计日志。
      </Typography.Paragraph>
      <Form.Item label="重印原因" name="reprintReason" required rules={[contractRule(reasonSchema)]}>
        <Input autoFocus autoComplete="off" maxLength={200} placeholder="例如：首次打印位置偏移，证书作废重印" />
      </Form.Item>
    </FormDialog>
  );
}
