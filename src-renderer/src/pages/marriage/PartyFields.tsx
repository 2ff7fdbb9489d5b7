import { Card, Form, Input, Radio, Typography } from 'antd';
import { idNumberProblem, operations } from '../../../../src-main/contract';
import { contractRule } from '../../fieldRules';
import { PARTY_TITLES, SEX_LABELS, chineseDate, readIdNumber, type PartyKey, type Sex } from './marriageData';

const partySchema = operations['marriage.check'].input.shape.party1.shape;

const idNumberRule = {
  validator: async (_rule: unknown, value: unknown) => {
    if (typeof value === 'string' && value.length === 18) {
      const problem = idNumberProblem(value);
      if (problem) throw new Error(`公民身份号码${problem}`);
    }
  },
};

/** What the ID number says under its field: the birth date and the sex, and whether that sex is the one chosen. */
function IdNumberReading({ party }: { party: PartyKey }) {
  const idNumber = Form.useWatch<string | undefined>([party, 'idNumber']);
  const sex = Form.useWatch<Sex | undefined>([party, 'sex']);
  const read = readIdNumber(idNumber);
  if (!read) return null;
  return (
    <span data-testid={`${party}-id-reading`}>
      出生日期 {chineseDate(read.birthDate)}，性别 {SEX_LABELS[read.sex]}
      {sex && sex !== read.sex && <Typography.Text type="warning">（与所选性别不符）</Typography.Text>}
    </span>
  );
}

/** One party's panel. Its fields run 姓名 → 公民身份号码 → 性别 → 国籍, in Tab order. */
export function PartyFields({ party, disabled }: { party: PartyKey; disabled: boolean }) {
  return (
    <Card title={PARTY_TITLES[party]} size="small" data-testid={`${party}-form`}>
      <Form.Item label="姓名" name={[party, 'name']} required rules={[contractRule(partySchema.name)]} normalize={(v: string) => v.trimStart()}>
        <Input autoComplete="off" maxLength={50} disabled={disabled} autoFocus={party === 'party1'} />
      </Form.Item>
      <Form.Item
        label="公民身份号码"
        name={[party, 'idNumber']}
        required
        rules={[contractRule(partySchema.idNumber), idNumberRule]}
        normalize={(v: string) => v.toUpperCase().replace(/\s/g, '')}
        extra={<IdNumberReading party={party} />}
      >
        <Input autoComplete="off" maxLength={18} disabled={disabled} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item label="性别" name={[party, 'sex']} required rules={[contractRule(partySchema.sex)]}>
        <Radio.Group disabled={disabled} options={(['male', 'female'] as const).map((s) => ({ value: s, label: SEX_LABELS[s] }))} />
      </Form.Item>
      <Form.Item label="国籍" name={[party, 'nationality']} required rules={[contractRule(partySchema.nationality)]}>
        <Input autoComplete="off" maxLength={30} disabled={disabled} />
      </Form.Item>
    </Card>
  );
}
