import { Card, Col, Form, Input, Radio, Row, Select, Switch, Typography } from 'antd';
import { DOCUMENT_TYPES, DOCUMENT_TYPE_IDS, documentNumberProblem, waiverInput, type DocumentTypeId } from '../../../../src-main/contract';
import type { CardData } from '../../../../src-main/contract/identity-operations';
import { contractRule } from '../../fieldRules';
import { ReadCardButton } from '../../identity/ReadCardButton';
import { normalizeDate } from '../../typedDate';
import { SEX_LABELS, derivesBirthAndSex, readIdNumber, type Sex } from '../marriage/marriageData';
import { normalizeCode } from '../../typedCode';
import { DateField } from '../../DateField';

const deceasedSchema = waiverInput.shape.deceased.shape;
const DOCUMENT_OPTIONS = DOCUMENT_TYPE_IDS.map((id) => ({ value: id, label: DOCUMENT_TYPES[id].label }));

/** The number's form, as the document type wants it (GB 11643 check for a resident ID). */
const numberRule = ({ getFieldValue }: { getFieldValue: (name: (string | number)[]) => unknown }) => ({
  validator: async (_rule: unknown, value: unknown) => {
    if (typeof value !== 'string' || !value.trim()) return;
    const type = getFieldValue(['deceased', 'documentType']) as DocumentTypeId | undefined;
    const problem = documentNumberProblem(type ?? 'resident-id', value);
    if (problem) throw new Error(`证件号码${problem}`);
  },
});

function SexMismatch({ documentType }: { documentType: DocumentTypeId | undefined }) {
  const idNumber = Form.useWatch<string | undefined>(['deceased', 'idNumber']);
  const sex = Form.useWatch<Sex | undefined>(['deceased', 'sex']);
  const read = derivesBirthAndSex(documentType) ? readIdNumber(idNumber) : null;
  if (!read || !sex || read.sex === sex) return null;
  return <Typography.Text type="warning">号码显示性别为{SEX_LABELS[read.sex]}，与所选性别不符</Typography.Text>;
}

function PlaceSwitch({ name, label, yes, no, testId }: { name: string; label: string; yes: string; no: string; testId: string }) {
  return (
    <Form.Item label={label} name={['deceased', name]} valuePropName="checked" style={{ marginBottom: 0 }}>
      <Switch checkedChildren={yes} unCheckedChildren={no} data-testid={testId} />
    </Form.Item>
  );
}

interface DeceasedFieldsProps {
  disabled: boolean;
  onCard: (card: CardData) => void;
  /** Whether the name takes the cursor when the desk opens (not when a 更正原因 is asked first). */
  autoFocus: boolean;
}

/**
 * 逝者: identity (a resident ID number gives the birth date and the sex, as at the marriage counter),
 * the date of death that picks the policy version, and the residence and place facts the policy asks.
 */
export function DeceasedFields({ disabled, onCard, autoFocus }: DeceasedFieldsProps) {
  const documentType = Form.useWatch<DocumentTypeId | undefined>(['deceased', 'documentType']);
  const derived = derivesBirthAndSex(documentType);
  return (
    <Card
      title="逝者"
      size="small"
      extra={<ReadCardButton shortcut="F2" disabled={disabled} size="small" onRead={onCard} testId="read-card-deceased" />}
      data-testid="deceased-form"
    >
      <Row gutter={12}>
        <Col xs={24} md={6}>
          <Form.Item label="证件类型" name={['deceased', 'documentType']} required>
            <Select options={DOCUMENT_OPTIONS} popupMatchSelectWidth={false} data-testid="deceased-document-type" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label="姓名" name={['deceased', 'name']} required rules={[contractRule(deceasedSchema.name)]} normalize={(v: string) => v.trimStart()}>
            <Input autoComplete="off" maxLength={50} autoFocus={autoFocus} data-testid="deceased-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label="证件号码"
            name={['deceased', 'idNumber']}
            required
            rules={[contractRule(deceasedSchema.idNumber), numberRule]}
            normalize={normalizeCode}
            extra={<SexMismatch documentType={documentType} />}
          >
            <Input autoComplete="off" maxLength={20} style={{ fontFamily: 'monospace' }} placeholder={DOCUMENT_TYPES[documentType ?? 'resident-id'].hint} data-testid="deceased-id-number" />
          </Form.Item>
        </Col>
        <Col xs={24} md={4}>
          <Form.Item label="性别" name={['deceased', 'sex']} required>
            <Radio.Group options={(['male', 'female'] as const).map((s) => ({ value: s, label: SEX_LABELS[s] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            label="出生日期"
            name={['deceased', 'birthDate']}
            normalize={(v: string) => normalizeDate(v)}
            tooltip={derived ? '由证件号码读出' : '按证件填写，如 1940-03-08；不详可不填'}
          >
            <Input
              autoComplete="off"
              maxLength={10}
              readOnly={derived}
              tabIndex={derived ? -1 : undefined}
              variant={derived ? 'filled' : 'outlined'}
              placeholder={derived ? '由证件号码读出' : 'YYYY-MM-DD'}
              data-testid="deceased-birth-date"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <DateField
            label="死亡日期"
            name={['deceased', 'dateOfDeath']}
            schema={deceasedSchema.dateOfDeath}
            testId="deceased-date-of-death"
            tooltip="按死亡当日有效的政策版本减免；可输入 8 位数字，如 20261115"
          />
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="死亡证明编号" name={['deceased', 'deathCertificateNumber']} required rules={[contractRule(deceasedSchema.deathCertificateNumber)]}>
            <Input autoComplete="off" maxLength={40} placeholder="死亡医学证明书或公安机关死亡证明的编号" data-testid="deceased-death-certificate" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="户籍地" name={['deceased', 'hukou']} required rules={[contractRule(deceasedSchema.hukou)]}>
            <Input autoComplete="off" maxLength={100} placeholder="户口簿登记的户籍地址" data-testid="deceased-hukou" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="死亡地点" name={['deceased', 'placeOfDeath']} required rules={[contractRule(deceasedSchema.placeOfDeath)]}>
            <Input autoComplete="off" maxLength={100} placeholder="如 惠州市中心人民医院" data-testid="deceased-place-of-death" />
          </Form.Item>
        </Col>
        <Col xs={8}>
          <PlaceSwitch name="hukouInCity" label="本市户籍" yes="是" no="否" testId="deceased-hukou-in-city" />
        </Col>
        <Col xs={8}>
          <PlaceSwitch name="diedInCity" label="在本市死亡" yes="是" no="否" testId="deceased-died-in-city" />
        </Col>
        <Col xs={8}>
          <PlaceSwitch name="crematedAtCityHome" label="在本市殡仪馆火化" yes="是" no="否" testId="deceased-cremated-here" />
        </Col>
      </Row>
    </Card>
  );
}
