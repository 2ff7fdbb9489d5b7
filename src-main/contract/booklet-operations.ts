import { z } from 'zod';
import { op } from './define';
import { intIn, labelled, pattern, text } from './fields';

export const BOOKLET_KINDS = ['marriage', 'divorce'] as const;
export const BOOKLET_KIND_LABELS: Record<(typeof BOOKLET_KINDS)[number], string> = { marriage: '结婚证', divorce: '离婚证' };

const kind = labelled('证书种类', z.enum(BOOKLET_KINDS, { error: '证书种类应为结婚证或离婚证' }));
const serial = pattern('印制编号', /^[A-Z0-9]{1,24}$/, '大写字母和数字');

const countsView = z.object({ received: z.number(), used: z.number(), voided: z.number(), inStock: z.number() });

/** Blank certificate booklets are controlled stationery: received, used, voided — a ledger that balances. */
export const bookletOperations = {
  'booklets.receive': op({
    title: '登记领入空白证书',
    kind: 'write',
    access: 'stationery.manage',
    input: z
      .strictObject({
        kind,
        prefix: pattern('编号前缀', /^[A-Z0-9]{0,12}$/, '0–12 位大写字母或数字'),
        firstNumber: intIn('起始号', 0, 999_999_999_999),
        lastNumber: intIn('终止号', 0, 999_999_999_999),
        digits: intIn('号码位数', 4, 12),
        note: text('备注', { max: 200 }).optional(),
      })
      .refine((v) => v.firstNumber <= v.lastNumber, { path: ['lastNumber'], message: '终止号不能小于起始号' })
      .refine((v) => v.lastNumber - v.firstNumber < 100_000, { path: ['lastNumber'], message: '一批最多 100000 本' })
      .refine((v) => String(v.lastNumber).length <= v.digits, { path: ['digits'], message: '号码位数不足以容纳终止号' }),
    output: z.object({ batchId: z.number(), count: z.number(), first: z.string(), last: z.string() }),
  }),
  'booklets.void': op({
    title: '作废空白证书',
    kind: 'write',
    access: 'stationery.use',
    input: z.strictObject({ serial, reason: text('作废原因', { max: 200 }) }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'booklets.ledger': op({
    title: '查看证书台账',
    kind: 'read',
    access: 'session',
    input: z.strictObject({}),
    output: z.object({
      totals: z.array(countsView.extend({ kind: z.enum(BOOKLET_KINDS) })),
      batches: z.array(
        countsView.extend({ id: z.number(), kind: z.enum(BOOKLET_KINDS), first: z.string(), last: z.string(), receivedAt: z.string(), note: z.string().nullable() }),
      ),
      recent: z.array(
        z.object({ serial: z.string(), kind: z.enum(BOOKLET_KINDS), outcome: z.enum(['used', 'voided']), documentKey: z.string().nullable(), reason: z.string().nullable(), at: z.string() }),
      ),
    }),
  }),
} as const;
