import { Alert, App, Button, Card, Descriptions, Divider, Form, Input, InputNumber, Space, Typography } from 'antd';
import { operations, type OpOutput } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { useCurrentSession } from '../../currentSession';
import { contractRule } from '../../fieldRules';
import { asAppError } from '../../formErrors';
import { LoadFailed } from '../../LoadFailed';
import { useFormSubmit } from '../../useFormSubmit';
import { usePolling } from '../../usePolling';
import { useQuery } from '../../useQuery';
import { ConnectionBadge } from '../sync/SyncSummaryCard';
import { SERIAL_PREFIX_LABELS, bySerialOrder } from '../sync/syncLabels';

type Overview = OpOutput<'sync.overview'>;

interface PlatformValues {
  url: string;
  secret: string;
  blockSize: number;
}

const fields = operations['sync.configure'].input.shape;
const mono = { fontFamily: 'ui-monospace, Consolas, monospace' };

function PlatformForm({ overview, onSaved }: { overview: Overview; onSaved: () => void }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<PlatformValues>();
  const { submitting, error, onFinish } = useFormSubmit(form, async (values) => {
    if (!overview.configured) {
      // There is no way back: a station that has used leased serials must not count its own again.
      const link = await modal.confirm({
        title: '接入省级平台？',
        content: '接入后，本工作站的登记记录将按顺序上报省级平台，证书字号改从平台分配的号段中取用，不能再改回单机模式。本年度已按单机方式编发过字号的，须在下一年度开始前接入，或请省级平台先为本登记机关预留已用字号。',
        okText: '接入',
        cancelText: '取消',
      });
      if (!link) return;
    }
    const secret = values.secret.trim();
    await call('sync.configure', { url: values.url.trim(), secret: secret || undefined, blockSize: values.blockSize });
    void message.success(overview.configured ? '省级平台连接已更改' : '已接入省级平台，正在连接');
    // The key is never shown again, not even to whoever just typed it.
    form.setFieldValue('secret', '');
    onSaved();
  });

  return (
    <Form<PlatformValues>
      form={form}
      layout="vertical"
      initialValues={{ url: overview.url ?? '', secret: '', blockSize: overview.blockSize }}
      onFinish={onFinish}
      style={{ maxWidth: 640 }}
      data-testid="platform-form"
    >
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Form.Item label="省级平台地址" name="url" required rules={[contractRule(fields.url)]} extra="省级平台提供的接口地址，如 https://hy.mz.gd.gov.cn/civreg">
        <Input autoComplete="off" maxLength={300} style={mono} data-testid="platform-url" />
      </Form.Item>
      <Form.Item
        label="工作站密钥"
        name="secret"
        required={!overview.configured}
        rules={overview.configured ? [] : [contractRule(fields.secret.unwrap())]}
        extra={overview.configured ? '已保存的密钥不再显示；只改地址或号段大小时留空，更换密钥时输入新密钥。' : '省级平台为本工作站签发的 44 位密钥。'}
      >
        <Input.Password autoComplete="new-password" maxLength={44} style={mono} data-testid="platform-secret" />
      </Form.Item>
      <Form.Item label="号段大小" name="blockSize" required rules={[contractRule(fields.blockSize.unwrap())]} extra="每次向省级平台领取的证书字号个数，10–1000。断网时可继续办理的登记件数取决于手中的号段。">
        <InputNumber min={10} max={1000} precision={0} style={{ width: 160 }} data-testid="platform-block-size" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting} data-testid="platform-save">
        {overview.configured ? '保存连接设置' : '接入省级平台'}
      </Button>
    </Form>
  );
}

function stockSummary(serials: Overview['serials']): string {
  if (serials.length === 0) return '无';
  return [...serials].sort(bySerialOrder).map((s) => `${s.prefix}（${SERIAL_PREFIX_LABELS[s.prefix] ?? s.prefix}）${s.year} 年 ${s.remaining} 个`).join('；');
}

