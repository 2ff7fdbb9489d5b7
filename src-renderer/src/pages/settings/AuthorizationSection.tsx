import { Alert, App, Button, Card, Form, Switch, Typography } from 'antd';
import type { OpOutput } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { useFormSubmit } from '../../useFormSubmit';

type Settings = OpOutput<'settings.get'>;
type AuthorizationValues = Pick<Settings, 'authorizedForeign' | 'authorizedHkMacaoTaiwan'>;

/**
 * 婚姻登记授权: cases with a foreigner or 华侨, or with a Hong Kong, Macao or Taiwan resident, may be
 * registered only at offices the province authorizes (婚姻登记条例 第二条). Mainland residents: everywhere.
 */
export function AuthorizationSection({ settings, onSaved }: { settings: Settings; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AuthorizationValues>();
  const { submitting, error, onFinish } = useFormSubmit(form, async (values) => {
    await call('settings.update', { authorizedForeign: values.authorizedForeign, authorizedHkMacaoTaiwan: values.authorizedHkMacaoTaiwan });
    void message.success('婚姻登记授权已保存');
    onSaved();
  });

  return (
    <Card title="婚姻登记授权" style={{ marginTop: 16 }} data-testid="authorization-section">
      <Typography.Paragraph type="secondary">
        内地居民婚姻登记全国通办，各登记机关均可办理。涉外（含华侨）、涉港澳台居民的婚姻登记只能在省级人民政府民政部门授权的登记机关办理：本机关获得授权的，才打开对应开关；未获授权时，结婚登记审查将提示当事人到有权办理的机关。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ flex: '240px' }}
        labelAlign="left"
        initialValues={{ authorizedForeign: settings.authorizedForeign, authorizedHkMacaoTaiwan: settings.authorizedHkMacaoTaiwan }}
        onFinish={onFinish}
        style={{ maxWidth: 560 }}
      >
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
        <Form.Item label="办理涉外（含华侨）婚姻登记" name="authorizedForeign" valuePropName="checked">
          <Switch checkedChildren="已授权" unCheckedChildren="未授权" data-testid="authorized-foreign" />
        </Form.Item>
        <Form.Item label="办理涉港澳台居民婚姻登记" name="authorizedHkMacaoTaiwan" valuePropName="checked">
          <Switch checkedChildren="已授权" unCheckedChildren="未授权" data-testid="authorized-hmt" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="authorization-save">
          保存授权
        </Button>
      </Form>
    </Card>
  );
}
