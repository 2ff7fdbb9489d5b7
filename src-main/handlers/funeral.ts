import { and, desc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import {
  AppError,
  DOCUMENT_TYPES,
  WAIVER_STATUSES,
  chineseDate,
  documentNumberProblem,
  idNumberProblem,
  type OpOutput,
  type OpParsedInput,
} from '../contract';
import type { PolicyScheme, PolicyVersion } from '../contract/funeral-policy';
import { localDate } from '../calendar/dates';
import type { FuneralWaiverResponse } from '../platform/protocol';
import type { CommandOutcome, ReadContext, ReadHandler, WriteContext, WriteHandler } from '../core/context';
import { displayNames } from '../core/users-repo';
import { funeralSettlements, funeralWaiverReversals, funeralWaivers } from '../db/schema';
import { formatYuan, formatYuanFixed, uppercaseYuan, type Fen } from '../funeral/money';
import { SETTLEMENT_ROWS } from '../print/templates/funeral-forms';
import {
  allSchemes,
  requireScheme,
  selectedScheme,
  selectedSchemeId,
  usedDateRanges,
  usedVersionIds,
  writeScheme,
  writeSelectedScheme,
} from '../funeral/policy-store';
import { appendVersion, describeRange, inForce } from '../funeral/policy-versions';
import { scanContent, scansOf, storeScans } from '../funeral/scans';
import {
  closedMonth,
  currentMonth,
  monthLabel,
  reversalOf,
  settlementMonthFor,
  settlementOf,
  storedLines,
  type Settlement,
  type SettledReversal,
} from '../funeral/settlement';
import { settlementFileName, settlementWorkbook } from '../funeral/settlement-workbook';
import { computeWaiverUnderScheme, type DeceasedFacts, type Waiver } from '../funeral/waiver';
import { nextWaiverNumber } from '../funeral/waiver-number';
import { waiverElsewhere } from '../funeral/platform-waivers';
import { parseResidentId } from '../identity/resident-id';
import { maskIdNumber } from '../identity/mask';
import { requireOtherReviewer } from './checks';
import { requireStation } from './setup';

/**
 * 惠民殡葬: the funeral home enters a waiver per deceased person when the family settles the bill; a
 * reviewer at the bureau approves or returns it; each month the home's approved waivers form a settlement
 * statement, which the reviewer submits (closes). The arithmetic is the pure engine's (funeral/waiver.ts);
 * this module adds the records, the rules between records and the documents.
 *
 * Decisions:
 * - A waiver that is not eligible (no category, residence, an exclusion) is not entered: entering is
 *   refused with the reasons (CONFLICT). The clerk runs funeral.computeWaiver to see the reasons line by
 *   line; the family then pays the bill in full, which needs no record here. Recording refusals would
 *   also take the one-per-person slot (unique ID number) from a later, correct entry.
 * - One live waiver per person, by ID number, whatever its status but superseded: a second entry is
 *   refused before anything is written (the unique index is only the last guard); a returned waiver is
 *   corrected in place (funeral.correctWaiver), which recomputes it and sends it back to review.
 * - Correcting an approved waiver (the funeral home's clerk, with a 更正原因; the replacement is reviewed
 *   like any waiver): settled in a month still open, the waiver is recomputed in place and goes back to
 *   review, leaving that month — nothing was paid yet, so there is nothing to reverse (the reason is in
 *   the audit images and the corrected event). Settled in a closed month, it is never edited: in one
 *   write it becomes `superseded` (keeping its month and lines, so the closed statement is unchanged), a
 *   reversal (冲销) of its settled lines is entered in the home's first open month, and a new waiver with
 *   a new 减免编号 replaces it, recomputed under the version in force on the date of death, pending review.
 *   A pending waiver is returned by the reviewer before it is changed; a superseded one is history (its
 *   replacement is corrected instead).
 * - The reviewer must not be the user who entered (or last corrected) the waiver: four eyes on public money.
 * - An approved waiver belongs to the settlement month current at approval, or — that month already
 *   submitted for that funeral home — the first open month after it. A submitted month never changes.
 * - A month may be submitted with no waivers (a zero statement is still a statement the bureau files);
 *   a month already submitted, or one that has not begun, is refused.
 */

type WaiverRow = typeof funeralWaivers.$inferSelect;
/** What is stored as the waiver's input: the scans are filed apart (attachments). */
type WaiverInput = Omit<OpParsedInput<'funeral.enterWaiver'>, 'scans'>;
type Scans = OpParsedInput<'funeral.enterWaiver'>['scans'];
type WaiverView = OpOutput<'funeral.waivers'>[number];
type Corrected = CommandOutcome<OpOutput<'funeral.correctWaiver'>>;

const SEX = { male: '男', female: '女' } as const;

// ——— reading records ————————————————————————————————————————————————————————————————————————————————

function funeralHomeOf(ctx: ReadContext): string {
  return requireStation(ctx.db).officeName;
}

/** Display names of the users and 减免编号 of the replaced waivers the views name; the submitted months (`home|month`). */
interface Lookups {
  names: Map<number, string>;
  numbers: Map<number, string>;
  closed: Set<string>;
}

function lookups(ctx: ReadContext, rows: readonly WaiverRow[]): Lookups {
  const replaced = rows.map((r) => r.replacesWaiverId).filter((id): id is number => id !== null);
  const numbers = replaced.length
    ? ctx.db.select({ id: funeralWaivers.id, number: funeralWaivers.number }).from(funeralWaivers).where(inArray(funeralWaivers.id, replaced)).all()
    : [];
  // A few rows a month per funeral home: read whole.
  const closed = ctx.db.select({ home: funeralSettlements.funeralHome, month: funeralSettlements.month }).from(funeralSettlements).all();
  return {
    names: displayNames(ctx, rows.flatMap((r) => [r.enteredBy, r.reviewedBy])),
    numbers: new Map(numbers.map((n) => [n.id, n.number])),
    closed: new Set(closed.map((c) => `${c.home}|${c.month}`)),
  };
}

function viewOf(row: WaiverRow, { names, numbers, closed }: Lookups): WaiverView {
  const name = (id: number | null) => (id === null ? null : (names.get(id) ?? `用户 ${id}`));
  return {
    id: row.id,
    number: row.number,
    funeralHome: row.funeralHome,
    deceasedName: row.deceasedName,
    idNumberMasked: maskIdNumber(row.deceasedIdNumber) ?? '',
    dateOfDeath: row.dateOfDeath,
    totalClaimed: row.totalClaimed,
    totalWaived: row.totalWaived,
    status: row.status,
    enteredBy: name(row.enteredBy),
    enteredAt: row.enteredAt,
    reviewedBy: name(row.reviewedBy),
    reviewedAt: row.reviewedAt,
    rejectReason: row.rejectReason,
    settlementMonth: row.settlementMonth,
    settlementClosed: closed.has(`${row.funeralHome}|${row.settlementMonth}`),
    replacesNumber: row.replacesWaiverId === null ? null : (numbers.get(row.replacesWaiverId) ?? null),
    platformCheck: row.platformCheck,
    platformConflict: row.platformConflict,
  };
}

function view(ctx: ReadContext, row: WaiverRow): WaiverView {
  return viewOf(row, lookups(ctx, [row]));
}

function waiverRow(ctx: ReadContext, id: number): WaiverRow {
  const row = ctx.db.select().from(funeralWaivers).where(eq(funeralWaivers.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `减免记录第 ${id} 号不存在`, { id: '不存在' });
  return row;
}

/** The person's live waiver: a superseded one was replaced, and its replacement is the one that counts. */
function waiverOfPerson(ctx: ReadContext, idNumber: string, except?: number): WaiverRow | undefined {
  const conds = [eq(funeralWaivers.deceasedIdNumber, idNumber), ne(funeralWaivers.status, 'superseded')];
  if (except !== undefined) conds.push(ne(funeralWaivers.id, except));
  return ctx.db
    .select()
    .from(funeralWaivers)
    .where(and(...conds))
    .get();
}

/** The refusal of a second waiver for one person; nothing has been written when it is thrown. */
function duplicate(existing: WaiverRow): AppError {
  const returned = existing.status === 'rejected' ? '；该记录已被退回，请在原记录上修改后重新提交' : '';
  const where = existing.funeralHome ? `在${existing.funeralHome}` : '';
  return new AppError(
    'CONFLICT',
    `该逝者已于 ${localDate(new Date(existing.enteredAt))} ${where}办理减免（编号 ${existing.number}），不能重复减免${returned}`,
    { 'deceased.idNumber': `已办理减免（编号 ${existing.number}）` },
  );
}

// ——— computing ——————————————————————————————————————————————————————————————————————————————————————

/** The engine names fields as its own input does; the contract's paths differ for the category and exclusions. */
function contractField(engineField: string): string {
  if (engineField === 'deceased.categoryId') return 'categoryId';
  if (engineField.startsWith('deceased.exclusionIds.')) return engineField.slice('deceased.'.length);
  return engineField;
}

function remapFields(err: unknown, map: (field: string) => string): never {
  if (err instanceof AppError) {
    const fieldErrors: Record<string, string> = {};
    for (const [field, message] of Object.entries(err.fieldErrors)) fieldErrors[map(field)] ??= message;
    throw new AppError(err.code, err.message, fieldErrors);
  }
  throw err;
}

/** The identity documents' own checks: a valid number, and birth date and sex agreeing with a number that carries them. */
function checkIdentity(input: WaiverInput): { birthDate: string | null } {
  const d = input.deceased;
  const problem = documentNumberProblem(d.documentType, d.idNumber);
  if (problem) throw new AppError('VALIDATION', `逝者身份证件号码${problem}`, { 'deceased.idNumber': problem });
  let birthDate = d.birthDate ?? null;
  if (DOCUMENT_TYPES[d.documentType].derivesBirthAndSex) {
    const id = parseResidentId(d.idNumber, '逝者身份证件号码');
    if (birthDate !== null && birthDate !== id.birthDate) {
      throw new AppError('VALIDATION', `逝者出生日期 ${birthDate} 与身份证件号码中的 ${id.birthDate} 不一致`, { 'deceased.birthDate': '与身份证件号码不一致' });
    }
    if (d.sex !== id.sex) {
      throw new AppError('VALIDATION', `逝者性别“${SEX[d.sex]}”与身份证件号码显示的“${SEX[id.sex]}”不一致`, { 'deceased.sex': '与身份证件号码不一致' });
    }
    birthDate = id.birthDate;
  }
  // The payer's document type is not asked; an 18-character number is a resident ID and must check out.
  if (input.payer.idNumber.length === 18) {
    const payerProblem = idNumberProblem(input.payer.idNumber);
    if (payerProblem) throw new AppError('VALIDATION', `经办人身份证件号码${payerProblem}`, { 'payer.idNumber': payerProblem });
  }
  return { birthDate };
}

function compute(ctx: ReadContext, scheme: PolicyScheme, input: WaiverInput, waivedElsewhere: string | null): Waiver {
  const { birthDate } = checkIdentity(input);
  const d = input.deceased;
  const deceased: DeceasedFacts = {
    categoryId: input.categoryId,
    exclusionIds: input.exclusionIds,
    birthDate,
    dateOfDeath: d.dateOfDeath,
    hukouInCity: d.hukouInCity,
    diedInCity: d.diedInCity,
    crematedAtCityHome: d.crematedAtCityHome,
    waivedElsewhere,
  };
  try {
    return computeWaiverUnderScheme(scheme, { services: input.services, deceased, today: localDate(ctx.now) });
  } catch (err) {
    return remapFields(err, contractField);
  }
}

const REFUSAL_FIELDS: Record<string, string> = {
  'already-waived': 'deceased.idNumber',
  'no-category': 'categoryId',
  residency: 'deceased.hukouInCity',
  excluded: 'exclusionIds',
};

function refuseIneligible(w: Waiver): void {
  if (w.eligible) return;
  const fieldErrors: Record<string, string> = {};
  for (const r of w.refusals) fieldErrors[REFUSAL_FIELDS[r.code] ?? '_'] ??= r.message;
  throw new AppError('CONFLICT', `不符合减免条件，不能录入减免：${w.refusals.map((r) => r.message).join('；')}`, fieldErrors);
}

/** What the province needs of a waiver: who (for its cross-home duplicate check), where, under which rule, how much. */
function waiverPayload(ctx: ReadContext, row: Pick<WaiverRow, 'number' | 'funeralHome' | 'schemeId' | 'versionId' | 'totalClaimed' | 'totalWaived'>, input: WaiverInput, w: Waiver) {
  return {
    number: row.number,
    funeralHome: row.funeralHome,
    stationId: ctx.stationId(),
    deceased: {
      name: input.deceased.name,
      sex: input.deceased.sex,
      documentType: input.deceased.documentType,
      idNumber: input.deceased.idNumber,
      dateOfDeath: input.deceased.dateOfDeath,
    },
    categoryId: input.categoryId,
    schemeId: row.schemeId,
    versionId: row.versionId,
    lines: w.lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity, claimed: l.claimed, waived: l.waived })),
    totalClaimed: row.totalClaimed,
    totalWaived: row.totalWaived,
  };
}

