import { useRef, useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Result, type GetRef } from 'antd';
import { operations, type OpOutput } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { contractRule } from '../../fieldRules';
import { useFormSubmit } from '../../useFormSubmit';

type Verdict = OpOutput<'qr.verify'>;
type Facts = NonNullable<Verdict['facts']>;

function FactList({ facts }: { facts: Facts }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      items={[
        { key: 'station', label: '工作站', children: facts.station },
        { key: 'certificateNumber', label: '证书字号', children: facts.certificateNumber },
        { key: 'names', label: '姓名', children: facts.names.join('、') },
        { key: 'date', label: '登记日期', children: facts.date },
        { key: 'office', label: '登记机关', children: facts.office },
      ]}
      style={{ maxWidth: 560, margin: '0 auto', textAlign: 'left' }}
    />
  );
}

function VerdictResult({ verdict }: { verdict: Verdict }) {
  if (verdict.ok && verdict.facts) {
    return (
      <Result status="success" title="签名有效" subTitle="二维码由下列工作站签发，内容未被改动。请与证书上的内容逐项核对。" data-testid="verify-result">
        <FactList facts={verdict.facts} />
      </Result>
    );
  }
  return (
    <Result status="error" title="核验未通过" subTitle={verdict.reason ?? '无法核验'} data-testid="verify-result">
      {verdict.facts && (
        <>
          <Alert type="warning" showIcon title="以下为二维码中写明的内容，未经签名证实，不可采信" style={{ maxWidth: 560, margin: '0 auto 12px' }} />
          <FactList facts={verdict.facts} />
        </>
      )}
    </Result>
  );
}

/** 证书核验: a scanner types the QR text like a keyboard and ends with Enter; the station checks its signature. */
export function VerifyTab() {
  const [form] = Form.useForm<{ text: string }>();
  const input = useRef<GetRef<typeof Input.TextArea>>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const { submitting, error, onFinish } = useFormSubmit(form, async (values) => {
    setVerdict(null);
    setVerdict(await call('qr.verify', values));
    // The next scan replaces this one.
    input.current?.focus({ cursor: 'all' });
  });

  return (
    <div data-testid="verify-page">
      <Form form={form} name="verify" layout="vertical" onFinish={onFinish} style={{ maxWidth: 720 }} data-testid="verify-form">
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
        <Form.Item
          label="二维码内容"
          name="text"
          required
          rules={[contractRule(operations['qr.verify'].input.shape.text)]}
          extra="将光标放在此框内，用扫码枪扫描证书上的二维码，扫完自动核验；也可粘贴后按 Enter。"
        >
          <Input.TextArea
            ref={input}
            autoFocus
            autoSize={{ minRows: 3, maxRows: 8 }}
            onPressEnter={(e) => {
              if (e.shiftKey) return;
              e.preventDefault();
              form.submit();
            }}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting}>
          核验
        </Button>
      </Form>
      {verdict && <VerdictResult verdict={verdict} />}
    </div>
  );
}
