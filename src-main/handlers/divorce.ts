import { createHash } from 'node:crypto';
import { and, desc, eq, like, lt, sql } from 'drizzle-orm';
import { AppError, type OpOutput } from '../contract';
import { localDate } from '../calendar/dates';
import { officialCalendar } from '../calendar/calendar-source';
import { attachments, divorceApplications, marriages } from '../db/schema';
import type { ReadContext, ReadHandler, WriteContext, WriteHandler } from '../core/context';
import { nextCertificateNumber } from '../marriage/certificate-number';
import { divorcePeriods } from '../marriage/divorce-periods';
import { requireStation } from './setup';
import { finishDraft, registeredMarriageOf } from './marriage';

type Application = typeof divorceApplications.$inferSelect;

export function divorceView(ctx: ReadContext, a: Application): OpOutput<'divorce.list'>[number] {
  const marriage = ctx.db
    .select({ n: marriages.certificateNumber, a: marriages.party1Name, b: marriages.party2Name })
    .from(marriages)
    .where(eq(marriages.id, a.marriageId))
    .get()!;
  return {
    id: a.id,
    marriageCertificateNumber: marriage.n,
    names: [marriage.a, marriage.b],
    receivedOn: a.receivedOn,
    coolingOffEnds: a.coolingOffEnds,
    certificateDeadline: a.certificateDeadline,
    status: a.status,
    endedOn: a.endedOn,
    withdrawnByParty: a.withdrawnByParty === 1 || a.withdrawnByParty === 2 ? a.withdrawnByParty : null,
    certificateNumber: a.certificateNumber,
    attachments: ctx.db
      .select({ id: attachments.id, name: attachments.name, mimeType: attachments.mimeType, size: sql<number>`length(${attachments.content})` })
      .from(attachments)
      .where(eq(attachments.recordId, `divorce-application:${a.id}`))
      .all(),
  };
}

function findMarriage(ctx: ReadContext, input: { marriageCertificateNumber?: string; spouseIdNumber?: string }) {
  if (input.marriageCertificateNumber) {
    const marriage = ctx.db.select().from(marriages).where(eq(marriages.certificateNumber, input.marriageCertificateNumber)).get();
    if (!marriage) throw new AppError('NOT_FOUND', `本机关没有结婚证字号为 ${input.marriageCertificateNumber} 的登记`, { marriageCertificateNumber: '未找到' });
    return marriage;
  }
  if (!input.spouseIdNumber) throw new AppError('VALIDATION', '请填写结婚证字号或一方的身份证件号码', { marriageCertificateNumber: '请填写结婚证字号' });
  const marriage = registeredMarriageOf(ctx, input.spouseIdNumber);
  if (!marriage) throw new AppError('NOT_FOUND', '本机关没有该身份证件号码的当事人未解除的婚姻登记', { spouseIdNumber: '未找到' });
  return marriage;
}

function openApplication(ctx: WriteContext, id: number): Application {
  const a = ctx.db.select().from(divorceApplications).where(eq(divorceApplications.id, id)).get();
  if (!a) throw new AppError('NOT_FOUND', `离婚登记申请第 ${id} 号不存在`, { applicationId: '不存在' });
  const ended = { withdrawn: '已撤回', lapsed: '已视为撤回', registered: '已办理离婚登记' } as const;
  if (a.status !== 'received') throw new AppError('CONFLICT', `离婚登记申请第 ${id} 号${ended[a.status]}（${a.endedOn}）`, { applicationId: ended[a.status] });
  return a;
}

/** 受理: the periods are fixed at receipt, from the official calendar (a missing year stops the receipt). */
export const apply: WriteHandler<'divorce.apply'> = (ctx, input) => {
  const marriage = findMarriage(ctx, input);
  if (marriage.status !== 'registered') throw new AppError('CONFLICT', '该婚姻已解除', { marriageCertificateNumber: '婚姻已解除' });
  const pending = ctx.db
    .select({ id: divorceApplications.id })
    .from(divorceApplications)
    .where(and(eq(divorceApplications.marriageId, marriage.id), eq(divorceApplications.status, 'received')))
    .get();
  if (pending) throw new AppError('CONFLICT', `该婚姻已有未结的离婚登记申请（第 ${pending.id} 号）`, { marriageCertificateNumber: '已有未结申请' });
  const receivedOn = localDate(ctx.now);
  const periods = divorcePeriods(receivedOn, officialCalendar(ctx.db));
  const row = ctx.db
    .insert(divorceApplications)
    .values({
      marriageId: marriage.id,
      receivedOn,
      ...periods,
      agreement: JSON.stringify({ children: input.children, property: input.property, debts: input.debts }),
      createdAt: ctx.now.toISOString(),
    })
    .returning()
    .get();
  for (const scan of input.scans) {
    const content = Buffer.from(scan.dataBase64, 'base64');
    ctx.db
      .insert(attachments)
      .values({
        recordId: `divorce-application:${row.id}`,
        name: scan.name,
        mimeType: scan.mimeType,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
        addedAt: ctx.now.toISOString(),
      })
      .run();
  }
  finishDraft(ctx, input.draftId);
  return {
    result: divorceView(ctx, row),
    audit: {
      recordIds: [`divorce-application:${row.id}`, `marriage:${marriage.id}`],
      summary: `受理离婚登记申请第 ${row.id} 号（${marriage.certificateNumber}），冷静期至 ${periods.coolingOffEnds}，领证截止 ${periods.certificateDeadline}`,
      after: row,
    },
  };
};

