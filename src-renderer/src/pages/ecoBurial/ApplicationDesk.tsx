import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Radio, Result, Row, Space, Switch, Tag, Typography } from 'antd';
import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { BURIAL_TYPES, BURIAL_TYPE_LABELS, ECO_BURIAL_STATUSES, documentNumberProblem, ecoBurialInput, type AppError } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { contractRule } from '../../fieldRules';
import { applyFieldErrors } from '../../formErrors';
import { enterNavigation } from '../funeral/enterNavigation';
import { formatFen } from '../funeral/money';
import { altLabel, useAltShortcut } from '../marriage/useAltShortcut';
import { ECO_STATUS_COLORS, EMPTY_APPLICATION, inputOf, trialInput, type EcoBurialSubsidy, type EcoBurialValues } from './ecoBurialForm';
import { TrialPanel } from './TrialPanel';
import { useEcoComputation } from './useEcoComputation';
import { normalizeCode } from '../../typedCode';
import { DateField } from '../../DateField';

const field = ecoBurialInput.shape;
const BURIAL_OPTIONS = BURIAL_TYPES.map((t) => ({ value: t, label: BURIAL_TYPE_LABELS[t] }));
/** The deceased's number is a resident ID number (the subsidy follows the 户籍): its check digit is checked here too. */
const residentIdRule = {
  validator: async (_rule: unknown, value: unknown) => {
    if (typeof value !== 'string' || !value.trim()) return;
    const problem = documentNumberProblem('resident-id', value);
    if (problem) throw new Error(`逝者身份证件号码${problem}`);
  },
};

function Outcome({ result, onNew }: { result: EcoBurialSubsidy; onNew: () => void }) {
  useAltShortcut('N', onNew);
  return (
    <Card size="small" data-testid="eco-outcome">
      <Result
        status="success"
        style={{ padding: '16px 0 8px' }}
        title="已受理，待民政部门审核"
        subTitle={
          <span>
            申请编号 <strong data-testid="eco-number">{result.number}</strong>
          </span>
        }
      />
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'name', label: '逝者', children: result.deceasedName },
          { key: 'type', label: '安葬方式', children: `${BURIAL_TYPE_LABELS[result.burialType]}（${result.burialDate}）` },
          { key: 'amount', label: '奖补金额', children: <strong data-testid="eco-outcome-amount">{formatFen(result.amount)}</strong> },
          { key: 'reason', label: '依据', children: result.reason },
          { key: 'status', label: '状态', children: <Tag color={ECO_STATUS_COLORS[result.status]}>{ECO_BURIAL_STATUSES[result.status]}</Tag> },
        ]}
      />
      <Button type="primary" icon={<PlusOutlined />} style={{ marginTop: 16 }} onClick={onNew} aria-keyshortcuts="Alt+N" data-testid="eco-new">
        {altLabel('新的申请', 'N')}
      </Button>
    </Card>
  );
}

/**
 * 生态安葬奖补受理: the deceased, the burial, the applicant and where to pay — with the server's 试算
 * beside it as it is typed. Enter moves on, Ctrl+Enter submits.
 */
