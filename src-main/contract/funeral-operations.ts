import { z } from 'zod';
import { op } from './define';
import { calendarDate, choice, intIn, labelled, pattern, text } from './fields';
import { policySchemeSchema, policyVersionSchema } from './funeral-policy';
import { DOCUMENT_TYPE_IDS } from './identity-documents';
import { attachmentView, scanContent, scansInput } from './scans';

const waiverId = intIn('减免记录编号', 1, Number.MAX_SAFE_INTEGER);
const month = pattern('结算月份', /^\d{4}-(0[1-9]|1[0-2])$/, '应为 YYYY-MM');
const fen = (label: string) => intIn(label, 0, 100_000_000);

/** What the funeral home enters for one deceased person when the family settles the bill. */
export const waiverInput = z.strictObject({
  deceased: z.strictObject({
    name: text('逝者姓名', { max: 50 }),
    sex: choice('逝者性别', ['male', 'female']),
    documentType: choice('逝者证件类型', DOCUMENT_TYPE_IDS).default('resident-id'),
    idNumber: text('逝者身份证件号码', { max: 20 }).transform((v) => v.toUpperCase()),
    birthDate: calendarDate('逝者出生日期').optional(),
    dateOfDeath: calendarDate('死亡日期'),
    hukou: text('户籍地', { max: 100 }),
    hukouInCity: labelled('本市户籍', z.boolean({ error: '本市户籍应为是或否' })),
    placeOfDeath: text('死亡地点', { max: 100 }),
    diedInCity: labelled('在本市死亡', z.boolean({ error: '在本市死亡应为是或否' })),
    crematedAtCityHome: labelled('在本市殡仪馆火化', z.boolean({ error: '在本市殡仪馆火化应为是或否' })),
    deathCertificateNumber: text('死亡证明编号', { max: 40 }),
  }),
  categoryId: text('减免对象类别', { max: 40 }).nullable(),
  exclusionIds: labelled('不予减免情形', z.array(text('不予减免情形', { max: 40 })).max(10)).default([]),
  services: labelled(
    '减免服务项目',
    z
      .array(
        z.strictObject({
          itemId: text('服务项目', { max: 40 }),
          quantity: intIn('数量', 1, 10_000),
          actualCost: fen('实际收费（分）'),
        }),
      )
      .min(1, '请至少录入一项服务')
      .max(20, '服务项目不能超过 20 项'),
  ),
  payer: z.strictObject({
    name: text('经办人姓名', { max: 50 }),
    idNumber: text('经办人身份证件号码', { max: 20 }).transform((v) => v.toUpperCase()),
    relation: text('与逝者关系', { max: 20 }),
  }),
});

const waiverLine = z.object({
  itemId: z.string(),
  label: z.string(),
  unit: z.string(),
  quantity: z.number(),
  allowedQuantity: z.number(),
  claimed: z.number(),
  waived: z.number(),
  familyPays: z.number(),
  rule: z.string(),
});

/** The computation, line by line, with the rule behind each amount (money in 分). */
export const waiverComputation = z.object({
  versionId: z.string(),
  versionName: z.string(),
  eligible: z.boolean(),
  refusals: z.array(z.object({ code: z.string(), message: z.string() })),
  requiredProofs: z.array(z.string()),
  lines: z.array(waiverLine),
  totalClaimed: z.number(),
  totalWaived: z.number(),
  familyPays: z.number(),
  overallCap: z.object({ cap: z.number(), beforeCap: z.number() }).nullable(),
  /** Whether the province was asked about earlier waivers of this person (`unreachable`: could not be). */
  platform: z.enum(['not-linked', 'answered', 'unreachable']).optional(),
});

/** `superseded`: approved, settled in a month since closed, then corrected: reversed (冲销) and replaced by a new waiver. */
export const WAIVER_STATUSES = { pending: '待审核', approved: '已审核通过', rejected: '已退回', superseded: '已冲销' } as const;
export type WaiverStatus = keyof typeof WAIVER_STATUSES;
const WAIVER_STATUS_IDS = Object.keys(WAIVER_STATUSES) as [WaiverStatus, ...WaiverStatus[]];

