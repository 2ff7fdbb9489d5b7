import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { operations, type OpOutput } from '../../../src-main/contract';
import { call, setSession } from '../api/client';
import { ChangePasswordDialog } from '../ChangePasswordDialog';
import { contractRule } from '../fieldRules';
import { useFormSubmit } from '../useFormSubmit';

interface LoginValues {
  username: string;
  password: string;
}

const fields = operations['auth.login'].input.shape;

interface LoginPageProps {
  station: OpOutput<'setup.status'>['station'];
  /** Why the user is here again, e.g. the session ended. */
  notice?: string;
  onLoggedIn: () => void;
  onLogout: () => void;
}

export function LoginPage({ station, notice, onLoggedIn, onLogout }: LoginPageProps) {
  const [form] = Form.useForm<LoginValues>();
  const [mustChangePassword, setMustChangePassword] = useState(false);
  const { submitting, error, onFinish } = useFormSubmit(form, async (values) => {
    const result = await call('auth.login', values);
    setSession(result.session);
    if (result.user.mustChangePassword) setMustChangePassword(true);
    else onLoggedIn();
  });

  const abandonLogin = (): void => {
    form.resetFields(['password']);
    onLogout();
  };

  return (
    <div className="center-page">
      <Card className="login-card">
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {station?.officeName ?? 'CivReg 民政登记服务台'}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          CivReg 民政登记服务台{station ? ` · 工作站 ${station.stationId}` : ''}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={onFinish} data-testid="login-form">
          {notice && !error && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} />}
          {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
          <Form.Item label="用户名" name="username" rules={[contractRule(fields.username)]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[contractRule(fields.password)]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            登录
          </Button>
        </Form>
      </Card>
      {mustChangePassword && (
        <ChangePasswordDialog
          forced
          onChanged={onLoggedIn}
          onCancel={abandonLogin}
          onClosed={() => setMustChangePassword(false)}
        />
      )}
    </div>
  );
}