export function ApplicationDesk({ onSubmitted, onNew }: { onSubmitted: () => void; onNew: () => void }) {
  const [form] = Form.useForm<EcoBurialValues>();
  const [values, setValues] = useState<EcoBurialValues>(EMPTY_APPLICATION);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [result, setResult] = useState<EcoBurialSubsidy | null>(null);

  const trial = useMemo(() => trialInput(values), [values]);
  const live = useEcoComputation(!result && 'input' in trial ? trial.input : null);
  const hint = 'missing' in trial ? `填写后显示试算：${trial.missing}` : null;

  const submit = async (): Promise<void> => {
    if (submitting || result) return;
    setError(null);
    const ok = await form.validateFields().then(
      () => true,
      () => false,
    );
    if (!ok) return;
    setSubmitting(true);
    try {
      setResult(await call('ecoBurial.apply', inputOf(form.getFieldsValue(true) as EcoBurialValues)));
      onSubmitted();
    } catch (err) {
      setError(applyFieldErrors(form, err));
    } finally {
      setSubmitting(false);
    }
  };

  const done = result !== null;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        <div onKeyDownCapture={enterNavigation(() => void submit())}>
          <Form
            form={form}
            layout="vertical"
            initialValues={EMPTY_APPLICATION}
            disabled={done}
            onValuesChange={(_changed, all) => setValues(all)}
            data-testid="eco-form"
          >
            <Card title="逝者与安葬" size="small">
              <Row gutter={12}>
                <Col xs={24} md={6}>
                  <Form.Item label="逝者姓名" name="deceasedName" required rules={[contractRule(field.deceasedName)]} normalize={(v: string) => v.trimStart()}>
                    <Input autoComplete="off" maxLength={50} autoFocus data-testid="eco-deceased-name" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={9}>
                  <Form.Item label="逝者身份证件号码" name="deceasedIdNumber" required rules={[contractRule(field.deceasedIdNumber), residentIdRule]} normalize={normalizeCode}>
                    <Input autoComplete="off" maxLength={20} style={{ fontFamily: 'monospace' }} data-testid="eco-deceased-id" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <DateField
                    label="死亡日期"
                    name="dateOfDeath"
                    schema={field.dateOfDeath}
                    testId="eco-date-of-death"
                    tooltip="按死亡当日有效的奖补方案版本计算；可输入 8 位数字，如 20261115"
                  />
                </Col>
                <Col xs={24} md={4}>
                  <Form.Item label="本市户籍" name="hukouInCity" valuePropName="checked">
                    <Switch checkedChildren="是" unCheckedChildren="否" data-testid="eco-hukou-in-city" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="安葬方式" name="burialType" required rules={[{ required: true, message: '请选择安葬方式' }]}>
                    <Radio.Group optionType="button" options={BURIAL_OPTIONS} data-testid="eco-burial-type" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <DateField label="安葬日期" name="burialDate" schema={field.burialDate} testId="eco-burial-date" />
                </Col>
                <Col xs={24} md={7}>
                  <Form.Item label="安葬地点" name="burialPlace" required rules={[contractRule(field.burialPlace)]}>
                    <Input autoComplete="off" maxLength={100} placeholder="如 中山市海域（磨刀门）" data-testid="eco-burial-place" />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
            <Card title="申请人与收款" size="small" style={{ marginTop: 16 }}>
              <Row gutter={12}>
                <Col xs={24} md={6}>
                  <Form.Item label="申请人姓名" name="applicantName" required rules={[contractRule(field.applicantName)]} normalize={(v: string) => v.trimStart()}>
                    <Input autoComplete="off" maxLength={50} data-testid="eco-applicant-name" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={9}>
                  <Form.Item label="申请人身份证件号码" name="applicantIdNumber" required rules={[contractRule(field.applicantIdNumber)]} normalize={normalizeCode}>
                    <Input autoComplete="off" maxLength={20} style={{ fontFamily: 'monospace' }} data-testid="eco-applicant-id" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={9}>
                  <Form.Item label="与逝者关系" name="relation" required rules={[contractRule(field.relation)]}>
                    <Input autoComplete="off" maxLength={20} placeholder="如 儿子、配偶" data-testid="eco-relation" />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item label="收款账号" name="bankAccount" required rules={[contractRule(field.bankAccount)]} extra="奖补批准后发放到此账户。">
                    <Input autoComplete="off" maxLength={40} style={{ fontFamily: 'monospace' }} data-testid="eco-bank-account" />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
            {error && <Alert type="error" showIcon title={error.message} style={{ marginTop: 16 }} data-testid="eco-error" />}
            {!done && (
              <Space style={{ marginTop: 16 }}>
                <Button type="primary" icon={<SendOutlined />} loading={submitting} onClick={() => void submit()} aria-keyshortcuts="Control+Enter" data-enter-last data-testid="eco-submit">
                  提交（Ctrl+Enter）
                </Button>
                <Typography.Text type="secondary">提交后由民政部门审核，批准后登记发放。</Typography.Text>
              </Space>
            )}
          </Form>
        </div>
      </Col>
      <Col xs={24} xl={10}>
        <div style={{ position: 'sticky', top: 0 }}>
          {result ? <Outcome result={result} onNew={onNew} /> : <TrialPanel {...live} hint={hint} />}
        </div>
      </Col>
    </Row>
  );
}
