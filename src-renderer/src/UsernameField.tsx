import { Form, Input } from 'antd';
import type { z } from 'zod';
import { contractRule } from './fieldRules';

/** The username rule the contract enforces, said under every field that names a new account. */
const USERNAME_RULE = '3–32 位小写字母、数字、下划线、点或连字符，以字母开头';

interface UsernameFieldProps {
  /** The form field holding the username, as the contract names it. */
  name: string;
  label: string;
  /** The contract's schema for the field. */
  schema: z.ZodType;
  /** Put before the rule in the hint under the field, e.g. what the username is for. */
  purpose?: string;
  autoFocus?: boolean;
}

/** A field that names a new account, checked by the contract. */
export function UsernameField({ name, label, schema, purpose, autoFocus }: UsernameFieldProps) {
  return (
    <Form.Item label={label} name={name} required rules={[contractRule(schema)]} extra={purpose ? `${purpose}：${USERNAME_RULE}` : USERNAME_RULE}>
      <Input autoFocus={autoFocus} autoComplete="off" />
    </Form.Item>
  );
}
