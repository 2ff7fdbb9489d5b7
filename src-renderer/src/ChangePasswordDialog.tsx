import { Alert, App, Form, Input } from 'antd';
import { operations } from '../../src-main/contract';
import { call } from './api/client';
import { contractRule } from './fieldRules';
import { FormDialog } from './FormDialog';
import { NewPasswordFields } from './NewPasswordFields';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const fields = operations['auth.changePassword'].input.shape;

interface ChangePasswordDialogProps {
  /** After login with a password that must be changed: no way round it but 退出登录. */
  forced?: boolean;
  onChanged?: () => void;
  onCancel?: () => void;
  onClosed: () => void;
}

export function ChangePasswordDialog({ forced = false, onChanged, onCancel, onClosed }: ChangePasswordDialogProps) {
  const { message } = App.useApp();

  const submit = async ({ currentPassword, newPassword }: ChangePasswordValues): Promise<void> => {
    await call('auth.changePassword', { currentPassword, newPassword });
    void message.success('密码已修改');
    onChanged?.();
  };

  return (
    <FormDialog<ChangePasswordValues>
      title="修改密码"
      okText="确定"
      cancelText={forced ? '退出登录' : '取消'}
      forced={forced}
      testId="change-password-form"
      onSubmit={submit}
      onCancel={onCancel}
      onClosed={onClosed}
    >
      {forced && (
        <Alert
          type="warning"
          showIcon
          title="首次登录或密码已由管理员重置，请先设置新密码再继续使用。"
          style={{ marginBottom: 16 }}
        />
      )}
      <Form.Item label="当前密码" name="currentPassword" required rules={[contractRule(fields.currentPassword)]}>
        <Input.Password autoFocus autoComplete="current-password" />
      </Form.Item>
      <NewPasswordFields name="newPassword" label="新密码" schema={fields.newPassword} confirmLabel="确认新密码" />
    </FormDialog>
  );
}
