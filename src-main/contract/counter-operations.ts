import { z } from 'zod';
import { op } from './define';
import { calendarDate, choice, intIn, labelled, pattern, text } from './fields';
import { divorceApplicationView } from './divorce-operations';

const certificateNumber = (label: string) => pattern(label, /^(J|L|BJ|BL)\d{6}-\d{4}-\d{6}$/, '如 J442000-2026-000001');
const holderParty = labelled('持证人', z.union([z.literal(1), z.literal(2)], { error: '持证人应为一方（1）或另一方（2）' }));

export const draftView = z.object({
  id: z.number(),
  kind: z.enum(['marriage', 'divorce']),
  title: z.string(),
  updatedAt: z.string(),
  savedBy: z.string().nullable(),
});

/** A registration, refusal or application as the registrar's lists show it: ID numbers masked. */
export const caseView = z.object({
  kind: z.enum(['marriage', 'divorce', 'refusal', 'reissue']),
  id: z.number(),
  date: z.string(),
  names: z.array(z.string()),
  idNumbersMasked: z.array(z.string()),
  certificateNumber: z.string().nullable(),
  status: z.string(),
});

/** The documents printed from a record here; the data is built from the record, never from the screen. */
export const COUNTER_DOCUMENTS = {
  certificate: '结婚证或离婚证',
  'review-form': '婚姻登记审查处理表',
  'refusal-notice': '不予办理结婚登记告知书',
  'divorce-receipt': '离婚登记申请受理回执单',
  'divorce-withdrawal': '撤回离婚登记申请确认单',
  'record-certificate': '婚姻登记记录证明',
} as const;
export type CounterDocument = keyof typeof COUNTER_DOCUMENTS;

/** The registrar's desk: drafts, today's work, search, documents, reissue, dates and the calendar. */
export const counterOperations = {
  'drafts.save': op({
    title: '暂存办理中的登记',
    kind: 'write',
    access: 'marriage.register',
    input: z.strictObject({
      id: intIn('暂存编号', 1, Number.MAX_SAFE_INTEGER).optional(),
      kind: choice('业务类型', ['marriage', 'divorce']),
      title: text('暂存名称', { max: 120 }),
      data: labelled('暂存内容', z.record(z.string(), z.unknown(), { error: '暂存内容应为一个对象' })),
    }),
    output: draftView,
  }),
  'drafts.get': op({
    title: '继续办理暂存的登记',
    kind: 'read',
    access: 'marriage.register',
    input: z.strictObject({ id: intIn('暂存编号', 1, Number.MAX_SAFE_INTEGER) }),
    output: draftView.extend({ data: z.record(z.string(), z.unknown()) }),
  }),
  'drafts.delete': op({
    title: '删除暂存的登记',
    kind: 'write',
    access: 'marriage.register',
    input: z.strictObject({ id: intIn('暂存编号', 1, Number.MAX_SAFE_INTEGER) }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'counter.overview': op({
    title: '查看今日办理情况',
    kind: 'read',
    access: 'marriage.register',
    input: z.strictObject({}),
    output: z.object({
      today: z.string(),
      cases: z.array(caseView),
      drafts: z.array(draftView),
      /** Open divorce applications with the parties' names, soonest deadline first. */
      divorces: z.array(divorceApplicationView),
    }),
  }),
  'counter.search': op({
    title: '查询婚姻登记记录',
    kind: 'read',
    access: 'marriage.register',
    input: z.strictObject({ query: text('查询内容', { min: 2, max: 50 }) }),
    output: z.array(caseView),
  }),
  'counter.revealIdNumber': op({
    title: '查看当事人完整证件号码',
    kind: 'write',
    access: 'marriage.register',
    input: z.strictObject({
      kind: choice('记录类别', ['marriage', 'divorce', 'refusal', 'reissue']),
      id: intIn('记录编号', 1, Number.MAX_SAFE_INTEGER),
      /** Which of the record's people, in the order the list shows them. */
      index: intIn('当事人序号', 0, 1),
    }),
    output: z.object({ idNumber: z.string() }),
  }),
  'counter.document': op({
    title: '取得文书内容',
    kind: 'read',
    access: 'marriage.register',
    input: z.strictObject({
      document: choice('文书', Object.keys(COUNTER_DOCUMENTS) as [CounterDocument, ...CounterDocument[]]),
      /** A 字号 for certificates and review forms, a number for the others. */
      key: text('文书所属记录', { max: 40 }),
      party: holderParty.optional(),
    }),
    output: z.object({ templateId: z.string(), title: z.string(), documentKey: z.string(), data: z.record(z.string(), z.unknown()) }),
  }),
  'certificates.reissue': op({
    title: '补领婚姻登记证',
    kind: 'write',
    access: 'marriage.register',
    input: z.strictObject({
      originalNumber: certificateNumber('原证字号'),
      party: holderParty,
      idNumber: text('申请人身份证件号码', { max: 20 }).transform((v) => v.toUpperCase()),
      reason: text('补领原因', { max: 200 }),
    }),
    output: z.object({ certificateNumber: z.string(), originalNumber: z.string(), party: z.number(), issuedOn: z.string() }),
  }),
  'certificates.recordCertificate': op({
    title: '出具婚姻登记记录证明',
    kind: 'write',
    access: 'marriage.register',
    input: z.strictObject({
      idNumber: text('当事人身份证件号码', { max: 20 }).transform((v) => v.toUpperCase()),
      purpose: text('用途', { max: 100 }).optional(),
    }),
    output: z.object({ number: z.string(), name: z.string(), records: z.number(), issuedOn: z.string() }),
  }),
  'dates.divorce': op({
    title: '计算离婚冷静期',
    kind: 'read',
    access: 'session',
    input: z.strictObject({ receivedOn: calendarDate('收到申请日期') }),
    output: z.object({ receivedOn: z.string(), coolingOffEnds: z.string(), certificateDeadline: z.string() }),
  }),
  'calendar.status': op({
    title: '查看法定节假日日历',
    kind: 'read',
    access: 'session',
    input: z.strictObject({}),
    output: z.array(z.object({ year: z.number(), source: z.string(), holidays: z.number(), workdays: z.number(), loadedAt: z.string().nullable() })),
  }),
  'calendar.load': op({
    title: '载入法定节假日安排',
    kind: 'write',
    access: 'settings.manage',
    input: z.strictObject({
      year: intIn('年份', 2000, 2100),
      holidays: labelled('放假日期', z.array(calendarDate('放假日期'), { error: '放假日期应为日期列表' }).min(1, '请填写放假日期').max(60)),
      workdays: labelled('调休上班日期', z.array(calendarDate('调休上班日期'), { error: '调休上班日期应为日期列表' }).max(30)),
      source: text('依据', { max: 200 }),
    }),
    output: z.object({ year: z.number(), holidays: z.number(), workdays: z.number() }),
  }),
} as const;
