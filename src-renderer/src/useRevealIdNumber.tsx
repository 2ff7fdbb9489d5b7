import { App, Typography } from 'antd';
import { asAppError } from './formErrors';

export interface RevealRequest {
  /** Whose number, as the dialogs name them: “李娜”, “王管理（admin）”. */
  who: string;
  /** Asks the server, which records the look in the audit log. */
  fetch: () => Promise<string | null>;
}

/**
 * Show one full ID number after the user confirms; the confirmation says that the look is audited
 * before anything is shown. Lists show numbers masked.
 */
export function useRevealIdNumber(): (request: RevealRequest) => void {
  const { modal, message } = App.useApp();

  return ({ who, fetch }) => {
    modal.confirm({
      title: `查看${who}的完整证件号码`,
      content: '查看完整证件号码将被记入审计日志。',
      okText: '确定',
      cancelText: '取消',
      onOk: async () => {
        try {
          const idNumber = await fetch();
          modal.info({
            title: `${who}的证件号码`,
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
