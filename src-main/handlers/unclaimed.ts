import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { AppError, BODY_STAGES, idNumberProblem, type BodyStage, type OpOutput } from '../contract';
import type { UnclaimedPolicy } from '../contract/funeral-policy';
import { addDays, daysBetween, localDate, type IsoDate } from '../calendar/dates';
import type { ReadContext, ReadHandler, WriteContext, WriteHandler } from '../core/context';
import { displayNames } from '../core/users-repo';
import { attachments, cremationCertificates, funeralWaivers, unclaimedBodies } from '../db/schema';
import { selectedSchemeId, schemeById } from '../funeral/policy-store';
import { inForce, versionInForce } from '../funeral/policy-versions';
import { ashRetentionEnds, daysInStorage, disposalProgress, noticeStatus, yearStockAndDisposals } from '../funeral/unclaimed';
import { nextBodyNumber, nextCremationNumber } from '../funeral/unclaimed-numbers';
import { maskIdNumber } from '../identity/mask';
import { parseResidentId } from '../identity/resident-id';
import { notAfterToday } from './checks';
import { requireStation } from './setup';

/**
 * 无人认领遗体 (unclaimed-bodies.md): intake → 认尸公告 → notice expired → 公安机关确认 → 审核员批准 →
 * 火化 (a certificate in the 火化证明台账, same transaction) → ashes kept, then disposed of; a family may
 * claim the body (or the ashes) at any stage before the ashes are disposed of. The date arithmetic is
 * funeral/unclaimed.ts; this module adds the records and the order between steps.
 *
 * Decisions:
 * - The stored stage changes only through an audited write. `awaiting-approval` is set by the police
 *   confirmation, not derived at read time: it is the reviewer's queue, and everything in it can be
 *   approved. A body whose notice has expired but whose police confirmation is missing stays `notice`
 *   and is listed by the dashboard under 公告期满未处理 (expiredWithoutAction) — a derived stage would
 *   hide exactly that gap, and a stage that changes with the clock would not be in the audit trail.
 * - The policy periods are those of the selected scheme's version in force on the intake date: the
 *   notice period is fixed (stored) when the notice is published, the ash retention when the body is
 *   cremated. Intake itself needs no policy — a body delivered is recorded whatever the configuration.
 *   The year's disposal target is that of the version in force today (the year running) or on 31
 *   December (a past year); none → no target.
 * - Every step's date is no later than today, not before intake, and not before the step before it.
 *   The police confirmation must be dated after the notice's last day.
 * - Ashes may be disposed of from the day after the retention's last day (ashRetainUntil, 民法典 第二百零一条).
 * - The certificate of an unclaimed body is issued at cremation (ashes at the storage location) and is
 *   registered when the ashes leave: taken home on a claim, or as the disposal records them (eco-burial or
 *   burial, and where). It is kept consistent with the body record: the ledger's own
 *   registerAshes and void refuse it.
 * - “Disposed this year” in the dashboard is the bodies of the 1 January stock that left it during the
 *   year (disposedFromStock), the figure the ratio and the target are about; byMonth counts every intake
 *   and every disposal (cremated, or claimed before cremation) for the chart.
 * - Audit summaries carry the body's number only; names and ID numbers stay in the digested images.
 */

type BodyRow = typeof unclaimedBodies.$inferSelect;
type BodyView = OpOutput<'unclaimed.list'>[number];
type CertRow = typeof cremationCertificates.$inferSelect;

const HELD: BodyStage[] = ['stored', 'notice', 'awaiting-approval', 'approved'];
const ORDER: BodyStage[] = ['stored', 'notice', 'awaiting-approval', 'approved', 'cremated', 'ashes-disposed'];
const SEX_LABEL = { male: '男', female: '女', unknown: '性别不详' } as const;
const RECORD = (id: number): string => `unclaimed-body:${id}`;

// ——— policy —————————————————————————————————————————————————————————————————————————————————————————

const NO_SCHEME =
  '本工作站尚未选择本地殡葬政策方案，无法确定认尸公告期和骨灰保存期。请管理员在“殡葬减免政策”中选择本市的方案。';

/** The unclaimed-body rules of the selected scheme's version in force on the intake date. */
function policyOnIntake(ctx: ReadContext, row: BodyRow): UnclaimedPolicy {
  const id = selectedSchemeId(ctx);
  const scheme = id === null ? null : schemeById(ctx, id);
  if (!scheme) throw new AppError('CONFLICT', id === null ? NO_SCHEME : `本工作站选择的殡葬政策方案「${id}」已不存在，请管理员在“殡葬减免政策”中重新选择。`);
  try {
    return versionInForce(scheme, row.intakeDate, { dateLabel: `遗体 ${row.number} 的接收日期`, field: 'id' }).unclaimed;
  } catch (err) {
    if (err instanceof AppError) throw new AppError('CONFLICT', `${err.message}；请管理员在“殡葬减免政策”中补充该日期适用的政策版本`, { id: err.message });
    throw err;
  }
}

