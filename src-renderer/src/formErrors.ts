import type { FormInstance } from 'antd';
import { AppError } from '../../src-main/contract';

/** Any rejection as an AppError. `call` already rejects with AppError; anything else is shown as it is. */
export function asAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError('INTERNAL', err instanceof Error ? err.message : String(err));
}

/**
 * Show the server's per-field messages under the matching Form.Item, so the user sees which field to
 * fix. `aliases` maps an input key to the form field that edits it (the audit filter's `from` and `to`
 * both come from one date range).
 *
 * Returns the error still to be shown above the form, or null when every part of it now sits under
 * its field and its message opens with one of theirs (repeating it above would only say the same thing
 * twice, perhaps with 另有 1 处错误). A message that says more stays above: 与已领入的批次
 * GD20260000001–GD20260000100 重叠, over the field's 号段重叠.
 */
export function applyFieldErrors(form: FormInstance, err: unknown, aliases: Record<string, string> = {}): AppError | null {
  const error = asAppError(err);
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const byField = new Map<string, string[]>();
  let unplaced = 0;
  for (const [key, message] of Object.entries(error.fieldErrors)) {
    const field = aliases[key] ?? key;
    if (registered.has(field)) byField.set(field, [...(byField.get(field) ?? []), message]);
    else unplaced += 1;
  }
  form.setFields([...byField].map(([field, errors]) => ({ name: field.split('.'), errors })));
  const saysNoMore = Object.values(error.fieldErrors).some((message) => error.message.startsWith(message));
  return byField.size > 0 && unplaced === 0 && saysNoMore ? null : error;
}
