import { z } from 'zod';
import { op } from './define';
import { intIn, labelled, pattern, text } from './fields';

const applicationId = intIn('离婚登记申请编号', 1, Number.MAX_SAFE_INTEGER);

export const divorceApplicationView = z.object({
  id: z.number(),
  marriageCertificateNumber: z.string(),
  names: z.tuple([z.string(), z.string()]),
  receivedOn: z.string(),
  coolingOffEnds: z.string(),
  certificateDeadline: z.string(),
  status: z.enum(['received', 'withdrawn', 'lapsed', 'registered']),
  endedOn: z.string().nullable(),
  withdrawnByParty: z.union([z.literal(1), z.literal(2)]).nullable(),
  certificateNumber: z.string().nullable(),
  attachments: z.array(z.object({ id: z.number(), name: z.string(), mimeType: z.string(), size: z.number() })),
});

/** A scan of a paper the parties brought: the signed agreement, the marriage certificates, their IDs. */
const scan = z.strictObject({
  name: text('扫描件名称', { max: 100 }),
  mimeType: labelled('扫描件类型', z.enum(['image/jpeg', 'image/png', 'application/pdf'], { error: '扫描件须为 JPEG、PNG 或 PDF' })),
  // About 10 MB once decoded.
  dataBase64: labelled(
    '扫描件',
    z
      .string({ error: '请选择扫描件' })
      .min(8, '扫描件为空')
      .max(14_000_000, '扫描件过大（上限 10 MB）')
      // Node's decoder skips what is not base64: a damaged upload must be refused, not stored as garbage.
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, '扫描件内容不是有效的 base64 编码'),
  ),
});

/** 协议离婚 with the 30-day 离婚冷静期 (民法典 1077; 民发〔2020〕116号). */
export const divorceOperations = {
  'divorce.apply': op({
    title: '受理离婚登记申请',
    kind: 'write',
    access: 'marriage.register',
    input: z.strictObject({
      // The marriage is found by its 字号, or (a certificate lost) by either spouse's document number.
      marriageCertificateNumber: pattern('结婚证字号', /^(J|BJ)\d{6}-\d{4}-\d{6}$/, '如 J442000-2026-000001').optional(),
      spouseIdNumber: text('一方身份证件号码', { max: 20 })
        .transform((v) => v.toUpperCase())
        .optional(),
      children: text('子女抚养的约定', { max: 2000 }),
      property: text('财产处理的约定', { max: 2000 }),
      debts: text('债务处理的约定', { max: 2000 }),
      scans: labelled('扫描件', z.array(scan).max(20, '扫描件不能超过 20 份')).default([]),
      draftId: intIn('暂存编号', 1, Number.MAX_SAFE_INTEGER).optional(),
    }),
    output: divorceApplicationView,
  }),
  'divorce.withdraw': op({
    title: '撤回离婚登记申请',
    kind: 'write',
    access: 'marriage.register',
    input: z.strictObject({ applicationId, party: labelled('撤回的一方', z.union([z.literal(1), z.literal(2)], { error: '撤回的一方应为 1 或 2' })) }),
    output: divorceApplicationView,
  }),
  'divorce.register': op({
    title: '离婚登记',
    kind: 'write',
    access: 'marriage.register',
    input: z.strictObject({
      applicationId,
      bothPresent: labelled('双方亲自到场', z.literal(true, { error: '离婚登记须双方亲自到场' })),
    }),
    output: divorceApplicationView,
  }),
  'divorce.lapseDue': op({
    title: '离婚登记申请视为撤回',
    kind: 'write',
    access: 'marriage.register',
    input: z.strictObject({}),
    output: z.object({ lapsed: z.array(z.number()) }),
  }),
  'divorce.scan': op({
    title: '查看离婚登记申请扫描件',
    kind: 'read',
    access: 'marriage.register',
    input: z.strictObject({ id: intIn('扫描件编号', 1, Number.MAX_SAFE_INTEGER) }),
    output: z.object({ name: z.string(), mimeType: z.string(), dataBase64: z.string() }),
  }),
  'divorce.list': op({
    title: '查看离婚登记申请',
    kind: 'read',
    access: 'marriage.register',
    input: z.strictObject({}),
    output: z.array(divorceApplicationView),
  }),
} as const;
