import { App, Form, Input, Radio, Typography } from 'antd';
import { operations, type OpInput } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { contractRule } from '../../fieldRules';
import { FormDialog } from '../../FormDialog';

type CorrectionValues = OpInput<'marriage.correct'>;

const fields = operations['marriage.correct'].input.shape;

interface CorrectMarriageDialogProps {
  certificateNumber: string;
  /** What the platform said was wrong, shown while the correction is typed. */
  rejectReason: string | null;
  onCorrected: () => void;
  onClosed: () => void;
}

/** 更正 a registration the platform sent back: one party's name and document number, with the reason. */
export function CorrectMarriageDialog({ certificateNumber, rejectReason, onCorrected, onClosed }: CorrectMarriageDialogProps) {
  const { message } = App.useApp();

  const submit = async (values: CorrectionValues): Promise<void> => {
    await call('marriage.correct', values);
    void message.success(`已更正 ${values.certificateNumber.trim()}，更正后的记录将代替被退回的事件上报省级平台`);
    onCorrected();
  };

  return (
    <FormDialog<CorrectionValues> title="更正结婚登记记录" okText="更正并上报" testId="correct-marriage-form" initialValues={{ certificateNumber }} onSubmit={submit} onClosed={onClosed}>
      {rejectReason && (
        <Typography.Paragraph>
          省级平台退回原因：<Typography.Text type="danger">{rejectReason}</Typography.Text>
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary">
        只更正登记时录入有误的姓名或身份证件号码。两项都按更正后的内容填写，未改动的一项照原样填写；号码须与登记的出生日期和性别相符。更正记入审计日志。
      </Typography.Paragraph>
      <Form.Item label="结婚证字号" name="certificateNumber" required rules={[contractRule(fields.certificateNumber)]}>
        <Input autoComplete="off" maxLength={30} style={{ fontFamily: 'ui-monospace, Consolas, monospace' }} />
      </Form.Item>
      <Form.Item label="更正的当事人" name="party" required rules={[contractRule(fields.party)]} extra="登记时的顺序：一方即结婚登记页左栏（男方栏），另一方即右栏（女方栏）">
        {/* Arrow keys choose, as in any radio group. */}
        <Radio.Group data-testid="correct-party">
          <Radio value="party1" autoFocus>
            一方
          </Radio>
          <Radio value="party2">另一方</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item label="姓名" name="name" required rules={[contractRule(fields.name)]}>
        <Input autoComplete="off" maxLength={50} />
      </Form.Item>
      <Form.Item label="身份证件号码" name="idNumber" required rules={[contractRule(fields.idNumber)]} normalize={(value: string) => value.toUpperCase()}>
        <Input autoComplete="off" maxLength={20} style={{ fontFamily: 'ui-monospace, Consolas, monospace' }} />
      </Form.Item>
      <Form.Item label="更正原因" name="reason" required rules={[contractRule(fields.reason)]}>
        <Input autoComplete="off" maxLength={200} placeholder="例如：登记时身份证号码录入错误，已核对原始证件" />
      </Form.Item>
    </FormDialog>
  );
}
