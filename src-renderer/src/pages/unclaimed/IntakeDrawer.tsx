import { useState } from 'react';
import { Alert, Button, Col, Drawer, Form, Input, InputNumber, Radio, Row, Space, Switch, Upload, type UploadFile } from 'antd';
import { CameraOutlined, SaveOutlined } from '@ant-design/icons';
import { unclaimedOperations, type AppError, type OpInput } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { contractRule, contractRuleWhen } from '../../fieldRules';
import { applyFieldErrors } from '../../formErrors';
import { readBase64 } from '../../readBase64';
import { enterNavigation } from '../funeral/enterNavigation';
import type { Body } from './stages';
import { normalizeCode } from '../../typedCode';
import { DateField } from '../../DateField';

const schema = unclaimedOperations['unclaimed.intake'].input.shape;

interface IntakeValues {
  intakeDate: string;
  deliveringUnit: string;
  identityKnown: boolean;
  name?: string;
  idNumber?: string;
  sex: 'male' | 'female' | 'unknown';
  estimatedAge?: number | null;
  description: string;
  placeFound: string;
  deathCertificateNumber?: string;
  policeCaseNumber?: string;
  policeSamples?: string;
  belongings: string;
  storageLocation: string;
}

const optional = (v: string | undefined): string | undefined => (v && v.trim() ? v.trim() : undefined);