/** Either party alone, within the cooling-off period, the last day included. */
export const withdraw: WriteHandler<'divorce.withdraw'> = (ctx, input) => {
  const a = openApplication(ctx, input.applicationId);
  const today = localDate(ctx.now);
  if (today > a.coolingOffEnds) {
    throw new AppError('VALIDATION', `离婚冷静期已于 ${a.coolingOffEnds} 届满，不能再撤回`, { applicationId: '冷静期已届满' });
  }
  const row = ctx.db
    .update(divorceApplications)
    .set({ status: 'withdrawn', endedOn: today, withdrawnByParty: input.party })
    .where(eq(divorceApplications.id, a.id))
    .returning()
    .get();
  return {
    result: divorceView(ctx, row),
    audit: { recordIds: [`divorce-application:${a.id}`], summary: `离婚登记申请第 ${a.id} 号由${input.party === 1 ? '一方' : '另一方'}撤回` },
  };
};

/** After the cooling-off period and within the next 30 days: an `L` 字号, and the marriage dissolved. */
export const register: WriteHandler<'divorce.register'> = (ctx, input) => {
  const a = openApplication(ctx, input.applicationId);
  const today = localDate(ctx.now);
  if (today <= a.coolingOffEnds) throw new AppError('VALIDATION', `离婚冷静期至 ${a.coolingOffEnds} 届满，届满后方可登记`, { applicationId: '冷静期未满' });
  if (today > a.certificateDeadline) throw new AppError('VALIDATION', `已超过领证期限 ${a.certificateDeadline}，申请视为撤回`, { applicationId: '已超过领证期限' });
  const certificateNumber = nextCertificateNumber(ctx.db, 'L', requireStation(ctx.db).divisionCode, Number(today.slice(0, 4)));
  ctx.db.update(marriages).set({ status: 'dissolved' }).where(eq(marriages.id, a.marriageId)).run();
  const row = ctx.db
    .update(divorceApplications)
    .set({ status: 'registered', endedOn: today, certificateNumber, registrarUserId: ctx.actor?.userId ?? null })
    .where(eq(divorceApplications.id, a.id))
    .returning()
    .get();
  return {
    result: divorceView(ctx, row),
    audit: { recordIds: [`divorce-application:${a.id}`, `marriage:${a.marriageId}`, `certificate:${certificateNumber}`], summary: `离婚登记 ${certificateNumber}（申请第 ${a.id} 号）` },
    events: [{ eventType: 'divorce.registered', recordType: 'marriage', recordId: divorceView(ctx, row).marriageCertificateNumber, payload: { certificateNumber, registeredOn: today } }],
  };
};

/** 视为撤回: every application whose certificate window closed before today. Run at start-up and daily. */
export const lapseDue: WriteHandler<'divorce.lapseDue'> = (ctx) => {
  const today = localDate(ctx.now);
  const lapsed = ctx.db
    .update(divorceApplications)
    // 视为撤回 on the day after the last day to appear (民法典 1077), whenever the check runs.
    .set({ status: 'lapsed', endedOn: sql`date(${divorceApplications.certificateDeadline}, '+1 day')` })
    .where(and(eq(divorceApplications.status, 'received'), lt(divorceApplications.certificateDeadline, today)))
    .returning({ id: divorceApplications.id })
    .all()
    .map((r) => r.id);
  return {
    result: { lapsed },
    audit: { recordIds: lapsed.map((id) => `divorce-application:${id}`), summary: lapsed.length ? `离婚登记申请视为撤回：第 ${lapsed.join('、')} 号` : '检查离婚登记申请期限：无到期' },
  };
};

export const list: ReadHandler<'divorce.list'> = (ctx) =>
  ctx.db.select().from(divorceApplications).orderBy(desc(divorceApplications.id)).limit(500).all().map((a) => divorceView(ctx, a));

export const scan: ReadHandler<'divorce.scan'> = (ctx, input) => {
  const row = ctx.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, input.id), like(attachments.recordId, 'divorce-application:%')))
    .get();
  if (!row) throw new AppError('NOT_FOUND', `扫描件第 ${input.id} 号不存在`, { id: '不存在' });
  return { name: row.name, mimeType: row.mimeType, dataBase64: row.content.toString('base64') };
};
