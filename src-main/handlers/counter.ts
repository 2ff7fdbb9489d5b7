import { asc, desc, eq, gte, like, or, type SQL } from 'drizzle-orm';
import { AppError, REFUSAL_REASONS, type OpOutput, type RefusalReason } from '../contract';
import { addDays, localDate } from '../calendar/dates';
import { certificateReissues, divorceApplications, marriageRefusals, marriages } from '../db/schema';
import type { ReadContext, ReadHandler, WriteHandler } from '../core/context';
import { maskIdNumber } from '../identity/mask';
import { divorceView } from './divorce';
import { listDrafts } from './drafts';

type CaseView = OpOutput<'counter.search'>[number];
/** A case with its people's full numbers: what the lists show masked, and what a reveal shows in full. */
type CaseRow = Omit<CaseView, 'idNumbersMasked'> & { idNumbers: string[] };

const LIMIT = 100;
const CASE_LABELS = { marriage: '结婚登记', divorce: '离婚登记申请', refusal: '不予登记决定', reissue: '补发证件' } as const;
const DIVORCE_STATUS = { received: '冷静期/待登记', withdrawn: '已撤回', lapsed: '视为撤回', registered: '已离婚' } as const;

interface Filters {
  marriage: SQL | undefined;
  divorce: SQL | undefined;
  refusal: SQL | undefined;
  reissue: SQL | undefined;
}

/** Registrations, applications, refusals and reissues matching the filters, newest first, ID numbers masked. */
function findCases(ctx: ReadContext, where: Filters): CaseView[] {
  return caseRows(ctx, where).map(({ idNumbers, ...c }) => ({ ...c, idNumbersMasked: idNumbers.map((id) => maskIdNumber(id) ?? '') }));
}

function caseRows(ctx: ReadContext, where: Filters): CaseRow[] {
  const out: CaseRow[] = [];
  if (where.marriage) {
    for (const m of ctx.db.select().from(marriages).where(where.marriage).orderBy(desc(marriages.id)).limit(LIMIT).all()) {
      out.push({
        kind: 'marriage',
        id: m.id,
        date: m.registeredOn,
        names: [m.party1Name, m.party2Name],
        idNumbers: [m.party1IdNumber, m.party2IdNumber],
        certificateNumber: m.certificateNumber,
        status: m.status === 'registered' ? '已登记结婚' : '婚姻已解除',
      });
    }
  }
  if (where.divorce) {
    const rows = ctx.db
      .select({ a: divorceApplications, m: marriages })
      .from(divorceApplications)
      .innerJoin(marriages, eq(marriages.id, divorceApplications.marriageId))
      .where(where.divorce)
      .orderBy(desc(divorceApplications.id))
      .limit(LIMIT)
      .all();
    for (const { a, m } of rows) {
      out.push({
        kind: 'divorce',
        id: a.id,
        date: a.receivedOn,
        names: [m.party1Name, m.party2Name],
        idNumbers: [m.party1IdNumber, m.party2IdNumber],
        certificateNumber: a.certificateNumber ?? m.certificateNumber,
        status: DIVORCE_STATUS[a.status],
      });
    }
  }
  if (where.refusal) {
    for (const r of ctx.db.select().from(marriageRefusals).where(where.refusal).orderBy(desc(marriageRefusals.id)).limit(LIMIT).all()) {
      out.push({
        kind: 'refusal',
        id: r.id,
        date: r.decidedOn,
        names: [r.party1Name, r.party2Name],
        idNumbers: [r.party1IdNumber, r.party2IdNumber],
        certificateNumber: null,
        status: `不予登记：${REFUSAL_REASONS[r.reasonCode as RefusalReason] ?? r.reasonCode}`,
      });
    }
  }
  if (where.reissue) {
    for (const r of ctx.db.select().from(certificateReissues).where(where.reissue).orderBy(desc(certificateReissues.id)).limit(LIMIT).all()) {
      out.push(reissueCase(ctx, r));
    }
  }
  return out.sort((x, y) => y.date.localeCompare(x.date));
}

function reissueCase(ctx: ReadContext, r: typeof certificateReissues.$inferSelect): CaseRow {
  const m = ctx.db
    .select()
    .from(marriages)
    .leftJoin(divorceApplications, eq(divorceApplications.marriageId, marriages.id))
    .where(or(eq(marriages.certificateNumber, r.originalNumber), eq(divorceApplications.certificateNumber, r.originalNumber)))
    .get()!.marriages;
  const holder = r.party === 1 ? { name: m.party1Name, id: m.party1IdNumber } : { name: m.party2Name, id: m.party2IdNumber };
  return {
    kind: 'reissue',
    id: r.id,
    date: r.issuedOn,
    names: [holder.name],
    idNumbers: [holder.id],
    certificateNumber: r.certificateNumber,
    status: `补发（原证 ${r.originalNumber}）`,
  };
}

