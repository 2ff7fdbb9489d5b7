import { and, eq, gte, ne, or } from 'drizzle-orm';
import { AppError, DOCUMENT_TYPES, chineseDate, type CertificatePrefix, type DocumentTypeId } from '../contract';
import { localDate } from '../calendar/dates';
import { certificateReissues, divorceApplications, marriages, recordCertificates, users } from '../db/schema';
import type { ReadContext, WriteHandler } from '../core/context';
import { nextCertificateNumber } from '../marriage/certificate-number';
import { requireStation } from './setup';

type Marriage = typeof marriages.$inferSelect;
type Party = 1 | 2;

const SEX = { male: '男', female: '女' } as const;

export function partyOf(m: Marriage, n: Party) {
  return n === 1
    ? { name: m.party1Name, sex: m.party1Sex, nationality: m.party1Nationality, birthDate: m.party1BirthDate, documentType: m.party1DocumentType, idNumber: m.party1IdNumber }
    : { name: m.party2Name, sex: m.party2Sex, nationality: m.party2Nationality, birthDate: m.party2BirthDate, documentType: m.party2DocumentType, idNumber: m.party2IdNumber };
}

/**
 * A party's particulars under the keys every marriage form and certificate uses (`party1Name`, …). The
 * booklet has no line for the kind of document (its number is printed under 身份证件号); the A4 forms do.
 */
export function partyFields(m: Marriage, n: Party, opts: { documentType: boolean }): Record<string, string> {
  const p = partyOf(m, n);
  return {
    [`party${n}Name`]: p.name,
    [`party${n}Sex`]: SEX[p.sex],
    [`party${n}Nationality`]: p.nationality,
    [`party${n}BirthDate`]: chineseDate(p.birthDate),
    ...(opts.documentType ? { [`party${n}DocumentType`]: DOCUMENT_TYPES[p.documentType as DocumentTypeId]?.label ?? p.documentType } : {}),
    [`party${n}IdNumber`]: p.idNumber,
  };
}

export function officeName(ctx: ReadContext): string {
  return requireStation(ctx.db).officeName;
}

/** The 婚姻登记员 a document names: who registered (or reissued) it; the user at the counter only for records from before that was kept. */
export function displayName(ctx: ReadContext, userId: number | null): string {
  const row = userId === null ? undefined : ctx.db.select({ n: users.displayName }).from(users).where(eq(users.id, userId)).get();
  return row?.n ?? ctx.user?.displayName ?? '';
}

/** What a 字号 names: the marriage, and for a divorce or a reissue the record behind it; its registrar is who issued that 字号. */
export function certificateRecord(ctx: ReadContext, number: string) {
  const reissue = ctx.db.select().from(certificateReissues).where(eq(certificateReissues.certificateNumber, number)).get();
  const original = reissue?.originalNumber ?? number;
  if (original.startsWith('J')) {
    const marriage = ctx.db.select().from(marriages).where(eq(marriages.certificateNumber, original)).get();
    if (marriage) return { kind: 'marriage' as const, marriage, date: marriage.registeredOn, reissue, registrarUserId: reissue?.registrarUserId ?? marriage.registrarUserId };
  } else {
    const row = ctx.db
      .select({ a: divorceApplications, m: marriages })
      .from(divorceApplications)
      .innerJoin(marriages, eq(marriages.id, divorceApplications.marriageId))
      .where(eq(divorceApplications.certificateNumber, original))
      .get();
    if (row) return { kind: 'divorce' as const, marriage: row.m, date: row.a.endedOn!, reissue, registrarUserId: reissue?.registrarUserId ?? row.a.registrarUserId };
  }
  throw new AppError('NOT_FOUND', `本机关没有字号为 ${number} 的登记`, { key: '未找到' });
}

/** The booklet data for the party holding certificate `number`; a reissue prints its own 字号 and says so. */
export function certificateData(ctx: ReadContext, number: string, party: Party) {
  const record = certificateRecord(ctx, number);
  if (record.reissue && record.reissue.party !== party) {
    throw new AppError('VALIDATION', `${number} 是补发给${record.reissue.party === 1 ? '一方' : '另一方'}的证书`, { party: '持证人不符' });
  }
  return {
    templateId: record.kind === 'marriage' ? 'marriage-certificate' : 'divorce-certificate',
    data: {
      holder: partyOf(record.marriage, party).name,
      registrationDate: record.date,
      certificateNumber: number,
      ...(record.reissue ? { remarks: `补发（原证字号 ${record.reissue.originalNumber}），${chineseDate(record.reissue.issuedOn)}` } : {}),
      ...partyFields(record.marriage, 1, { documentType: false }),
      ...partyFields(record.marriage, 2, { documentType: false }),
      office: officeName(ctx),
      registrar: displayName(ctx, record.registrarUserId),
    },
  };
}

/** Has this person married again here since `date` (the same day included), other than in `marriageId`? */
function laterMarriage(ctx: ReadContext, idNumber: string, after: string, marriageId: number) {
  return ctx.db
    .select({ n: marriages.certificateNumber, on: marriages.registeredOn })
    .from(marriages)
    .where(and(or(eq(marriages.party1IdNumber, idNumber), eq(marriages.party2IdNumber, idNumber)), gte(marriages.registeredOn, after), ne(marriages.id, marriageId)))
    .get();
}

/**
 * 补领 (条例 2025): the record confirmed, a replacement under a BJ/BL 字号 for the party who applies in
 * person. Where the status has changed since, no replacement: a 婚姻登记记录证明 instead.
 */
