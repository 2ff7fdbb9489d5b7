import { and, eq, or } from 'drizzle-orm';
import { AppError, REFUSAL_REASONS, type OpOutput, type OpParsedInput } from '../contract';
import { isAccountLocked } from '../auth/lockout';
import { verifyPassword } from '../auth/password';
import { maskIdNumber } from '../identity/mask';
import type { UserRow } from '../core/users-repo';
import { recordFailure } from './auth';
import { platformFinding, platformProblem } from '../marriage/platform-status';
import { localDate } from '../calendar/dates';
import { drafts, marriageRefusals, marriages } from '../db/schema';
import type { CommandOutcome, ReadContext, ReadHandler, WriteContext, WriteHandler } from '../core/context';
import { requireStation } from './setup';
import { readSettings } from './settings';
import { nextCertificateNumber } from '../marriage/certificate-number';
import { checkMarriage, correctedPartyProblem, type CheckedParty, type MarriageOnRecord } from '../marriage/marriage-checks';
import { marriageSnapshot, partyOf } from '../marriage/marriage-record';

type Parties = Pick<OpParsedInput<'marriage.register'>, 'party1' | 'party2'>;

/** The registered, undissolved marriage here of the person holding this document number, if any. */
export function registeredMarriageOf(ctx: ReadContext, idNumber: string) {
  return ctx.db
    .select()
    .from(marriages)
    .where(and(eq(marriages.status, 'registered'), or(eq(marriages.party1IdNumber, idNumber), eq(marriages.party2IdNumber, idNumber))))
    .get();
}

function onRecord(ctx: ReadContext): MarriageOnRecord {
  return (idNumber) => registeredMarriageOf(ctx, idNumber);
}

function check(ctx: ReadContext, input: Parties) {
  const on = localDate(ctx.now);
  const { authorizedForeign, authorizedHkMacaoTaiwan } = readSettings(ctx.q);
  return { on, ...checkMarriage(input.party1, input.party2, on, onRecord(ctx), { foreign: authorizedForeign, hkMacaoTaiwan: authorizedHkMacaoTaiwan }) };
}

/** Ask the platform about both parties at once; it has a few seconds, the counter does not wait longer. */
const PLATFORM_CHECK_TIMEOUT_MS = 3000;

type CheckOutput = OpOutput<'marriage.check'>;

/**
 * The checks here, then (on a linked station) the platform's records for both parties. Its answers are
 * kept in the main process for the registration that follows; when it cannot be reached the check says
 * so, and registering needs a supervisor's decision.
 */
export const checkRegistration: ReadHandler<'marriage.check'> = (ctx, input) => {
  const { on, parties, problems, findings } = check(ctx, input);
  const local: CheckOutput = { ok: problems.length === 0, problems, findings, registrationDate: on, platform: 'not-linked', platformMessage: null };
  const port = ctx.platform.port();
  if (!port || !parties) return local;
  return Promise.all(parties.map((p) => port.maritalStatus(p.documentType, p.idNumber, PLATFORM_CHECK_TIMEOUT_MS))).then(
    (answers) => {
      const more = { problems: [...problems], findings: [...findings] };
      answers.forEach((answer, i) => {
        const p = parties[i];
        const who = i === 0 ? '一方' : '另一方';
        ctx.platform.rememberAnswer('marital', p.idNumber, answer, ctx.now);
        more.findings.push(platformFinding(who, p.name, answer));
        const problem = platformProblem(who, p.name, answer);
        if (problem) more.problems.push(problem);
      });
      return { ...local, ...more, ok: more.problems.length === 0, platform: 'answered' as const };
    },
    (err: unknown) => {
      ctx.platform.failed(ctx.now, (err as Error).message);
      return {
      ...local,
      platform: 'unreachable' as const,
      platformMessage: `未能向省级平台核实婚姻状况：${(err as Error).message}。如需继续办理，须由审核员授权并记录理由；平台恢复后将自动复核。`,
      };
    },
  );
};

type PlatformDecision = { checked: true } | { checked: false; overrideBy: UserRow | null; reason: string | null } | { refused: CommandOutcome<never> };

/**
 * On a linked station, the platform's answers from the check must be in hand (and clear); without them
 * a supervisor (审核员 or 管理员) authorizes with their own password, which counts toward their lockout.
 */
