import { AutoComplete, Card, Col, Form, Input, Row } from 'antd';
import { waiverInput } from '../../../../src-main/contract';
import type { CardData } from '../../../../src-main/contract/identity-operations';
import { contractRule } from '../../fieldRules';
import { ReadCardButton } from '../../identity/ReadCardButton';
import { normalizeCode } from '../../typedCode';

const payerSchema = waiverInput.shape.payer.shape;
const RELATIONS = ['配偶', '子', '女', '父亲', '母亲', '兄弟姐妹', '孙子女', '其他亲属', '单位经办人', '村（居）委会经办人'].map((value) => ({ value }));

/** 经办人: the family member (or the one acting for the family) who settles the bill and signs the form. */
export function PayerFields({ disabled, onCard }: { disabled: boolean; onCard: (card: CardData) => void }) {
  return (
    <Card
      title="经办人"
      size="small"
      style={{ marginTop: 16 }}
      extra={<ReadCardButton shortcut="F3" disabled={disabled} size="small" onRead={onCard} testId="read-card-payer" />}
      data-testid="payer-form"
    >
      <Row gutter={12}>
        <Col xs={24} md={7}>
          <Form.Item label="姓名" name={['payer', 'name']} required rules={[contractRule(payerSchema.name)]} style={{ marginBottom: 0 }}>
            <Input autoComplete="off" maxLength={50} data-testid="payer-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            label="身份证件号码"
            name={['payer', 'idNumber']}
            required
            rules={[contractRule(payerSchema.idNumber)]}
            normalize={normalizeCode}
            style={{ marginBottom: 0 }}
          >
            <Input autoComplete="off" maxLength={20} style={{ fontFamily: 'monospace' }} data-testid="payer-id-number" />
          </Form.Item>
        </Col>
        <Col xs={24} md={7}>
          <Form.Item label="与逝者关系" name={['payer', 'relation']} required rules={[contractRule(payerSchema.relation)]} style={{ marginBottom: 0 }}>
            <AutoComplete options={RELATIONS} maxLength={20} filterOption={(input, option) => (option?.value ?? '').includes(input)} data-testid="payer-relation" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
