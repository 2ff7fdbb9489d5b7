import { useState, type CSSProperties } from 'react';
import { Alert, App, Button, Card, Form, Input, Radio, Select, Space, Tag } from 'antd';
import { idCheckChar, operations, type OpInput } from '../../../src-main/contract';
import { contractRule } from '../fieldRules';
import { call } from '../api/client';
import { useFormSubmit } from '../useFormSubmit';
import { notifyCardReaderChanged, useCardReader } from './useCardReader';
import { normalizeCode } from '../typedCode';

type PlacedCard = OpInput<'identity.placeCard'>;
type Sex = 'male' | 'female';

const fields = operations['identity.placeCard'].input.shape;
const valid = (first17: string): string => first17 + idCheckChar(first17);

/** Sample people for training: each number a valid GB 11643 number whose birth date and sex are the card's. */
export const SAMPLE_CARDS: readonly (PlacedCard & { sex: Sex; birthDate: string })[] = [
  {
    name: '张伟',
    sex: 'male',
    birthDate: '1993-03-07',
    idNumber: valid('11010519930307123'),
    ethnicity: '汉',
    address: '北京市朝阳区建国路 88 号',
    issuingAuthority: '北京市公安局朝阳分局',
    validFrom: '2015-04-01',
    validTo: '2035-04-01',
  },
  {
    name: '李娜',
    sex: 'female',
    birthDate: '1995-01-01',
    idNumber: valid('11010519950101002'),
    ethnicity: '汉',
    address: '北京市朝阳区朝阳门外大街 6 号',
    issuingAuthority: '北京市公安局朝阳分局',
    validFrom: '2016-08-15',
    validTo: '2036-08-15',
  },
  {
    name: '阿依古丽·买买提',
    sex: 'female',
    birthDate: '1995-06-11',
    idNumber: valid('65010219950611004'),
    ethnicity: '维吾尔',
    address: '新疆乌鲁木齐市天山区解放南路 1 号',
    issuingAuthority: '乌鲁木齐市公安局天山分局',
    validFrom: '2015-07-01',
    validTo: '2035-07-01',
  },
  {
    name: '王强',
    sex: 'male',
    birthDate: '1970-01-01',
    idNumber: valid('44200019700101123'),
    ethnicity: '汉',
    address: '广东省中山市石岐区孙文中路 1 号',
    issuingAuthority: '中山市公安局',
    validFrom: '2016-05-20',
    validTo: '长期',
  },
];

interface Values {
  name: string;
  idNumber: string;
  sex?: Sex;
  birthDate?: string;
}

/** Birth date and sex as an 18-character number states them (not checked: reading the card checks). */
function fromNumber(idNumber: string): Pick<Values, 'birthDate' | 'sex'> | null {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return null;
  return {
    birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
    sex: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
  };
}

export interface TrainingCardPanelProps {
  /** After a card is placed, with how many now wait on the simulator. */
  onPlaced?: (waiting: number) => void;
  style?: CSSProperties;
}

/**
 * Training: puts a card on the simulated reader (identity.placeCard) — one of the sample people, or
 * name / number / sex / birth date as typed (a wrong birth date or sex practises what 读卡 reports).
 * Shows nothing unless the station's reader is the simulator.
 */
export function TrainingCardPanel({ onPlaced, style }: TrainingCardPanelProps) {
  const { message } = App.useApp();
  const reader = useCardReader();
  const [form] = Form.useForm<Values>();
  const [sample, setSample] = useState<number | null>(null);
  const { submitting, error, onFinish } = useFormSubmit(form, async (values) => {
    const extras = sample === null ? {} : SAMPLE_CARDS[sample];
    const card: PlacedCard = {
      ...extras,
      name: values.name.trim(),
      idNumber: values.idNumber.trim().toUpperCase(),
      ...(values.sex ? { sex: values.sex } : {}),
      ...(values.birthDate?.trim() ? { birthDate: values.birthDate.trim() } : {}),
    };
    const { waiting } = await call('identity.placeCard', card);
    void message.success(`已放到模拟读卡器上（待读 ${waiting} 张）`);
    notifyCardReaderChanged();
    onPlaced?.(waiting);
  });

  if (reader.data?.kind !== 'simulated') return null;

  const pickSample = (index: number): void => {
    setSample(index);
    const { name, idNumber, sex, birthDate } = SAMPLE_CARDS[index];
    form.setFieldsValue({ name, idNumber, sex, birthDate });
  };

  return (
    <Card
      size="small"
      title="训练读卡器（模拟）"
      extra={<Tag data-testid="training-card-waiting">待读 {reader.data.waiting ?? 0} 张</Tag>}
      style={style}
      data-testid="training-card-panel"
    >
      <Form
        form={form}
        layout="vertical"
        size="small"
        onFinish={onFinish}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.name !== undefined || changed.idNumber !== undefined) setSample(null);
          if (changed.idNumber !== undefined) {
            const stated = fromNumber(changed.idNumber);
            if (stated) form.setFieldsValue(stated);
          }
        }}
      >
        <Form.Item label="样例人员" style={{ marginBottom: 8 }}>
          <Select
            placeholder="选择一位样例人员，或在下面填写"
            value={sample ?? undefined}
            onChange={pickSample}
            options={SAMPLE_CARDS.map((c, i) => ({ value: i, label: `${c.name}（${c.sex === 'male' ? '男' : '女'}，${c.birthDate}）` }))}
            data-testid="training-card-sample"
          />
        </Form.Item>
        <Form.Item label="姓名" name="name" required rules={[contractRule(fields.name)]} style={{ marginBottom: 8 }}>
          <Input autoComplete="off" maxLength={50} data-testid="training-card-name" />
        </Form.Item>
        <Form.Item
          label="公民身份号码"
          name="idNumber"
          required
          rules={[contractRule(fields.idNumber)]}
          normalize={normalizeCode}
          style={{ marginBottom: 8 }}
        >
          <Input autoComplete="off" maxLength={18} style={{ fontFamily: 'monospace' }} data-testid="training-card-id-number" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item label="性别" name="sex" rules={[contractRule(fields.sex)]} style={{ marginBottom: 8 }}>
            <Radio.Group
              options={[
                { value: 'male', label: '男' },
                { value: 'female', label: '女' },
              ]}
            />
          </Form.Item>
          <Form.Item label="出生日期" name="birthDate" rules={[contractRule(fields.birthDate)]} style={{ marginBottom: 8 }}>
            <Input autoComplete="off" placeholder="YYYY-MM-DD" maxLength={10} style={{ width: 130 }} data-testid="training-card-birth-date" />
          </Form.Item>
        </Space>
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 8 }} />}
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="place-card">
          放到读卡器上
        </Button>
      </Form>
    </Card>
  );
}