function platformDecision(ctx: WriteContext, parties: [CheckedParty, CheckedParty], override: OpParsedInput<'marriage.register'>['platformOverride']): PlatformDecision {
  if (!ctx.platform.port()) return { checked: false, overrideBy: null, reason: null };
  const answers = parties.map((p) => ctx.platform.recentAnswer('marital', p.idNumber, ctx.now));
  if (answers.every((a) => a !== null)) {
    const problems = answers.map((a, i) => platformProblem(i === 0 ? '一方' : '另一方', parties[i].name, a!)).filter((p) => p !== null);
    if (problems.length) throw new AppError('VALIDATION', `不予登记：${problems.join('；')}`, { parties: problems.join('；') });
    return { checked: true };
  }
  if (!override) {
    const message = '未能向省级平台核实双方的婚姻状况。请重新审查；如平台仍无法连接，须由审核员授权后登记';
    throw new AppError('VALIDATION', message, { platformOverride: message });
  }
  const supervisor = ctx.q.userByUsername.get({ username: override.username });
  const refused = (text: string) => new AppError('VALIDATION', text, { 'platformOverride.username': text });
  if (!supervisor || !supervisor.active || !['reviewer', 'admin'].includes(supervisor.role)) throw refused('授权人须为本工作站在用的审核员或管理员账户');
  if (isAccountLocked(supervisor.lockedUntil, ctx.now)) throw refused('授权人账户处于锁定期');
  if (!verifyPassword(override.password, supervisor.passwordHash)) {
    // Counted against the supervisor, reported on the field: the registrar's own session is not in question.
    const wrong = '审核员密码不正确（连续输错 5 次将锁定该审核员账户 15 分钟）';
    return { refused: { ...recordFailure(ctx, supervisor, '审核员授权'), failure: new AppError('VALIDATION', wrong, { 'platformOverride.password': wrong }) } };
  }
  return { checked: false, overrideBy: supervisor, reason: override.reason };
}

/** A finished case's draft goes with the command that finished it. */
export function finishDraft(ctx: WriteContext, id: number | undefined): void {
  if (id !== undefined) ctx.db.delete(drafts).where(eq(drafts.id, id)).run();
}

/** Checks again inside the transaction (nobody can have married either party meanwhile), then one 字号. */
export const register: WriteHandler<'marriage.register'> = (ctx, input) => {
  const { on, parties, problems, findings } = check(ctx, input);
  if (!parties || problems.length) throw new AppError('VALIDATION', `不予登记：${problems.join('；')}`, { parties: problems.join('；') });
  const [a, b] = parties;
  const decision = platformDecision(ctx, parties, input.platformOverride);
  if ('refused' in decision) return decision.refused;
  const authority = requireStation(ctx.db).divisionCode;
  const certificateNumber = nextCertificateNumber(ctx.db, 'J', authority, Number(on.slice(0, 4)));
  const row = ctx.db
    .insert(marriages)
    .values({
      certificateNumber,
      registeredOn: on,
      authority,
      party1Name: a.name,
      party1Sex: a.sex,
      party1Nationality: a.nationality,
      party1BirthDate: a.birthDate,
      party1DocumentType: a.documentType,
      party1IdNumber: a.idNumber,
      party2Name: b.name,
      party2Sex: b.sex,
      party2Nationality: b.nationality,
      party2BirthDate: b.birthDate,
      party2DocumentType: b.documentType,
      party2IdNumber: b.idNumber,
      registrarUserId: ctx.actor?.userId ?? null,
      platformChecked: decision.checked,
      platformOverrideBy: decision.checked ? null : (decision.overrideBy?.id ?? null),
      platformOverrideReason: decision.checked ? null : decision.reason,
      reviewFindings: JSON.stringify(findings),
      createdAt: ctx.now.toISOString(),
    })
    .returning()
    .get();
  finishDraft(ctx, input.draftId);
  return {
    result: { id: row.id, certificateNumber, registrationDate: on, platformChecked: decision.checked },
    // The log names the registration, not the people: their data is in the record, the digest proves it.
    audit: {
      recordIds: [`marriage:${row.id}`, `certificate:${certificateNumber}`],
      summary: `结婚登记 ${certificateNumber}${'overrideBy' in decision && decision.overrideBy ? `（省级平台无法连接，经 ${decision.overrideBy.displayName} 授权：${decision.reason}）` : ''}`,
      after: { certificateNumber, on, a, b },
    },
    events: [{ eventType: 'marriage.registered', recordType: 'marriage', recordId: certificateNumber, payload: marriageSnapshot(row) }],
  };
};

