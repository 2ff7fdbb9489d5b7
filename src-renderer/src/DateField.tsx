import { Form, Input } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { contractRule } from './fieldRules';
import { normalizeDate } from './typedDate';

interface DateFieldProps {
  name: NamePath;
  label: string;
  /** The contract's field schema: the server's rule, checked as the user types. */
  schema: Parameters<typeof contractRule>[0];
  testId: string;
  tooltip?: string;
  autoFocus?: boolean;
}

/** A required date typed at the keyboard (2026-11-15, 20261115, 2026年11月15日…), read the one way every form reads dates. */
export function DateField({ name, label, schema, testId, tooltip, autoFocus }: DateFieldProps) {
  return (
    <Form.Item label={label} name={name} required rules={[contractRule(schema)]} normalize={normalizeDate} tooltip={tooltip}>
      <Input autoComplete="off" maxLength={10} placeholder="YYYY-MM-DD" autoFocus={autoFocus} data-testid={testId} />
    </Form.Item>
  );
}
