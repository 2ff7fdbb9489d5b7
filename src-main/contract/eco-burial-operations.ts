import { z } from 'zod';
import { op } from './define';
import { calendarDate, choice, intIn, labelled, text } from './fields';
import { BURIAL_TYPES } from './funeral-policy';

const subsidyId = intIn('补贴申请编号', 1, Number.MAX_SAFE_INTEGER);

/** What the family (or the funeral home for them) applies with after an eco-burial. */
export const ecoBurialInput = z.strictObject({
  deceasedName: text('逝者姓名', { max: 50 }),
  deceasedIdNumber: text('逝者身份证件号码', { max: 20 }).transform((v) => v.toUpperCase()),
  dateOfDeath: calendarDate('死亡日期'),
  hukouInCity: labelled('本市户籍', z.boolean({ error: '本市户籍应为是或否' })),
  burialType: choice('安葬方式', BURIAL_TYPES),
  burialDate: calendarDate('安葬日期'),
  burialPlace: text('安葬地点', { max: 100 }),
  applicantName: text('申请人姓名', { max: 50 }),
  applicantIdNumber: text('申请人身份证件号码', { max: 20 }).transform((v) => v.toUpperCase()),
  relation: text('与逝者关系', { max: 20 }),
  /** Where the subsidy is paid. */
  bankAccount: text('收款账号', { max: 40 }),
});

export const ECO_BURIAL_STATUSES = { pending: '待审核', approved: '已批准待发放', paid: '已发放', rejected: '不予补贴' } as const;

export const ecoBurialView = z.object({
  id: z.number(),
  number: z.string(),
  deceasedName: z.string(),
  idNumberMasked: z.string(),
  dateOfDeath: z.string(),
  burialType: z.enum(BURIAL_TYPES),
  burialDate: z.string(),
  applicantName: z.string(),
  amount: z.number(),
  /** The rule behind the amount, in Chinese. */
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'paid', 'rejected']),
  appliedOn: z.string(),
  reviewedBy: z.string().nullable(),
  rejectReason: z.string().nullable(),
  paidOn: z.string().nullable(),
  paymentReference: z.string().nullable(),
});

/** 节地生态安葬奖补: applications, the amount by the policy in force on the date of death, payment. */
export const ecoBurialOperations = {
  'ecoBurial.selectPolicy': op({
    title: '选择生态安葬奖补方案',
    kind: 'write',
    access: 'settings.manage',
    input: z.strictObject({ schemeId: text('奖补方案', { max: 40 }) }),
    output: z.object({ selected: z.string() }),
  }),
  'ecoBurial.compute': op({
    title: '试算生态安葬奖补',
    kind: 'read',
    access: 'funeral.read',
    input: ecoBurialInput,
    output: z.object({ eligible: z.boolean(), amount: z.number(), reason: z.string(), versionName: z.string(), schemeId: z.string().nullable() }),
  }),
  'ecoBurial.apply': op({
    title: '受理生态安葬奖补申请',
    kind: 'write',
    access: 'funeral.waiver',
    input: ecoBurialInput,
    output: ecoBurialView,
  }),
  'ecoBurial.review': op({
    title: '审核生态安葬奖补',
    kind: 'write',
    access: 'funeral.review',
    input: z.strictObject({ id: subsidyId, decision: choice('审核结论', ['approve', 'reject']), reason: text('不予补贴原因', { max: 200 }).optional() }),
    output: ecoBurialView,
  }),
  'ecoBurial.pay': op({
    title: '登记生态安葬奖补发放',
    kind: 'write',
    access: 'funeral.review',
    input: z.strictObject({ id: subsidyId, paidOn: calendarDate('发放日期'), paymentReference: text('支付凭证号', { max: 60 }) }),
    output: ecoBurialView,
  }),
  'ecoBurial.list': op({
    title: '查看生态安葬奖补',
    kind: 'read',
    access: 'funeral.read',
    input: z.strictObject({ status: choice('状态', ['pending', 'approved', 'paid', 'rejected']).optional() }),
    output: z.object({ selected: z.string().nullable(), items: z.array(ecoBurialView) }),
  }),
} as const;
