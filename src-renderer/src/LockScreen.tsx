import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { ROLE_LABELS, operations, type UserView } from '../../src-main/contract';
import { call } from './api/client';
import { contractRule } from './fieldRules';
import { useFormSubmit } from './useFormSubmit';

interface LockScreenProps {
  user: UserView;
  onUnlocked: () => void;
  onLogout: () => void;
}

/**
 * Covers the whole window, opaque, while the session is locked. Everything else in the page is made
 * inert meanwhile, so no applicant's data is visible or reachable by Tab while the counter is
 * unattended — yet the work behind it is kept, not thrown away.
 */
export function LockScreen({ user, onUnlocked, onLogout }: LockScreenProps) {
  const [host] = useState(() => document.createElement('div'));
  useEffect(() => {
    document.body.appendChild(host);
    const others = [...document.body.children].filter((el): el is HTMLElement => el !== host && el instanceof HTMLElement && !el.inert);
    for (const el of others) el.inert = true;
    return () => {
      for (const el of others) el.inert = false;
      host.remove();
    };
  }, [host]);
  const [form] = Form.useForm<{ password: string }>();
  const { submitting, error, onFinish } = useFormSubmit(form, async (values) => {
    await call('auth.unlock', values);
    onUnlocked();
  });

  return createPortal(
    <div className="lock-screen" data-testid="lock-screen" role="dialog" aria-modal="true" aria-labelledby="lock-screen-title">
      <div className="lock-screen-card">
        <LockOutlined className="lock-screen-icon" />
        <Typography.Title level={3} id="lock-screen-title">
          屏幕已锁定
        </Typography.Title>
        <Typography.Paragraph>
          {user.displayName}（{user.username}，{ROLE_LABELS[user.role]}）
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">为保护群众个人信息，请输入本人密码解锁。</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={onFinish} className="lock-screen-form">
          {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
          <Form.Item label="密码" name="password" rules={[contractRule(operations['auth.unlock'].input.shape.password)]}>
            <Input.Password autoFocus autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            解锁
          </Button>
        </Form>
        <Button type="link" onClick={onLogout} style={{ marginTop: 8 }}>
          退出登录
        </Button>
      </div>
    </div>,
    host,
  );
}
