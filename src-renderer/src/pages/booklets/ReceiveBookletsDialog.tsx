import { Alert, App, Form, Input, InputNumber, Radio, Space, Typography } from 'antd';
import { BOOKLET_KINDS, BOOKLET_KIND_LABELS, operations } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { contractRule } from '../../fieldRules';
import { FormDialog } from '../../FormDialog';

interface ReceiveValues {
  kind: (typeof BOOKLET_KINDS)[number];
  prefix?: string;
  firstNumber: number;
  lastNumber: number;
  digits: number;
  note?: string;
}

const fields = operations['booklets.receive'].input.shape;
const KIND_OPTIONS = BOOKLET_KINDS.map((kind) => ({ value: kind, label: BOOKLET_KIND_LABELS[kind] }));
const upperCase = (value: string): string => value.toUpperCase();

/** The first and last serial the batch will create, as the fields now stand; on 领入 the server says what is wrong with them. */
function SerialRangeHint() {
  const prefix = Form.useWatch<string | undefined>('prefix') ?? '';
  const first = Form.useWatch<number | null>('firstNumber');
  const last = Form.useWatch<number | null>('lastNumber');
  const digits = Form.useWatch<number | null>('digits');
  if (typeof first !== 'number' || typeof last !== 'number' || typeof digits !== 'number') {
    return <Typography.Paragraph type="secondary">填写起始号、终止号和号码位数后，这里显示本批首尾两本的印制编号。</Typography.Paragraph>;
  }
  // A serial is the prefix and the number padded to the stated width, which it must not exceed.
  if (first > last || String(last).length > digits) {
    return <Typography.Paragraph type="warning">按现在的起始号、终止号和号码位数排不出这一批印制编号，请核对。</Typography.Paragraph>;
  }
  const serial = (n: number): string => prefix + String(n).padStart(digits, '0');
  return (
    <Alert
      type="info"
      showIcon
      title={`将领入 ${serial(first)} – ${serial(last)}，共 ${last - first + 1} 本`}
      style={{ marginBottom: 16 }}
      data-testid="receive-booklets-hint"
    />
  );
}

/** A batch of blank booklets received, recorded as the serial range printed on them. */
export function ReceiveBookletsDialog({ onReceived, onClosed }: { onReceived: () => void; onClosed: () => void }) {
  const { message } = App.useApp();

  const submit = async ({ prefix, note, ...values }: ReceiveValues): Promise<void> => {
    // No prefix is an empty one; an empty 备注 is left out.
    const batch = await call('booklets.receive', { ...values, prefix: prefix ?? '', note: note?.trim() ? note : undefined });
    void message.success(`已领入空白${BOOKLET_KIND_LABELS[values.kind]} ${batch.first} – ${batch.last}，共 ${batch.count} 本`);
    onReceived();
  };

  return (
    <FormDialog<ReceiveValues>
      title="领入空白证书"
      okText="领入"
      testId="receive-booklets-form"
      initialValues={{ digits: 7 }}
      onSubmit={submit}
      onClosed={onClosed}
    >
      <Form.Item label="证书种类" name="kind" required rules={[{ required: true, message: '请选择证书种类' }]}>
        <Radio.Group options={KIND_OPTIONS} optionType="button" buttonStyle="solid" />
      </Form.Item>
      <Form.Item
        label="编号前缀"
        name="prefix"
        rules={[contractRule(fields.prefix.optional())]}
        normalize={upperCase}
        extra="印制编号中号码前的字母或数字，如 GD2026；没有可不填"
      >
        <Input autoFocus autoComplete="off" maxLength={12} />
      </Form.Item>
      <Space size="middle" wrap align="start">
        <Form.Item label="起始号" name="firstNumber" required rules={[contractRule(fields.firstNumber)]}>
          <InputNumber min={0} precision={0} style={{ width: 136 }} />
        </Form.Item>
        <Form.Item label="终止号" name="lastNumber" required rules={[contractRule(fields.lastNumber)]}>
          <InputNumber min={0} precision={0} style={{ width: 136 }} />
        </Form.Item>
        <Form.Item label="号码位数" name="digits" required rules={[contractRule(fields.digits)]} extra="不足位数的前面补 0">
          <InputNumber min={4} max={12} precision={0} style={{ width: 96 }} />
        </Form.Item>
      </Space>
      <SerialRangeHint />
      <Form.Item label="备注" name="note" rules={[contractRule(fields.note)]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={200} placeholder="例如：省民政厅第 3 批调拨" />
      </Form.Item>
    </FormDialog>
  );
}
