import { z } from 'zod';
import { op } from './define';
import { calendarDate, choice, intIn, labelled, text } from './fields';

const bodyId = intIn('遗体编号', 1, Number.MAX_SAFE_INTEGER);
const photo = z.strictObject({
  name: text('照片名称', { max: 100 }),
  mimeType: labelled('照片类型', z.enum(['image/jpeg', 'image/png'], { error: '照片须为 JPEG 或 PNG' })),
  dataBase64: labelled(
    '照片',
    z
      .string({ error: '请选择照片' })
      .min(8, '照片为空')
      .max(14_000_000, '照片过大（上限 10 MB）')
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, '照片内容不是有效的 base64 编码'),
  ),
});

/** From intake to the ashes (unclaimed-bodies.md); `claimed` can end any stage before the ashes are disposed of. */
export const BODY_STAGES = {
  stored: '存放待公告',
  notice: '认尸公告中',
  'awaiting-approval': '公告期满待审批',
  approved: '已批准火化',
  cremated: '已火化，骨灰寄存',
  'ashes-disposed': '骨灰已处置',
  claimed: '已由亲属认领',
} as const;
export type BodyStage = keyof typeof BODY_STAGES;
const STAGE_IDS = Object.keys(BODY_STAGES) as [BodyStage, ...BodyStage[]];

export const bodyView = z.object({
  id: z.number(),
  number: z.string(),
  stage: z.enum(STAGE_IDS),
  intakeDate: z.string(),
  deliveringUnit: z.string(),
  identityKnown: z.boolean(),
  /** “无名氏” with a description when unknown. */
  name: z.string(),
  idNumberMasked: z.string().nullable(),
  sex: z.enum(['male', 'female', 'unknown']),
  storageLocation: z.string(),
  daysInStorage: z.number(),
  noticeStart: z.string().nullable(),
  noticeExpires: z.string().nullable(),
  policeConfirmedBy: z.string().nullable(),
  policeConfirmedOn: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedOn: z.string().nullable(),
  crematedOn: z.string().nullable(),
  cremationCertificateNumber: z.string().nullable(),
  ashLocation: z.string().nullable(),
  ashRetainUntil: z.string().nullable(),
  endedOn: z.string().nullable(),
  outcome: z.string().nullable(),
});