// ——— policies ———————————————————————————————————————————————————————————————————————————————————————

export const policies: ReadHandler<'funeral.policies'> = (ctx) => ({
  schemes: allSchemes(ctx),
  selected: selectedSchemeId(ctx),
  usedVersionIds: usedVersionIds(ctx),
});

export const selectPolicy: WriteHandler<'funeral.selectPolicy'> = (ctx, input) => {
  const scheme = requireScheme(ctx, input.schemeId);
  if (!scheme.versions.some((v) => v.items.length > 0)) {
    throw new AppError('VALIDATION', `「${scheme.name}」只有节地生态安葬奖补，没有基本殡葬服务减免项目，不能作为减免方案`, { schemeId: '没有减免项目' });
  }
  const before = selectedSchemeId(ctx);
  writeSelectedScheme(ctx, scheme.id);
  return {
    result: { selected: scheme.id },
    audit: {
      recordIds: ['settings:funeralPolicyScheme'],
      summary: before === scheme.id ? `殡葬减免方案仍为 ${scheme.id}（${scheme.name}）` : `选择殡葬减免方案 ${before ?? '（未选择）'} → ${scheme.id}（${scheme.name}）`,
      before: { selected: before },
      after: { selected: scheme.id },
    },
    events: [{ eventType: 'funeral.policy.selected', recordType: 'funeral-policy', recordId: scheme.id, payload: { schemeId: scheme.id, city: scheme.city, name: scheme.name } }],
  };
};

