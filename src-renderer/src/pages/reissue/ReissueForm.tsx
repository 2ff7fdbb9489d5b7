import { useState } from 'react';
import { Alert, Button, Col, Form, Input, Radio, Row, Space, Tag } from 'antd';
import { ClearOutlined, FileAddOutlined } from '@ant-design/icons';
import { operations, type AppError, type OpOutput } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { contractRule } from '../../fieldRules';
import { applyFieldErrors, asAppError } from '../../formErrors';
import { ReadCardButton } from '../../identity/ReadCardButton';

const fields = operations['certificates.reissue'].input.shape;

export type Reissued = OpOutput<'certificates.reissue'>;

export interface ReissueValues {
  originalNumber: string;
  party: 1 | 2;
  idNumber: string;
  reason: string;
}

/** Why the status changed: the server's answer, and the applicant's number for a record certificate instead. */
export interface Refusal {
  message: string;
  idNumber: string;
  originalNumber: string;
}

const REASONS = ['遗失', '损毁', '被盗', '污损无法辨认'];

interface ReissueFormProps {
  initialOriginalNumber?: string;
  done: boolean;
  onIssued: (result: Reissued) => void;
  /** CONFLICT: the marital status has changed since, no replacement. */
  onRefused: (refusal: Refusal) => void;
  onReset: () => void;
}

/** 补领: the original certificate's 字号, which of the two holds it, the applicant's own ID number, why. */
export function ReissueForm({ initialOriginalNumber, done, onIssued, onRefused, onReset }: ReissueFormProps) {
  const [form] = Form.useForm<ReissueValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const reasonValue = Form.useWatch('reason', form);

  const submit = async (values: ReissueValues): Promise<void> => {
    setSubmitting(true);
    setError(null);
    try {
      onIssued(await call('certificates.reissue', values));
    } catch (err) {
      const appError = asAppError(err);
      if (appError.code === 'CONFLICT') {
        onRefused({ message: appError.message, idNumber: values.idNumber.trim().toUpperCase(), originalNumber: values.originalNumber.trim() });
      } else {
        setError(applyFieldErrors(form, appError));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const reset = (): void => {
    form.resetFields();
    setError(null);
    onReset();
  };

  return (
    <Form<ReissueValues>
      form={form}
      layout="vertical"
      initialValues={{ party: 1, originalNumber: initialOriginalNumber ?? '' }}
      disabled={done}
      onFinish={(values) => void submit(values)}
      onValuesChange={() => {
        if (error) setError(null);
      }}
      data-testid="reissue-form"
    >
      <Row gutter={16}>
        <Col xs={24} md={12} xl={6}>
          <Form.Item
            label="原证字号"
            name="originalNumber"
            required
            rules={[contractRule(fields.originalNumber)]}
            normalize={(v: string) => v.toUpperCase()}
            extra="遗失或损毁的结婚证（J）、离婚证（L）上的字号"
          >
            <Input autoFocus={!initialOriginalNumber} autoComplete="off" maxLength={22} placeholder="J442000-2026-000001" style={{ fontFamily: 'ui-monospace, Consolas, monospace' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={4}>
          <Form.Item label="持证人" name="party" required extra="证上登记的一方或另一方">
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 1, label: '一方' },
                { value: 2, label: '另一方' },
              ]}
              data-testid="reissue-party"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={7}>
          <Form.Item label="申请人身份证件号码" required extra="须由持证人本人申请，与登记记录核对">
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="idNumber" noStyle rules={[contractRule(fields.idNumber)]} normalize={(v: string) => v.toUpperCase()}>
                <Input autoFocus={Boolean(initialOriginalNumber)} autoComplete="off" maxLength={20} aria-label="申请人身份证件号码" style={{ fontFamily: 'ui-monospace, Consolas, monospace' }} />
              </Form.Item>
              <ReadCardButton
                testId="reissue-read-card"
                disabled={done}
                onRead={(card) => form.setFields([{ name: 'idNumber', value: card.idNumber, errors: [] }])}
              />
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={7}>
          <Form.Item
            label="补领原因"
            name="reason"
            required
            rules={[contractRule(fields.reason)]}
            extra={
              <Space size={4} wrap>
                常用：
                {REASONS.map((reason) => (
                  <Tag.CheckableTag
                    key={reason}
                    checked={reasonValue === reason}
                    onChange={() => !done && form.setFields([{ name: 'reason', value: reason, errors: [] }])}
                  >
                    {reason}
                  </Tag.CheckableTag>
                ))}
              </Space>
            }
          >
            <Input autoComplete="off" maxLength={200} placeholder="如：遗失" />
          </Form.Item>
        </Col>
      </Row>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} data-testid="reissue-error" />}
      <Space>
        <Button type="primary" htmlType="submit" icon={<FileAddOutlined />} loading={submitting} data-testid="reissue-submit">
          核对档案并补发
        </Button>
        <Button icon={<ClearOutlined />} onClick={reset} disabled={false} data-testid="reissue-reset">
          {done ? '办理下一件' : '重新填写'}
        </Button>
      </Space>
    </Form>
  );
}