/** The target of the version in force on `on`, when a scheme is selected and a version covers that day. */
function targetOn(ctx: ReadContext, on: IsoDate): NonNullable<UnclaimedPolicy['annualDisposalTarget']> | null {
  const id = selectedSchemeId(ctx);
  const scheme = id === null ? null : schemeById(ctx, id);
  const version = scheme?.versions.find((v) => inForce(v, on));
  return version?.unclaimed.annualDisposalTarget ?? null;
}

// ——— reading records ————————————————————————————————————————————————————————————————————————————————

function bodyRow(ctx: ReadContext, id: number): BodyRow {
  const row = ctx.db.select().from(unclaimedBodies).where(eq(unclaimedBodies.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `无人认领遗体第 ${id} 号不存在`, { id: '不存在' });
  return row;
}

/** The name a list shows: the known name, or 无名氏 with sex and estimated age. */
export function bodyName(row: Pick<BodyRow, 'identityKnown' | 'name' | 'sex' | 'estimatedAge'>): string {
  if (row.identityKnown && row.name) return row.name;
  const age = row.estimatedAge === null ? '' : `，约 ${row.estimatedAge} 岁`;
  return `无名氏（${SEX_LABEL[row.sex]}${age}）`;
}

/** The day the body left the stock: cremated, or claimed before cremation. */
function leftStockOn(row: BodyRow): IsoDate | null {
  return row.crematedOn ?? (row.stage === 'claimed' ? row.endedOn : null);
}

function viewOf(row: BodyRow, today: IsoDate, names: Map<number, string>): BodyView {
  const expires = row.noticeStart !== null && row.noticeDays !== null ? noticeStatus(row.noticeStart, { noticeDays: row.noticeDays }, today).expires : null;
  return {
    id: row.id,
    number: row.number,
    stage: row.stage,
    intakeDate: row.intakeDate,
    deliveringUnit: row.deliveringUnit,
    identityKnown: row.identityKnown,
    name: bodyName(row),
    idNumberMasked: maskIdNumber(row.idNumber),
    sex: row.sex,
    storageLocation: row.storageLocation,
    daysInStorage: daysInStorage(row.intakeDate, leftStockOn(row) ?? today),
    noticeStart: row.noticeStart,
    noticeExpires: expires,
    policeConfirmedBy: row.policeOfficer === null ? null : `${row.policeUnit ?? ''} ${row.policeOfficer}`.trim(),
    policeConfirmedOn: row.policeConfirmedOn,
    approvedBy: row.approvedBy === null ? null : (names.get(row.approvedBy) ?? `用户 ${row.approvedBy}`),
    approvedOn: row.approvedOn,
    crematedOn: row.crematedOn,
    cremationCertificateNumber: row.cremationCertificateNumber,
    ashLocation: row.ashLocation,
    ashRetainUntil: row.ashRetainUntil,
    endedOn: row.endedOn,
    outcome: row.outcome,
  };
}

function view(ctx: ReadContext, row: BodyRow): BodyView {
  return viewOf(row, localDate(ctx.now), displayNames(ctx, [row.approvedBy]));
}

// ——— order of steps —————————————————————————————————————————————————————————————————————————————————

/** What has to happen next for a body at its stage, said to the clerk. */
function nextStep(row: BodyRow, today: IsoDate): string {
  switch (row.stage) {
    case 'stored':
      return '须先发布认尸公告';
    case 'notice': {
      const s = noticeStatus(row.noticeStart!, { noticeDays: row.noticeDays! }, today);
      return s.expired ? '认尸公告已期满，须先登记公安机关确认' : `须待认尸公告期满（${s.expires} 届满，${s.disposableFrom} 起）并登记公安机关确认`;
    }
    case 'awaiting-approval':
      return '须先由审核员批准火化';
    case 'approved':
      return '须先登记火化';
    case 'cremated':
      return `骨灰保存期至 ${row.ashRetainUntil}`;
    default:
      return '该遗体已办结';
  }
}

/** Refuses unless the body is at `stage`; the message names what must happen first (or that it is past). */
function requireStage(row: BodyRow, stage: BodyStage, action: string, today: IsoDate): void {
  if (row.stage === stage) return;
  const at = `遗体 ${row.number} 当前为“${BODY_STAGES[row.stage]}”，不能${action}`;
  const ended = row.stage === 'claimed' || row.stage === 'ashes-disposed';
  const ahead = ORDER.indexOf(row.stage) > ORDER.indexOf(stage);
  const why = ended ? '：该遗体已办结' : ahead ? '：已过该环节' : `：${nextStep(row, today)}`;
  throw new AppError('CONFLICT', at + why, { id: BODY_STAGES[row.stage] });
}

/** The latest date the record holds, and which step it is: a later step cannot be dated before it. */
function lastStep(row: BodyRow): { date: IsoDate; label: string } {
  const steps: [IsoDate | null, string][] = [
    [row.intakeDate, '接收日期'],
    [row.noticeStart, '公告日期'],
    [row.policeConfirmedOn, '公安机关确认日期'],
    [row.approvedOn, '批准日期'],
    [row.crematedOn, '火化日期'],
  ];
  let last = { date: row.intakeDate, label: '接收日期' };
  for (const [date, label] of steps) if (date !== null && date >= last.date) last = { date, label };
  return last;
}

function checkStepDate(row: BodyRow, date: IsoDate, today: IsoDate, field: string, label: string): void {
  notAfterToday(date, today, field, label);
  const last = lastStep(row);
  if (date < last.date) throw new AppError('VALIDATION', `${label} ${date} 早于遗体 ${row.number} 的${last.label} ${last.date}`, { [field]: `不能早于${last.label}` });
}

function stationAuthority(ctx: ReadContext): { authority: string; funeralHome: string } {
  const station = requireStation(ctx.db);
  return { authority: station.divisionCode, funeralHome: station.officeName };
}

/** What the province tracks of a body at each step; personal data only when the identity is known. */
function bodyPayload(ctx: ReadContext, row: BodyRow) {
  return {
    number: row.number,
    stationId: ctx.stationId(),
    stage: row.stage,
    intakeDate: row.intakeDate,
    deliveringUnit: row.deliveringUnit,
    identityKnown: row.identityKnown,
    ...(row.identityKnown ? { name: row.name, idNumber: row.idNumber } : {}),
    sex: row.sex,
    estimatedAge: row.estimatedAge,
    noticeStart: row.noticeStart,
    noticeDays: row.noticeDays,
    policeConfirmedOn: row.policeConfirmedOn,
    approvedOn: row.approvedOn,
    crematedOn: row.crematedOn,
    cremationCertificateNumber: row.cremationCertificateNumber,
    ashRetainUntil: row.ashRetainUntil,
    endedOn: row.endedOn,
    outcome: row.outcome,
  };
}

function event(ctx: ReadContext, type: string, row: BodyRow) {
  return { eventType: `unclaimed.${type}`, recordType: 'unclaimed-body', recordId: row.number, payload: bodyPayload(ctx, row) };
}

function update(ctx: WriteContext, id: number, set: Partial<BodyRow>): BodyRow {
  return ctx.db.update(unclaimedBodies).set(set).where(eq(unclaimedBodies.id, id)).returning().get();
}

function checkIdNumber(idNumber: string, field: string, label: string): void {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return; // another document's number: not checkable here
  const problem = idNumberProblem(idNumber);
  if (problem) throw new AppError('VALIDATION', `${label}${problem}`, { [field]: problem });
}

// ——— bodies —————————————————————————————————————————————————————————————————————————————————————————

export const intake: WriteHandler<'unclaimed.intake'> = (ctx, input) => {
  const today = localDate(ctx.now);
  notAfterToday(input.intakeDate, today, 'intakeDate', '接收日期');
  if (input.identityKnown && !input.name) throw new AppError('VALIDATION', '身份已知的遗体须填写姓名', { name: '请填写姓名' });
  if (!input.identityKnown && (input.name || input.idNumber)) {
    throw new AppError('VALIDATION', '身份不明的遗体不填写姓名和身份证件号码；查明身份的，请选择“身份已知”', { identityKnown: '身份不明时不填姓名和证件号码' });
  }
  if (input.idNumber) {
    checkIdNumber(input.idNumber, 'idNumber', '身份证件号码');
    if (/^\d{17}[\dX]$/.test(input.idNumber) && input.sex !== 'unknown') {
      const id = parseResidentId(input.idNumber, '身份证件号码');
      if (id.sex !== input.sex) throw new AppError('VALIDATION', `性别“${SEX_LABEL[input.sex]}”与身份证件号码显示的“${SEX_LABEL[id.sex]}”不一致`, { sex: '与身份证件号码不一致' });
    }
  }
  const { authority } = stationAuthority(ctx);
  const number = nextBodyNumber(ctx.db, authority, Number(input.intakeDate.slice(0, 4)));
  const row = ctx.db
    .insert(unclaimedBodies)
    .values({
      number,
      stage: 'stored',
      intakeDate: input.intakeDate,
      deliveringUnit: input.deliveringUnit,
      identityKnown: input.identityKnown,
      name: input.name ?? null,
      idNumber: input.idNumber ?? null,
      sex: input.sex,
      estimatedAge: input.estimatedAge ?? null,
      description: input.description,
      placeFound: input.placeFound,
      deathCertificateNumber: input.deathCertificateNumber ?? null,
      policeCaseNumber: input.policeCaseNumber ?? null,
      policeSamples: input.policeSamples ?? null,
      belongings: input.belongings,
      storageLocation: input.storageLocation,
      createdAt: ctx.now.toISOString(),
    })
    .returning()
    .get();
  const photos = input.photos.map((p) => {
    const content = Buffer.from(p.dataBase64, 'base64');
    const sha256 = createHash('sha256').update(content).digest('hex');
    ctx.db.insert(attachments).values({ recordId: RECORD(row.id), name: p.name, mimeType: p.mimeType, sha256, content, addedAt: ctx.now.toISOString() }).run();
    return { name: p.name, mimeType: p.mimeType, sha256 };
  });
  return {
    result: view(ctx, row),
    audit: {
      recordIds: [RECORD(row.id)],
      summary: `接收无人认领遗体 ${number}（${row.identityKnown ? '身份已知' : '身份不明'}，接收日期 ${row.intakeDate}，照片 ${photos.length} 张）`,
      after: { ...row, photos },
    },
    events: [event(ctx, 'intake', row)],
  };
};

export const publishNotice: WriteHandler<'unclaimed.publishNotice'> = (ctx, input) => {
  const before = bodyRow(ctx, input.id);
  const today = localDate(ctx.now);
  requireStage(before, 'stored', '发布认尸公告', today);
  checkStepDate(before, input.noticeStart, today, 'noticeStart', '公告日期');
  const { noticeDays } = policyOnIntake(ctx, before);
  const row = update(ctx, before.id, { stage: 'notice', noticeStart: input.noticeStart, noticeDays, noticeMedium: input.medium });
  const s = noticeStatus(input.noticeStart, { noticeDays }, today);
  return {
    result: view(ctx, row),
    audit: {
      recordIds: [RECORD(row.id)],
      summary: `发布遗体 ${row.number} 的认尸公告（${input.noticeStart} 起 ${noticeDays} 天，至 ${s.expires} 届满）`,
      before: { stage: before.stage },
      after: { stage: row.stage, noticeStart: row.noticeStart, noticeDays, noticeMedium: row.noticeMedium },
    },
    events: [{ ...event(ctx, 'noticePublished', row), payload: { ...bodyPayload(ctx, row), noticeExpires: s.expires, medium: input.medium } }],
  };
};

export const confirmByPolice: WriteHandler<'unclaimed.confirmByPolice'> = (ctx, input) => {
  const before = bodyRow(ctx, input.id);
  const today = localDate(ctx.now);
  requireStage(before, 'notice', '登记公安机关确认', today);
  const s = noticeStatus(before.noticeStart!, { noticeDays: before.noticeDays! }, today);
  if (!s.expired) {
    throw new AppError('CONFLICT', `遗体 ${before.number} 的认尸公告至 ${s.expires} 届满（还有 ${s.daysLeft} 天），${s.disposableFrom} 起方可登记公安机关确认`, {
      id: '认尸公告尚未期满',
    });
  }
  checkStepDate(before, input.confirmedOn, today, 'confirmedOn', '确认日期');
  if (input.confirmedOn <= s.expires) {
    throw new AppError('VALIDATION', `确认日期 ${input.confirmedOn} 在认尸公告期内（至 ${s.expires} 届满），应在 ${s.disposableFrom} 或之后`, { confirmedOn: '应在公告期满之后' });
  }
  const deathCertificateNumber = input.deathCertificateNumber ?? before.deathCertificateNumber;
  if (!deathCertificateNumber) throw new AppError('VALIDATION', `遗体 ${before.number} 尚无死亡证明编号，公安机关确认时须填写其出具的死亡证明编号`, { deathCertificateNumber: '请填写死亡证明编号' });
  const row = update(ctx, before.id, {
    stage: 'awaiting-approval',
    policeOfficer: input.officer,
    policeUnit: input.policeUnit,
    policeConfirmedOn: input.confirmedOn,
    deathCertificateNumber,
  });
  return {
    result: view(ctx, row),
    audit: {
      recordIds: [RECORD(row.id)],
      summary: `登记遗体 ${row.number} 的公安机关确认（${input.confirmedOn}），待审批`,
      before: { stage: before.stage, deathCertificateNumber: before.deathCertificateNumber },
      after: { stage: row.stage, policeOfficer: row.policeOfficer, policeUnit: row.policeUnit, policeConfirmedOn: row.policeConfirmedOn, deathCertificateNumber },
    },
    events: [event(ctx, 'policeConfirmed', row)],
  };
};

export const approve: WriteHandler<'unclaimed.approve'> = (ctx, input) => {
  const before = bodyRow(ctx, input.id);
  const today = localDate(ctx.now);
  requireStage(before, 'awaiting-approval', '批准火化', today);
  const row = update(ctx, before.id, { stage: 'approved', approvedBy: ctx.actor?.userId ?? null, approvedOn: today });
  return {
    result: view(ctx, row),
    audit: {
      recordIds: [RECORD(row.id)],
      summary: `批准火化处置遗体 ${row.number}（${today}）`,
      before: { stage: before.stage },
      after: { stage: row.stage, approvedBy: row.approvedBy, approvedOn: row.approvedOn },
    },
    events: [{ ...event(ctx, 'approved', row), payload: { ...bodyPayload(ctx, row), approvedBy: ctx.actor?.username ?? null } }],
  };
};

export const cremate: WriteHandler<'unclaimed.cremate'> = (ctx, input) => {
  const before = bodyRow(ctx, input.id);
  const today = localDate(ctx.now);
  requireStage(before, 'approved', '登记火化', today);
  checkStepDate(before, input.crematedOn, today, 'crematedOn', '火化日期');
  const policy = policyOnIntake(ctx, before);
  const ashRetainUntil = ashRetentionEnds(input.crematedOn, policy);
  const cert = issueCertificate(ctx, today, {
    deceasedName: bodyName(before),
    deceasedIdNumber: before.idNumber,
    crematedOn: input.crematedOn,
    ashLocation: input.ashLocation,
    source: before.number,
  });
  const number = cert.number;
  const row = update(ctx, before.id, { stage: 'cremated', crematedOn: input.crematedOn, cremationCertificateNumber: number, ashLocation: input.ashLocation, ashRetainUntil });
  return {
    result: view(ctx, row),
    audit: {
      recordIds: [RECORD(row.id), `cremation-certificate:${number}`],
      summary: `登记遗体 ${row.number} 火化（${input.crematedOn}），开具火化证明 ${number}，骨灰保存至 ${ashRetainUntil}`,
      before: { stage: before.stage },
      after: { body: { stage: row.stage, crematedOn: row.crematedOn, ashLocation: row.ashLocation, ashRetainUntil }, certificate: cert },
    },
    events: [event(ctx, 'cremated', row), certificateEvent(ctx, 'issued', cert)],
  };
};

export const disposeAshes: WriteHandler<'unclaimed.disposeAshes'> = (ctx, input) => {
  const before = bodyRow(ctx, input.id);
  const today = localDate(ctx.now);
  requireStage(before, 'cremated', '处置骨灰', today);
  checkStepDate(before, input.disposedOn, today, 'disposedOn', '处置日期');
  const until = before.ashRetainUntil!;
  if (input.disposedOn <= until) {
    throw new AppError('CONFLICT', `遗体 ${before.number} 的骨灰保存期至 ${until}，${addDays(until, 1)} 起方可处置`, { disposedOn: `骨灰保存期至 ${until}` });
  }
  const cert = registerCertificate(ctx, before.cremationCertificateNumber!, input.disposition, input.method, input.disposedOn);
  const row = update(ctx, before.id, { stage: 'ashes-disposed', endedOn: input.disposedOn, outcome: `骨灰处置：${input.method}` });
  return {
    result: view(ctx, row),
    audit: {
      recordIds: [RECORD(row.id), `cremation-certificate:${cert.number}`],
      summary: `处置遗体 ${row.number} 的骨灰（${input.disposedOn}，${input.method}），火化证明 ${cert.number} 登记骨灰去向`,
      before: { stage: before.stage },
      after: { stage: row.stage, endedOn: row.endedOn, outcome: row.outcome, certificate: { status: cert.status, ashDisposition: cert.ashDisposition } },
    },
    events: [event(ctx, 'ashesDisposed', row), certificateEvent(ctx, 'ashesRegistered', cert)],
  };
};

export const claim: WriteHandler<'unclaimed.claim'> = (ctx, input) => {
  const before = bodyRow(ctx, input.id);
  const today = localDate(ctx.now);
  if (before.stage === 'claimed' || before.stage === 'ashes-disposed') {
    throw new AppError('CONFLICT', `遗体 ${before.number} 当前为“${BODY_STAGES[before.stage]}”（${before.endedOn}），不能再认领`, { id: BODY_STAGES[before.stage] });
  }
  checkStepDate(before, input.claimedOn, today, 'claimedOn', '认领日期');
  checkIdNumber(input.claimantIdNumber, 'claimantIdNumber', '认领人身份证件号码');
  const claimant = { name: input.claimantName, idNumber: input.claimantIdNumber, relation: input.relation, verifiedBy: input.verifiedBy };
  const cremated = before.stage === 'cremated';
  const cert = cremated ? registerCertificate(ctx, before.cremationCertificateNumber!, 'taken-home', `由亲属领回（${input.relation}）`, input.claimedOn) : null;
  const row = update(ctx, before.id, {
    stage: 'claimed',
    endedOn: input.claimedOn,
    outcome: cremated ? '亲属认领骨灰' : '亲属认领遗体',
    claimant: JSON.stringify(claimant),
  });
  return {
    result: view(ctx, row),
    audit: {
      recordIds: [RECORD(row.id), ...(cert ? [`cremation-certificate:${cert.number}`] : [])],
      summary: `遗体 ${row.number} 由亲属认领${cremated ? '骨灰' : ''}（${input.claimedOn}，原阶段：${BODY_STAGES[before.stage]}）`,
      before: { stage: before.stage },
      after: { stage: row.stage, endedOn: row.endedOn, outcome: row.outcome, claimant },
    },
    events: [
      { ...event(ctx, 'claimed', row), payload: { ...bodyPayload(ctx, row), previousStage: before.stage, claimant: { relation: input.relation, verifiedBy: input.verifiedBy } } },
      ...(cert ? [certificateEvent(ctx, 'ashesRegistered', cert)] : []),
    ],
  };
};

export const list: ReadHandler<'unclaimed.list'> = (ctx, input) => {
  const rows = ctx.db
    .select()
    .from(unclaimedBodies)
    .where(input.stage ? eq(unclaimedBodies.stage, input.stage) : undefined)
    .orderBy(desc(unclaimedBodies.id))
    .all();
  const today = localDate(ctx.now);
  const names = displayNames(ctx, rows.map((r) => r.approvedBy));
  return rows.map((r) => viewOf(r, today, names));
};

export const dashboard: ReadHandler<'unclaimed.dashboard'> = (ctx, input) => {
  const today = localDate(ctx.now);
  const year = input.year ?? Number(today.slice(0, 4));
  const rows = ctx.db.select().from(unclaimedBodies).orderBy(asc(unclaimedBodies.id)).all();
  const held = rows.filter((r) => HELD.includes(r.stage));
  const byStage = (Object.keys(BODY_STAGES) as BodyStage[]).map((stage) => ({ stage, label: BODY_STAGES[stage], count: rows.filter((r) => r.stage === stage).length }));
  const longestStored = held
    .map((r) => ({ id: r.id, number: r.number, name: bodyName(r), days: daysInStorage(r.intakeDate, today) }))
    .sort((a, b) => b.days - a.days || a.id - b.id)
    .slice(0, 20);
  const expiredWithoutAction = rows
    .filter((r) => r.stage === 'notice')
    .map((r) => ({ r, s: noticeStatus(r.noticeStart!, { noticeDays: r.noticeDays! }, today) }))
    .filter(({ s }) => s.expired)
    .map(({ r, s }) => ({ id: r.id, number: r.number, name: bodyName(r), noticeExpires: s.expires, daysSince: daysBetween(s.expires, today) }))
    .sort((a, b) => b.daysSince - a.daysSince || a.id - b.id);
  const counts = yearStockAndDisposals(
    rows.map((r) => ({ intakeDate: r.intakeDate, disposedDate: leftStockOn(r) })),
    year,
  );
  const yearEnd = `${year}-12-31`;
  const target = targetOn(ctx, today.startsWith(`${year}-`) ? today : today < yearEnd ? `${year}-01-01` : yearEnd);
  const progress = disposalProgress(counts, { annualDisposalTarget: target ?? undefined });
  const byMonth = Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    return {
      month,
      intake: rows.filter((r) => r.intakeDate.startsWith(month)).length,
      disposed: rows.filter((r) => leftStockOn(r)?.startsWith(month)).length,
    };
  });
  return {
    today,
    year,
    inStock: held.length,
    byStage,
    longestStored,
    expiredWithoutAction,
    stockOnJanuary1: counts.stockOnJanuary1,
    disposedThisYear: counts.disposedFromStock,
    ratio: progress.percent,
    target,
    byMonth,
  };
};