/** 接收登记: a body delivered to the funeral home, from the keyboard (Enter moves on, Ctrl+Enter saves). */
export function IntakeDrawer({ today, onSaved, onClose }: { today: string; onSaved: (body: Body) => void; onClose: () => void }) {
  const [form] = Form.useForm<IntakeValues>();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const identityKnown = Form.useWatch('identityKnown', form) ?? false;

  const save = async (): Promise<void> => {
    let values: IntakeValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const input: OpInput<'unclaimed.intake'> = {
        intakeDate: values.intakeDate,
        deliveringUnit: values.deliveringUnit.trim(),
        identityKnown: values.identityKnown,
        name: values.identityKnown ? optional(values.name) : undefined,
        idNumber: values.identityKnown ? optional(values.idNumber) : undefined,
        sex: values.sex,
        estimatedAge: values.estimatedAge ?? undefined,
        description: values.description.trim(),
        placeFound: values.placeFound.trim(),
        deathCertificateNumber: optional(values.deathCertificateNumber),
        policeCaseNumber: optional(values.policeCaseNumber),
        policeSamples: optional(values.policeSamples),
        belongings: values.belongings.trim(),
        storageLocation: values.storageLocation.trim(),
        photos: await Promise.all(
          photos.map(async (f) => ({
            name: f.name,
            mimeType: (f.type === 'image/png' ? 'image/png' : 'image/jpeg') as 'image/png' | 'image/jpeg',
            dataBase64: await readBase64(f.originFileObj as File, '照片', 'photos'),
          })),
        ),
      };
      const body = await call('unclaimed.intake', input);
      onSaved(body);
    } catch (err) {
      setError(applyFieldErrors(form, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      title="接收登记：无人认领遗体"
      open
      size={760}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()} aria-keyshortcuts="Control+Enter" data-testid="intake-submit-top">
            登记接收（Ctrl+Enter）
          </Button>
        </Space>
      }
    >
      <div onKeyDownCapture={enterNavigation(() => void save())} data-testid="intake-form">
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} data-testid="intake-error" />}
        <Form<IntakeValues> form={form} layout="vertical" initialValues={{ intakeDate: today, identityKnown: false, sex: 'unknown' }} requiredMark>
          <Row gutter={12}>
            <Col span={6}>
              <DateField label="接收日期" name="intakeDate" schema={schema.intakeDate} testId="intake-date" autoFocus />
            </Col>
            <Col span={12}>
              <Form.Item label="送交单位" name="deliveringUnit" required rules={[contractRule(schema.deliveringUnit)]}>
                <Input autoComplete="off" maxLength={60} placeholder="如 惠州市公安局惠城分局、市救助管理站、医院" data-testid="intake-delivering-unit" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label="身份已知" name="identityKnown" valuePropName="checked">
                <Switch checkedChildren="已知" unCheckedChildren="不明" data-testid="intake-identity-known" />
              </Form.Item>
            </Col>
            {identityKnown && (
              <>
                <Col span={8}>
                  <Form.Item
                    label="姓名"
                    name="name"
                    required
                    rules={[contractRuleWhen(() => form.getFieldValue('identityKnown') === true, schema.name.unwrap())]}
                  >
                    <Input autoComplete="off" maxLength={50} data-testid="intake-name" />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item label="身份证件号码" name="idNumber" normalize={normalizeCode} rules={[contractRule(schema.idNumber)]}>
                    <Input autoComplete="off" maxLength={20} style={{ fontFamily: 'monospace' }} placeholder="不详可不填" data-testid="intake-id-number" />
                  </Form.Item>
                </Col>
              </>
            )}
            <Col span={identityKnown ? 6 : 12}>
              <Form.Item label="性别" name="sex" required>
                <Radio.Group
                  options={[
                    { value: 'male', label: '男' },
                    { value: 'female', label: '女' },
                    { value: 'unknown', label: '不详' },
                  ]}
                  data-testid="intake-sex"
                />
              </Form.Item>
            </Col>
            <Col span={identityKnown ? 24 : 12}>
              <Form.Item label="估计年龄" name="estimatedAge" rules={[contractRule(schema.estimatedAge)]}>
                <InputNumber min={0} max={130} precision={0} suffix="岁" style={{ width: 140 }} data-testid="intake-age" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item label="体貌特征" name="description" required rules={[contractRule(schema.description)]} tooltip="身份不明时，名单上显示为“无名氏”加此描述">
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} placeholder="身高、体型、衣着、明显特征（Tab 到下一项）" data-testid="intake-description" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="发现或死亡地点" name="placeFound" required rules={[contractRule(schema.placeFound)]}>
                <Input autoComplete="off" maxLength={100} data-testid="intake-place-found" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="死亡证明编号" name="deathCertificateNumber" rules={[contractRule(schema.deathCertificateNumber)]}>
                <Input autoComplete="off" maxLength={40} placeholder="尚未出具可不填" data-testid="intake-death-certificate" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="公安登记编号" name="policeCaseNumber" rules={[contractRule(schema.policeCaseNumber)]}>
                <Input autoComplete="off" maxLength={40} data-testid="intake-police-case" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="公安采样编号" name="policeSamples" rules={[contractRule(schema.policeSamples)]} tooltip="指纹、DNA、照片的采样编号">
                <Input autoComplete="off" maxLength={200} data-testid="intake-police-samples" />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item label="随身物品" name="belongings" required rules={[contractRule(schema.belongings)]}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} placeholder="无则填“无”" data-testid="intake-belongings" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="存放位置" name="storageLocation" required rules={[contractRule(schema.storageLocation)]}>
                <Input autoComplete="off" maxLength={40} placeholder="如 冷藏柜 A-03" data-testid="intake-storage" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item label="照片" extra="JPEG 或 PNG，最多 10 张，每张不超过 10 MB">
                <Upload
                  listType="picture-card"
                  accept="image/jpeg,image/png"
                  multiple
                  fileList={photos}
                  beforeUpload={() => false}
                  onChange={({ fileList }) => setPhotos(fileList.slice(0, 10))}
                  data-testid="intake-photos"
                >
                  {photos.length < 10 && (
                    <div>
                      <CameraOutlined />
                      <div style={{ marginTop: 4 }}>添加照片</div>
                    </div>
                  )}
                </Upload>
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()} data-enter-last data-testid="intake-submit">
            登记接收
          </Button>
        </Form>
      </div>
    </Drawer>
  );
}
