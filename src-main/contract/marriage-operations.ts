import { z } from 'zod';
import { op } from './define';
import { calendarDate, choice, intIn, labelled, text } from './fields';
import { DOCUMENT_TYPE_IDS } from './identity-documents';
import { REFUSAL_REASONS, type RefusalReason } from './refusal-reasons';
import { platformOverride } from './sync-operations';


const party = (who: string) =>
  z.strictObject({
    name: text(`${who}姓名`, { max: 50 }),
    sex: choice(`${who}性别`, ['male', 'female']),
    nationality: text(`${who}国籍`, { max: 30 }).default('中国'),
    documentType: choice(`${who}证件类型`, DOCUMENT_TYPE_IDS).default('resident-id'),
    // The number's form depends on the document type: checked with it in marriage-checks.
    idNumber: text(`${who}身份证件号码`, { max: 20 }).transform((v) => v.toUpperCase()),
    /** Read from a resident ID or residence permit number; entered from the other documents. */
    birthDate: calendarDate(`${who}出生日期`).optional(),
  });

const parties = { party1: party('一方'), party2: party('另一方') };
/** The case at the counter this command finishes, if it was saved as a draft: it goes in the same transaction. */
const draftId = intIn('暂存编号', 1, Number.MAX_SAFE_INTEGER).optional();
const REFUSAL_REASON_IDS = Object.keys(REFUSAL_REASONS) as [RefusalReason, ...RefusalReason[]];

/** 结婚登记 at the counter. */
export const marriageOperations = {
  'marriage.check': op({
    title: '结婚登记审查',
    kind: 'read',
    access: 'marriage.register',
    input: z.strictObject(parties),
    output: z.object({
      ok: z.boolean(),
      problems: z.array(z.string()),
      /** What was checked and found in order, for the 审查处理表. */
      findings: z.array(z.string()),
      registrationDate: z.string(),
      /**
       * `not-linked`: a standalone station (no platform); `answered`: the platform's records were checked;
       * `unreachable`: it could not be asked — registering then needs a supervisor's recorded decision.
       */
      platform: z.enum(['not-linked', 'answered', 'unreachable']),
      platformMessage: z.string().nullable(),
    }),
  }),
  'marriage.register': op({
    title: '结婚登记',
    kind: 'write',
    access: 'marriage.register',
    input: z.strictObject({
      ...parties,
      declarationSigned: labelled('申请结婚登记声明书', z.literal(true, { error: '双方须已在申请结婚登记声明书上签名' })),
      consentConfirmed: labelled('自愿结婚', z.literal(true, { error: '婚姻登记员须确认双方完全自愿' })),
      draftId,
      platformOverride: platformOverride.optional(),
    }),
    output: z.object({ id: z.number(), certificateNumber: z.string(), registrationDate: z.string(), platformChecked: z.boolean() }),
  }),
  'marriage.correct': op({
    title: '更正结婚登记记录',
    kind: 'write',
    access: 'marriage.correct',
    input: z.strictObject({
      certificateNumber: text('结婚证字号', { max: 30 }),
      party: choice('更正的当事人', ['party1', 'party2']),
      // Either or both; what is left out stays as recorded.
      name: text('姓名', { max: 50 }).optional(),
      idNumber: text('身份证件号码', { max: 20 })
        .transform((v) => v.toUpperCase())
        .optional(),
      reason: text('更正原因', { max: 200 }),
    }),
    output: z.object({ ok: z.literal(true) }),
  }),
  /** One registration as a supervisor correcting it needs to see it: names, document types, numbers masked. */
  'marriage.registration': op({
    title: '查看结婚登记记录',
    kind: 'read',
    access: 'marriage.correct',
    input: z.strictObject({ certificateNumber: text('结婚证字号', { max: 30 }) }),
    output: z.object({
      certificateNumber: z.string(),
      registeredOn: z.string(),
      status: z.enum(['registered', 'dissolved']),
      parties: z.array(z.object({ name: z.string(), documentType: z.string(), idNumberMasked: z.string() })),
    }),
  }),
  'marriage.refuse': op({
    title: '不予结婚登记',
    kind: 'write',
    access: 'marriage.register',
    input: z.strictObject({
      ...parties,
      reasonCode: choice('不予登记的情形', REFUSAL_REASON_IDS),
      reason: text('不予登记的理由', { max: 500 }),
      draftId,
    }),
    output: z.object({ id: z.number(), decidedOn: z.string() }),
  }),
} as const;