function photoDataUrl(ctx: ReadContext, id: number): string | null {
  const photo = ctx.db
    .select({ mimeType: attachments.mimeType, content: attachments.content })
    .from(attachments)
    .where(eq(attachments.recordId, RECORD(id)))
    .orderBy(asc(attachments.id))
    .get();
  return photo ? `data:${photo.mimeType};base64,${photo.content.toString('base64')}` : null;
}

/** 认尸公告: what the public notice shows, from the record; only once the notice is published (its dates are the record's). */
export const document: ReadHandler<'unclaimed.document'> = (ctx, input) => {
  const row = bodyRow(ctx, input.id);
  if (row.noticeStart === null || row.noticeDays === null) {
    throw new AppError('CONFLICT', `遗体 ${row.number} 尚未发布认尸公告：请先登记公告日期和媒体，公告内容按登记的日期生成`, { id: '尚未发布认尸公告' });
  }
  const { funeralHome } = stationAuthority(ctx);
  const s = noticeStatus(row.noticeStart, { noticeDays: row.noticeDays }, localDate(ctx.now));
  const photo = photoDataUrl(ctx, row.id);
  return {
    templateId: 'unclaimed-notice',
    title: '认尸公告',
    documentKey: `unclaimed-notice:${row.number}`,
    data: {
      funeralHome,
      number: row.number,
      name: row.identityKnown && row.name ? row.name : '不详',
      sex: row.sex === 'unknown' ? '不详' : SEX_LABEL[row.sex],
      estimatedAge: row.estimatedAge === null ? '不详' : `约 ${row.estimatedAge} 岁`,
      intakeDate: row.intakeDate,
      placeFound: row.placeFound,
      description: row.description,
      noticeStart: row.noticeStart,
      noticeExpires: s.expires,
      ...(photo ? { photo } : {}),
    },
  };
};

