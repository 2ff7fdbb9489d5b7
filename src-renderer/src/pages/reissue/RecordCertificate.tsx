import { useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Space, Typography } from 'antd';
import { FileProtectOutlined } from '@ant-design/icons';
import { operations, type OpOutput } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { contractRule } from '../../fieldRules';
import { ReadCardButton } from '../../identity/ReadCardButton';
import { useFormSubmit } from '../../useFormSubmit';
import { DocumentActions } from '../marriage/DocumentActions';
import type { Printers } from '../print/usePrintTarget';

const fields = operations['certificates.recordCertificate'].input.shape;

type Issued = OpOutput<'certificates.recordCertificate'>;

interface RecordValues {
  idNumber: string;
  purpose?: string;
}

interface RecordCertificateProps {
  /** Fixed when offered instead of a refused reissue: the applicant's own number, already checked. */
  idNumber?: string;
  printers: Printers | null;
}

/** The issued 证明 and its A4 document, built by the server from what it recorded. */
function IssuedCertificate({ issued, printers }: { issued: Issued; printers: Printers | null }) {

  return (
    <div data-testid="record-certificate-issued" style={{ marginTop: 16 }}>
      <Alert
        type="success"
        showIcon
        title={`已出具婚姻登记记录证明 ${issued.number}`}
        description={
          <Descriptions size="small" column={{ xs: 1, md: 4 }}>
            <Descriptions.Item label="证明编号">
              <Typography.Text strong copyable data-testid="record-certificate-number">
                {issued.number}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="当事人">{issued.name}</Descriptions.Item>
            <Descriptions.Item label="登记记录">{issued.records} 条</Descriptions.Item>
            <Descriptions.Item label="出具日期">{issued.issuedOn}</Descriptions.Item>
          </Descriptions>
        }
        style={{ marginBottom: 12 }}
      />
      <DocumentActions
        name="记录证明"
        primary
        load={() => call('counter.document', { document: 'record-certificate', key: issued.number })}
        printers={printers}
        testId="record-certificate-output"
      />
    </div>
  );
}

/**
 * 婚姻登记记录证明: what this office's archive holds on one person, for a lost certificate whose
 * marriage has since ended, or whenever a party asks for it.
 */
export function RecordCertificate({ idNumber, printers }: RecordCertificateProps) {
  const [form] = Form.useForm<RecordValues>();
  const [issued, setIssued] = useState<Issued | null>(null);
  const { submitting, error, onFinish } = useFormSubmit(form, async (values) => {
    setIssued(await call('certificates.recordCertificate', { idNumber: idNumber ?? values.idNumber, purpose: values.purpose?.trim() || undefined }));
  });

  return (
    <div data-testid="record-certificate">
      <Form form={form} layout="inline" onFinish={onFinish} disabled={Boolean(issued)} style={{ rowGap: 8 }} data-testid="record-certificate-form">
        {idNumber ? (
          <Form.Item label="当事人证件号码">
            <Typography.Text strong className="id-number" style={{ fontSize: 14 }}>
              {idNumber}
            </Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item label="当事人证件号码" name="idNumber" required rules={[contractRule(fields.idNumber)]} normalize={(v: string) => v.toUpperCase()}>
            <Input autoFocus autoComplete="off" maxLength={20} style={{ width: 220 }} />
          </Form.Item>
        )}
        <Form.Item label="用途" name="purpose" rules={[contractRule(fields.purpose)]}>
          <Input autoComplete="off" maxLength={100} placeholder="可不填，如：办理房产过户" style={{ width: 240 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            {!idNumber && (
              <ReadCardButton
                testId="record-certificate-read-card"
                onRead={(card) => form.setFields([{ name: 'idNumber', value: card.idNumber, errors: [] }])}
              />
            )}
            <Button type="primary" htmlType="submit" icon={<FileProtectOutlined />} loading={submitting} data-testid="record-certificate-issue">
              出具婚姻登记记录证明
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginTop: 12 }} data-testid="record-certificate-error" />}
      {issued && <IssuedCertificate issued={issued} printers={printers} />}
    </div>
  );
}
