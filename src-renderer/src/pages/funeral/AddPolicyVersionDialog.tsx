import { useState } from 'react';
import { Alert, Button, Col, Form, Input, InputNumber, Modal, Row, Select, Table, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AppError, ITEM_UNITS, REIMBURSE_MODES, SETTLEMENT_MODES, SETTLEMENT_MODE_LABELS, type OpOutput, type PolicyScheme, type PolicyVersion } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { applyFieldErrors, asAppError } from '../../formErrors';
import { normalizeDate } from '../../typedDate';
import { fenOf, yuanInput } from './money';

/** An item as the dialog's table holds it: amounts in 元 as typed. */
interface ItemRow {
  id: string;
  label: string;
  unit: PolicyVersion['items'][number]['unit'];
  reimburse: PolicyVersion['items'][number]['reimburse'];
  unitPrice?: string | null;
  quantityCap: number | null;
  itemCap?: string | null;
  exclusiveGroup?: string;
}

interface VersionValues {
  id: string;
  name: string;
  source?: string;
  effectiveFrom: string;
  effectiveTo?: string;
  overallCap?: string | null;
  settlement: PolicyVersion['settlement'];
  items: ItemRow[];
  /** Categories, residency rules, exclusions, eco-burial and unclaimed bodies: as JSON. */
  rules: string;
}

/** The parts of a version kept as JSON in the dialog. */
const RULE_KEYS = ['categories', 'residency', 'exclusions', 'ecoBurial', 'unclaimed'] as const;

function latestVersion(scheme: PolicyScheme): PolicyVersion {
  return [...scheme.versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
}

function valuesFrom(base: PolicyVersion): VersionValues {
  const rules: Record<string, unknown> = {};
  for (const key of RULE_KEYS) if (base[key] !== undefined) rules[key] = base[key];
  return {
    id: '',
    name: '',
    source: '',
    effectiveFrom: '',
    effectiveTo: '',
    overallCap: base.overallCap === undefined ? null : yuanInput(base.overallCap),
    settlement: base.settlement,
    items: base.items.map((i) => ({
      id: i.id,
      label: i.label,
      unit: i.unit,
      reimburse: i.reimburse,
      unitPrice: i.unitPrice === undefined ? null : yuanInput(i.unitPrice),
      quantityCap: i.quantityCap,
      itemCap: i.itemCap === undefined ? null : yuanInput(i.itemCap),
      exclusiveGroup: i.exclusiveGroup ?? '',
    })),
    rules: JSON.stringify(rules, null, 2),
  };
}

const blank = (v: string | null | undefined): boolean => v === null || v === undefined || v.trim() === '';

/** The version as the contract takes it; money in 分, empty optional fields left out. */
function versionOf(values: VersionValues): Record<string, unknown> {
  let rules: Record<string, unknown>;
  try {
    rules = JSON.parse(values.rules) as Record<string, unknown>;
  } catch (err) {
    throw new AppError('VALIDATION', `其他规定不是有效的 JSON：${(err as Error).message}`, { rules: '不是有效的 JSON' });
  }
  const money = (v: string | null | undefined): number | undefined => (blank(v) ? undefined : (fenOf(v) ?? Number.NaN));
  return {
    ...rules,
    id: values.id.trim(),
    name: values.name.trim(),
    ...(blank(values.source) ? {} : { source: values.source!.trim() }),
    effectiveFrom: values.effectiveFrom.trim(),
    ...(blank(values.effectiveTo) ? {} : { effectiveTo: values.effectiveTo!.trim() }),
    ...(blank(values.overallCap) ? {} : { overallCap: money(values.overallCap) }),
    settlement: values.settlement,
    items: (values.items ?? []).map((i) => ({
      id: i.id?.trim(),
      label: i.label?.trim(),
      unit: i.unit,
      reimburse: i.reimburse,
      ...(blank(i.unitPrice) ? {} : { unitPrice: money(i.unitPrice) }),
      quantityCap: i.quantityCap,
      ...(blank(i.itemCap) ? {} : { itemCap: money(i.itemCap) }),
      ...(blank(i.exclusiveGroup) ? {} : { exclusiveGroup: i.exclusiveGroup!.trim() }),
    })),
  };
}

/** The server's field names (version.items.2.itemCap, versions.3.effectiveFrom) → the dialog's. */
function aliasesFor(error: AppError): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const key of Object.keys(error.fieldErrors)) {
    const path = key.replace(/^version\./, '').replace(/^versions\.\d+\./, '');
    const [head] = path.split('.');
    if ((RULE_KEYS as readonly string[]).includes(head)) aliases[key] = 'rules';
    else if (head === 'items' && /^items\.\d+\.\w+$/.test(path)) aliases[key] = path;
    else aliases[key] = head;
  }
  return aliases;
}

const money = (label: string) => (
  <InputNumber<string> stringMode min="0" precision={2} placeholder={label} style={{ width: '100%' }} />
);

const CELL = { margin: 0 };

