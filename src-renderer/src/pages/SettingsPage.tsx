import { Alert, App, Button, Card, Form, InputNumber, Spin } from 'antd';
import { hasPermission, operations } from '../../../src-main/contract';
import { call } from '../api/client';
import { useCurrentSession } from '../currentSession';
import { contractRule } from '../fieldRules';
import { PageHeader } from '../PageHeader';
import { useFormSubmit } from '../useFormSubmit';
import { useQuery } from '../useQuery';
import { ForbiddenPage } from './ForbiddenPage';
import { AuthorizationSection } from './settings/AuthorizationSection';
import { CalendarSection } from './settings/CalendarSection';
import { CardReaderSection } from './settings/CardReaderSection';
import { FontsSection } from './settings/FontsSection';
import { PlatformSection } from './settings/PlatformSection';
import { FuneralPolicySection } from './settings/FuneralPolicySection';
import { EcoBurialPolicySection } from './settings/EcoBurialPolicySection';

interface SettingsValues {
  idleLockMinutes: number;
}

function SettingsForm({ initial, onSaved }: { initial: SettingsValues; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsValues>();
  const { submitting, error, onFinish } = useFormSubmit(form, async (values) => {
    await call('settings.update', values);
    void message.success('设置已保存');
    onSaved();
  });

  return (
    <Form form={form} layout="vertical" initialValues={{ idleLockMinutes: initial.idleLockMinutes }} onFinish={onFinish} data-testid="settings-form" style={{ maxWidth: 480 }}>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Form.Item
        label="空闲锁屏时间（分钟）"
        name="idleLockMinutes"
        required
        rules={[contractRule(operations['settings.update'].input.shape.idleLockMinutes)]}
        extra="无人操作超过该时间后自动锁定屏幕，须输入密码解锁。可设 1–120 分钟。"
      >
        <InputNumber autoFocus min={1} max={120} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting}>
        保存
      </Button>
    </Form>
  );
}

export function SettingsPage() {
  const { status, refresh: refreshSession } = useCurrentSession();
  const { data, error, reload } = useQuery('settings.get', {});

  if (!hasPermission(status.user.role, 'settings.manage')) {
    return <ForbiddenPage area="系统设置" permission="settings.manage" />;
  }

  return (
    <div data-testid="settings-page">
      <PageHeader title="系统设置" description="本工作站的运行参数，修改会记入审计日志。" />
      <Card title="安全">
        {error && <Alert type="error" showIcon title={`设置读取失败：${error.message}`} />}
        {!error && (data ? <SettingsForm initial={data} onSaved={refreshSession} /> : <Spin />)}
      </Card>
      {data && <AuthorizationSection settings={data} onSaved={reload} />}
      <PlatformSection />
      <CalendarSection />
      <CardReaderSection />
      <FontsSection />
      <FuneralPolicySection />
      <EcoBurialPolicySection />
    </div>
  );
}
