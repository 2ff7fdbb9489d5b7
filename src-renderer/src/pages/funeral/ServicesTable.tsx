import type { ReactNode } from 'react';
import { Card, Checkbox, Col, Form, InputNumber, Row, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { REIMBURSE_MODE_LABELS, type PolicyVersion, type WaiverItem } from '../../../../src-main/contract';
import { fenOf, formatFen } from './money';
import { NO_CATEGORY, describeRange, type ServiceRow } from './waiverForm';

/** How an item is waived, in a few words: 按实际费用，最多 3 天，每天不超过 80.00 元. */
export function itemRule(item: WaiverItem): string {
  const parts = [item.reimburse === 'fixed' ? `定额 ${formatFen(item.unitPrice ?? 0)}/${item.unit}` : '按实际费用'];
  if (item.reimburse === 'actual' && item.unitPrice !== undefined) parts.push(`每${item.unit}不超过 ${formatFen(item.unitPrice)}`);
  parts.push(`最多 ${item.quantityCap} ${item.unit}`);
  if (item.itemCap !== undefined) parts.push(`本项不超过 ${formatFen(item.itemCap)}`);
  return parts.join('，');
}

interface VersionNoteProps {
  version: PolicyVersion | null;
  byDeath: boolean;
  schemeName: string | null;
}

/** Which version the form follows, and why. */
export function VersionNote({ version, byDeath, schemeName }: VersionNoteProps) {
  if (!schemeName) return null;
  if (!version) {
    return (
      <Typography.Text type="danger" data-testid="waiver-version">
        死亡日期没有生效的{schemeName}版本
      </Typography.Text>
    );
  }
  return (
    <Typography.Text type="secondary" data-testid="waiver-version">
      {byDeath ? '按死亡日期适用' : '填写死亡日期后按当日有效的版本减免；现显示'}：{schemeName}「{version.name}」（{describeRange(version)}）
      {version.overallCap !== undefined && `，每具遗体减免总额不超过 ${formatFen(version.overallCap)}`}
    </Typography.Text>
  );
}

/** 减免对象类别 and 不予减免情形, from the version. */
export function EligibilityFields({ version }: { version: PolicyVersion | null }) {
  const categories = [
    ...(version?.categories ?? []).map((c) => ({ value: c.id, label: c.label })),
    { value: NO_CATEGORY, label: '不属于以上类别' },
  ];
  const exclusions = version?.exclusions ?? [];
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Form.Item label="减免对象类别" name="categoryId" required rules={[{ required: true, message: '请选择减免对象类别' }]}>
          <Select options={categories} placeholder="选择类别" popupMatchSelectWidth={false} data-testid="waiver-category" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        {exclusions.length === 0 ? (
          <Form.Item label="不予减免情形">
            <Typography.Text type="secondary">本版本未规定不予减免的情形</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item label="不予减免情形" name="exclusionIds" extra="逝者属于其中之一的，不予减免">
            <Checkbox.Group options={exclusions.map((e) => ({ value: e.id, label: e.label }))} data-testid="waiver-exclusions" />
          </Form.Item>
        )}
      </Col>
    </Row>
  );
}

const costRule = ({ getFieldValue }: { getFieldValue: (name: (string | number)[]) => unknown }, row: number) => ({
  validator: async (_rule: unknown, value: unknown) => {
    if (getFieldValue(['services', row, 'checked']) !== true) return;
    if (value === null || value === undefined || value === '') throw new Error('请填写实际收费');
    if (fenOf(value as string) === null) throw new Error('实际收费应为金额（元），至多两位小数');
  },
});

type Store = { services?: ServiceRow[] };

/**
 * Whether a row is ticked, re-rendered in the same event as the tick: Space then Enter goes on to the
 * row's quantity, which must be enabled by then (a watch would update a moment later).
 */
function WhenChecked({ row, children }: { row: number; children: (checked: boolean) => ReactNode }) {
  return (
    <Form.Item noStyle shouldUpdate={(prev: Store, next: Store) => prev.services?.[row]?.checked !== next.services?.[row]?.checked}>
      {({ getFieldValue }) => children(getFieldValue(['services', row, 'checked']) === true)}
    </Form.Item>
  );
}

/**
 * The version's items: tick what the family used, the quantity, and what the funeral home charged for
 * the whole line (元). The rule of each item is shown beside it; the server applies it.
 */
export function ServicesTable({ version, locked }: { version: PolicyVersion | null; locked: boolean }) {
  const rows = Form.useWatch<ServiceRow[] | undefined>('services') ?? [];
  const items = version?.items ?? [];
  const groupLabels = (item: WaiverItem): string[] =>
    item.exclusiveGroup === undefined ? [] : items.filter((o) => o.id !== item.id && o.exclusiveGroup === item.exclusiveGroup).map((o) => o.label);

  const columns: TableColumnsType<WaiverItem> = [
    {
      title: '减免',
      key: 'checked',
      width: 56,
      align: 'center',
      render: (_v, item, i) => (
        <Form.Item name={[i, 'checked']} valuePropName="checked" noStyle>
          <Checkbox aria-label={item.label} data-testid={`service-${item.id}-checked`} />
        </Form.Item>
      ),
    },
    {
      title: '服务项目',
      key: 'label',
      render: (_v, item) => {
        const others = groupLabels(item);
        return (
          <div>
            <Typography.Text>{item.label}</Typography.Text>
            {others.length > 0 && (
              <Tag style={{ marginLeft: 8 }} color="orange">
                与{others.join('、')}二选一
              </Tag>
            )}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {itemRule(item)}
              </Typography.Text>
            </div>
          </div>
        );
      },
    },
    {
      title: '数量',
      key: 'quantity',
      width: 130,
      render: (_v, item, i) => (
        <WhenChecked row={i}>
          {(checked) => (
            <Form.Item name={[i, 'quantity']} style={{ margin: 0 }} rules={[{ type: 'number', min: 1, message: '数量至少为 1' }]}>
              <InputNumber min={1} max={10000} precision={0} disabled={locked || !checked} suffix={item.unit} style={{ width: '100%' }} data-testid={`service-${item.id}-quantity`} />
            </Form.Item>
          )}
        </WhenChecked>
      ),
    },
    {
      title: '实际收费（元）',
      key: 'cost',
      width: 170,
      render: (_v, item, i) => (
        <WhenChecked row={i}>
          {(checked) => (
            <Form.Item name={[i, 'cost']} style={{ margin: 0 }} rules={[(f) => costRule(f, i)]} dependencies={[['services', i, 'checked']]}>
              <InputNumber<string>
                stringMode
                min="0"
                max="999999.99"
                precision={2}
                disabled={locked || !checked}
                placeholder="0.00"
                style={{ width: '100%' }}
                data-testid={`service-${item.id}-cost`}
              />
            </Form.Item>
          )}
        </WhenChecked>
      ),
    },
  ];

  return (
    <Card title="服务项目与实际收费" size="small" style={{ marginTop: 16 }} data-testid="services-table">
      <Form.List name="services">
        {() => (
          <Table<WaiverItem>
            rowKey="id"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={items}
            rowClassName={(_item, i) => (rows[i]?.checked ? 'service-row-checked' : '')}
            locale={{ emptyText: '尚无适用的政策版本：请先填写死亡日期，或请管理员选择本地减免方案' }}
          />
        )}
      </Form.List>
      {version && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          空格勾选项目，Enter 到下一栏。实际收费填该项目的全部收费（元），超过限额或数量上限的部分由家属自付。
          {version.items.some((i) => i.reimburse === 'actual') && `「按实际费用」即${REIMBURSE_MODE_LABELS.actual}。`}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
