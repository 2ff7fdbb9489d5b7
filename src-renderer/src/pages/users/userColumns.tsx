import { Button, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ROLE_LABELS, type UserView } from '../../../../src-main/contract';
import { formatDateTime } from '../../format';

export interface UserActions {
  edit: (user: UserView) => void;
  resetPassword: (user: UserView) => void;
  revealIdNumber: (user: UserView) => void;
}

/**
 * A lock is not cleared when it runs out, only at the next good login: say which it is. Judged when
 * the cell is drawn, which is when the list was (re)loaded.
 */
function lockedUntilCell(at: string | null) {
  if (!at) return '—';
  const expired = new Date(at).getTime() <= Date.now();
  return expired ? (
    <Typography.Text type="secondary">{formatDateTime(at)}（已到期）</Typography.Text>
  ) : (
    <Typography.Text type="danger">{formatDateTime(at)}</Typography.Text>
  );
}

export function userColumns(actions: UserActions): TableColumnsType<UserView> {
  return [
    { title: '用户名', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'displayName' },
    { title: '角色', dataIndex: 'role', render: (_, user) => ROLE_LABELS[user.role] },
    {
      title: '状态',
      dataIndex: 'active',
      render: (_, user) => (user.active ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>),
    },
    { title: '锁定至', dataIndex: 'lockedUntil', render: (_, user) => lockedUntilCell(user.lockedUntil) },
    {
      title: '身份证号',
      dataIndex: 'idNumberMasked',
      render: (_, user) => user.idNumberMasked ?? <Typography.Text type="secondary">未登记</Typography.Text>,
    },
    { title: '创建时间', dataIndex: 'createdAt', render: (_, user) => formatDateTime(user.createdAt) },
    {
      title: '操作',
      key: 'actions',
      render: (_, user) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => actions.edit(user)}>
            编辑
          </Button>
          <Button type="link" size="small" onClick={() => actions.resetPassword(user)}>
            重置密码
          </Button>
          {user.idNumberMasked && (
            <Button type="link" size="small" onClick={() => actions.revealIdNumber(user)}>
              查看身份证号
            </Button>
          )}
        </Space>
      ),
    },
  ];
}
