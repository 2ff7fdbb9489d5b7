import { App, Form, Input, Select, Switch } from 'antd';
import { operations, type Role, type UserView } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { contractRule } from '../../fieldRules';
import { FormDialog } from '../../FormDialog';
import { ROLE_OPTIONS } from './roleOptions';

interface EditUserValues {
  displayName: string;
  role: Role;
  active: boolean;
}

const fields = operations['users.update'].input.shape;

interface EditUserDialogProps {
  user: UserView;
  onSaved: (user: UserView) => void;
  onClosed: () => void;
}

export function EditUserDialog({ user, onSaved, onClosed }: EditUserDialogProps) {
  const { message } = App.useApp();

  const submit = async (values: EditUserValues): Promise<void> => {
    const saved = await call('users.update', { id: user.id, ...values });
    void message.success(`已保存用户 ${saved.username}`);
    onSaved(saved);
  };

  return (
    <FormDialog<EditUserValues>
      title={`编辑用户：${user.username}`}
      okText="保存"
      testId="edit-user-form"
      initialValues={{ displayName: user.displayName, role: user.role, active: user.active }}
      onSubmit={submit}
      onClosed={onClosed}
    >
      <Form.Item label="姓名" name="displayName" required rules={[contractRule(fields.displayName)]}>
        <Input autoFocus autoComplete="off" />
      </Form.Item>
      <Form.Item label="角色" name="role" required rules={[contractRule(fields.role)]}>
        <Select options={ROLE_OPTIONS} />
      </Form.Item>
      <Form.Item label="启用" name="active" valuePropName="checked" extra="停用后该用户不能登录，已登录的会话立即结束">
        <Switch checkedChildren="启用" unCheckedChildren="停用" />
      </Form.Item>
    </FormDialog>
  );
}
