import { App, Form, Input, Typography } from 'antd';
import { operations } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { contractRule } from '../../fieldRules';
import { FormDialog } from '../../FormDialog';

interface VoidValues {
  serial: string;
  reason: string;
}

const fields = operations['booklets.void'].input.shape;

/** A blank booklet spoiled or lost: it leaves stock with the reason on record. */
export function VoidBookletDialog({ onVoided, onClosed }: { onVoided: () => void; onClosed: () => void }) {
  const { message } = App.useApp();

  const submit = async (values: VoidValues): Promise<void> => {
    await call('booklets.void', values);
    void message.success(`已作废印制编号 ${values.serial.trim()}`);
    onVoided();
  };

  return (
    <FormDialog<VoidValues> title="作废空白证书" okText="确认作废" testId="void-booklet-form" onSubmit={submit} onClosed={onClosed}>
      <Typography.Paragraph type="secondary">作废的证书从库存中减去，不能再用于打印；作废原因记入台账和审计日志。</Typography.Paragraph>
      <Form.Item
        label="印制编号"
        name="serial"
        required
        rules={[contractRule(fields.serial)]}
        normalize={(value: string) => value.toUpperCase()}
        extra="证书上预印的编号"
      >
        <Input autoFocus autoComplete="off" maxLength={24} />
      </Form.Item>
      <Form.Item label="作废原因" name="reason" required rules={[contractRule(fields.reason)]}>
        <Input autoComplete="off" maxLength={200} placeholder="例如：套打错位，证书印坏" />
      </Form.Item>
    </FormDialog>
  );
}