function remapVersionField(field: string): string {
  const m = /^versions\.\d+\.(.+)$/.exec(field);
  if (m) return `version.${m[1]}`;
  return field === '_' ? field : `version.${field}`;
}

export const addPolicyVersion: WriteHandler<'funeral.addPolicyVersion'> = (ctx, input) => {
  const scheme = requireScheme(ctx, input.schemeId);
  let next: PolicyScheme;
  try {
    next = appendVersion(scheme, input.version, new Set(usedVersionIds(ctx, scheme.id)));
  } catch (err) {
    return remapFields(err, remapVersionField);
  }
  // appendVersion closes an open-ended version the day before the new one starts; a waiver already
  // decided under a version for a date that version no longer covers would change its rule: refused.
  for (const used of usedDateRanges(ctx, scheme.id)) {
    const v = next.versions.find((x) => x.id === used.versionId);
    if (v && inForce(v, used.first) && inForce(v, used.last)) continue;
    const was = scheme.versions.find((x) => x.id === used.versionId);
    const message = `版本「${was?.name ?? used.versionId}」已用于 ${used.count} 条减免记录（死亡日期 ${used.first} 至 ${used.last}）；新版本自 ${input.version.effectiveFrom} 起生效会改变这些记录所适用的版本，请把生效日期定在 ${used.last} 之后`;
    throw new AppError('CONFLICT', message, { 'version.effectiveFrom': message });
  }
  writeScheme(ctx, next);
  const added = next.versions.find((v) => v.id === input.version.id) as PolicyVersion;
  const replaced = scheme.versions.some((v) => v.id === added.id);
  const closed = next.versions.filter((v) => v.id !== added.id && scheme.versions.find((o) => o.id === v.id)?.effectiveTo !== v.effectiveTo);
  const closedText = closed.map((v) => `；版本「${v.name}」改为 ${describeRange(v)}`).join('');
  return {
    result: next,
    audit: {
      recordIds: [`funeral-policy:${scheme.id}`, `funeral-policy-version:${scheme.id}/${added.id}`],
      summary: `${replaced ? '替换' : '新增'}殡葬减免政策版本 ${scheme.id}/${added.id}「${added.name}」（${describeRange(added)}）${closedText}`,
      before: scheme,
      after: next,
    },
    events: [
      {
        eventType: 'funeral.policy.versionAdded',
        recordType: 'funeral-policy',
        recordId: scheme.id,
        payload: { schemeId: scheme.id, version: added, closed: closed.map((v) => ({ id: v.id, effectiveTo: v.effectiveTo })) },
      },
    ],
  };
};

// ——— waivers ————————————————————————————————————————————————————————————————————————————————————————

/** The platform has a few seconds to answer the duplicate check; the counter does not wait longer. */
const PLATFORM_CHECK_TIMEOUT_MS = 3000;

/** What the entry refuses with when the platform knows a waiver of this person from another station. */
function waivedElsewhereOnPlatform(ctx: ReadContext, answer: FuneralWaiverResponse): string | null {
  const other = waiverElsewhere(answer, ctx.stationId());
  return other ? `${other.funeralHome}（编号 ${other.number}，省级平台记录）` : null;
}

/**
 * 试算: an earlier waiver of the same person shows as a refusal, the way the province would — not the
 * returned waiver being corrected. A linked station also asks the platform, province-wide; the answer is
 * kept for the entry that follows, and when it cannot be had the trial says so.
 */
