import { Form, Input } from 'antd';
import type { z } from 'zod';
import { contractRule, sameAs } from './fieldRules';

/** The password policy the contract enforces, said under every field that sets a password. */
const PASSWORD_POLICY = '至少 8 位，须同时包含字母和数字';

interface NewPasswordFieldsProps {
  /** The form field holding the password, as the contract names it. */
  name: string;
  label: string;
  /** The contract's schema for the field. */
  schema: z.ZodType;
  /** Added after the policy in the hint under the field. */
  note?: string;
  autoFocus?: boolean;
  /** Label of the confirmation field (`confirmPassword`), which must repeat the password; none without it. */
  confirmLabel?: string;
}

/** A field that sets a new password, checked by the contract, and optionally its confirmation. */
export function NewPasswordFields({ name, label, schema, note, autoFocus, confirmLabel }: NewPasswordFieldsProps) {
  return (
    <>
      <Form.Item label={label} name={name} required rules={[contractRule(schema)]} extra={note ? `${PASSWORD_POLICY}；${note}` : PASSWORD_POLICY}>
        <Input.Password autoFocus={autoFocus} autoComplete="new-password" />
      </Form.Item>
      {confirmLabel && (
        <Form.Item label={confirmLabel} name="confirmPassword" required dependencies={[name]} rules={[sameAs(name, `两次输入的${label}不一致`)]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
    </>
  );
}
