import { App, Form, Input, Select } from 'antd';
import { operations, type Role, type UserView } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { contractRule } from '../../fieldRules';
import { FormDialog } from '../../FormDialog';
import { NewPasswordFields } from '../../NewPasswordFields';
import { UsernameField } from '../../UsernameField';
import { ROLE_OPTIONS } from './roleOptions';

interface CreateUserValues {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  idNumber?: string;
}

const fields = operations['users.create'].input.shape;

export function CreateUserDialog({ onCreated, onClosed }: { onCreated: (user: UserView) => void; onClosed: () => void }) {
  const { message } = App.useApp();

  const submit = async ({ idNumber, ...values }: CreateUserValues): Promise<void> => {
    // An empty 身份证号 means "not recorded", which the contract expresses by leaving it out.
    const user = await call('users.create', { ...values, idNumber: idNumber?.trim() ? idNumber : undefined });
    void message.success(`已新建用户 ${user.username}`);
    onCreated(user);
  };

  return (
    <FormDialog<CreateUserValues> title="新建用户" okText="确定" testId="create-user-form" onSubmit={submit} onClosed={onClosed}>
      <UsernameField name="username" label="用户名" schema={fields.username} purpose="登录用" autoFocus />
      <Form.Item label="姓名" name="displayName" required rules={[contractRule(fields.displayName)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label="角色" name="role" required rules={[contractRule(fields.role)]}>
        <Select options={ROLE_OPTIONS} placeholder="请选择角色" />
      </Form.Item>
      <NewPasswordFields name="password" label="初始密码" schema={fields.password} note="用户首次登录时须修改" />
      <Form.Item label="身份证号" name="idNumber" rules={[contractRule(fields.idNumber)]} extra="可不填；列表中只显示遮蔽后的号码">
        <Input autoComplete="off" maxLength={18} />
      </Form.Item>
    </FormDialog>
  );
}