export const computeWaiver: ReadHandler<'funeral.computeWaiver'> = (ctx, input) => {
  const scheme = selectedScheme(ctx);
  const existing = waiverOfPerson(ctx, input.deceased.idNumber, input.id);
  const here = existing ? `${existing.funeralHome}（编号 ${existing.number}）` : null;
  const port = ctx.platform.port();
  if (!port || here) return { ...compute(ctx, scheme, input, here), platform: port ? ('answered' as const) : ('not-linked' as const) };
  const d = input.deceased;
  return port.funeralWaivers(d.documentType, d.idNumber, PLATFORM_CHECK_TIMEOUT_MS).then(
    (answer) => {
      ctx.platform.rememberAnswer('waiver', d.idNumber, answer, ctx.now);
      return { ...compute(ctx, scheme, input, waivedElsewhereOnPlatform(ctx, answer)), platform: 'answered' as const };
    },
    () => ({ ...compute(ctx, scheme, input, null), platform: 'unreachable' as const }),
  );
};

/**
 * At entry, the platform's answer from the 试算 before it: another station's waiver refuses the entry.
 * Without an answer the waiver is entered as `unreachable`: the reviewer sees it, and the sync service
 * asks again when the platform is back.
 */
function platformCheckAtEntry(ctx: ReadContext, input: WaiverInput): WaiverRow['platformCheck'] {
  if (!ctx.platform.port()) return 'not-linked';
  const answer = ctx.platform.recentAnswer('waiver', input.deceased.idNumber, ctx.now);
  if (!answer) return 'unreachable';
  const elsewhere = waivedElsewhereOnPlatform(ctx, answer);
  if (elsewhere) {
    const message = `该逝者已在${elsewhere}办理减免，不能重复减免`;
    throw new AppError('CONFLICT', message, { 'deceased.idNumber': message });
  }
  return 'answered';
}

/** The columns an entered or corrected waiver is stored with: its input, its computation, pending review by someone other than the actor. */
function submitted(ctx: ReadContext, scheme: PolicyScheme, input: WaiverInput, w: Waiver) {
  return {
    deceasedName: input.deceased.name,
    deceasedIdNumber: input.deceased.idNumber,
    dateOfDeath: input.deceased.dateOfDeath,
    input: JSON.stringify(input),
    computation: JSON.stringify(w),
    schemeId: scheme.id,
    versionId: w.versionId,
    totalClaimed: w.totalClaimed,
    totalWaived: w.totalWaived,
    status: 'pending' as const,
    enteredBy: ctx.actor?.userId ?? null,
  };
}

/**
 * A new waiver row (an entry, or the replacement after a 冲销): its 减免编号, the submitted columns, what
 * else the caller sets, and its scans, in the command's transaction.
 */
function insertWaiver(ctx: WriteContext, funeralHome: string, scheme: PolicyScheme, input: WaiverInput, w: Waiver, scans: Scans, extra: Partial<WaiverRow>) {
  const number = nextWaiverNumber(ctx.db, requireStation(ctx.db).divisionCode, Number(localDate(ctx.now).slice(0, 4)));
  const row = ctx.db
    .insert(funeralWaivers)
    .values({ number, funeralHome, ...submitted(ctx, scheme, input, w), ...extra, enteredAt: ctx.now.toISOString() })
    .returning()
    .get();
  return { number, row, filed: storeScans(ctx, row.id, scans) };
}

export const enterWaiver: WriteHandler<'funeral.enterWaiver'> = (ctx, { scans, ...input }) => {
  const funeralHome = funeralHomeOf(ctx);
  const scheme = selectedScheme(ctx);
  const existing = waiverOfPerson(ctx, input.deceased.idNumber);
  if (existing) throw duplicate(existing);
  const w = compute(ctx, scheme, input, null);
  refuseIneligible(w);
  const platformCheck = platformCheckAtEntry(ctx, input);
  const { number, row, filed } = insertWaiver(ctx, funeralHome, scheme, input, w, scans, { platformCheck });
  return {
    result: { ...view(ctx, row), computation: w },
    audit: {
      recordIds: [`funeral-waiver:${row.id}`],
      summary: `录入殡葬费用减免 ${number}（${scheme.id}/${w.versionId}，减免 ${formatYuan(w.totalWaived)} 元${scanCount(filed)}）`,
      // The row holds the input and the computation as stored: the digest covers exactly what was written.
      after: { ...row, scans: filed },
    },
    events: [{ eventType: 'funeral.waiver.entered', recordType: 'funeral-waiver', recordId: number, payload: waiverPayload(ctx, row, input, w) }],
  };
};

const scanCount = (filed: readonly unknown[]): string => (filed.length ? `，扫描件 ${filed.length} 份` : '');

/** The correction's own checks, as for an entry: no other live waiver of the person, eligible under the version in force on the date of death. */
function recompute(ctx: ReadContext, id: number, input: WaiverInput): { scheme: PolicyScheme; w: Waiver } {
  const other = waiverOfPerson(ctx, input.deceased.idNumber, id);
  if (other) throw duplicate(other);
  const scheme = selectedScheme(ctx);
  const w = compute(ctx, scheme, input, null);
  refuseIneligible(w);
  return { scheme, w };
}

/** Which correction a waiver in this state takes; refused, with the reason, when none does. */
function correctionOf(ctx: ReadContext, before: WaiverRow, reason: string | undefined): 'returned' | 'reopen' | 'reverse' {
  if (before.status === 'rejected') return 'returned';
  if (before.status === 'pending') {
    throw new AppError('CONFLICT', `减免 ${before.number} 待审核，不能更正：待审核的减免请审核员退回后修改`, { id: '待审核的减免请审核员退回后修改' });
  }
  if (before.status === 'superseded') {
    const by = ctx.db.select({ number: funeralWaivers.number }).from(funeralWaivers).where(eq(funeralWaivers.replacesWaiverId, before.id)).get();
    const instead = by ? `，请更正替代它的减免 ${by.number}` : '';
    throw new AppError('CONFLICT', `减免 ${before.number} 已冲销，不能再更正${instead}`, { id: `已冲销${by ? `，由 ${by.number} 替代` : ''}` });
  }
  if (!reason) throw new AppError('VALIDATION', `更正审核通过的减免 ${before.number} 须填写更正原因`, { reason: '请填写更正原因' });
  return closedMonth(ctx, before.funeralHome, before.settlementMonth!) ? 'reverse' : 'reopen';
}

