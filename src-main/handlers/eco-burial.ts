import { desc, eq } from 'drizzle-orm';
import { AppError, documentNumberProblem, ECO_BURIAL_STATUSES, idNumberProblem, type OpOutput, type OpParsedInput } from '../contract';
import type { PolicyScheme } from '../contract/funeral-policy';
import { localDate } from '../calendar/dates';
import type { ReadContext, ReadHandler, WriteContext, WriteHandler } from '../core/context';
import { displayNames } from '../core/users-repo';
import { ecoBurialSubsidies } from '../db/schema';
import { ecoBurialSubsidy, type EcoBurialSubsidy } from '../funeral/eco-burial';
import { nextEcoBurialNumber } from '../funeral/eco-burial-number';
import { formatYuan } from '../funeral/money';
import {
  hasEcoBurial,
  requireScheme,
  selectedEcoBurialScheme,
  selectedEcoBurialSchemeId,
  writeSelectedEcoBurialScheme,
} from '../funeral/policy-store';
import { versionInForce } from '../funeral/policy-versions';
import { maskIdNumber } from '../identity/mask';
import { notAfterToday, requireOtherReviewer } from './checks';
import { requireStation } from './setup';

/**
 * 节地生态安葬奖补: the funeral home (or the bureau's clerk) takes the application after the burial; the
 * amount is the one set by the version of the selected eco-burial scheme in force on the date of death,
 * fixed with its reason when the application is taken; a reviewer other than the clerk approves or
 * rejects it; the payment is then recorded with its reference.
 *
 * Decisions:
 * - An application that is not eligible (type not subsidized, not 户籍 where the subsidy is for 户籍 only,
 *   a death before the policy) is refused with the reason (CONFLICT), as a waiver is: ecoBurial.compute
 *   shows the reason before. Storing refusals would take the one-per-person slot.
 * - One subsidy per deceased, by ID number, whatever its status: a second application is refused before
 *   anything is written (the unique index is only the last guard).
 * - The reviewer must not be the user who took the application; a rejection states its reason.
 * - Audit summaries carry the number and the amount only (no names, no ID numbers).
 */

type SubsidyRow = typeof ecoBurialSubsidies.$inferSelect;
type SubsidyInput = OpParsedInput<'ecoBurial.apply'>;
type SubsidyView = OpOutput<'ecoBurial.apply'>;

// ——— reading records ————————————————————————————————————————————————————————————————————————————————

function viewOf(row: SubsidyRow, names: Map<number, string>): SubsidyView {
  const input = JSON.parse(row.input) as SubsidyInput;
  return {
    id: row.id,
    number: row.number,
    deceasedName: row.deceasedName,
    idNumberMasked: maskIdNumber(row.deceasedIdNumber) ?? '',
    dateOfDeath: row.dateOfDeath,
    burialType: row.burialType,
    burialDate: row.burialDate,
    applicantName: input.applicantName,
    amount: row.amount,
    reason: row.reason,
    status: row.status,
    appliedOn: row.appliedOn,
    reviewedBy: row.reviewedBy === null ? null : (names.get(row.reviewedBy) ?? `用户 ${row.reviewedBy}`),
    rejectReason: row.rejectReason,
    paidOn: row.paidOn,
    paymentReference: row.paymentReference,
  };
}

function view(ctx: ReadContext, row: SubsidyRow): SubsidyView {
  return viewOf(row, displayNames(ctx, [row.reviewedBy]));
}