/** 归还未用字号: leftovers of past years, or everything when the station is retired. */
function ReturnSerials({ overview, year, onReturned }: { overview: Overview; year: number; onReturned: () => void }) {
  const { message, modal } = App.useApp();
  const pastYears = overview.serials.filter((s) => s.year < year).reduce((n, s) => n + s.remaining, 0);
  const all = overview.serials.reduce((n, s) => n + s.remaining, 0);

  const returnSerials = (scope: 'past-years' | 'all'): void => {
    modal.confirm({
      title: scope === 'past-years' ? `归还 ${year} 年以前的未用字号（${pastYears} 个）？` : `归还全部未用字号（${all} 个）？`,
      content:
        scope === 'past-years'
          ? '往年领取而未用完的字号交还省级平台，本工作站此后不再使用。本年度的号段不受影响。'
          : '包括本年度尚未使用的字号在内，全部交还省级平台，本工作站此后不再使用。同步服务能连接平台时会重新领取号段；领到之前，结婚、离婚、补领等需要字号的登记无法办理。一般仅在本工作站停用或撤并时使用。',
      okText: '归还',
      cancelText: '取消',
      okButtonProps: { danger: scope === 'all', 'data-testid': 'return-serials-confirm' },
      onOk: async () => {
        try {
          const { returned } = await call('sync.returnSerials', { scope });
          void message.success(returned ? `已归还 ${returned} 个字号，归还记录将上报省级平台` : '没有可归还的字号');
          onReturned();
        } catch (err) {
          void message.error(asAppError(err).message);
        }
      },
    });
  };

  return (
    <>
      <Typography.Paragraph>
        未用字号：<span data-testid="platform-serials">{stockSummary(overview.serials)}</span>
      </Typography.Paragraph>
      <Space wrap>
        <Button disabled={pastYears === 0} onClick={() => returnSerials('past-years')} data-testid="return-serials-past">
          归还往年未用字号
        </Button>
        <Button danger disabled={all === 0} onClick={() => returnSerials('all')} data-testid="return-serials-all">
          归还全部未用字号
        </Button>
      </Space>
    </>
  );
}

/** 省级平台连接: where the station reports, with which key, and the 字号 blocks it holds. */
export function PlatformSection() {
  const { status, refresh: refreshSession } = useCurrentSession();
  const overview = useQuery('sync.overview', {});
  const o = overview.data;
  // Just linked: the first contact takes a moment, and its outcome is what the administrator waits to see.
  usePolling(overview.reload, 2000, o?.configured === true && o.online === null);
  const saved = (): void => {
    overview.reload();
    // The status bar leaves 单机模式 now, not at its next poll.
    refreshSession();
  };

  return (
    <Card title="省级平台连接" style={{ marginTop: 16 }} data-testid="platform-section">
      <Typography.Paragraph type="secondary">
        工作站密钥由省级平台为本工作站签发，工作站用它为发往平台的每个请求签名，平台据此确认请求来自本工作站并拒收伪造和重放的请求；请妥善保管，不要告诉他人。接入后，登记记录按顺序上报平台，结婚登记前向平台核实双方婚姻状况；结婚证、离婚证等证书字号改从平台分配给本工作站的号段中依次取用，断网时用已领到的号段继续办理。
      </Typography.Paragraph>
      <LoadFailed what="省级平台连接" error={overview.error} onRetry={overview.reload} />
      {o && (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="当前平台地址">
              <span data-testid="platform-current-url">{o.url ?? '未接入（单机模式）'}</span>
            </Descriptions.Item>
            {o.configured && (
              <Descriptions.Item label="连接">
                <ConnectionBadge overview={o} />
              </Descriptions.Item>
            )}
            <Descriptions.Item label="号段大小">{o.blockSize} 个</Descriptions.Item>
          </Descriptions>
          <PlatformForm key={`${o.url ?? ''}|${o.blockSize}`} overview={o} onSaved={saved} />
          {o.configured && (
            <>
              <Divider titlePlacement="start" plain>
                归还未用字号
              </Divider>
              <ReturnSerials overview={o} year={Number(status.today.slice(0, 4))} onReturned={overview.reload} />
            </>
          )}
        </>
      )}
    </Card>
  );
}