/** 更正原因: why an approved waiver is corrected; printed on the statement that carries the reversal. */
export const correctionReason = text('更正原因', { max: 100 });

export const waiverView = z.object({
  id: z.number(),
  number: z.string(),
  funeralHome: z.string(),
  deceasedName: z.string(),
  idNumberMasked: z.string(),
  dateOfDeath: z.string(),
  totalClaimed: z.number(),
  totalWaived: z.number(),
  status: z.enum(WAIVER_STATUS_IDS),
  enteredBy: z.string().nullable(),
  enteredAt: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  /** The month whose settlement carries it: set when approved (kept when superseded). */
  settlementMonth: z.string().nullable(),
  /** Whether that month was submitted: correcting the waiver then reverses it (冲销). */
  settlementClosed: z.boolean(),
  /** The 减免编号 of the approved waiver this one replaces after a correction. */
  replacesNumber: z.string().nullable(),
  /** The province-wide duplicate check at entry (`unreachable`: entered without it), and any conflict a later check found. */
  platformCheck: z.enum(['not-linked', 'answered', 'unreachable']),
  platformConflict: z.string().nullable(),
});

/** 冲销 as a statement shows it: the reversed waiver's amounts, negative. */
export const reversalView = z.object({
  id: z.number(),
  /** The reversed (superseded) waiver's 减免编号, its deceased and the closed month it was settled in. */
  waiverNumber: z.string(),
  deceasedName: z.string(),
  originalMonth: z.string(),
  /** The month that carries the reversal: the first open month when the correction was entered. */
  settlementMonth: z.string(),
  reason: z.string(),
  totalClaimed: z.number(),
  totalWaived: z.number(),
  /** The waiver that replaces it (pending review until approved). */
  replacedBy: z.string().nullable(),
  createdAt: z.string(),
});

/** A waiver in full: what was entered, the computation, its scans (and those of the waivers it replaces), its reversal. */
const waiverDetail = waiverView.extend({
  input: waiverInput,
  computation: waiverComputation,
  attachments: z.array(attachmentView.extend({ waiverNumber: z.string() })),
  /** Set when this waiver was superseded: the reversal of its settled amounts. */
  reversal: reversalView.nullable(),
  /** Set when this waiver replaces another: why it was corrected. */
  correctionReason: z.string().nullable(),
});

export const settlementView = z.object({
  funeralHome: z.string(),
  month: z.string(),
  status: z.enum(['open', 'closed']),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  waivers: z.number(),
  /** By item, the month's approved waivers (those since superseded included: they were settled here). */
  items: z.array(z.object({ itemId: z.string(), label: z.string(), quantity: z.number(), claimed: z.number(), waived: z.number() })),
  /** The reversals settled in this month, negative. */
  reversals: z.array(reversalView),
  /** Net: the items less the reversals. */
  totalClaimed: z.number(),
  totalWaived: z.number(),
});

