import { Form, Input, Select, Typography } from 'antd';
import { unclaimedOperations } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { contractRule } from '../../fieldRules';
import { FormDialog } from '../../FormDialog';
import { normalizeCode } from '../../typedCode';
import { DateField } from '../../DateField';

const ops = unclaimedOperations;

export const ASH_DISPOSITIONS = {
  storage: '骨灰寄存',
  burial: '公墓安葬',
  'eco-burial': '生态安葬',
  'taken-home': '家属领回',
} as const;
export type AshDisposition = keyof typeof ASH_DISPOSITIONS;

export function IssueDialog({ today, onDone, onClosed }: { today: string; onDone: (number: string) => void; onClosed: () => void }) {
  const s = ops['cremation.issue'].input.shape;
  return (
    <FormDialog<{ deceasedName: string; deceasedIdNumber?: string; crematedOn: string; waiverNumber?: string }>
      title="开具火化证明"
      okText="开具"
      initialValues={{ crematedOn: today }}
      testId="issue-dialog"
      onSubmit={async (v) => {
        const { number } = await call('cremation.issue', {
          deceasedName: v.deceasedName.trim(),
          deceasedIdNumber: v.deceasedIdNumber?.trim() || undefined,
          crematedOn: v.crematedOn,
          waiverNumber: v.waiverNumber?.trim() || undefined,
        });
        onDone(number);
      }}
      onClosed={onClosed}
    >
      <Form.Item label="逝者姓名" name="deceasedName" required rules={[contractRule(s.deceasedName)]}>
        <Input autoComplete="off" maxLength={50} autoFocus data-testid="issue-name" />
      </Form.Item>
      <Form.Item label="逝者身份证件号码" name="deceasedIdNumber" rules={[contractRule(s.deceasedIdNumber)]} normalize={normalizeCode}>
        <Input autoComplete="off" maxLength={20} style={{ fontFamily: 'monospace' }} data-testid="issue-id-number" />
      </Form.Item>
      <DateField label="火化日期" name="crematedOn" schema={s.crematedOn} testId="issue-date" />
      <Form.Item label="减免编号" name="waiverNumber" rules={[contractRule(s.waiverNumber)]} extra="此次火化享受了基本殡葬服务费用减免的，填写减免编号">
        <Input autoComplete="off" maxLength={30} data-testid="issue-waiver" />
      </Form.Item>
    </FormDialog>
  );
}

export function RegisterAshesDialog({ number, today, onDone, onClosed }: { number: string; today: string; onDone: () => void; onClosed: () => void }) {
  const s = ops['cremation.registerAshes'].input.shape;
  return (
    <FormDialog<{ disposition: AshDisposition; location: string; on: string }>
      title="登记骨灰去向"
      okText="登记"
      initialValues={{ on: today }}
      testId="register-ashes-dialog"
      onSubmit={async (v) => {
        await call('cremation.registerAshes', { number, disposition: v.disposition, location: v.location.trim(), on: v.on });
        onDone();
      }}
      onClosed={onClosed}
    >
      <Typography.Paragraph>
        火化证明 <Typography.Text code>{number}</Typography.Text>
      </Typography.Paragraph>
      <Form.Item label="骨灰去向" name="disposition" required rules={[contractRule(s.disposition)]}>
        <Select
          autoFocus
          options={(Object.keys(ASH_DISPOSITIONS) as AshDisposition[]).map((k) => ({ value: k, label: ASH_DISPOSITIONS[k] }))}
          data-testid="register-ashes-disposition"
        />
      </Form.Item>
      <Form.Item label="存放或安葬地点" name="location" required rules={[contractRule(s.location)]}>
        <Input autoComplete="off" maxLength={100} data-testid="register-ashes-location" />
      </Form.Item>
      <DateField label="登记日期" name="on" schema={s.on} testId="register-ashes-date" />
    </FormDialog>
  );
}

export function VoidDialog({ number, onDone, onClosed }: { number: string; onDone: () => void; onClosed: () => void }) {
  const s = ops['cremation.void'].input.shape;
  return (
    <FormDialog<{ reason: string }>
      title="作废火化证明"
      okText="作废"
      testId="void-dialog"
      onSubmit={async (v) => {
        await call('cremation.void', { number, reason: v.reason.trim() });
        onDone();
      }}
      onClosed={onClosed}
    >
      <Typography.Paragraph>
        作废火化证明 <Typography.Text code>{number}</Typography.Text>。作废后不能恢复，台账保留该编号及作废原因。
      </Typography.Paragraph>
      <Form.Item label="作废原因" name="reason" required rules={[contractRule(s.reason)]}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={200} autoFocus data-testid="void-reason" />
      </Form.Item>
    </FormDialog>
  );
}