export const registration: ReadHandler<'marriage.registration'> = (ctx, input) => {
  const m = ctx.db.select().from(marriages).where(eq(marriages.certificateNumber, input.certificateNumber)).get();
  if (!m) throw new AppError('NOT_FOUND', `没有字号为 ${input.certificateNumber} 的结婚登记`, { certificateNumber: '本登记机关无此字号' });
  const party = (n: 1 | 2) => {
    const p = partyOf(m, n);
    return { name: p.name, documentType: p.documentType, idNumberMasked: maskIdNumber(p.idNumber) ?? '' };
  };
  return { certificateNumber: m.certificateNumber, registeredOn: m.registeredOn, status: m.status, parties: [party(1), party(2)] };
};

/**
 * 更正: a supervisor puts right a party's name or document number entered wrongly (typically what the
 * platform rejected). The number must still pass its document's check and agree with the recorded birth
 * date and sex. The corrected record goes to the platform as a whole, in place of the rejected event.
 */
export const correct: WriteHandler<'marriage.correct'> = (ctx, input) => {
  const m = ctx.db.select().from(marriages).where(eq(marriages.certificateNumber, input.certificateNumber)).get();
  if (!m) throw new AppError('NOT_FOUND', `没有字号为 ${input.certificateNumber} 的结婚登记`, { certificateNumber: '本登记机关无此字号' });
  const n = input.party === 'party1' ? 1 : 2;
  const current = partyOf(m, n);
  const corrected = { ...current, name: input.name ?? current.name, idNumber: input.idNumber ?? current.idNumber };
  const problem = correctedPartyProblem(corrected);
  if (problem) throw new AppError('VALIDATION', problem, { idNumber: problem });
  if (corrected.name === current.name && corrected.idNumber === current.idNumber) {
    throw new AppError('VALIDATION', '更正后的姓名和身份证件号码与原记录相同', { name: '未作更改', idNumber: '未作更改' });
  }
  const set = n === 1 ? { party1Name: corrected.name, party1IdNumber: corrected.idNumber } : { party2Name: corrected.name, party2IdNumber: corrected.idNumber };
  ctx.db.update(marriages).set(set).where(eq(marriages.id, m.id)).run();
  return {
    result: { ok: true },
    audit: {
      recordIds: [`marriage:${m.id}`, `certificate:${m.certificateNumber}`],
      summary: `更正结婚登记 ${m.certificateNumber} ${n === 1 ? '一方' : '另一方'}的${corrected.name !== current.name ? '姓名' : ''}${corrected.name !== current.name && corrected.idNumber !== current.idNumber ? '、' : ''}${corrected.idNumber !== current.idNumber ? '身份证件号码' : ''}：${input.reason}`,
      before: { name: current.name, idNumber: current.idNumber },
      after: { name: corrected.name, idNumber: corrected.idNumber },
    },
    events: [{ eventType: 'marriage.corrected', recordType: 'marriage', recordId: m.certificateNumber, payload: { ...marriageSnapshot({ ...m, ...set }), reason: input.reason }, replacesRejected: true }],
  };
};

export const refuse: WriteHandler<'marriage.refuse'> = (ctx, input) => {
  const on = localDate(ctx.now);
  const row = ctx.db
    .insert(marriageRefusals)
    .values({
      decidedOn: on,
      reasonCode: input.reasonCode,
      reason: input.reason,
      party1Name: input.party1.name,
      party1IdNumber: input.party1.idNumber.toUpperCase(),
      party2Name: input.party2.name,
      party2IdNumber: input.party2.idNumber.toUpperCase(),
      registrarUserId: ctx.actor?.userId ?? null,
      createdAt: ctx.now.toISOString(),
    })
    .returning({ id: marriageRefusals.id })
    .get();
  finishDraft(ctx, input.draftId);
  return {
    result: { id: row.id, decidedOn: on },
    audit: { recordIds: [`marriage-refusal:${row.id}`], summary: `不予结婚登记（第 ${row.id} 号）：${REFUSAL_REASONS[input.reasonCode]}`, after: input },
    events: [{ eventType: 'marriage.refused', recordType: 'marriage-refusal', recordId: String(row.id), payload: { decidedOn: on, reasonCode: input.reasonCode } }],
  };
};