export const correctWaiver: WriteHandler<'funeral.correctWaiver'> = (ctx, { id, reason, scans, ...input }) => {
  const before = waiverRow(ctx, id);
  const how = correctionOf(ctx, before, reason);
  if (how === 'returned') return correctReturned(ctx, before, input, scans);
  // correctionOf refuses an approved waiver without a reason.
  return how === 'reopen' ? reopenApproved(ctx, before, input, reason!, scans) : reverseAndReplace(ctx, before, input, reason!, scans);
};

/** The stored columns of a correction made in place: recomputed, pending review again by someone other than the corrector. */
function correctInPlace(ctx: WriteContext, before: WaiverRow, input: WaiverInput, scans: Scans) {
  const { scheme, w } = recompute(ctx, before.id, input);
  const row = ctx.db
    .update(funeralWaivers)
    .set({
      // enteredBy becomes the corrector: who entered what is now under review, and the reviewer must be someone else.
      ...submitted(ctx, scheme, input, w),
      reviewedBy: null,
      reviewedAt: null,
      rejectReason: null,
      settlementMonth: null,
    })
    .where(eq(funeralWaivers.id, before.id))
    .returning()
    .get();
  return { row, w, filed: storeScans(ctx, row.id, scans) };
}

/** A returned waiver: corrected and sent back to review. */
function correctReturned(ctx: WriteContext, before: WaiverRow, input: WaiverInput, scans: Scans): Corrected {
  const { row, w, filed } = correctInPlace(ctx, before, input, scans);
  return {
    result: { ...view(ctx, row), computation: w },
    audit: {
      recordIds: [`funeral-waiver:${row.id}`],
      summary: `修改退回的殡葬费用减免 ${row.number}，重新提交审核（减免 ${formatYuan(before.totalWaived)} → ${formatYuan(w.totalWaived)} 元${scanCount(filed)}）`,
      before,
      after: { ...row, scans: filed },
    },
    events: [{ eventType: 'funeral.waiver.corrected', recordType: 'funeral-waiver', recordId: row.number, payload: waiverPayload(ctx, row, input, w) }],
  };
}

/** An approved waiver of a month not yet submitted: nothing was paid, so it leaves the month and is reviewed again. */
function reopenApproved(ctx: WriteContext, before: WaiverRow, input: WaiverInput, reason: string, scans: Scans): Corrected {
  const { row, w, filed } = correctInPlace(ctx, before, input, scans);
  const month = before.settlementMonth!;
  return {
    result: { ...view(ctx, row), computation: w },
    audit: {
      recordIds: [`funeral-waiver:${row.id}`],
      // The reason stays out of the summary (it may name people); the digest covers it.
      summary: `更正审核通过的殡葬费用减免 ${row.number}：撤出 ${month} 结算（未提交），重新提交审核（减免 ${formatYuan(before.totalWaived)} → ${formatYuan(w.totalWaived)} 元${scanCount(filed)}）`,
      before,
      after: { ...row, correctionReason: reason, scans: filed },
    },
    events: [
      {
        eventType: 'funeral.waiver.corrected',
        recordType: 'funeral-waiver',
        recordId: row.number,
        payload: { ...waiverPayload(ctx, row, input, w), correction: { reason, withdrawnFrom: month } },
      },
    ],
  };
}

/**
 * An approved waiver settled in a closed month: superseded (its month and lines kept), its settled lines
 * reversed in the home's first open month, and a new waiver entered in its place — all in this one write.
 */
function reverseAndReplace(ctx: WriteContext, before: WaiverRow, input: WaiverInput, reason: string, scans: Scans): Corrected {
  const { scheme, w } = recompute(ctx, before.id, input);
  const now = ctx.now.toISOString();
  // Superseded first: the replacement takes the person's one live slot (the partial unique index).
  ctx.db.update(funeralWaivers).set({ status: 'superseded' }).where(eq(funeralWaivers.id, before.id)).run();
  const lines = storedLines(JSON.parse(before.computation) as Waiver);
  const reversal = ctx.db
    .insert(funeralWaiverReversals)
    .values({
      waiverId: before.id,
      funeralHome: before.funeralHome,
      settlementMonth: settlementMonthFor(ctx, before.funeralHome),
      lines: JSON.stringify(lines),
      totalWaived: before.totalWaived,
      reason,
      createdBy: ctx.actor?.userId ?? null,
      createdAt: now,
    })
    .returning()
    .get();
  const { number, row, filed } = insertWaiver(ctx, before.funeralHome, scheme, input, w, scans, { replacesWaiverId: before.id });
  return {
    result: { ...view(ctx, row), computation: w },
    audit: {
      recordIds: [`funeral-waiver:${before.id}`, `funeral-waiver-reversal:${reversal.id}`, `funeral-waiver:${row.id}`],
      summary:
        `更正已结算的殡葬费用减免 ${before.number}（${before.settlementMonth} 已提交）：在 ${reversal.settlementMonth} 冲销 ${formatYuan(before.totalWaived)} 元，` +
        `新减免 ${number} 提交审核（减免 ${formatYuan(w.totalWaived)} 元${scanCount(filed)}）`,
      before,
      after: { superseded: { id: before.id, status: 'superseded' }, reversal, replacement: row, scans: filed },
    },
    events: [
      {
        eventType: 'funeral.waiver.reversed',
        recordType: 'funeral-waiver',
        recordId: before.number,
        payload: {
          number: before.number,
          funeralHome: before.funeralHome,
          stationId: ctx.stationId(),
          originalMonth: before.settlementMonth,
          settlementMonth: reversal.settlementMonth,
          lines: lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity, claimed: l.claimed, waived: l.waived })),
          totalWaived: reversal.totalWaived,
          reason: reversal.reason,
          replacedBy: number,
          reversedAt: now,
        },
      },
      { eventType: 'funeral.waiver.entered', recordType: 'funeral-waiver', recordId: number, payload: { ...waiverPayload(ctx, row, input, w), replaces: before.number } },
    ],
  };
}