function ItemsEditor() {
  return (
    <Form.List name="items">
      {(fields, { add, remove }) => {
        const columns: TableColumnsType<(typeof fields)[number]> = [
          { title: '编号', key: 'id', width: 110, render: (_v, f) => <Form.Item name={[f.name, 'id']} style={CELL}><Input placeholder="transport" /></Form.Item> },
          { title: '名称', key: 'label', width: 130, render: (_v, f) => <Form.Item name={[f.name, 'label']} style={CELL}><Input /></Form.Item> },
          {
            title: '单位',
            key: 'unit',
            width: 72,
            render: (_v, f) => (
              <Form.Item name={[f.name, 'unit']} style={CELL}>
                <Select options={ITEM_UNITS.map((u) => ({ value: u, label: u }))} />
              </Form.Item>
            ),
          },
          {
            title: '减免方式',
            key: 'reimburse',
            width: 110,
            render: (_v, f) => (
              <Form.Item name={[f.name, 'reimburse']} style={CELL}>
                <Select options={REIMBURSE_MODES.map((m) => ({ value: m, label: m === 'fixed' ? '定额' : '按实际' }))} />
              </Form.Item>
            ),
          },
          { title: '单价（元）', key: 'unitPrice', width: 110, render: (_v, f) => <Form.Item name={[f.name, 'unitPrice']} style={CELL}>{money('不限')}</Form.Item> },
          {
            title: '数量上限',
            key: 'quantityCap',
            width: 90,
            render: (_v, f) => (
              <Form.Item name={[f.name, 'quantityCap']} style={CELL}>
                <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            ),
          },
          { title: '本项上限（元）', key: 'itemCap', width: 120, render: (_v, f) => <Form.Item name={[f.name, 'itemCap']} style={CELL}>{money('不限')}</Form.Item> },
          { title: '互斥组', key: 'group', width: 90, render: (_v, f) => <Form.Item name={[f.name, 'exclusiveGroup']} style={CELL}><Input placeholder="无" /></Form.Item> },
          { title: '', key: 'remove', width: 44, render: (_v, f) => <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除项目" onClick={() => remove(f.name)} /> },
        ];
        return (
          <>
            <Table rowKey="key" size="small" pagination={false} columns={columns} dataSource={fields} scroll={{ x: 'max-content' }} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ id: '', label: '', unit: '次', reimburse: 'actual', quantityCap: 1 })} style={{ marginTop: 8 }}>
              添加项目
            </Button>
          </>
        );
      }}
    </Form.List>
  );
}

/** Field errors the server gave that sit on no field of the dialog (an item's cell, a rule in the JSON). */
function ErrorDetails({ error }: { error: AppError }) {
  const entries = Object.entries(error.fieldErrors);
  if (entries.length <= 1) return null;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="policy-version-errors">
      {entries.map(([key, message]) => (
        <li key={key}>
          <Typography.Text code>{key}</Typography.Text> {message}
        </li>
      ))}
    </ul>
  );
}

interface AddPolicyVersionDialogProps {
  scheme: PolicyScheme;
  onAdded: (scheme: OpOutput<'funeral.addPolicyVersion'>) => void;
  onClosed: () => void;
}

/**
 * 新增版本: prefilled from the scheme's latest version — change the dates, caps and prices, items in the
 * table, the eligibility rules as JSON. The server checks it and says which field is wrong.
 */
export function AddPolicyVersionDialog({ scheme, onAdded, onClosed }: AddPolicyVersionDialogProps) {
  const [form] = Form.useForm<VersionValues>();
  const [open, setOpen] = useState(true);
  const [initial] = useState(() => valuesFrom(latestVersion(scheme)));
  const [error, setError] = useState<AppError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: VersionValues): Promise<void> => {
    setSubmitting(true);
    setError(null);
    try {
      const added = await call('funeral.addPolicyVersion', { schemeId: scheme.id, version: versionOf(values) as PolicyVersion });
      onAdded(added);
      setOpen(false);
    } catch (err) {
      const appError = asAppError(err);
      setError(applyFieldErrors(form, appError, aliasesFor(appError)));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      title={`新增版本：${scheme.name}`}
      open={open}
      width={980}
      okText="新增版本"
      cancelText="取消"
      okButtonProps={{ htmlType: 'submit', loading: submitting }}
      mask={{ closable: false }}
      destroyOnHidden
      onCancel={() => setOpen(false)}
      afterClose={onClosed}
      modalRender={(dom) => (
        <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} data-testid="policy-version-form">
          {dom}
        </Form>
      )}
    >
      <Typography.Paragraph type="secondary">
        已按最新版本「{latestVersion(scheme).name}」（{latestVersion(scheme).effectiveFrom} 起）填好，改动后新增。未截止的旧版本将在新版本生效日前一日截止；金额以元填写。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error.message} description={<ErrorDetails error={error} />} style={{ marginBottom: 16 }} data-testid="policy-version-error" />}
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item label="版本编号" name="id" required extra="小写字母、数字或连字符">
            <Input autoFocus placeholder="如 hz-2027" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="版本名称" name="name" required>
            <Input placeholder="如 2027 年方案" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="生效日期" name="effectiveFrom" required normalize={(v: string) => normalizeDate(v)}>
            <Input placeholder="YYYY-MM-DD" maxLength={10} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="失效日期" name="effectiveTo" normalize={(v: string) => normalizeDate(v)}>
            <Input placeholder="不填为长期有效" maxLength={10} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="政策依据" name="source">
            <Input placeholder="文件名称和文号" maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="每具遗体减免总额上限（元）" name="overallCap">
            {money('不设上限')}
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="结算方式" name="settlement" required>
            <Select options={SETTLEMENT_MODES.map((m) => ({ value: m, label: SETTLEMENT_MODE_LABELS[m] }))} popupMatchSelectWidth={false} />
          </Form.Item>
        </Col>
      </Row>
      <div style={{ marginBottom: 16 }}>
        <Typography.Text strong>减免项目</Typography.Text>
        <div style={{ marginTop: 8 }}>
          <ItemsEditor />
        </div>
      </div>
      <Form.Item label="其他规定（JSON）：减免对象类别、户籍与地点条件、不予减免情形、生态安葬奖补、无人认领遗体" name="rules">
        <Input.TextArea rows={8} style={{ fontFamily: 'monospace', fontSize: 12 }} spellCheck={false} />
      </Form.Item>
    </Modal>
  );
}