// ——— cremation-certificate ledger ———————————————————————————————————————————————————————————————————

function certificateEvent(ctx: ReadContext, type: string, cert: CertRow) {
  return {
    eventType: `cremation.${type}`,
    recordType: 'cremation-certificate',
    recordId: cert.number,
    payload: {
      number: cert.number,
      stationId: ctx.stationId(),
      issuedOn: cert.issuedOn,
      crematedOn: cert.crematedOn,
      deceasedName: cert.deceasedName,
      deceasedIdNumber: cert.deceasedIdNumber,
      status: cert.status,
      ashDisposition: cert.ashDisposition,
      ashLocation: cert.ashLocation,
      registeredOn: cert.registeredOn,
      voidReason: cert.voidReason,
      source: cert.source,
    },
  };
}

const CERT_STATUS = { issued: '已开具', registered: '已登记骨灰去向', voided: '已作废' } as const;

function certRow(ctx: ReadContext, number: string): CertRow {
  const row = ctx.db.select().from(cremationCertificates).where(eq(cremationCertificates.number, number)).get();
  if (!row) throw new AppError('NOT_FOUND', `火化证明 ${number} 不存在`, { number: '不存在' });
  return row;
}

/** Issues a cremation certificate under this year's next number: the one way a certificate comes to be, for a body in the register or a ledger entry. */
function issueCertificate(
  ctx: WriteContext,
  today: IsoDate,
  of: Pick<typeof cremationCertificates.$inferInsert, 'deceasedName' | 'deceasedIdNumber' | 'crematedOn' | 'ashLocation' | 'source'>,
): CertRow {
  const { authority } = stationAuthority(ctx);
  const number = nextCremationNumber(ctx.db, authority, Number(today.slice(0, 4)));
  return ctx.db
    .insert(cremationCertificates)
    .values({ number, issuedOn: today, ...of, status: 'issued', issuedBy: ctx.actor?.userId ?? null })
    .returning()
    .get();
}