/** With a month, every waiver settled in it (superseded ones too); otherwise the latest 1,000 (a list, not an archive). */
export const listWaivers: ReadHandler<'funeral.waivers'> = (ctx, input) => {
  const conds: SQL[] = [];
  if (input.status) conds.push(eq(funeralWaivers.status, input.status));
  if (input.month) conds.push(eq(funeralWaivers.settlementMonth, input.month));
  const query = ctx.db
    .select()
    .from(funeralWaivers)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(funeralWaivers.id));
  const rows = input.month ? query.all() : query.limit(1000).all();
  const known = lookups(ctx, rows);
  return rows.map((r) => viewOf(r, known));
};

/** The waiver and those it replaces, newest first: their scans are one file. */
function chainOf(ctx: ReadContext, row: WaiverRow): WaiverRow[] {
  const chain = [row];
  for (let at = row.replacesWaiverId; at !== null; at = chain[chain.length - 1].replacesWaiverId) chain.push(waiverRow(ctx, at));
  return chain;
}

function signedReversal(r: SettledReversal): OpOutput<'funeral.settlement'>['reversals'][number] {
  const { id, waiverNumber, deceasedName, originalMonth, settlementMonth, reason, replacedBy, createdAt } = r;
  return { id, waiverNumber, deceasedName, originalMonth, settlementMonth, reason, replacedBy, createdAt, totalClaimed: -r.totalClaimed, totalWaived: -r.totalWaived };
}

/** One waiver in full (the ID number too: the detail is where the reviewer checks it against the papers). */
export const getWaiver: ReadHandler<'funeral.waiver'> = (ctx, input) => {
  const row = waiverRow(ctx, input.id);
  const reversal = row.status === 'superseded' ? reversalOf(ctx, row.id) : null;
  const replaced = row.replacesWaiverId === null ? null : reversalOf(ctx, row.replacesWaiverId);
  return {
    ...view(ctx, row),
    input: JSON.parse(row.input) as WaiverInput,
    computation: JSON.parse(row.computation) as Waiver,
    attachments: scansOf(ctx, chainOf(ctx, row)),
    reversal: reversal && signedReversal(reversal),
    correctionReason: replaced?.reason ?? null,
  };
};

export const scan: ReadHandler<'funeral.scan'> = (ctx, input) => scanContent(ctx, input.id);

export const reviewWaiver: WriteHandler<'funeral.reviewWaiver'> = (ctx, input) => {
  const before = waiverRow(ctx, input.id);
  if (before.status !== 'pending') {
    throw new AppError('CONFLICT', `减免 ${before.number} 的状态为“${WAIVER_STATUSES[before.status]}”，只有待审核的减免可以审核`, { id: '不是待审核的减免' });
  }
  const reviewer = requireOtherReviewer(ctx, before.enteredBy, `减免 ${before.number}`, '录入');
  const reason = input.reason?.trim() ?? '';
  if (input.decision === 'reject' && !reason) throw new AppError('VALIDATION', '退回须填写退回原因', { reason: '请填写退回原因' });
  const approve = input.decision === 'approve';
  const settlementMonth = approve ? settlementMonthFor(ctx, before.funeralHome) : null;
  const row = ctx.db
    .update(funeralWaivers)
    .set({
      status: approve ? 'approved' : 'rejected',
      reviewedBy: reviewer,
      reviewedAt: ctx.now.toISOString(),
      rejectReason: approve ? null : reason,
      settlementMonth,
    })
    .where(eq(funeralWaivers.id, before.id))
    .returning()
    .get();
  const computation = JSON.parse(row.computation) as Waiver;
  const later = settlementMonth !== null && settlementMonth !== currentMonth(ctx.now) ? `（${currentMonth(ctx.now)} 已提交结算）` : '';
  const result = view(ctx, row);
  return {
    result,
    audit: {
      recordIds: [`funeral-waiver:${row.id}`],
      // The reason stays out of the summary (it may name people); the digest covers it.
      summary: approve ? `审核通过殡葬费用减免 ${row.number}，计入 ${settlementMonth} 结算${later}` : `退回殡葬费用减免 ${row.number}`,
      before: { status: before.status },
      after: { status: row.status, settlementMonth, rejectReason: row.rejectReason },
    },
    events: [
      approve
        ? {
            eventType: 'funeral.waiver.approved',
            recordType: 'funeral-waiver',
            recordId: row.number,
            payload: {
              number: row.number,
              funeralHome: row.funeralHome,
              deceasedIdNumber: row.deceasedIdNumber,
              settlementMonth,
              versionId: row.versionId,
              lines: computation.lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity, waived: l.waived })),
              totalClaimed: row.totalClaimed,
              totalWaived: row.totalWaived,
              // A replacement after a 冲销: the month that settles it also carries the reversal of this one.
              replaces: result.replacesNumber,
              approvedAt: row.reviewedAt,
            },
          }
        : {
            eventType: 'funeral.waiver.rejected',
            recordType: 'funeral-waiver',
            recordId: row.number,
            payload: { number: row.number, funeralHome: row.funeralHome, reason, rejectedAt: row.reviewedAt },
          },
    ],
  };
};

// ——— settlement —————————————————————————————————————————————————————————————————————————————————————

/** The station's own funeral home, or one its records name: a typing error is not an empty month. */
function checkFuneralHome(ctx: ReadContext, funeralHome: string): void {
  const own = funeralHomeOf(ctx);
  if (funeralHome === own) return;
  const known = ctx.db.select({ h: funeralWaivers.funeralHome }).from(funeralWaivers).where(eq(funeralWaivers.funeralHome, funeralHome)).get();
  if (!known) throw new AppError('NOT_FOUND', `没有殡仪馆「${funeralHome}」的减免记录（本工作站为 ${own}）`, { funeralHome: '没有这个殡仪馆的减免记录' });
}

