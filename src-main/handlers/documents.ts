import { eq } from 'drizzle-orm';
import { AppError, COUNTER_DOCUMENTS, REFUSAL_REASONS, type CounterDocument, type RefusalReason } from '../contract';
import { divorceApplications, marriageRefusals, marriages, recordCertificates } from '../db/schema';
import type { ReadContext, ReadHandler } from '../core/context';
import { certificateData, displayName, officeName, partyFields, partyOf } from './certificates';

/** The provision each refusal ground rests on, printed on the notice. */
const LEGAL_BASIS: Record<RefusalReason, string> = {
  'under-age': '《中华人民共和国民法典》第一千零四十七条',
  'not-voluntary': '《中华人民共和国民法典》第一千零四十六条',
  'already-married': '《中华人民共和国民法典》第一千零四十二条',
  'prohibited-relation': '《中华人民共和国民法典》第一千零四十八条',
  other: '《婚姻登记条例》',
};

function recordNumber(key: string): number {
  const n = Number(key);
  if (!Number.isSafeInteger(n) || n < 1) throw new AppError('VALIDATION', `记录编号应为正整数：${key}`, { key: '应为正整数' });
  return n;
}

function notFound(what: string, key: string): never {
  throw new AppError('NOT_FOUND', `${what}第 ${key} 号不存在`, { key: '不存在' });
}

function divorceRecord(ctx: ReadContext, key: string) {
  const row = ctx.db
    .select({ a: divorceApplications, m: marriages })
    .from(divorceApplications)
    .innerJoin(marriages, eq(marriages.id, divorceApplications.marriageId))
    .where(eq(divorceApplications.id, recordNumber(key)))
    .get();
  return row ?? notFound('离婚登记申请', key);
}

type Built = { templateId: string; data: Record<string, unknown> };

const BUILDERS: Record<CounterDocument, (ctx: ReadContext, key: string, party: 1 | 2 | undefined) => Built> = {
  certificate(ctx, key, party) {
    if (!party) throw new AppError('VALIDATION', '请选择持证人', { party: '请选择持证人' });
    return certificateData(ctx, key, party);
  },
  'review-form'(ctx, key) {
    const m = ctx.db.select().from(marriages).where(eq(marriages.certificateNumber, key)).get() ?? notFound('结婚登记', key);
    return {
      templateId: 'marriage-review',
      data: {
        ...partyFields(m, 1, { documentType: true }),
        ...partyFields(m, 2, { documentType: true }),
        applicationDate: m.registeredOn,
        checks: (JSON.parse(m.reviewFindings) as string[]).join('\n'),
        decision: '符合结婚登记条件，准予登记',
        certificateNumber: m.certificateNumber,
        registrar: displayName(ctx, m.registrarUserId),
        office: officeName(ctx),
      },
    };
  },
  'refusal-notice'(ctx, key) {
    const r = ctx.db.select().from(marriageRefusals).where(eq(marriageRefusals.id, recordNumber(key))).get() ?? notFound('不予登记决定', key);
    const code = r.reasonCode as RefusalReason;
    return {
      templateId: 'marriage-refusal-notice',
      data: {
        noticeNumber: `${r.decidedOn.slice(0, 4)}-${String(r.id).padStart(4, '0')}`,
        party1Name: r.party1Name,
        party2Name: r.party2Name,
        applicationDate: r.decidedOn,
        reason: `${REFUSAL_REASONS[code] ?? '其他'}：${r.reason}`,
        legalBasis: LEGAL_BASIS[code] ?? LEGAL_BASIS.other,
        office: officeName(ctx),
        decisionDate: r.decidedOn,
      },
    };
  },
  'divorce-receipt'(ctx, key) {
    const { a, m } = divorceRecord(ctx, key);
    return {
      templateId: 'divorce-receipt',
      data: {
        applicationNumber: String(a.id),
        party1Name: m.party1Name,
        party1IdNumber: m.party1IdNumber,
        party2Name: m.party2Name,
        party2IdNumber: m.party2IdNumber,
        marriageCertificateNumber: m.certificateNumber,
        receivedOn: a.receivedOn,
        coolingOffEnds: a.coolingOffEnds,
        certificateDeadline: a.certificateDeadline,
        office: officeName(ctx),
      },
    };
  },
  'divorce-withdrawal'(ctx, key) {
    const { a, m } = divorceRecord(ctx, key);
    if (a.status !== 'withdrawn') throw new AppError('CONFLICT', `离婚登记申请第 ${key} 号未撤回`, { key: '未撤回' });
    const by = partyOf(m, a.withdrawnByParty === 2 ? 2 : 1);
    return {
      templateId: 'divorce-withdrawal',
      data: {
        applicationNumber: String(a.id),
        withdrawingPartyName: by.name,
        withdrawingPartyIdNumber: by.idNumber,
        otherPartyName: partyOf(m, a.withdrawnByParty === 2 ? 1 : 2).name,
        marriageCertificateNumber: m.certificateNumber,
        receivedOn: a.receivedOn,
        withdrawnOn: a.endedOn!,
        office: officeName(ctx),
      },
    };
  },
  'record-certificate'(ctx, key) {
    const row = ctx.db.select().from(recordCertificates).where(eq(recordCertificates.number, key)).get() ?? notFound('婚姻登记记录证明', key);
    const content = JSON.parse(row.content) as { name: string; sex: string; idNumber: string; records: unknown[]; purpose: string | null };
    return {
      templateId: 'marriage-record-certificate',
      data: {
        number: row.number,
        name: content.name,
        sex: content.sex,
        idNumber: content.idNumber,
        records: content.records,
        ...(content.purpose ? { purpose: content.purpose } : {}),
        issuedOn: row.issuedOn,
        office: officeName(ctx),
      },
    };
  },
};

/** A document's data built from the record here, so what is printed is what was registered. */
export const documentData: ReadHandler<'counter.document'> = (ctx, input) => {
  const built = BUILDERS[input.document](ctx, input.key, input.party);
  const documentKey = input.document === 'certificate' ? `${input.key}/${input.party}` : `${input.document}:${input.key}`;
  return { ...built, title: COUNTER_DOCUMENTS[input.document], documentKey };
};