function registerCertificate(ctx: WriteContext, number: string, disposition: NonNullable<CertRow['ashDisposition']>, location: string, on: IsoDate): CertRow {
  return ctx.db
    .update(cremationCertificates)
    .set({ status: 'registered', ashDisposition: disposition, ashLocation: location, registeredOn: on })
    .where(and(eq(cremationCertificates.number, number), eq(cremationCertificates.status, 'issued')))
    .returning()
    .get();
}

/** Certificates of unclaimed bodies follow the body record (claim, disposal), never the ledger's own commands. */
function refuseBodyCertificate(ctx: ReadContext, cert: CertRow, action: string): void {
  const body = ctx.db.select({ number: unclaimedBodies.number }).from(unclaimedBodies).where(eq(unclaimedBodies.cremationCertificateNumber, cert.number)).get();
  if (body) {
    throw new AppError('CONFLICT', `火化证明 ${cert.number} 属于无人认领遗体 ${body.number}，其骨灰去向随该遗体的认领或骨灰处置登记，不能在台账中直接${action}`, {
      number: `属于无人认领遗体 ${body.number}`,
    });
  }
}

export const ledger: ReadHandler<'cremation.ledger'> = (ctx) =>
  ctx.db
    .select({ c: cremationCertificates, bodyNumber: unclaimedBodies.number })
    .from(cremationCertificates)
    .leftJoin(unclaimedBodies, eq(unclaimedBodies.cremationCertificateNumber, cremationCertificates.number))
    .orderBy(desc(cremationCertificates.issuedOn), desc(cremationCertificates.number))
    .all()
    .map(({ c, bodyNumber }) => ({
      number: c.number,
      issuedOn: c.issuedOn,
      deceasedName: c.deceasedName,
      status: c.status,
      voidReason: c.voidReason,
      ashDisposition: c.ashDisposition,
      ashLocation: c.ashLocation,
      registeredOn: c.registeredOn,
      source: c.source,
      bodyNumber,
    }));

