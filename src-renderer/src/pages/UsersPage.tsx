import { useState } from 'react';
import { Button, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { hasPermission, type UserView } from '../../../src-main/contract';
import { useCurrentSession } from '../currentSession';
import { PageHeader } from '../PageHeader';
import { useQuery } from '../useQuery';
import { ForbiddenPage } from './ForbiddenPage';
import { CreateUserDialog } from './users/CreateUserDialog';
import { EditUserDialog } from './users/EditUserDialog';
import { ResetPasswordDialog } from './users/ResetPasswordDialog';
import { useRevealIdNumber } from '../useRevealIdNumber';
import { call } from '../api/client';
import { userColumns } from './users/userColumns';
import { LoadFailed } from '../LoadFailed';

type OpenDialog = { kind: 'create' } | { kind: 'edit'; user: UserView } | { kind: 'reset'; user: UserView };

export function UsersPage() {
  const { status, refresh: refreshSession } = useCurrentSession();
  // Asked even when the screen already knows the answer, so that the server's refusal is shown too.
  const { data, error, loading, reload } = useQuery('users.list', {});
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const revealIdNumber = useRevealIdNumber();

  if (!hasPermission(status.user.role, 'users.manage') || error?.code === 'FORBIDDEN') {
    return <ForbiddenPage area="用户管理" permission="users.manage" serverMessage={error?.message} />;
  }

  const closeDialog = (): void => setDialog(null);
  const afterSave = (user: UserView): void => {
    reload();
    // One's own name or role also shows in the status bar.
    if (user.id === status.user.id) refreshSession();
  };
  const columns = userColumns({
    edit: (user) => setDialog({ kind: 'edit', user }),
    resetPassword: (user) => setDialog({ kind: 'reset', user }),
    revealIdNumber: (user) =>
      revealIdNumber({ who: `${user.displayName}（${user.username}）`, fetch: async () => (await call('users.revealIdNumber', { id: user.id })).idNumber }),
  });

  return (
    <div data-testid="users-page">
      <PageHeader
        title="用户管理"
        description="本工作站的用户账户。新用户和被重置密码的用户，登录后须先修改密码。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            新建用户
          </Button>
        }
      />
      <LoadFailed what="用户列表" error={error} onRetry={reload} />
      <Table<UserView>
        rowKey="id"
        columns={columns}
        dataSource={data ?? []}
        loading={loading}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
      />
      {dialog?.kind === 'create' && <CreateUserDialog onCreated={afterSave} onClosed={closeDialog} />}
      {dialog?.kind === 'edit' && <EditUserDialog user={dialog.user} onSaved={afterSave} onClosed={closeDialog} />}
      {dialog?.kind === 'reset' && <ResetPasswordDialog user={dialog.user} onClosed={closeDialog} />}
    </div>
  );
}
