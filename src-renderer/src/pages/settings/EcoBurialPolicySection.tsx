import { useState } from 'react';
import { Alert, App, Button, Card, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { BURIAL_TYPES, BURIAL_TYPE_LABELS, type PolicyVersion } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { asAppError } from '../../formErrors';
import { useQuery } from '../../useQuery';
import { formatFen } from '../funeral/money';
import { describeRange } from '../funeral/waiverForm';

const columns: TableColumnsType<PolicyVersion> = [
  { title: '版本', key: 'name', render: (_v, v) => v.name },
  { title: '生效期', key: 'range', render: (_v, v) => describeRange(v) },
  ...BURIAL_TYPES.map((t) => ({
    title: BURIAL_TYPE_LABELS[t],
    key: t,
    align: 'right' as const,
    render: (_v: unknown, v: PolicyVersion) => {
      const amount = v.ecoBurial?.amounts[t];
      return amount === undefined ? <Typography.Text type="secondary">不奖补</Typography.Text> : formatFen(amount);
    },
  })),
  { title: '户籍条件', key: 'hukou', render: (_v, v) => (v.ecoBurial?.hukouOnly ? '仅限本市户籍' : '不限户籍') },
];

/**
 * 生态安葬奖补方案: which city scheme's eco-burial amounts apply here (any scheme with a version that has
 * them), chosen apart from the waiver scheme: a city may subsidize eco-burials without waiving fees.
 */
export function EcoBurialPolicySection() {
  const { message } = App.useApp();
  const policies = useQuery('funeral.policies', {});
  const current = useQuery('ecoBurial.list', {});
  const [choice, setChoice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const schemes = (policies.data?.schemes ?? []).filter((s) => s.versions.some((v) => v.ecoBurial));
  const selected = current.data?.selected ?? null;
  const chosen = choice ?? selected;
  const shown = schemes.find((s) => s.id === chosen) ?? null;

  const save = async (): Promise<void> => {
    if (!chosen) return;
    setSaving(true);
    try {
      await call('ecoBurial.selectPolicy', { schemeId: chosen });
      void message.success(`生态安葬奖补方案已设为：${schemes.find((s) => s.id === chosen)?.name ?? chosen}`);
      setChoice(null);
      current.reload();
    } catch (err) {
      void message.error(asAppError(err).message);
    } finally {
      setSaving(false);
    }
  };

  const error = policies.error ?? current.error;
  return (
    <Card title="生态安葬奖补方案" style={{ marginTop: 16 }} data-testid="eco-policy-section">
      <Typography.Paragraph type="secondary">
        节地生态安葬奖补按逝者死亡当日有效的方案版本定额发放。此处只列出设有生态安葬奖补的方案；可与殡葬减免方案分别选择。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={`奖补方案读取失败：${error.message}`} />}
      {policies.data && current.data && (
        <>
          <Space wrap style={{ marginBottom: 16 }}>
            <span>本地方案</span>
            <Select
              value={chosen ?? undefined}
              placeholder="选择奖补方案"
              style={{ minWidth: 280 }}
              onChange={setChoice}
              options={schemes.map((s) => ({ value: s.id, label: `${s.city}｜${s.name}` }))}
              data-testid="eco-scheme-select"
            />
            <Button type="primary" icon={<CheckOutlined />} loading={saving} disabled={!chosen || chosen === selected} onClick={() => void save()} data-testid="eco-scheme-save">
              设为本地方案
            </Button>
            {selected ? (
              <Typography.Text data-testid="eco-scheme-current">当前：{schemes.find((s) => s.id === selected)?.name ?? selected}</Typography.Text>
            ) : (
              <Typography.Text type="warning" data-testid="eco-scheme-current">
                尚未选择：殡仪馆暂不能受理奖补申请
              </Typography.Text>
            )}
          </Space>
          {shown && (
            <>
              <div style={{ marginBottom: 8 }}>
                {shown.city}｜{shown.name}
                {shown.id === selected && (
                  <Tag color="success" style={{ marginLeft: 8 }}>
                    本地方案
                  </Tag>
                )}
              </div>
              <Table<PolicyVersion>
                rowKey="id"
                size="small"
                pagination={false}
                columns={columns}
                dataSource={shown.versions.filter((v) => v.ecoBurial)}
                data-testid="eco-scheme-versions"
              />
            </>
          )}
        </>
      )}
    </Card>
  );
}