function settlementFor(ctx: ReadContext, funeralHome: string, month: string): Settlement {
  checkFuneralHome(ctx, funeralHome);
  return settlementOf(ctx, funeralHome, month);
}

function settlementView(ctx: ReadContext, s: Settlement): OpOutput<'funeral.settlement'> {
  const closedBy = s.closed?.closedBy ?? null;
  return {
    funeralHome: s.funeralHome,
    month: s.month,
    status: s.closed ? 'closed' : 'open',
    closedAt: s.closed?.closedAt ?? null,
    closedBy: closedBy === null ? null : (displayNames(ctx, [closedBy]).get(closedBy) ?? `用户 ${closedBy}`),
    waivers: s.waivers.length,
    items: s.items.map(({ itemId, label, quantity, claimed, waived }) => ({ itemId, label, quantity, claimed, waived })),
    reversals: s.reversals.map(signedReversal),
    totalClaimed: s.totalClaimed,
    totalWaived: s.totalWaived,
  };
}

export const settlement: ReadHandler<'funeral.settlement'> = (ctx, input) => settlementView(ctx, settlementFor(ctx, input.funeralHome, input.month));

export const closeMonth: WriteHandler<'funeral.closeMonth'> = (ctx, input) => {
  const s = settlementFor(ctx, input.funeralHome, input.month);
  if (s.closed) {
    throw new AppError('CONFLICT', `${input.funeralHome} ${input.month} 的结算已于 ${localDate(new Date(s.closed.closedAt))} 提交，不能重复提交`, { month: '该月已提交' });
  }
  const now = currentMonth(ctx.now);
  if (input.month > now) throw new AppError('CONFLICT', `${input.month} 尚未到来（本月为 ${now}），不能提交该月结算`, { month: '该月尚未到来' });
  const closedAt = ctx.now.toISOString();
  ctx.db
    .insert(funeralSettlements)
    .values({ funeralHome: s.funeralHome, month: s.month, closedAt, closedBy: ctx.actor?.userId ?? null, waivers: s.waivers.length, totalWaived: s.totalWaived })
    .run();
  const closed = settlementOf(ctx, s.funeralHome, s.month);
  const key = `${s.funeralHome}|${s.month}`;
  return {
    result: settlementView(ctx, closed),
    audit: {
      recordIds: [`funeral-settlement:${key}`],
      summary: `提交 ${s.funeralHome} ${s.month} 月度结算：${s.waivers.length} 人${s.reversals.length ? `，冲销 ${s.reversals.length} 笔` : ''}，减免 ${formatYuan(s.totalWaived)} 元`,
      after: { funeralHome: s.funeralHome, month: s.month, waivers: s.waivers.map((w) => w.number), reversals: s.reversals.map((r) => r.id), totalWaived: s.totalWaived },
    },
    events: [
      {
        eventType: 'funeral.settlement.closed',
        recordType: 'funeral-settlement',
        recordId: key,
        payload: {
          funeralHome: s.funeralHome,
          month: s.month,
          stationId: ctx.stationId(),
          closedAt,
          waiverCount: s.waivers.length,
          totalClaimed: s.totalClaimed,
          totalWaived: s.totalWaived,
          items: s.items.map(({ itemId, quantity, claimed, waived }) => ({ itemId, quantity, claimed, waived })),
          waivers: s.waivers.map((w) => ({ number: w.number, totalWaived: w.totalWaived })),
          // Negative, as the statement shows them; totalWaived is net of them.
          reversals: s.reversals.map((r) => ({ number: r.waiverNumber, originalMonth: r.originalMonth, totalWaived: -r.totalWaived, reason: r.reason })),
        },
      },
    ],
  };
};

export const settlementExport: ReadHandler<'funeral.settlementExport'> = async (ctx, input) => {
  const s = settlementFor(ctx, input.funeralHome, input.month);
  const xlsx = await settlementWorkbook(s, ctx.now);
  return { fileName: settlementFileName(s), xlsxBase64: xlsx.toString('base64') };
};

// ——— documents ——————————————————————————————————————————————————————————————————————————————————————

const money = (fen: Fen): string => `${formatYuanFixed(fen)} 元`;
const yesNo = (b: boolean): string => (b ? '是' : '否');

/** The rule without the overall-cap sentence, which the form states once for all lines. */
function lineRule(rule: string): string {
  const i = rule.indexOf('；总额不超过');
  return i < 0 ? rule : rule.slice(0, i);
}

/** The form's 审核意见: the review's outcome, and for a superseded waiver its reversal. */
function decisionText(ctx: ReadContext, row: WaiverRow): string | undefined {
  if (row.status === 'pending') return undefined;
  if (row.status === 'rejected') return `退回：${row.rejectReason ?? ''}`;
  // Approved, or superseded after it was: both were settled in their month.
  const approved = `同意减免 ${money(row.totalWaived)}，计入 ${monthLabel(row.settlementMonth!)}结算。`;
  const reversal = row.status === 'superseded' ? reversalOf(ctx, row.id) : null;
  if (!reversal) return approved;
  const by = reversal.replacedBy ? `，由减免 ${reversal.replacedBy} 替代` : '';
  return `${approved}已于 ${monthLabel(reversal.settlementMonth)}冲销${by}。更正原因：${reversal.reason}`;
}

