import { App, Typography } from 'antd';
import { operations, type UserView } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { FormDialog } from '../../FormDialog';
import { NewPasswordFields } from '../../NewPasswordFields';

interface ResetPasswordValues {
  newPassword: string;
  confirmPassword: string;
}

export function ResetPasswordDialog({ user, onClosed }: { user: UserView; onClosed: () => void }) {
  const { message } = App.useApp();

  const submit = async ({ newPassword }: ResetPasswordValues): Promise<void> => {
    await call('users.resetPassword', { id: user.id, newPassword });
    void message.success(`已重置 ${user.username} 的密码`);
  };

  return (
    <FormDialog<ResetPasswordValues> title={`重置密码：${user.username}`} okText="确定" testId="reset-password-form" onSubmit={submit} onClosed={onClosed}>
      <Typography.Paragraph type="secondary">
        为{user.displayName}设置新的初始密码。重置后其已登录的会话立即结束，下次登录须修改密码；因密码输错被锁定的账户同时解除锁定。
      </Typography.Paragraph>
      <NewPasswordFields
        name="newPassword"
        label="新密码"
        schema={operations['users.resetPassword'].input.shape.newPassword}
        autoFocus
        confirmLabel="确认新密码"
      />
    </FormDialog>
  );
}
