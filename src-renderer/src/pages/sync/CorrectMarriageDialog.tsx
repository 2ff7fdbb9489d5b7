import { App, Descriptions, Form, Input, Radio, Typography } from 'antd';
import { DOCUMENT_TYPES, operations, type DocumentTypeId, type OpInput } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { contractRule } from '../../fieldRules';
import { FormDialog } from '../../FormDialog';
import { useQuery } from '../../useQuery';

type CorrectionValues = OpInput<'marriage.correct'>;

const fields = operations['marriage.correct'].input.shape;

interface CorrectMarriageDialogProps {
  certificateNumber: string;
  /** What the platform said was wrong, shown while the correction is typed. */
  rejectReason: string | null;
  onCorrected: () => void;
  onClosed: () => void;
}

/** The registration as recorded (numbers masked), so the supervisor sees what is being corrected. */
function Recorded({ certificateNumber }: { certificateNumber: string }) {
  const { data, error } = useQuery('marriage.registration', { certificateNumber });
  if (error) return <Typography.Paragraph type="danger">{error.message}</Typography.Paragraph>;
  if (!data) return null;
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      style={{ marginBottom: 16 }}
      data-testid="correct-recorded"
      items={data.parties.map((p, i) => ({
        key: String(i),
        label: i === 0 ? '一方（登记时左栏）' : '另一方（登记时右栏）',
        children: `${p.name}，${DOCUMENT_TYPES[p.documentType as DocumentTypeId]?.label ?? p.documentType} ${p.idNumberMasked}`,
      }))}
    />
  );
}

/** An empty box means "as recorded": only what is typed is corrected. */
function changedOnly(values: CorrectionValues): CorrectionValues {
  const name = values.name?.trim() || undefined;
  const idNumber = values.idNumber?.trim() || undefined;
  return { ...values, name, idNumber };
}

/** 更正 a registration the platform sent back: one party's name and/or document number, with the reason. */
export function CorrectMarriageDialog({ certificateNumber, rejectReason, onCorrected, onClosed }: CorrectMarriageDialogProps) {
  const { message } = App.useApp();

  const submit = async (values: CorrectionValues): Promise<void> => {
    await call('marriage.correct', changedOnly(values));
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
      <Recorded certificateNumber={certificateNumber} />
      <Typography.Paragraph type="secondary">
        只更正登记时录入有误的姓名或身份证件号码：留空的一项保持原样。号码须与登记的出生日期和性别相符。更正记入审计日志。
      </Typography.Paragraph>
      <Form.Item label="结婚证字号" name="certificateNumber" required rules={[contractRule(fields.certificateNumber)]}>
        <Input autoComplete="off" maxLength={30} style={{ fontFamily: 'ui-monospace, Consolas, monospace' }} />
      </Form.Item>
      <Form.Item label="更正的当事人" name="party" required rules={[contractRule(fields.party)]}>
        {/* Arrow keys choose, as in any radio group. */}
        <Radio.Group data-testid="correct-party">
          <Radio value="party1" autoFocus>
            一方
          </Radio>
          <Radio value="party2">另一方</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item label="更正后的姓名" name="name">
        <Input autoComplete="off" maxLength={50} placeholder="不更正请留空" />
      </Form.Item>
      <Form.Item label="更正后的身份证件号码" name="idNumber" normalize={(value: string) => value.toUpperCase()}>
        <Input autoComplete="off" maxLength={20} placeholder="不更正请留空" style={{ fontFamily: 'ui-monospace, Consolas, monospace' }} />
      </Form.Item>
      <Form.Item label="更正原因" name="reason" required rules={[contractRule(fields.reason)]}>
        <Input autoComplete="off" maxLength={200} placeholder="例如：登记时身份证号码录入错误，已核对原始证件" />
      </Form.Item>
    </FormDialog>
  );
}
