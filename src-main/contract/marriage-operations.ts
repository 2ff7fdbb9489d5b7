import { z } from 'zod';
import { op } from './define';
import { choice, labelled, pattern, text } from './fields';

const party = (who: string) =>
  z.strictObject({
    name: text(`${who}姓名`, { max: 50 }),
    sex: choice(`${who}性别`, ['male', 'female']),
    nationality: text(`${who}国籍`, { max: 30 }).default('中国'),
    idNumber: pattern(`${who}公民身份号码`, /^\d{17}[\dXx]$/, '18 位，最后一位可为 X'),
    birthDate: pattern(`${who}出生日期`, /^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD').optional(),
  });

const parties = { party1: party('一方'), party2: party('另一方') };

/** 结婚登记 at the counter (mainland residents; other cases where the station is authorized come later). */
export const marriageOperations = {
  'marriage.check': op({
    title: '结婚登记审查',
    kind: 'read',
    access: 'marriage.register',
    input: z.strictObject(parties),
    output: z.object({ ok: z.boolean(), problems: z.array(z.string()), registrationDate: z.string(), platformAsked: z.boolean() }),
  }),
  'marriage.register': op({
    title: '结婚登记',
    kind: 'write',
    access: 'marriage.register',
    input: z.strictObject({
      ...parties,
      declarationSigned: labelled('申请结婚登记声明书', z.literal(true, { error: '双方须已在申请结婚登记声明书上签名' })),
      consentConfirmed: labelled('自愿结婚', z.literal(true, { error: '婚姻登记员须确认双方完全自愿' })),
    }),
    output: z.object({ id: z.number(), certificateNumber: z.string(), registrationDate: z.string() }),
  }),
  'marriage.refuse': op({
    title: '不予结婚登记',
    kind: 'write',
    access: 'marriage.register',
    input: z.strictObject({ ...parties, reason: text('不予登记的理由', { max: 500 }) }),
    output: z.object({ id: z.number(), decidedOn: z.string() }),
  }),
} as const;
