import { Alert, App, Button, Card, Divider, Form, Input, Typography } from 'antd';
import { operations } from '../../../src-main/contract';
import { call } from '../api/client';
import { contractRule } from '../fieldRules';
import { NewPasswordFields } from '../NewPasswordFields';
import { UsernameField } from '../UsernameField';
import { useFormSubmit } from '../useFormSubmit';

const fields = operations['setup.initialize'].input.shape;

interface SetupValues {
  stationId: string;
  officeName: string;
  divisionCode: string;
  adminUsername: string;
  adminDisplayName: string;
  adminPassword: string;
  confirmPassword: string;
}

/** 首次运行: the station's identity and its first administrator, entered once. */
export function SetupPage({ onInitialized }: { onInitialized: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<SetupValues>();
  const { submitting, error, onFinish } = useFormSubmit(form, async (values) => {
    // 确认密码 is the form's own check; the contract rejects fields it does not know.
    const { stationId, officeName, divisionCode, adminUsername, adminDisplayName, adminPassword } = values;
    await call('setup.initialize', { stationId, officeName, divisionCode, adminUsername, adminDisplayName, adminPassword });
    void message.success('初始化完成，请使用管理员账户登录');
    onInitialized();
  });

  return (
    <div className="center-page">
      <Card className="setup-card">
        <Typography.Title level={3}>首次运行</Typography.Title>
        <Typography.Paragraph type="secondary">
          本工作站尚未初始化。请填写登记机关信息并创建管理员账户；工作站编号和行政区划代码将写入每一条审计记录。
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={onFinish} data-testid="setup-form">
          {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
          <Divider titlePlacement="start">登记机关</Divider>
          <Form.Item
            label="工作站编号"
            name="stationId"
            required
            rules={[contractRule(fields.stationId)]}
            normalize={(value: string) => value.toUpperCase()}
            extra="3–32 位大写字母、数字或连字符，如 TH-HY-01"
          >
            <Input autoFocus autoComplete="off" />
          </Form.Item>
          <Form.Item label="登记机关名称" name="officeName" required rules={[contractRule(fields.officeName)]}>
            <Input autoComplete="off" placeholder="如：某某区民政局婚姻登记处" />
          </Form.Item>
          <Form.Item label="行政区划代码" name="divisionCode" required rules={[contractRule(fields.divisionCode)]} extra="6 位数字">
            <Input autoComplete="off" maxLength={6} inputMode="numeric" style={{ width: 160 }} />
          </Form.Item>
          <Divider titlePlacement="start">管理员账户</Divider>
          <UsernameField name="adminUsername" label="管理员用户名" schema={fields.adminUsername} />
          <Form.Item label="管理员姓名" name="adminDisplayName" required rules={[contractRule(fields.adminDisplayName)]}>
            <Input autoComplete="off" />
          </Form.Item>
          <NewPasswordFields name="adminPassword" label="密码" schema={fields.adminPassword} confirmLabel="确认密码" />
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            完成初始化
          </Button>
        </Form>
      </Card>
    </div>
  );
}
