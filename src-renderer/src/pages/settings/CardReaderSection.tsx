import { Alert, App, Button, Card, Descriptions, Form, Input, Radio, Typography } from 'antd';
import { operations } from '../../../../src-main/contract';
import {
  CARD_READER_KINDS,
  CARD_READER_LABELS,
  DEFAULT_CARD_READER_URL,
  type CardReaderKind,
  type CardReaderView,
} from '../../../../src-main/contract/identity-operations';
import { call } from '../../api/client';
import { contractRule } from '../../fieldRules';
import { notifyCardReaderChanged, useCardReader } from '../../identity/useCardReader';
import { LoadFailed } from '../../LoadFailed';
import { useFormSubmit } from '../../useFormSubmit';

const fields = operations['identity.configureReader'].input.shape;

const SOURCE_LABELS: Record<CardReaderView['source'], string> = {
  setting: '本工作站设置',
  env: '环境变量 CIVREG_CARD_READER',
  default: '默认',
};

interface ReaderValues {
  kind: CardReaderKind;
  url?: string;
  cardsFile?: string;
}

function ReaderForm({ reader }: { reader: CardReaderView }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ReaderValues>();
  const kind = Form.useWatch('kind', form) ?? reader.kind;
  const { submitting, error, onFinish } = useFormSubmit(form, async (values) => {
    await call('identity.configureReader', {
      kind: values.kind,
      url: values.kind === 'websocket' ? values.url?.trim() : undefined,
      cardsFile: values.kind === 'simulated' && values.cardsFile?.trim() ? values.cardsFile.trim() : undefined,
    });
    void message.success(`身份证阅读器已设为：${CARD_READER_LABELS[values.kind]}`);
    notifyCardReaderChanged();
  });

  return (
    <Form<ReaderValues>
      form={form}
      layout="vertical"
      initialValues={{ kind: reader.kind, url: reader.url ?? DEFAULT_CARD_READER_URL, cardsFile: reader.cardsFile ?? '' }}
      onFinish={onFinish}
      style={{ maxWidth: 640 }}
      data-testid="card-reader-form"
    >
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Form.Item label="读卡器类型" name="kind" required>
        <Radio.Group options={CARD_READER_KINDS.map((k) => ({ value: k, label: CARD_READER_LABELS[k] }))} />
      </Form.Item>
      {kind === 'websocket' && (
        <Form.Item
          label="读卡器服务地址"
          name="url"
          required
          rules={[contractRule(fields.url.unwrap())]}
          extra="身份证阅读器厂商在本机运行的服务，只能是本机地址，如 ws://127.0.0.1:1919"
        >
          <Input autoComplete="off" maxLength={200} style={{ fontFamily: 'ui-monospace, Consolas, monospace' }} />
        </Form.Item>
      )}
      {kind === 'simulated' && (
        <Form.Item
          label="模拟身份证文件"
          name="cardsFile"
          rules={[contractRule(fields.cardsFile)]}
          extra="可不填（培训时用训练面板放置身份证）；填写时从本机该 JSON 文件载入训练用身份证"
        >
          <Input autoComplete="off" maxLength={500} placeholder="如 /home/train/cards.json" />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submitting} data-testid="card-reader-save">
        保存读卡器设置
      </Button>
    </Form>
  );
}

/** 读卡器: the station's 居民身份证阅读器, where the counter reads the parties' ID cards from. */
export function CardReaderSection() {
  const reader = useCardReader();
  const view = reader.data;

  return (
    <Card title="身份证阅读器" style={{ marginTop: 16 }} data-testid="card-reader-section">
      <LoadFailed what="读卡器设置" error={reader.error} onRetry={reader.reload} />
      {view && (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="当前使用">{CARD_READER_LABELS[view.kind]}</Descriptions.Item>
            {view.url && <Descriptions.Item label="服务地址">{view.url}</Descriptions.Item>}
            {view.waiting !== null && <Descriptions.Item label="待读训练身份证">{view.waiting} 张</Descriptions.Item>}
            <Descriptions.Item label="设置来源">{SOURCE_LABELS[view.source]}</Descriptions.Item>
          </Descriptions>
          {view.source === 'env' && (
            <Typography.Paragraph type="warning">当前由环境变量指定；在此保存后以本工作站设置为准。</Typography.Paragraph>
          )}
          <ReaderForm key={`${view.kind}|${view.url ?? ''}|${view.cardsFile ?? ''}`} reader={view} />
        </>
      )}
    </Card>
  );
}
