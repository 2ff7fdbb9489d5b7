import type { Ref } from 'react';
import { Card, Col, Form, Input, Radio, Row, Select, Typography, type InputRef } from 'antd';
import { DOCUMENT_TYPES, DOCUMENT_TYPE_IDS, documentNumberProblem, operations, type DocumentTypeId } from '../../../../src-main/contract';
import type { CardData } from '../../../../src-main/contract/identity-operations';
import { contractRule } from '../../fieldRules';
import { ReadCardButton } from '../../identity/ReadCardButton';
import { normalizeDate } from '../../typedDate';
import { PARTY_TITLES, READ_CARD_KEYS, SEX_LABELS, derivesBirthAndSex, readIdNumber, type PartyKey, type Sex } from './marriageData';
import { normalizeCode } from '../../typedCode';

const partySchema = operations['marriage.check'].input.shape.party1.shape;
const birthDateSchema = partySchema.birthDate.unwrap();

const DOCUMENT_OPTIONS = DOCUMENT_TYPE_IDS.map((id) => ({ value: id, label: DOCUMENT_TYPES[id].label }));

/** The number's form, as the document type wants it; a complete wrong number is marked before 审查. */
function numberRule(party: PartyKey) {
  return ({ getFieldValue }: { getFieldValue: (name: (string | number)[]) => unknown }) => ({
    validator: async (_rule: unknown, value: unknown) => {
      const type = getFieldValue([party, 'documentType']) as DocumentTypeId | undefined;
      if (typeof value !== 'string' || !value.trim()) return;
      const problem = documentNumberProblem(type ?? 'resident-id', value);
      if (problem) throw new Error(`证件号码${problem}`);
    },
  });
}

/** The sex a resident ID or residence permit number states, when the chosen one differs. */
function useSexMismatch(party: PartyKey, documentType: DocumentTypeId | undefined): string | null {
  const idNumber = Form.useWatch<string | undefined>([party, 'idNumber']);
  const sex = Form.useWatch<Sex | undefined>([party, 'sex']);
  if (!derivesBirthAndSex(documentType)) return null;
  const read = readIdNumber(idNumber);
  if (!read || !sex || sex === read.sex) return null;
  return `号码显示性别为${SEX_LABELS[read.sex]}，与所选性别不符`;
}

interface PartyFieldsProps {
  party: PartyKey;
  disabled: boolean;
  /** The card read into this panel (F2 男方, F3 女方). */
  onCard: (card: CardData) => void;
  nameRef?: Ref<InputRef>;
}

/**
 * One party's panel. Tab runs 证件类型 → 姓名 → 证件号码 → 性别 → 出生日期 → 国籍; the birth date (and the
 * sex) of a resident ID or residence permit come from its number, so the birth date field is skipped.
 */
export function PartyFields({ party, disabled, onCard, nameRef }: PartyFieldsProps) {
  const documentType = Form.useWatch<DocumentTypeId | undefined>([party, 'documentType']);
  const derived = derivesBirthAndSex(documentType);
  const key = READ_CARD_KEYS[party];
  const mismatch = useSexMismatch(party, documentType);
  return (
    <Card
      title={PARTY_TITLES[party]}
      size="small"
      extra={<ReadCardButton shortcut={key} disabled={disabled} size="small" onRead={onCard} testId={`read-card-${party}`} />}
      data-testid={`${party}-form`}
    >
      <Row gutter={12}>
        <Col span={9}>
          <Form.Item label="证件类型" name={[party, 'documentType']} required>
            <Select options={DOCUMENT_OPTIONS} disabled={disabled} popupMatchSelectWidth={false} data-testid={`${party}-document-type`} />
          </Form.Item>
        </Col>
        <Col span={15}>
          <Form.Item label="姓名" name={[party, 'name']} required rules={[contractRule(partySchema.name)]} normalize={(v: string) => v.trimStart()}>
            <Input ref={nameRef} autoComplete="off" maxLength={50} disabled={disabled} autoFocus={party === 'party1'} />
          </Form.Item>
        </Col>
        <Col span={15}>
          <Form.Item
            label="证件号码"
            name={[party, 'idNumber']}
            required
            rules={[contractRule(partySchema.idNumber), numberRule(party)]}
            normalize={normalizeCode}
            extra={
              mismatch && (
                <Typography.Text type="warning" data-testid={`${party}-sex-mismatch`}>
                  {mismatch}
                </Typography.Text>
              )
            }
          >
            <Input autoComplete="off" maxLength={20} disabled={disabled} style={{ fontFamily: 'monospace' }} placeholder={DOCUMENT_TYPES[documentType ?? 'resident-id'].hint} />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item label="性别" name={[party, 'sex']} required rules={[contractRule(partySchema.sex)]}>
            <Radio.Group disabled={disabled} options={(['male', 'female'] as const).map((s) => ({ value: s, label: SEX_LABELS[s] }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label="出生日期"
            name={[party, 'birthDate']}
            required={!derived}
            rules={derived ? [] : [contractRule(birthDateSchema)]}
            normalize={(v: string) => normalizeDate(v)}
            tooltip={derived ? '由证件号码读出' : '按证件填写，如 1995-06-11'}
            style={{ marginBottom: 0 }}
          >
            <Input
              autoComplete="off"
              maxLength={10}
              disabled={disabled}
              readOnly={derived}
              tabIndex={derived ? -1 : undefined}
              variant={derived ? 'filled' : 'outlined'}
              placeholder={derived ? '由证件号码读出' : 'YYYY-MM-DD'}
              data-testid={`${party}-birth-date`}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="国籍" name={[party, 'nationality']} required rules={[contractRule(partySchema.nationality)]} style={{ marginBottom: 0 }}>
            <Input autoComplete="off" maxLength={30} disabled={disabled} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
