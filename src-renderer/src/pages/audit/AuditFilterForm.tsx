import { Alert, Button, DatePicker, Form, Input, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { operations } from '../../../../src-main/contract';
import { contractRule } from '../../fieldRules';
import { useFormSubmit } from '../../useFormSubmit';
import { OPERATION_OPTIONS, toAuditFilter, type AuditFilter, type AuditFilterValues } from './auditFilter';

// The server checks `from` and `to`; on this form both are the one 起止日期 field.
const DATE_ALIASES = { from: 'range', to: 'range' };

export function AuditFilterForm({ onSearch }: { onSearch: (filter: AuditFilter) => Promise<void> }) {
  const [form] = Form.useForm<AuditFilterValues>();
  const { submitting, error, onFinish } = useFormSubmit(form, (values) => onSearch(toAuditFilter(values)), DATE_ALIASES);

  const reset = (): void => {
    form.resetFields();
    void onFinish({});
  };

  return (
    <div className="audit-filter">
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="inline" onFinish={onFinish} data-testid="audit-filter-form">
        <Form.Item label="操作人" name="username" rules={[contractRule(operations['audit.list'].input.shape.username)]}>
          <Input autoFocus allowClear placeholder="用户名" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label="操作" name="operation">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={OPERATION_OPTIONS}
            placeholder="全部操作"
            style={{ width: 180 }}
          />
        </Form.Item>
        <Form.Item label="起止日期" name="range">
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={submitting}>
              查询
            </Button>
            <Button onClick={reset}>重置</Button>
          </Space>
        </Form.Item>
      </Form>
    </div>
  );
}