/** 惠民殡葬: basic funeral-service fee waivers under the local policy in force on the date of death. */
export const funeralOperations = {
  'funeral.policies': op({
    title: '查看殡葬减免政策',
    kind: 'read',
    access: 'funeral.read',
    input: z.strictObject({}),
    output: z.object({
      schemes: z.array(policySchemeSchema),
      selected: z.string().nullable(),
      /** Versions some waiver was computed under: never edited again. */
      usedVersionIds: z.array(z.string()),
    }),
  }),
  'funeral.selectPolicy': op({
    title: '选择本地殡葬减免方案',
    kind: 'write',
    access: 'settings.manage',
    input: z.strictObject({ schemeId: text('减免方案', { max: 40 }) }),
    output: z.object({ selected: z.string() }),
  }),
  'funeral.addPolicyVersion': op({
    title: '新增殡葬减免政策版本',
    kind: 'write',
    access: 'settings.manage',
    input: z.strictObject({ schemeId: text('减免方案', { max: 40 }), version: policyVersionSchema }),
    output: policySchemeSchema,
  }),
  'funeral.computeWaiver': op({
    title: '试算殡葬费用减免',
    kind: 'read',
    access: 'funeral.waiver',
    /** `id`: the returned waiver being corrected, which is not an earlier waiver of the same person. */
    input: waiverInput.extend({ id: waiverId.optional() }),
    output: waiverComputation,
  }),
  'funeral.enterWaiver': op({
    title: '录入殡葬费用减免',
    kind: 'write',
    access: 'funeral.waiver',
    // The death certificate, the ID, the proof of the category (低保证, 特困证…), the itemized invoice.
    input: waiverInput.extend({ scans: scansInput }),
    output: waiverView.extend({ computation: waiverComputation }),
  }),
  /**
   * A returned waiver is corrected in place; an approved one needs a 更正原因: in an open month it goes
   * back to review, settled in a closed month it is reversed (冲销) and replaced by a new waiver.
   */
  'funeral.correctWaiver': op({
    title: '更正殡葬费用减免',
    kind: 'write',
    access: 'funeral.waiver',
    input: waiverInput.extend({ id: waiverId, reason: correctionReason.optional(), scans: scansInput }),
    output: waiverView.extend({ computation: waiverComputation }),
  }),
  'funeral.waivers': op({
    title: '查看殡葬费用减免记录',
    kind: 'read',
    access: 'funeral.read',
    input: z.strictObject({
      status: choice('状态', WAIVER_STATUS_IDS).optional(),
      month: month.optional(),
    }),
    output: z.array(waiverView),
  }),
  'funeral.waiver': op({
    title: '查看一条殡葬费用减免',
    kind: 'read',
    access: 'funeral.read',
    input: z.strictObject({ id: waiverId }),
    output: waiverDetail,
  }),
  'funeral.scan': op({
    title: '查看殡葬费用减免扫描件',
    kind: 'read',
    access: 'funeral.read',
    input: z.strictObject({ id: intIn('扫描件编号', 1, Number.MAX_SAFE_INTEGER) }),
    output: scanContent,
  }),
  'funeral.reviewWaiver': op({
    title: '审核殡葬费用减免',
    kind: 'write',
    access: 'funeral.review',
    input: z.strictObject({
      id: waiverId,
      decision: choice('审核结论', ['approve', 'reject']),
      reason: text('退回原因', { max: 200 }).optional(),
    }),
    output: waiverView,
  }),
  'funeral.settlement': op({
    title: '查看月度结算',
    kind: 'read',
    access: 'funeral.read',
    input: z.strictObject({ funeralHome: text('殡仪馆', { max: 60 }), month }),
    output: settlementView,
  }),
  'funeral.closeMonth': op({
    title: '提交月度结算',
    kind: 'write',
    access: 'funeral.review',
    input: z.strictObject({ funeralHome: text('殡仪馆', { max: 60 }), month }),
    output: settlementView,
  }),
  'funeral.settlementExport': op({
    title: '导出月度结算表',
    kind: 'read',
    access: 'funeral.read',
    input: z.strictObject({ funeralHome: text('殡仪馆', { max: 60 }), month }),
    output: z.object({ fileName: z.string(), xlsxBase64: z.string() }),
  }),
  'funeral.document': op({
    title: '取得殡葬文书内容',
    kind: 'read',
    access: 'funeral.read',
    input: z.strictObject({
      document: choice('文书', ['waiver-form', 'settlement-statement']),
      /** The waiver's id, or `<funeral home>|<YYYY-MM>` for a statement. */
      key: text('文书所属记录', { max: 80 }),
    }),
    output: z.object({ templateId: z.string(), title: z.string(), documentKey: z.string(), data: z.record(z.string(), z.unknown()) }),
  }),
} as const;
