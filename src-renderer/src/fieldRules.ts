import type { FormRule } from 'antd';
import type { z } from 'zod';

/**
 * Check a field with the contract's own schema before sending, so the form shows exactly the
 * message the server would give, without a second copy of the rules.
 */
export function contractRule(schema: z.ZodType): FormRule {
  return { validator: async (_rule, value: unknown) => checkWith(schema, value) };
}

/** `contractRule` checked only while `applies()` holds: a field that one action needs and the others leave out. */
export function contractRuleWhen(applies: () => boolean, schema: z.ZodType): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (applies()) checkWith(schema, value);
    },
  };
}

function checkWith(schema: z.ZodType, value: unknown): void {
  // An emptied input means "not given": optional fields pass, required ones say 请填写….
  const result = schema.safeParse(value === '' || value === null ? undefined : value);
  if (!result.success) throw new Error(result.error.issues[0]?.message ?? '输入有误');
}

/** The confirmation field must repeat `field` exactly. */
export function sameAs(field: string, message: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value: unknown) => {
      if (!value) throw new Error('请再次输入密码');
      if (value !== getFieldValue(field)) throw new Error(message);
    },
  });
}
