import { useState } from 'react';
import { Alert, App, Button, Card, Collapse, Descriptions, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { REIMBURSE_MODE_LABELS, SETTLEMENT_MODE_LABELS, type PolicyScheme, type PolicyVersion, type WaiverItem } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { asAppError } from '../../formErrors';
import { useQuery } from '../../useQuery';
import { formatFen } from '../funeral/money';
import { describeRange } from '../funeral/waiverForm';
import { AddPolicyVersionDialog } from '../funeral/AddPolicyVersionDialog';

const itemColumns: TableColumnsType<WaiverItem> = [
  { title: '项目', dataIndex: 'label', key: 'label' },
  { title: '减免方式', dataIndex: 'reimburse', key: 'reimburse', render: (v: WaiverItem['reimburse']) => (v === 'fixed' ? '定额' : '按实际费用') },
  { title: '单价（上限）', key: 'unitPrice', align: 'right', render: (_v, i) => (i.unitPrice === undefined ? '—' : `${formatFen(i.unitPrice)}/${i.unit}`) },
  { title: '数量上限', key: 'quantityCap', align: 'right', render: (_v, i) => `${i.quantityCap} ${i.unit}` },
  { title: '本项上限', key: 'itemCap', align: 'right', render: (_v, i) => (i.itemCap === undefined ? '—' : formatFen(i.itemCap)) },
  { title: '互斥组', dataIndex: 'exclusiveGroup', key: 'group', render: (v?: string) => v ?? '' },
];

function VersionDetail({ version }: { version: PolicyVersion }) {
  return (
    <div>
      <Table<WaiverItem> rowKey="id" size="small" pagination={false} columns={itemColumns} dataSource={version.items} />
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 8 }}
        items={[
          { key: 'cap', label: '每具遗体减免总额上限', children: version.overallCap === undefined ? '不设总额上限' : formatFen(version.overallCap) },
          { key: 'categories', label: '减免对象类别', children: version.categories.map((c) => c.label).join('；') || '—' },
          { key: 'residency', label: '户籍与地点条件', children: version.residency.map((r) => r.label).join('；或 ') || '不限' },
          { key: 'exclusions', label: '不予减免情形', children: version.exclusions.map((e) => e.label).join('；') || '无' },
          { key: 'settlement', label: '结算方式', children: SETTLEMENT_MODE_LABELS[version.settlement] },
          ...(version.source ? [{ key: 'source', label: '政策依据', children: version.source }] : []),
        ]}
      />
    </div>
  );
}

function VersionsTable({ scheme, used }: { scheme: PolicyScheme; used: Set<string> }) {
  const columns: TableColumnsType<PolicyVersion> = [
    {
      title: '版本',
      key: 'name',
      render: (_v, v) => (
        <span>
          {v.name} <Typography.Text type="secondary">（{v.id}）</Typography.Text>
          {used.has(v.id) && (
            <Tag style={{ marginLeft: 8 }} color="blue">
              已有减免使用，不能修改
            </Tag>
          )}
        </span>
      ),
    },
    { title: '生效期', key: 'range', render: (_v, v) => describeRange(v) },
    { title: '项目', key: 'items', render: (_v, v) => `${v.items.length} 项` },
    { title: '每具总额上限', key: 'cap', align: 'right', render: (_v, v) => (v.overallCap === undefined ? '—' : formatFen(v.overallCap)) },
  ];
  return (
    <Table<PolicyVersion>
      rowKey="id"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={scheme.versions}
      expandable={{ expandedRowRender: (v) => <VersionDetail version={v} /> }}
      data-testid={`policy-versions-${scheme.id}`}
    />
  );
}

/**
 * 殡葬减免政策: the city schemes the station knows, which one applies here, and a new version when the
 * city changes its policy (the running version is closed the day before; a version a waiver used is never edited).
 */
export function FuneralPolicySection() {
  const { message } = App.useApp();
  const policies = useQuery('funeral.policies', {});
  const [choice, setChoice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [adding, setAdding] = useState<PolicyScheme | null>(null);
  const data = policies.data;
  const used = new Set(data?.usedVersionIds ?? []);
  const chosen = choice ?? data?.selected ?? null;

  const select = async (): Promise<void> => {
    if (!chosen) return;
    setSaving(true);
    try {
      await call('funeral.selectPolicy', { schemeId: chosen });
      const scheme = data?.schemes.find((s) => s.id === chosen);
      void message.success(`本地殡葬减免方案已设为：${scheme?.name ?? chosen}`);
      setChoice(null);
      policies.reload();
    } catch (err) {
      void message.error(asAppError(err).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="殡葬减免政策" style={{ marginTop: 16 }} data-testid="funeral-policy-section">
      <Typography.Paragraph type="secondary">
        基本殡葬服务费用减免按逝者死亡当日有效的政策版本计算。选择本地方案后，殡仪馆工作人员按它录入减免；政策调整时新增一个版本（原版本在新版本生效前一日截止），已有减免使用的版本不再修改。
      </Typography.Paragraph>
      {policies.error && <Alert type="error" showIcon title={`减免政策读取失败：${policies.error.message}`} />}
      {data && (
        <>
          <Space wrap style={{ marginBottom: 16 }}>
            <span>本地方案</span>
            <Select
              value={chosen ?? undefined}
              placeholder="选择本地方案"
              style={{ minWidth: 280 }}
              onChange={setChoice}
              options={data.schemes.map((s) => ({ value: s.id, label: `${s.city}｜${s.name}` }))}
              data-testid="funeral-scheme-select"
            />
            <Button type="primary" icon={<CheckOutlined />} loading={saving} disabled={!chosen || chosen === data.selected} onClick={() => void select()} data-testid="funeral-scheme-save">
              设为本地方案
            </Button>
            {data.selected ? (
              <Typography.Text data-testid="funeral-scheme-current">
                当前：{data.schemes.find((s) => s.id === data.selected)?.name ?? data.selected}
              </Typography.Text>
            ) : (
              <Typography.Text type="warning" data-testid="funeral-scheme-current">
                尚未选择：殡仪馆暂不能录入减免
              </Typography.Text>
            )}
          </Space>
          <Collapse
            key={data.selected ?? 'none'}
            defaultActiveKey={data.selected ? [data.selected] : []}
            items={data.schemes.map((scheme) => ({
              key: scheme.id,
              label: (
                <span>
                  {scheme.city}｜{scheme.name}
                  {scheme.id === data.selected && (
                    <Tag color="success" style={{ marginLeft: 8 }}>
                      本地方案
                    </Tag>
                  )}
                </span>
              ),
              extra: (
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={(e) => {
                    e.stopPropagation();
                    setAdding(scheme);
                  }}
                  data-testid={`policy-add-version-${scheme.id}`}
                >
                  新增版本
                </Button>
              ),
              children: <VersionsTable scheme={scheme} used={used} />,
            }))}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
            减免方式：{REIMBURSE_MODE_LABELS.actual}；{REIMBURSE_MODE_LABELS.fixed}。
          </Typography.Paragraph>
        </>
      )}
      {adding && (
        <AddPolicyVersionDialog
          scheme={adding}
          onAdded={(scheme) => {
            void message.success(`已为${scheme.name}新增版本`);
            policies.reload();
          }}
          onClosed={() => setAdding(null)}
        />
      )}
    </Card>
  );
}