/** 无人认领遗体, and the cremation-certificate ledger (火化证明台账) every cremation here writes to. */
export const unclaimedOperations = {
  'unclaimed.intake': op({
    title: '接收无人认领遗体',
    kind: 'write',
    access: 'funeral.waiver',
    input: z.strictObject({
      intakeDate: calendarDate('接收日期'),
      deliveringUnit: text('送交单位', { max: 60 }),
      identityKnown: labelled('身份已知', z.boolean({ error: '身份已知应为是或否' })),
      name: text('姓名', { max: 50 }).optional(),
      idNumber: text('身份证件号码', { max: 20 })
        .transform((v) => v.toUpperCase())
        .optional(),
      sex: choice('性别', ['male', 'female', 'unknown']),
      estimatedAge: intIn('估计年龄', 0, 130).optional(),
      description: text('体貌特征', { max: 500 }),
      placeFound: text('发现或死亡地点', { max: 100 }),
      deathCertificateNumber: text('死亡证明编号', { max: 40 }).optional(),
      policeCaseNumber: text('公安登记编号', { max: 40 }).optional(),
      /** Fingerprint, DNA and photo sample numbers the police took. */
      policeSamples: text('公安采样编号', { max: 200 }).optional(),
      belongings: text('随身物品', { max: 500 }),
      storageLocation: text('存放位置', { max: 40 }),
      photos: labelled('照片', z.array(photo).max(10, '照片不能超过 10 张')).default([]),
    }),
    output: bodyView,
  }),
  'unclaimed.publishNotice': op({
    title: '发布认尸公告',
    kind: 'write',
    access: 'funeral.waiver',
    input: z.strictObject({ id: bodyId, noticeStart: calendarDate('公告日期'), medium: text('公告媒体', { max: 60 }) }),
    output: bodyView,
  }),
  'unclaimed.confirmByPolice': op({
    title: '登记公安机关确认',
    kind: 'write',
    access: 'funeral.waiver',
    input: z.strictObject({
      id: bodyId,
      officer: text('确认民警', { max: 30 }),
      policeUnit: text('公安机关', { max: 60 }),
      confirmedOn: calendarDate('确认日期'),
      deathCertificateNumber: text('死亡证明编号', { max: 40 }).optional(),
    }),
    output: bodyView,
  }),
  'unclaimed.approve': op({
    title: '批准火化处置',
    kind: 'write',
    access: 'funeral.review',
    input: z.strictObject({ id: bodyId }),
    output: bodyView,
  }),
  'unclaimed.cremate': op({
    title: '登记火化',
    kind: 'write',
    access: 'funeral.waiver',
    input: z.strictObject({ id: bodyId, crematedOn: calendarDate('火化日期'), ashLocation: text('骨灰寄存位置', { max: 40 }) }),
    output: bodyView,
  }),
  'unclaimed.disposeAshes': op({
    title: '处置骨灰',
    kind: 'write',
    access: 'funeral.review',
    input: z.strictObject({
      id: bodyId,
      disposedOn: calendarDate('处置日期'),
      disposition: choice('处置方式', ['eco-burial', 'burial']),
      /** Where, and how (集中树葬, 海葬…): printed in the ledger as the ashes' location. */
      method: text('处置地点及方式', { max: 60 }),
    }),
    output: bodyView,
  }),
  'unclaimed.claim': op({
    title: '亲属认领',
    kind: 'write',
    access: 'funeral.waiver',
    input: z.strictObject({
      id: bodyId,
      claimedOn: calendarDate('认领日期'),
      claimantName: text('认领人姓名', { max: 50 }),
      claimantIdNumber: text('认领人身份证件号码', { max: 20 }).transform((v) => v.toUpperCase()),
      relation: text('与逝者关系', { max: 20 }),
      /** How identity and relationship were verified (户口簿, 公安出具的亲属关系证明…). */
      verifiedBy: text('关系核实依据', { max: 100 }),
    }),
    output: bodyView,
  }),
  'unclaimed.list': op({
    title: '查看无人认领遗体',
    kind: 'read',
    access: 'funeral.read',
    input: z.strictObject({ stage: choice('阶段', STAGE_IDS).optional() }),
    output: z.array(bodyView),
  }),
  'unclaimed.dashboard': op({
    title: '无人认领遗体处置情况',
    kind: 'read',
    access: 'funeral.read',
    input: z.strictObject({ year: intIn('年度', 2000, 2100).optional() }),
    output: z.object({
      today: z.string(),
      year: z.number(),
      /** Bodies held now (not yet cremated or claimed). */
      inStock: z.number(),
      byStage: z.array(z.object({ stage: z.enum(STAGE_IDS), label: z.string(), count: z.number() })),
      /** Days in storage of the bodies held now: longest first. */
      longestStored: z.array(z.object({ id: z.number(), number: z.string(), name: z.string(), days: z.number() })),
      /** Notices expired with no police confirmation or approval yet. */
      expiredWithoutAction: z.array(z.object({ id: z.number(), number: z.string(), name: z.string(), noticeExpires: z.string(), daysSince: z.number() })),
      stockOnJanuary1: z.number(),
      disposedThisYear: z.number(),
      /** Percent of the 1 January stock disposed of this year, and the policy's target. */
      ratio: z.number().nullable(),
      target: z.object({ percent: z.number(), exceed: z.boolean() }).nullable(),
      byMonth: z.array(z.object({ month: z.string(), intake: z.number(), disposed: z.number() })),
    }),
  }),
  'unclaimed.document': op({
    title: '取得认尸公告内容',
    kind: 'read',
    access: 'funeral.read',
    input: z.strictObject({ id: bodyId }),
    output: z.object({ templateId: z.string(), title: z.string(), documentKey: z.string(), data: z.record(z.string(), z.unknown()) }),
  }),
  'cremation.ledger': op({
    title: '查看火化证明台账',
    kind: 'read',
    access: 'funeral.read',
    input: z.strictObject({}),
    output: z.array(
      z.object({
        number: z.string(),
        issuedOn: z.string(),
        deceasedName: z.string(),
        /** issued → registered once the ashes' destination is recorded; or voided with a reason. */
        status: z.enum(['issued', 'registered', 'voided']),
        voidReason: z.string().nullable(),
        ashDisposition: z.string().nullable(),
        ashLocation: z.string().nullable(),
        registeredOn: z.string().nullable(),
        /** Where the cremation came from: an unclaimed body's number, or a waiver's. */
        source: z.string(),
        /** The unclaimed body it belongs to: its ashes follow that record, not the ledger's own commands. */
        bodyNumber: z.string().nullable(),
      }),
    ),
  }),
  'cremation.issue': op({
    title: '开具火化证明',
    kind: 'write',
    access: 'funeral.waiver',
    input: z.strictObject({
      deceasedName: text('逝者姓名', { max: 50 }),
      deceasedIdNumber: text('逝者身份证件号码', { max: 20 })
        .transform((v) => v.toUpperCase())
        .optional(),
      crematedOn: calendarDate('火化日期'),
      /** The waiver of this cremation, if any. */
      waiverNumber: text('减免编号', { max: 30 }).optional(),
    }),
    output: z.object({ number: z.string() }),
  }),
  'cremation.registerAshes': op({
    title: '登记骨灰去向',
    kind: 'write',
    access: 'funeral.waiver',
    input: z.strictObject({
      number: text('火化证明编号', { max: 30 }),
      disposition: choice('骨灰去向', ['storage', 'burial', 'eco-burial', 'taken-home']),
      location: text('存放或安葬地点', { max: 100 }),
      on: calendarDate('登记日期'),
    }),
    output: z.object({ number: z.string(), status: z.literal('registered') }),
  }),
  'cremation.void': op({
    title: '作废火化证明',
    kind: 'write',
    access: 'funeral.review',
    input: z.strictObject({ number: text('火化证明编号', { max: 30 }), reason: text('作废原因', { max: 200 }) }),
    output: z.object({ number: z.string(), status: z.literal('voided') }),
  }),
} as const;