export const reissue: WriteHandler<'certificates.reissue'> = (ctx, input) => {
  if (!/^[JL]/.test(input.originalNumber)) {
    throw new AppError('VALIDATION', '请填写原结婚证或离婚证的字号（J 或 L 开头），不是补发证的字号', { originalNumber: '应为原证字号' });
  }
  const record = certificateRecord(ctx, input.originalNumber);
  const holder = partyOf(record.marriage, input.party);
  if (holder.idNumber !== input.idNumber) {
    throw new AppError('VALIDATION', '申请人的身份证件号码与该登记记录中持证人的不一致：补领须由持证人本人申请', { idNumber: '与登记记录不一致' });
  }
  const later = laterMarriage(ctx, holder.idNumber, record.date, record.marriage.id);
  const changed =
    record.kind === 'marriage' && record.marriage.status === 'dissolved'
      ? '该婚姻已解除'
      : record.kind === 'divorce' && later
        ? `当事人已于 ${later.on} 再次登记结婚`
        : null;
  if (changed) {
    throw new AppError('CONFLICT', `${changed}，婚姻状况已变化，不予补发${record.kind === 'marriage' ? '结婚证' : '离婚证'}；可出具婚姻登记记录证明`, { originalNumber: '婚姻状况已变化' });
  }
  const today = localDate(ctx.now);
  const prefix: CertificatePrefix = record.kind === 'marriage' ? 'BJ' : 'BL';
  const certificateNumber = nextCertificateNumber(ctx.db, prefix, requireStation(ctx.db).divisionCode, Number(today.slice(0, 4)));
  const row = ctx.db
    .insert(certificateReissues)
    .values({
      certificateNumber,
      originalNumber: input.originalNumber,
      party: input.party,
      issuedOn: today,
      reason: input.reason,
      registrarUserId: ctx.actor?.userId ?? null,
      createdAt: ctx.now.toISOString(),
    })
    .returning({ id: certificateReissues.id })
    .get();
  return {
    result: { certificateNumber, originalNumber: input.originalNumber, party: input.party, issuedOn: today },
    audit: {
      recordIds: [`reissue:${row.id}`, `certificate:${input.originalNumber}`, `certificate:${certificateNumber}`],
      summary: `补发${record.kind === 'marriage' ? '结婚证' : '离婚证'} ${certificateNumber}（原证 ${input.originalNumber}，${input.party === 1 ? '一方' : '另一方'}）`,
    },
    events: [
      { eventType: 'certificate.reissued', recordType: 'certificate', recordId: certificateNumber, payload: { originalNumber: input.originalNumber, party: input.party, issuedOn: today } },
    ],
  };
};

/** One row of the record certificate; every row is this office's, as the certificate says. */
export interface RecordLine {
  type: string;
  date: string;
  certificateNumber: string;
  spouse: string;
}

/** Every registration here naming this person: marriages, and the divorces that ended them. */
function recordsOf(ctx: ReadContext, idNumber: string) {
  const rows = ctx.db
    .select({ m: marriages, a: divorceApplications })
    .from(marriages)
    .leftJoin(divorceApplications, and(eq(divorceApplications.marriageId, marriages.id), eq(divorceApplications.status, 'registered')))
    .where(or(eq(marriages.party1IdNumber, idNumber), eq(marriages.party2IdNumber, idNumber)))
    .all();
  const lines: { on: string; line: RecordLine }[] = [];
  let person: ReturnType<typeof partyOf> | null = null;
  for (const { m, a } of rows) {
    const self: Party = m.party1IdNumber === idNumber ? 1 : 2;
    person = partyOf(m, self);
    const spouse = partyOf(m, self === 1 ? 2 : 1).name;
    lines.push({ on: m.registeredOn, line: { type: '结婚登记', date: chineseDate(m.registeredOn), certificateNumber: m.certificateNumber, spouse } });
    if (a) lines.push({ on: a.endedOn!, line: { type: '离婚登记', date: chineseDate(a.endedOn!), certificateNumber: a.certificateNumber!, spouse } });
  }
  return { person, lines: lines.sort((x, y) => x.on.localeCompare(y.on)).map((l) => l.line) };
}

/** 婚姻登记记录证明: what this office's archive holds on one person; it says nothing of their present status. */
export const recordCertificate: WriteHandler<'certificates.recordCertificate'> = (ctx, input) => {
  const { person, lines } = recordsOf(ctx, input.idNumber);
  if (!person) throw new AppError('NOT_FOUND', '本机关没有该当事人的婚姻登记记录', { idNumber: '没有登记记录' });
  const issuedOn = localDate(ctx.now);
  const number = nextCertificateNumber(ctx.db, 'ZM', requireStation(ctx.db).divisionCode, Number(issuedOn.slice(0, 4)));
  const content = { name: person.name, sex: SEX[person.sex], idNumber: person.idNumber, records: lines, purpose: input.purpose ?? null };
  const row = ctx.db
    .insert(recordCertificates)
    .values({ number, idNumber: person.idNumber, name: person.name, issuedOn, content: JSON.stringify(content), registrarUserId: ctx.actor?.userId ?? null, createdAt: ctx.now.toISOString() })
    .returning({ id: recordCertificates.id })
    .get();
  return {
    result: { number, name: person.name, records: lines.length, issuedOn },
    audit: { recordIds: [`record-certificate:${row.id}`], summary: `出具婚姻登记记录证明 ${number}（${lines.length} 条记录）` },
  };
};
