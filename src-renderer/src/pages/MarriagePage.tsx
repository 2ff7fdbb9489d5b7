import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Descriptions, Divider, Form, Result, Row, Space, Typography } from 'antd';
import { AuditOutlined, CheckCircleOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { hasPermission, operations, type AppError, type OpOutput } from '../../../src-main/contract';
import { call } from '../api/client';
import { useCurrentSession } from '../currentSession';
import { applyFieldErrors } from '../formErrors';
import { PageHeader } from '../PageHeader';
import { useQuery } from '../useQuery';
import { ForbiddenPage } from './ForbiddenPage';
import { CertificateRow } from './marriage/CertificateRow';
import { PARTY_KEYS, chineseDate, partiesOf, type MarriageValues, type Registration } from './marriage/marriageData';
import { PartyFields } from './marriage/PartyFields';
import { RefuseDialog } from './marriage/RefuseDialog';

const registerFields = operations['marriage.register'].input.shape;
const CERTIFICATE_TEMPLATE = { id: 'marriage-certificate', title: '结婚证（套打）', page: { width: 95, height: 128 } };

const INITIAL: MarriageValues = {
  party1: { name: '', sex: 'male', nationality: '中国', idNumber: '' },
  party2: { name: '', sex: 'female', nationality: '中国', idNumber: '' },
  declarationSigned: false,
  consentConfirmed: false,
};

const PARTY_FIELDS = PARTY_KEYS.flatMap((p) => ['name', 'idNumber', 'sex', 'nationality'].map((f) => [p, f]));

const CONFIRMATIONS = ['declarationSigned', 'consentConfirmed'] as const;

type Check = OpOutput<'marriage.check'>;

function CheckResult({ check }: { check: Check }) {
  if (check.ok) {
    const platform = check.platformAsked ? '已向省级平台查询婚姻状况' : '未向省级平台查询婚姻状况——同步功能尚未上线';
    return (
      <Alert
        type="success"
        showIcon
        title={`审查通过，可以登记（登记日期 ${chineseDate(check.registrationDate)}；${platform}）`}
        style={{ marginBottom: 16 }}
        data-testid="marriage-check-ok"
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title="审查未通过，有下列不予登记的情形："
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {check.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      }
      style={{ marginBottom: 16 }}
      data-testid="marriage-problems"
    />
  );
}

/** One application at the counter, from the two parties' particulars to the printed certificates. */
function MarriageDesk({ onNew }: { onNew: () => void }) {
  const [form] = Form.useForm<MarriageValues>();
  const templates = useQuery('print.templates', {});
  const printers = useQuery('print.printers', {});
  const template = templates.data?.find((t) => t.id === CERTIFICATE_TEMPLATE.id) ?? CERTIFICATE_TEMPLATE;
  const [running, setRunning] = useState<'check' | 'register' | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [check, setCheck] = useState<Check | null>(null);
  const [registration, setRegistration] = useState<Registration | null>(null);
  const [refusing, setRefusing] = useState<string | null>(null);
  const [refused, setRefused] = useState<OpOutput<'marriage.refuse'> | null>(null);
  const done = Boolean(registration || refused);

  const validateParties = () => form.validateFields(PARTY_FIELDS).catch(() => null);

  const runCheck = async (): Promise<void> => {
    const values = await validateParties();
    if (!values) return;
    setRunning('check');
    setError(null);
    try {
      setCheck(await call('marriage.check', partiesOf(values)));
    } catch (err) {
      setCheck(null);
      setError(applyFieldErrors(form, err));
    } finally {
      setRunning(null);
    }
  };

  const runRegister = async (): Promise<void> => {
    const values = await validateParties();
    // Only registering needs the two confirmations ticked, with the contract's own messages.
    const unconfirmed = CONFIRMATIONS.flatMap((name) => {
      const result = registerFields[name].safeParse(form.getFieldValue(name) === true ? true : undefined);
      return result.success ? [] : [{ name, errors: [result.error.issues[0]?.message ?? '请确认'] }];
    });
    form.setFields(CONFIRMATIONS.map((name) => ({ name, errors: unconfirmed.find((u) => u.name === name)?.errors ?? [] })));
    if (!values || unconfirmed.length > 0) return;
    setRunning('register');
    setError(null);
    const parties = partiesOf(values);
    try {
      const result = await call('marriage.register', { ...parties, declarationSigned: true, consentConfirmed: true });
      setRegistration({ ...parties, result });
    } catch (err) {
      setError(applyFieldErrors(form, err));
    } finally {
      setRunning(null);
    }
  };

  const startRefusal = async (): Promise<void> => {
    const values = await validateParties();
    if (!values) return;
    const parties = partiesOf(values);
    setRefusing(`${parties.party1.name}、${parties.party2.name}`);
  };

  const refuse = async (reason: string): Promise<void> => {
    const parties = partiesOf(form.getFieldsValue(true) as MarriageValues);
    setRefused(await call('marriage.refuse', { ...parties, reason }));
  };

  return (
    <>
      <Form
        form={form}
        layout="vertical"
        initialValues={INITIAL}
        disabled={done}
        onFinish={() => void runCheck()}
        onValuesChange={(changed: Partial<MarriageValues>) => {
          // A check answers for the particulars it was given.
          if (changed.party1 || changed.party2) setCheck(null);
        }}
        data-testid="marriage-form"
      >
        <Row gutter={16}>
          {PARTY_KEYS.map((party) => (
            <Col key={party} xs={24} lg={12}>
              <PartyFields party={party} disabled={done} />
            </Col>
          ))}
        </Row>
        <div style={{ marginTop: 16 }}>
          {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} data-testid="marriage-error" />}
          {check && <CheckResult check={check} />}
        </div>
        <Form.Item
          name="declarationSigned"
          valuePropName="checked"
          style={{ marginBottom: 4 }}
        >
          <Checkbox data-testid="declaration-signed">申请结婚登记声明书已由双方签名</Checkbox>
        </Form.Item>
        <Form.Item
          name="consentConfirmed"
          valuePropName="checked"
        >
          <Checkbox data-testid="consent-confirmed">婚姻登记员已确认双方完全自愿</Checkbox>
        </Form.Item>
        {!done && (
          <Space wrap>
            <Button htmlType="submit" icon={<AuditOutlined />} loading={running === 'check'} data-testid="marriage-check">
              审查
            </Button>
            <Button type="primary" icon={<CheckCircleOutlined />} loading={running === 'register'} onClick={() => void runRegister()} data-testid="marriage-register">
              登记
            </Button>
            <Button danger icon={<StopOutlined />} onClick={() => void startRefusal()} data-testid="marriage-refuse">
              不予登记
            </Button>
          </Space>
        )}
      </Form>
      {registration && (
        <Card
          title="结婚登记完成"
          style={{ marginTop: 16 }}
          extra={
            <Button icon={<PlusOutlined />} onClick={onNew} data-testid="marriage-new">
              新的登记
            </Button>
          }
          data-testid="marriage-registered"
        >
          <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="结婚证字号">
              <Typography.Text strong copyable data-testid="certificate-number">
                {registration.result.certificateNumber}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="登记日期">{chineseDate(registration.result.registrationDate)}</Descriptions.Item>
            <Descriptions.Item label="当事人">
              {registration.party1.name}、{registration.party2.name}
            </Descriptions.Item>
          </Descriptions>
          {printers.error && <Alert type="warning" showIcon title={`打印机列表读取失败：${printers.error.message}`} style={{ marginBottom: 16 }} />}
          <Typography.Paragraph type="secondary">
            结婚证一式两本，双方各持一本。先预览核对，再在预印的空白结婚证上套打（填写其印制编号）；同一本再次打印或保存即为重印，须说明原因。
          </Typography.Paragraph>
          {PARTY_KEYS.map((holder, i) => (
            <div key={holder}>
              {i > 0 && <Divider style={{ margin: '12px 0' }} />}
              <CertificateRow registration={registration} holder={holder} template={template} printers={printers.data} />
            </div>
          ))}
        </Card>
      )}
      {refused && (
        <Result
          status="warning"
          title="已作出不予结婚登记的决定"
          subTitle={`决定日期 ${chineseDate(refused.decidedOn)}；理由已记入登记记录和审计日志。`}
          extra={
            <Button type="primary" icon={<PlusOutlined />} onClick={onNew} data-testid="marriage-new">
              新的登记
            </Button>
          }
          data-testid="marriage-refused"
        />
      )}
      {refusing && <RefuseDialog names={refusing} onSubmit={refuse} onClosed={() => setRefusing(null)} />}
    </>
  );
}

/** 结婚登记: 审查, 登记 or 不予登记, then the two certificates. */
export function MarriagePage() {
  const { role } = useCurrentSession().status.user;
  const [generation, setGeneration] = useState(0);
  if (!hasPermission(role, 'marriage.register')) return <ForbiddenPage area="结婚登记" permission="marriage.register" />;
  return (
    <div data-testid="marriage-page">
      <PageHeader
        title="结婚登记"
        description="内地居民结婚登记：录入双方身份信息，审查后登记，再为双方各套打一本结婚证。Enter 审查。"
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setGeneration((g) => g + 1)} data-testid="marriage-reset">
            新的登记
          </Button>
        }
      />
      <MarriageDesk key={generation} onNew={() => setGeneration((g) => g + 1)} />
    </div>
  );
}