/** The registrar's home: today's cases, drafts to resume, and divorce applications by stage with their dates. */
export const overview: ReadHandler<'counter.overview'> = (ctx) => {
  const today = localDate(ctx.now);
  const cases = findCases(ctx, {
    marriage: eq(marriages.registeredOn, today),
    divorce: or(eq(divorceApplications.receivedOn, today), eq(divorceApplications.endedOn, today)),
    refusal: eq(marriageRefusals.decidedOn, today),
    reissue: eq(certificateReissues.issuedOn, today),
  });
  // Open applications, and those that ended in the last 30 days so the registrar sees what just lapsed.
  const divorces = ctx.db
    .select()
    .from(divorceApplications)
    .where(or(eq(divorceApplications.status, 'received'), gte(divorceApplications.endedOn, addDays(today, -30))))
    .orderBy(asc(divorceApplications.certificateDeadline))
    .limit(500)
    .all()
    .map((a) => divorceView(ctx, a));
  return { today, cases, drafts: listDrafts(ctx), divorces };
};

/** By 字号, by a document number (whole), or by part of a name. */
export const search: ReadHandler<'counter.search'> = (ctx, input) => {
  const q = input.query.trim().toUpperCase();
  // A 字号 begins with its prefix and a 6-digit authority code, then a hyphen (J442000-2026-…); a
  // passport number beginning with a letter has no hyphen and more digits.
  if (/^B?[JL]\d{6}(-|$)/.test(q)) {
    const prefix = `${q}%`;
    return findCases(ctx, {
      marriage: like(marriages.certificateNumber, prefix),
      divorce: or(like(divorceApplications.certificateNumber, prefix), like(marriages.certificateNumber, prefix)),
      refusal: undefined,
      reissue: or(like(certificateReissues.certificateNumber, prefix), like(certificateReissues.originalNumber, prefix)),
    });
  }
  const byNumber = /^[0-9A-Z]{8,20}$/.test(q) ? byDocumentNumber(ctx, q) : [];
  // Only digits is a number; letters may also be a name written in Latin letters (JOHNSMITH).
  return /^\d{17}[\dX]?$|^\d+$/.test(q) ? byNumber : [...byNumber, ...byName(ctx, input.query.trim())];
};

/** The whole number only: a search must not list people by the beginning of their ID numbers. */
function byDocumentNumber(ctx: ReadContext, q: string): CaseView[] {
  const party = or(eq(marriages.party1IdNumber, q), eq(marriages.party2IdNumber, q));
  return findCases(ctx, {
    marriage: party,
    divorce: party,
    refusal: or(eq(marriageRefusals.party1IdNumber, q), eq(marriageRefusals.party2IdNumber, q)),
    reissue: undefined,
  });
}

function byName(ctx: ReadContext, query: string): CaseView[] {
  // LIKE's own wildcards are not part of any name, and an empty pattern would list everyone.
  const part = query.replace(/[%_]/g, '');
  if (!part) return [];
  const name = `%${part}%`;
  const either = or(like(marriages.party1Name, name), like(marriages.party2Name, name));
  return findCases(ctx, {
    marriage: either,
    divorce: either,
    refusal: or(like(marriageRefusals.party1Name, name), like(marriageRefusals.party2Name, name)),
    reissue: undefined,
  });
}

/** One person's full number from a case in a list; the write path records who looked. */
export const revealIdNumber: WriteHandler<'counter.revealIdNumber'> = (ctx, input) => {
  const only: Filters = { marriage: undefined, divorce: undefined, refusal: undefined, reissue: undefined };
  const byId = {
    marriage: eq(marriages.id, input.id),
    divorce: eq(divorceApplications.id, input.id),
    refusal: eq(marriageRefusals.id, input.id),
    reissue: eq(certificateReissues.id, input.id),
  };
  const found = caseRows(ctx, { ...only, [input.kind]: byId[input.kind] })[0];
  const idNumber = found?.idNumbers[input.index];
  if (!found || !idNumber) throw new AppError('NOT_FOUND', '没有这条记录或这位当事人', { id: '不存在' });
  return {
    result: { idNumber },
    audit: { recordIds: [`${input.kind === 'refusal' ? 'marriage-refusal' : input.kind}:${input.id}`], summary: `查看${CASE_LABELS[input.kind]}第 ${input.id} 号第 ${input.index + 1} 位当事人的完整证件号码` },
  };
};
