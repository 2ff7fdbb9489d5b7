import { App, Typography } from 'antd';
import type { UserView } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { asAppError } from '../../formErrors';

/**
 * Show a user's full ID number after the administrator confirms; the server records every look in
 * the audit log, which the confirmation says before anything is shown.
 */
export function useRevealIdNumber(): (user: UserView) => void {
  const { modal, message } = App.useApp();

  return (user) => {
    modal.confirm({
      title: `查看${user.displayName}的完整身份证号`,
      content: '查看完整证件号码将被记入审计日志。',
      okText: '确定',
      cancelText: '取消',
      onOk: async () => {
        try {
          const { idNumber } = await call('users.revealIdNumber', { id: user.id });
          modal.info({
            title: `${user.displayName}（${user.username}）的身份证号`,
            content: (
              <Typography.Text copyable className="id-number" data-testid="revealed-id-number">
                {idNumber ?? '未登记'}
              </Typography.Text>
            ),
            okText: '关闭',
          });
        } catch (err) {
          void message.error(asAppError(err).message);
        }
      },
    });
  };
}
