import { z } from 'zod';
import { op } from './define';
import { intIn, labelled, pattern, text } from './fields';
import { attachmentView, scanContent, scansInput } from './scans';

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
  attachments: z.array(attachmentView),
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
      // The signed agreement, the marriage certificates, the parties' IDs.
      scans: scansInput,
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
    output: scanContent,
  }),
  'divorce.list': op({
    title: '查看离婚登记申请',
    kind: 'read',
    access: 'marriage.register',
    input: z.strictObject({}),
    output: z.array(divorceApplicationView),
  }),
} as const;
