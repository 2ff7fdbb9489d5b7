import { useEffect, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Col, Form, Input, Row, Space, Typography, type UploadFile } from 'antd';
import { FileDoneOutlined } from '@ant-design/icons';
import { operations, type OpOutput } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { contractRule } from '../../fieldRules';
import { ScanPicker } from '../../scans/ScanPicker';
import { toScans } from '../../scans/scanFiles';
import { useFormSubmit } from '../../useFormSubmit';

const fields = operations['divorce.apply'].input.shape;
const CERTIFICATE_NUMBER = /^(J|BJ)\d{6}-\d{4}-\d{6}$/;

export type DivorceApplication = OpOutput<'divorce.apply'>;
type CaseView = OpOutput<'counter.search'>[number];

interface ApplyValues {
  marriageCertificateNumber?: string;
  spouseIdNumber?: string;
  children: string;
  property: string;
  debts: string;
  scans?: UploadFile[];
}

const AGREEMENT = [
  { name: 'children', label: '子女抚养', placeholder: '子女由哪一方直接抚养，抚养费的数额和支付方式，探望的方式和时间；无子女的写“无子女”' },
  { name: 'property', label: '财产处理', placeholder: '共同财产（房屋、车辆、存款等）的分割' },
  { name: 'debts', label: '债务处理', placeholder: '共同债务的承担和清偿；无共同债务的写“无共同债务”' },
] as const;

/** The marriage the typed 字号 or ID number finds, shown before the application is received. */
function MarriageLookup({ certificateNumber, idNumber }: { certificateNumber?: string; idNumber?: string }) {
  const number = certificateNumber?.trim().toUpperCase() ?? '';
  const id = idNumber?.trim().toUpperCase() ?? '';
  const query = CERTIFICATE_NUMBER.test(number) ? number : id.length === 18 ? id : null;
  const [found, setFound] = useState<{ query: string; cases: CaseView[] } | null>(null);

  useEffect(() => {
    if (!query) return;
    let active = true;
    call('counter.search', { query }).then(
      (cases) => active && setFound({ query, cases: cases.filter((c) => c.kind === 'marriage') }),
      () => active && setFound(null),
    );
    return () => {
      active = false;
    };
  }, [query]);

  if (!query || found?.query !== query) return null;
  if (found.cases.length === 0) {
    return (
      <Typography.Text type="warning" data-testid="divorce-marriage-lookup">
        本机关未查到{query === number ? `结婚证字号为 ${query} 的结婚登记` : '该当事人的结婚登记'}
      </Typography.Text>
    );
  }
  return (
    <Space orientation="vertical" size={0} data-testid="divorce-marriage-lookup">
      {found.cases.map((c) => (
        <Typography.Text key={c.id} type={c.status === '已登记结婚' ? 'success' : 'secondary'}>
          {c.names.join('、')}（{c.idNumbersMasked.join('、')}），{c.date} 登记，{c.certificateNumber}，{c.status}
        </Typography.Text>
      ))}
    </Space>
  );
}

/**
 * 受理离婚登记申请, from the keyboard: the marriage by its 字号 (or, a certificate lost, by either
 * spouse's ID number), the agreement on children, property and debts, the scans. Enter in the first
 * fields moves on; Ctrl+Enter anywhere receives the application.
 */
export function ApplyForm({ onApplied }: { onApplied: (application: DivorceApplication) => void }) {
  const [form] = Form.useForm<ApplyValues>();
  const certificateNumber = Form.useWatch('marriageCertificateNumber', form);
  const idNumber = Form.useWatch('spouseIdNumber', form);

  const { submitting, error, onFinish } = useFormSubmit(form, async (values: ApplyValues) => {
    const number = values.marriageCertificateNumber?.trim();
    const id = values.spouseIdNumber?.trim();
    const application = await call('divorce.apply', {
      ...(number ? { marriageCertificateNumber: number } : { spouseIdNumber: id }),
      children: values.children,
      property: values.property,
      debts: values.debts,
      scans: await toScans(values.scans),
    });
    onApplied(application);
  });

  // One of the two finds the marriage; the 字号 when both are given.
  const oneOfTwo = {
    validator: async (_rule: unknown, value: unknown) => {
      if (!value && !form.getFieldValue('spouseIdNumber')) throw new Error('请填写结婚证字号，或结婚证遗失时填写一方的身份证件号码');
    },
  };

  const nextOnEnter = (next: string) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    form.focusField(next);
  };

  return (
    <Form<ApplyValues>
      form={form}
      layout="vertical"
      onFinish={(values) => void onFinish(values)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          form.submit();
        }
      }}
      data-testid="divorce-apply-form"
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label="结婚证字号"
            name="marriageCertificateNumber"
            rules={[oneOfTwo, contractRule(fields.marriageCertificateNumber)]}
            dependencies={['spouseIdNumber']}
            normalize={(v: string) => v.toUpperCase()}
          >
            <Input autoFocus autoComplete="off" placeholder="如 J442000-2026-000001" maxLength={24} onPressEnter={nextOnEnter('spouseIdNumber')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label="或：一方身份证件号码"
            name="spouseIdNumber"
            tooltip="结婚证遗失的，按任何一方的身份证件号码查找本机关的结婚登记"
            rules={[contractRule(fields.spouseIdNumber)]}
            normalize={(v: string) => v.toUpperCase()}
          >
            <Input autoComplete="off" placeholder="结婚证遗失时填写" maxLength={20} onPressEnter={nextOnEnter('children')} />
          </Form.Item>
        </Col>
      </Row>
      <div style={{ marginTop: -4, marginBottom: 16, minHeight: 22 }}>
        <MarriageLookup certificateNumber={certificateNumber} idNumber={idNumber} />
      </div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        离婚协议书约定
      </Typography.Title>
      <Row gutter={16}>
        {AGREEMENT.map((f) => (
          <Col key={f.name} xs={24} lg={8}>
            <Form.Item label={f.label} name={f.name} required rules={[contractRule(fields[f.name])]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} placeholder={f.placeholder} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <ScanPicker papers="离婚协议书、结婚证、双方身份证件的扫描件" testId="divorce-scans-pick" />
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} data-testid="divorce-apply-error" />}
      <Space>
        <Button type="primary" htmlType="submit" icon={<FileDoneOutlined />} loading={submitting} data-testid="divorce-apply">
          受理
        </Button>
        <Typography.Text type="secondary">Ctrl+Enter 受理；收到申请之日即为受理日，冷静期和领证期限随即确定。</Typography.Text>
      </Space>
    </Form>
  );
}