export const issue: WriteHandler<'cremation.issue'> = (ctx, input) => {
  const today = localDate(ctx.now);
  notAfterToday(input.crematedOn, today, 'crematedOn', '火化日期');
  if (input.deceasedIdNumber) checkIdNumber(input.deceasedIdNumber, 'deceasedIdNumber', '逝者身份证件号码');
  let idNumber = input.deceasedIdNumber ?? null;
  if (input.waiverNumber) {
    const waiver = ctx.db.select().from(funeralWaivers).where(eq(funeralWaivers.number, input.waiverNumber)).get();
    if (!waiver) throw new AppError('NOT_FOUND', `减免编号 ${input.waiverNumber} 不存在`, { waiverNumber: '不存在' });
    if (idNumber !== null && idNumber !== waiver.deceasedIdNumber) {
      throw new AppError('VALIDATION', `逝者身份证件号码与减免 ${waiver.number} 登记的不一致`, { deceasedIdNumber: '与减免记录不一致' });
    }
    idNumber = waiver.deceasedIdNumber;
    const earlier = ctx.db
      .select({ number: cremationCertificates.number })
      .from(cremationCertificates)
      .where(and(eq(cremationCertificates.source, waiver.number), inArray(cremationCertificates.status, ['issued', 'registered'])))
      .get();
    if (earlier) throw new AppError('CONFLICT', `减免 ${waiver.number} 已开具火化证明 ${earlier.number}；如需重开，请先作废原证明`, { waiverNumber: `已开具 ${earlier.number}` });
  }
  const cert = issueCertificate(ctx, today, {
    deceasedName: input.deceasedName,
    deceasedIdNumber: idNumber,
    crematedOn: input.crematedOn,
    source: input.waiverNumber ?? '普通火化',
  });
  const number = cert.number;
  return {
    result: { number },
    audit: {
      recordIds: [`cremation-certificate:${number}`],
      summary: `开具火化证明 ${number}（火化日期 ${input.crematedOn}${input.waiverNumber ? `，减免 ${input.waiverNumber}` : ''}）`,
      after: cert,
    },
    events: [certificateEvent(ctx, 'issued', cert)],
  };
};