function subsidyRow(ctx: ReadContext, id: number): SubsidyRow {
  const row = ctx.db.select().from(ecoBurialSubsidies).where(eq(ecoBurialSubsidies.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `生态安葬奖补申请第 ${id} 号不存在`, { id: '不存在' });
  return row;
}

/** One step of an application (review, payment): the columns it sets, the row as it is after. */
function updateSubsidy(ctx: WriteContext, id: number, set: Partial<SubsidyRow>): SubsidyRow {
  return ctx.db.update(ecoBurialSubsidies).set(set).where(eq(ecoBurialSubsidies.id, id)).returning().get();
}

// ——— computing ——————————————————————————————————————————————————————————————————————————————————————

/** The application's own checks: valid ID numbers, dates in order and not in the future. */
function checkInput(ctx: ReadContext, input: SubsidyInput): void {
  const problem = documentNumberProblem('resident-id', input.deceasedIdNumber);
  if (problem) throw new AppError('VALIDATION', `逝者身份证件号码${problem}`, { deceasedIdNumber: problem });
  // The applicant's document type is not asked; an 18-character number is a resident ID and must check out.
  if (input.applicantIdNumber.length === 18) {
    const p = idNumberProblem(input.applicantIdNumber);
    if (p) throw new AppError('VALIDATION', `申请人身份证件号码${p}`, { applicantIdNumber: p });
  }
  const today = localDate(ctx.now);
  notAfterToday(input.dateOfDeath, today, 'dateOfDeath', '死亡日期');
  notAfterToday(input.burialDate, today, 'burialDate', '安葬日期', '，请在安葬后申请');
  if (input.burialDate < input.dateOfDeath) {
    throw new AppError('VALIDATION', `安葬日期 ${input.burialDate} 早于死亡日期 ${input.dateOfDeath}`, { burialDate: '不能早于死亡日期' });
  }
}

interface Assessment extends EcoBurialSubsidy {
  versionId: string | null;
  versionName: string;
  /** The field a refusal is about. */
  field: 'dateOfDeath' | 'burialType' | 'hukouInCity';
}

/** The subsidy under the version in force on the date of death; a death before the scheme's first version is a refusal, not an error. */
function assess(ctx: ReadContext, scheme: PolicyScheme, input: SubsidyInput): Assessment {
  checkInput(ctx, input);
  const first = scheme.versions.map((v) => v.effectiveFrom).sort()[0];
  if (first !== undefined && input.dateOfDeath < first) {
    return {
      eligible: false,
      amount: 0,
      reason: `死亡日期 ${input.dateOfDeath} 早于${scheme.name}施行日期 ${first}，不在奖补范围内`,
      versionId: null,
      versionName: '',
      field: 'dateOfDeath',
    };
  }
  const version = versionInForce(scheme, input.dateOfDeath, { dateLabel: '死亡日期', field: 'dateOfDeath' });
  const field = version.ecoBurial?.amounts[input.burialType] === undefined ? 'burialType' : 'hukouInCity';
  return { ...ecoBurialSubsidy(version, input), versionId: version.id, versionName: version.name, field };
}

// ——— handlers ———————————————————————————————————————————————————————————————————————————————————————

export const selectPolicy: WriteHandler<'ecoBurial.selectPolicy'> = (ctx, input) => {
  const scheme = requireScheme(ctx, input.schemeId);
  if (!hasEcoBurial(scheme)) {
    throw new AppError('VALIDATION', `「${scheme.name}」没有节地生态安葬奖补金额，不能作为生态安葬奖补方案`, { schemeId: '没有生态安葬奖补' });
  }
  const before = selectedEcoBurialSchemeId(ctx);
  writeSelectedEcoBurialScheme(ctx, scheme.id);
  return {
    result: { selected: scheme.id },
    audit: {
      recordIds: ['settings:ecoBurialPolicyScheme'],
      summary: before === scheme.id ? `生态安葬奖补方案仍为 ${scheme.id}（${scheme.name}）` : `选择生态安葬奖补方案 ${before ?? '（未选择）'} → ${scheme.id}（${scheme.name}）`,
      before: { selected: before },
      after: { selected: scheme.id },
    },
    events: [{ eventType: 'ecoBurial.policy.selected', recordType: 'eco-burial-policy', recordId: scheme.id, payload: { schemeId: scheme.id, city: scheme.city, name: scheme.name } }],
  };
};

export const compute: ReadHandler<'ecoBurial.compute'> = (ctx, input) => {
  const scheme = selectedEcoBurialScheme(ctx);
  const a = assess(ctx, scheme, input);
  return { eligible: a.eligible, amount: a.amount, reason: a.reason, versionName: a.versionName, schemeId: scheme.id };
};

export const apply: WriteHandler<'ecoBurial.apply'> = (ctx, input) => {
  const station = requireStation(ctx.db);
  const scheme = selectedEcoBurialScheme(ctx);
  const existing = ctx.db.select().from(ecoBurialSubsidies).where(eq(ecoBurialSubsidies.deceasedIdNumber, input.deceasedIdNumber)).get();
  if (existing) {
    throw new AppError('CONFLICT', `该逝者已于 ${existing.appliedOn} 申请生态安葬奖补（编号 ${existing.number}），不能重复申请`, {
      deceasedIdNumber: `已申请（编号 ${existing.number}）`,
    });
  }
  const a = assess(ctx, scheme, input);
  if (!a.eligible || a.versionId === null) {
    throw new AppError('CONFLICT', `不符合节地生态安葬奖补条件，不能受理：${a.reason}`, { [a.field]: a.reason });
  }
  const today = localDate(ctx.now);
  const number = nextEcoBurialNumber(ctx.db, station.divisionCode, Number(today.slice(0, 4)));
  const row = ctx.db
    .insert(ecoBurialSubsidies)
    .values({
      number,
      deceasedName: input.deceasedName,
      deceasedIdNumber: input.deceasedIdNumber,
      dateOfDeath: input.dateOfDeath,
      input: JSON.stringify(input),
      burialType: input.burialType,
      burialDate: input.burialDate,
      amount: a.amount,
      reason: a.reason,
      schemeId: scheme.id,
      versionId: a.versionId,
      status: 'pending',
      appliedOn: today,
      enteredBy: ctx.actor?.userId ?? null,
    })
    .returning()
    .get();
  return {
    result: view(ctx, row),
    audit: {
      recordIds: [`eco-burial-subsidy:${row.id}`],
      summary: `受理生态安葬奖补申请 ${number}（奖补 ${formatYuan(row.amount)} 元）`,
      after: row,
    },
    events: [
      {
        eventType: 'ecoBurial.subsidy.applied',
        recordType: 'eco-burial-subsidy',
        recordId: number,
        payload: {
          number,
          stationId: ctx.stationId(),
          deceased: { name: row.deceasedName, idNumber: row.deceasedIdNumber, dateOfDeath: row.dateOfDeath },
          burialType: row.burialType,
          burialDate: row.burialDate,
          burialPlace: input.burialPlace,
          schemeId: row.schemeId,
          versionId: row.versionId,
          amount: row.amount,
          appliedOn: row.appliedOn,
        },
      },
    ],
  };
};

export const review: WriteHandler<'ecoBurial.review'> = (ctx, input) => {
  const before = subsidyRow(ctx, input.id);
  if (before.status !== 'pending') {
    throw new AppError('CONFLICT', `奖补申请 ${before.number} 的状态为“${ECO_BURIAL_STATUSES[before.status]}”，只有待审核的申请可以审核`, { id: '不是待审核的申请' });
  }
  const reviewer = requireOtherReviewer(ctx, before.enteredBy, `奖补申请 ${before.number}`, '受理');
  const reason = input.reason?.trim() ?? '';
  if (input.decision === 'reject' && !reason) throw new AppError('VALIDATION', '不予补贴须填写原因', { reason: '请填写不予补贴原因' });
  const approve = input.decision === 'approve';
  const row = updateSubsidy(ctx, before.id, { status: approve ? 'approved' : 'rejected', reviewedBy: reviewer, reviewedAt: ctx.now.toISOString(), rejectReason: approve ? null : reason });
  return {
    result: view(ctx, row),
    audit: {
      recordIds: [`eco-burial-subsidy:${row.id}`],
      // The reason stays out of the summary (it may name people); the digest covers it.
      summary: approve ? `批准生态安葬奖补 ${row.number}（奖补 ${formatYuan(row.amount)} 元）` : `不予生态安葬奖补 ${row.number}（申请 ${formatYuan(row.amount)} 元）`,
      before: { status: before.status },
      after: { status: row.status, rejectReason: row.rejectReason },
    },
    events: [
      {
        eventType: approve ? 'ecoBurial.subsidy.approved' : 'ecoBurial.subsidy.rejected',
        recordType: 'eco-burial-subsidy',
        recordId: row.number,
        payload: approve
          ? { number: row.number, amount: row.amount, approvedAt: row.reviewedAt }
          : { number: row.number, amount: row.amount, reason, rejectedAt: row.reviewedAt },
      },
    ],
  };
};

export const pay: WriteHandler<'ecoBurial.pay'> = (ctx, input) => {
  const before = subsidyRow(ctx, input.id);
  if (before.status !== 'approved') {
    throw new AppError('CONFLICT', `奖补申请 ${before.number} 的状态为“${ECO_BURIAL_STATUSES[before.status]}”，只有已批准的奖补可以登记发放`, { id: '不是已批准的奖补' });
  }
  const approvedOn = localDate(new Date(before.reviewedAt!));
  if (input.paidOn < approvedOn) {
    throw new AppError('VALIDATION', `发放日期 ${input.paidOn} 早于批准日期 ${approvedOn}`, { paidOn: '不能早于批准日期' });
  }
  const today = localDate(ctx.now);
  notAfterToday(input.paidOn, today, 'paidOn', '发放日期');
  const row = updateSubsidy(ctx, before.id, { status: 'paid', paidOn: input.paidOn, paymentReference: input.paymentReference, paidBy: ctx.actor?.userId ?? null });
  return {
    result: view(ctx, row),
    audit: {
      recordIds: [`eco-burial-subsidy:${row.id}`],
      summary: `登记生态安葬奖补发放 ${row.number}（${formatYuan(row.amount)} 元）`,
      before: { status: before.status },
      after: { status: row.status, paidOn: row.paidOn, paymentReference: row.paymentReference },
    },
    events: [
      {
        eventType: 'ecoBurial.subsidy.paid',
        recordType: 'eco-burial-subsidy',
        recordId: row.number,
        payload: { number: row.number, amount: row.amount, paidOn: row.paidOn, paymentReference: row.paymentReference },
      },
    ],
  };
};

/** Newest first, the latest 1,000 (a list, not an archive), ID numbers masked. */
export const list: ReadHandler<'ecoBurial.list'> = (ctx, input) => {
  const rows = ctx.db
    .select()
    .from(ecoBurialSubsidies)
    .where(input.status ? eq(ecoBurialSubsidies.status, input.status) : undefined)
    .orderBy(desc(ecoBurialSubsidies.id))
    .limit(1000)
    .all();
  const names = displayNames(ctx, rows.map((r) => r.reviewedBy));
  return { selected: selectedEcoBurialSchemeId(ctx), items: rows.map((r) => viewOf(r, names)) };
};
