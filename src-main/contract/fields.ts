import { z } from 'zod';
import { isCalendarDate } from './calendar-dates';
import { AppError } from './errors';

// zod's own messages (types, formats) in Chinese; our field builders add the field's label.
z.config(z.locales.zhCN());

/**
 * Field builders carry a Chinese label (zod `title` metadata) so that a validation error
 * can name the field the way the form does, on whatever transport the input came.
 */
export function labelled<T extends z.ZodType>(label: string, schema: T): T {
  return schema.meta({ title: label });
}

export function text(label: string, opts: { min?: number; max: number }) {
  const min = opts.min ?? 1;
  return labelled(
    label,
    z
      .string({ error: `请填写${label}` })
      .trim()
      .min(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字符`)
      .max(opts.max, `${label}不能超过 ${opts.max} 个字符`),
  );
}

export function pattern(label: string, re: RegExp, hint: string) {
  return labelled(
    label,
    z.string({ error: `请填写${label}` }).trim().regex(re, `${label}格式不正确：${hint}`),
  );
}

export function calendarDate(label: string) {
  return labelled(
    label,
    z
      .string({ error: `请填写${label}` })
      .trim()
      .refine(isCalendarDate, { error: (issue) => `${label} ${String(issue.input)} 不是实际存在的日期（应为 YYYY-MM-DD）` }),
  );
}

export function intIn(label: string, min: number, max: number) {
  return labelled(
    label,
    z
      .number({ error: `${label}必须是数字` })
      .int(`${label}必须是整数`)
      .min(min, `${label}不能小于 ${min}`)
      .max(max, `${label}不能大于 ${max}`),
  );
}

export function choice<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return labelled(label, z.enum(values, { error: `${label}的取值无效` }));
}

export const username = pattern('用户名', /^[a-z][a-z0-9_.-]{2,31}$/, '3–32 位小写字母、数字、下划线、点或连字符，以字母开头');
export const password = labelled(
  '密码',
  z
    .string({ error: '请填写密码' })
    .min(8, '密码至少 8 位')
    .max(128, '密码不能超过 128 位')
    .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), '密码须同时包含字母和数字'),
);

/** Through optional / nullable / default wrappers, remembering the first label met on the way. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; title?: string } {
  let s = schema;
  let title = z.globalRegistry.get(s)?.title;
  // An array's element is reached by the index in the path, not by unwrapping.
  while (!(s instanceof z.ZodArray) && 'unwrap' in s && typeof (s as { unwrap?: unknown }).unwrap === 'function') {
    s = (s as unknown as { unwrap: () => z.ZodType }).unwrap();
    title ??= z.globalRegistry.get(s)?.title;
  }
  return { inner: s, title };
}

function labelAt(schema: z.ZodType, path: PropertyKey[]): string | undefined {
  let current: z.ZodType | undefined = schema;
  let label: string | undefined;
  for (const key of path) {
    if (!current) return label;
    const { inner, title } = unwrap(current);
    label = title ?? label;
    if (inner instanceof z.ZodObject) current = inner.shape[String(key)] as z.ZodType | undefined;
    else if (inner instanceof z.ZodArray) current = inner.element as z.ZodType;
    else current = undefined;
  }
  return (current && unwrap(current).title) ?? label;
}

/** Parse input against a schema, or throw a VALIDATION AppError whose messages name each field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (fieldErrors[key]) continue;
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) fieldErrors[[...issue.path.map(String), k].join('.')] = `不认识的字段：${k}`;
      continue;
    }
    if (issue.path.length === 0 && issue.code === 'invalid_type') {
      fieldErrors[key] = '请求内容应为一个 JSON 对象';
      continue;
    }
    const label = labelAt(schema, issue.path) ?? key;
    fieldErrors[key] = issue.message.includes(label) ? issue.message : `${label}：${issue.message}`;
  }
  const first = Object.values(fieldErrors)[0] ?? '输入有误';
  const count = Object.keys(fieldErrors).length;
  return fail(count > 1 ? `${first}（另有 ${count - 1} 处错误）` : first, fieldErrors);
}

function fail(message: string, fieldErrors: Record<string, string>): never {
  throw new AppError('VALIDATION', message, fieldErrors);
}