export const registerAshes: WriteHandler<'cremation.registerAshes'> = (ctx, input) => {
  const before = certRow(ctx, input.number);
  if (before.status !== 'issued') {
    throw new AppError('CONFLICT', `火化证明 ${before.number} 的状态为“${CERT_STATUS[before.status]}”，只有已开具、尚未登记骨灰去向的证明可以登记`, { number: CERT_STATUS[before.status] });
  }
  refuseBodyCertificate(ctx, before, '登记骨灰去向');
  const today = localDate(ctx.now);
  notAfterToday(input.on, today, 'on', '登记日期');
  if (input.on < before.crematedOn) throw new AppError('VALIDATION', `登记日期 ${input.on} 早于火化日期 ${before.crematedOn}`, { on: '不能早于火化日期' });
  const cert = registerCertificate(ctx, before.number, input.disposition, input.location, input.on);
  return {
    result: { number: cert.number, status: 'registered' as const },
    audit: {
      recordIds: [`cremation-certificate:${cert.number}`],
      summary: `登记火化证明 ${cert.number} 的骨灰去向（${input.disposition}，${input.on}）`,
      before: { status: before.status },
      after: { status: cert.status, ashDisposition: cert.ashDisposition, ashLocation: cert.ashLocation, registeredOn: cert.registeredOn },
    },
    events: [certificateEvent(ctx, 'ashesRegistered', cert)],
  };
};

export const voidCertificate: WriteHandler<'cremation.void'> = (ctx, input) => {
  const before = certRow(ctx, input.number);
  if (before.status !== 'issued') {
    const why = before.status === 'registered' ? '已登记骨灰去向，不能作废' : '已作废';
    throw new AppError('CONFLICT', `火化证明 ${before.number} ${why}；只有已开具、尚未登记骨灰去向的证明可以作废`, { number: CERT_STATUS[before.status] });
  }
  refuseBodyCertificate(ctx, before, '作废');
  const cert = ctx.db
    .update(cremationCertificates)
    .set({ status: 'voided', voidReason: input.reason })
    .where(eq(cremationCertificates.number, before.number))
    .returning()
    .get();
  return {
    result: { number: cert.number, status: 'voided' as const },
    audit: {
      recordIds: [`cremation-certificate:${cert.number}`],
      // The reason stays out of the summary (it may name people); the digest covers it.
      summary: `作废火化证明 ${cert.number}`,
      before: { status: before.status },
      after: { status: cert.status, voidReason: cert.voidReason },
    },
    events: [certificateEvent(ctx, 'voided', cert)],
  };
};