function waiverFormData(ctx: ReadContext, key: string) {
  const id = Number(key);
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError('VALIDATION', `减免记录编号应为正整数：${key}`, { key: '应为正整数' });
  const row = waiverRow(ctx, id);
  const input = JSON.parse(row.input) as WaiverInput;
  const w = JSON.parse(row.computation) as Waiver;
  const scheme = requireScheme(ctx, row.schemeId);
  const version = scheme.versions.find((v) => v.id === row.versionId);
  const category = version?.categories.find((c) => c.id === input.categoryId)?.label ?? input.categoryId ?? '';
  const names = displayNames(ctx, [row.enteredBy, row.reviewedBy]);
  const lines = w.lines.map((l, i) => ({
    no: String(i + 1),
    item: l.label,
    quantity: `${l.quantity} ${l.unit}`,
    claimed: money(l.claimed),
    waived: money(l.waived),
    familyPays: money(l.familyPays),
  }));
  const rules = w.lines.map((l, i) => `${i + 1}．${lineRule(l.rule)}`);
  if (w.overallCap) {
    rules.push(`每具遗体减免总额不超过 ${money(w.overallCap.cap)}：各项合计 ${money(w.overallCap.beforeCap)}，超出部分按各项减免额比例扣减。`);
  }
  const decision = decisionText(ctx, row);
  const enteredBy = row.enteredBy === null ? undefined : names.get(row.enteredBy);
  const reviewedBy = row.reviewedBy === null ? undefined : names.get(row.reviewedBy);
  return {
    templateId: 'funeral-waiver-form',
    title: '基本殡葬服务费用减免审批表',
    documentKey: `funeral-waiver-form:${row.number}`,
    data: {
      funeralHome: row.funeralHome,
      number: row.number,
      deceasedName: row.deceasedName,
      sex: SEX[input.deceased.sex],
      dateOfDeath: chineseDate(row.dateOfDeath),
      documentType: DOCUMENT_TYPES[input.deceased.documentType]?.label ?? input.deceased.documentType,
      idNumber: row.deceasedIdNumber,
      hukou: input.deceased.hukou,
      placeOfDeath: input.deceased.placeOfDeath,
      deathCertificateNumber: input.deceased.deathCertificateNumber,
      category,
      residence: `本市户籍：${yesNo(input.deceased.hukouInCity)}；在本市死亡：${yesNo(input.deceased.diedInCity)}；在本市殡仪馆火化：${yesNo(input.deceased.crematedAtCityHome)}`,
      policy: `${scheme.name}（${w.versionName}，${version ? describeRange(version) : w.versionId}）`,
      proofs: w.requiredProofs.length ? w.requiredProofs.join('；') : '无',
      lines: [...lines, { no: '', item: '合计', quantity: '', claimed: money(w.totalClaimed), waived: money(w.totalWaived), familyPays: money(w.familyPays) }],
      rules: rules.join('\n'),
      payerName: input.payer.name,
      payerRelation: input.payer.relation,
      payerIdNumber: input.payer.idNumber,
      ...(decision ? { decision } : {}),
      ...(enteredBy ? { enteredBy } : {}),
      ...(reviewedBy ? { reviewedBy } : {}),
      ...(row.reviewedAt ? { reviewedOn: chineseDate(localDate(new Date(row.reviewedAt))) } : {}),
    },
  };
}

function settlementStatementData(ctx: ReadContext, key: string) {
  const at = key.lastIndexOf('|');
  const funeralHome = at < 0 ? '' : key.slice(0, at);
  const month = at < 0 ? '' : key.slice(at + 1);
  if (!funeralHome || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    throw new AppError('VALIDATION', `结算汇总表应写作“殡仪馆|YYYY-MM”：${key}`, { key: '应为 殡仪馆|YYYY-MM' });
  }
  const s = settlementFor(ctx, funeralHome, month);
  const items = s.items.map((i, n) => ({ no: String(n + 1), item: i.label, quantity: `${i.quantity} ${i.unit}`, waived: money(i.waived) }));
  const reversals = statementReversals(s.reversals, SETTLEMENT_ROWS - items.length - 1).map((r, n) => ({ no: String(items.length + n + 1), ...r }));
  return {
    templateId: 'funeral-settlement-statement',
    title: '基本殡葬服务费用减免月度结算汇总表',
    documentKey: `funeral-settlement-statement:${funeralHome}|${month}`,
    data: {
      funeralHome,
      month: monthLabel(month),
      items: [...items, ...reversals, { no: '', item: '合计', quantity: '', waived: money(s.totalWaived) }],
      waiverCount: `${s.waivers.length} 人`,
      status: s.closed ? `已提交（${chineseDate(localDate(new Date(s.closed.closedAt)))}）` : '未提交',
      total: money(s.totalWaived),
      // Net of the reversals, a month can be negative: the funeral home then owes the bureau.
      totalUppercase: `人民币${s.totalWaived < 0 ? '负' : ''}${uppercaseYuan(Math.abs(s.totalWaived))}`,
      reversalNotes: reversalNotes(s.reversals),
    },
  };
}

/** The statement's 冲销 rows, negative: one per reversal while they fit the table, else one for all (the notes and the workbook list them). */
function statementReversals(reversals: readonly SettledReversal[], room: number): { item: string; quantity: string; waived: string }[] {
  if (reversals.length <= room) {
    return reversals.map((r) => ({ item: `冲销 ${r.waiverNumber}`, quantity: `原${monthLabel(r.originalMonth)}`, waived: money(-r.totalWaived) }));
  }
  return [{ item: `冲销 ${reversals.length} 笔`, quantity: '', waived: money(-reversals.reduce((sum, r) => sum + r.totalWaived, 0)) }];
}

/** What the printed box holds at its smallest type, with room to spare for wrapping. */
const NOTES_FIT = 300;

/** Each reversal's original 减免编号, its closed month and the 更正原因 — or, too many to print, where to find them. */
function reversalNotes(reversals: readonly SettledReversal[]): string {
  if (reversals.length === 0) return '无';
  const notes = reversals
    .map((r) => `冲销 ${r.waiverNumber}（原${monthLabel(r.originalMonth)}结算${r.replacedBy ? `，由 ${r.replacedBy} 替代` : ''}）：${r.reason}`)
    .join('；');
  return notes.length <= NOTES_FIT ? `${notes}。` : `本月冲销 ${reversals.length} 笔，原减免编号及更正原因见结算明细表（电子表格）。`;
}

/** A document's data built from the record, so what is signed is what was entered and approved. */
export const document: ReadHandler<'funeral.document'> = (ctx, input) =>
  input.document === 'waiver-form' ? waiverFormData(ctx, input.key) : settlementStatementData(ctx, input.key);
