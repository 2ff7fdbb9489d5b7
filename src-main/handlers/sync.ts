import { and, desc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { AppError, CERTIFICATE_PREFIXES, OUTBOX_STATUSES, operations, parseInput, type OpOutput, type SyncSummary } from '../contract';
import type { CommitHandler, ReadContext, ReadHandler, WriteContext, WriteHandler } from '../core/context';
import type { Db } from '../db/open';
import { OPEN_BLOCK } from '../db/serials';
import { certificateSerials, divisionCodes, funeralWaivers, marriages, outbox, platformLink, platformMaritalStatus, serialLeases, settings, signingKeys, syncState, users } from '../db/schema';
import { localDate } from '../calendar/dates';
import { applyResults } from '../sync/outbox-queue';
import { AUDIT_ANCHOR_EVENT, chainHead } from '../audit/anchor';
import { SERIAL_RETURN_EVENT } from '../platform/protocol';
import { loadCalendar } from './calendar';
import { addPolicyVersion } from './funeral';

const DEFAULT_BLOCK_SIZE = 100;
const BLOCK_SIZE_KEY = 'sync.blockSize';

export function blockSize(db: Db): number {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, BLOCK_SIZE_KEY)).get();
  return row ? Number(row.value) : DEFAULT_BLOCK_SIZE;
}

function state(db: Db) {
  return db.select().from(syncState).get() ?? { id: 1, pullCursor: '', lastSuccessAt: null, lastFailureAt: null, lastError: null };
}

function writeState(ctx: WriteContext, set: Partial<typeof syncState.$inferInsert>): void {
  ctx.db
    .insert(syncState)
    .values({ id: 1, ...set })
    .onConflictDoUpdate({ target: syncState.id, set })
    .run();
}

/** For the status bar (polled): counts from two small indexes, nothing else. */
export function syncSummaryOf(ctx: ReadContext): SyncSummary {
  return {
    configured: ctx.db.select({ id: platformLink.id }).from(platformLink).get() !== undefined,
    online: ctx.platform.online,
    pending: ctx.pendingOutbox(),
    blocked: ctx.blockedOutbox(),
    lastSuccessAt: state(ctx.db).lastSuccessAt,
  };
}

/** Unused certificate serials in hand, per prefix and year. */
function serialStock(ctx: ReadContext): OpOutput<'sync.overview'>['serials'] {
  return ctx.db
    .select({
      prefix: serialLeases.prefix,
      year: serialLeases.year,
      remaining: sql<number>`sum(${serialLeases.last} - ${serialLeases.next} + 1)`,
      blocks: sql<number>`count(*)`,
    })
    .from(serialLeases)
    .where(sql.raw(OPEN_BLOCK))
    .groupBy(serialLeases.prefix, serialLeases.year)
    .all();
}

export const overview: ReadHandler<'sync.overview'> = (ctx) => {
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<(typeof OUTBOX_STATUSES)[number], number>;
  for (const r of ctx.db.select({ status: outbox.status, n: sql<number>`count(*)` }).from(outbox).groupBy(outbox.status).all()) counts[r.status] = r.n;
  const url = ctx.db.select({ url: platformLink.url }).from(platformLink).get()?.url ?? null;
  const unchecked = ctx.db
    .select({
      marriageId: marriages.id,
      certificateNumber: marriages.certificateNumber,
      registeredOn: marriages.registeredOn,
      overrideBy: users.displayName,
      reason: marriages.platformOverrideReason,
      conflict: marriages.platformConflict,
    })
    .from(marriages)
    .leftJoin(users, eq(users.id, marriages.platformOverrideBy))
    .where(and(isNotNull(marriages.platformOverrideBy), isNull(marriages.platformConflictReviewedBy), sql`(${marriages.platformChecked} = 0 OR ${marriages.platformConflict} IS NOT NULL)`))
    .orderBy(desc(marriages.id))
    .limit(200)
    .all();
  const uncheckedWaivers = ctx.db
    .select({ waiverId: funeralWaivers.id, number: funeralWaivers.number, enteredAt: funeralWaivers.enteredAt, conflict: funeralWaivers.platformConflict })
    .from(funeralWaivers)
    .where(and(eq(funeralWaivers.platformCheck, 'unreachable'), isNull(funeralWaivers.platformConflictReviewedBy)))
    .orderBy(desc(funeralWaivers.id))
    .limit(200)
    .all();
  return {
    // The summary's figures, from the counts and the link read here rather than queried again.
    configured: url !== null,
    online: ctx.platform.online,
    pending: counts.pending,
    blocked: counts.parked + counts.held,
    lastSuccessAt: state(ctx.db).lastSuccessAt,
    url,
    lastFailureAt: ctx.platform.lastFailureAt,
    lastError: ctx.platform.lastError,
    nextAttemptAt: ctx.platform.nextAttemptAt,
    counts,
    serials: serialStock(ctx),
    blockSize: blockSize(ctx.db),
    unchecked,
    uncheckedWaivers,
  };
};


export const events: ReadHandler<'sync.events'> = (ctx, input) => {
  const conds = [];
  if (input.status) conds.push(eq(outbox.status, input.status));
  if (input.beforeId) conds.push(lt(outbox.id, input.beforeId));
  const rows = ctx.db
    .select({
      id: outbox.id,
      eventType: outbox.eventType,
      recordType: outbox.recordType,
      recordId: outbox.recordId,
      createdAt: outbox.createdAt,
      status: outbox.status,
      attempts: outbox.attempts,
      rejectCode: outbox.rejectCode,
      rejectReason: outbox.rejectReason,
      deliveredAt: outbox.deliveredAt,
    })
    .from(outbox)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(outbox.id))
    .limit(input.limit + 1)
    .all();
  return { events: rows.slice(0, input.limit), more: rows.length > input.limit };
};

/** Send a parked event again as it is (the platform's side was put right); its held followers go after it. */
export const retry: WriteHandler<'sync.retry'> = (ctx, input) => {
  const row = ctx.db.select().from(outbox).where(eq(outbox.id, input.id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${input.id} 的同步事件`, { id: '不存在' });
  if (row.status !== 'parked') throw new AppError('CONFLICT', `事件 ${input.id} 不是被平台退回的事件，无需重发`, { id: '不是被退回的事件' });
  ctx.db.update(outbox).set({ status: 'pending' }).where(eq(outbox.id, input.id)).run();
  return {
    result: { ok: true },
    audit: { recordIds: [`outbox:${row.id}`, `${row.recordType}:${row.recordId}`], summary: `重新发送被省级平台退回的事件 #${row.id}（${row.rejectCode ?? ''}）` },
    afterCommit: () => ctx.platform.notify(true),
  };
};

export const wake: ReadHandler<'sync.wake'> = (ctx) => {
  ctx.platform.notify(true);
  return { ok: true };
};

/**
 * Link this station to its platform. Numbers already issued here this year under the local counter could
 * collide with the platform's blocks, so a station is linked before it issues certificates (or at a
 * year's start).
 */
export const configure: WriteHandler<'sync.configure'> = (ctx, input) => {
  const before = ctx.db.select().from(platformLink).get();
  const secret = input.secret ?? before?.secret;
  if (!secret) throw new AppError('VALIDATION', '首次接入省级平台须填写工作站密钥', { secret: '请填写省级平台签发的工作站密钥' });
  if (!before) {
    const year = Number(localDate(ctx.now).slice(0, 4));
    const local = ctx.db
      .select({ prefix: certificateSerials.prefix })
      .from(certificateSerials)
      .where(and(eq(certificateSerials.year, year), sql`${certificateSerials.prefix} IN (${sql.join(CERTIFICATE_PREFIXES.map((p) => sql`${p}`), sql`, `)})`))
      .all();
    if (local.length) {
      const message = `本工作站 ${year} 年已按单机方式编发过证书字号（${local.map((r) => r.prefix).join('、')}），接入省级平台后可能与平台号段重号。请在下一年度开始前接入，或请省级平台先为本登记机关预留已用字号。`;
      throw new AppError('CONFLICT', message, { url: message });
    }
  }
  const at = ctx.now.toISOString();
  const values = { id: 1, url: input.url, secret, configuredAt: at };
  ctx.db.insert(platformLink).values(values).onConflictDoUpdate({ target: platformLink.id, set: values }).run();
  const size = String(input.blockSize);
  ctx.db.insert(settings).values({ key: BLOCK_SIZE_KEY, value: size, updatedAt: at }).onConflictDoUpdate({ target: settings.key, set: { value: size, updatedAt: at } }).run();
  return {
    result: { ok: true },
    // The secret stays out of the log and its digest.
    audit: {
      recordIds: ['platform-link'],
      summary: `${before ? '更改' : '设置'}省级平台连接：${input.url}，号段大小 ${input.blockSize}${before && before.secret !== secret ? '，已更换工作站密钥' : ''}`,
      before: before ? { url: before.url } : null,
      after: { url: input.url, blockSize: input.blockSize },
    },
    afterCommit: () => ctx.platform.notify(true),
  };
};

/** A supervisor's review of a conflict the platform's re-check found: what they found and did, and who. */
export const reviewConflict: WriteHandler<'sync.reviewConflict'> = (ctx, input) => {
  const table = input.record === 'marriage' ? marriages : funeralWaivers;
  const row = ctx.db
    .select({ conflict: table.platformConflict, reviewedBy: table.platformConflictReviewedBy })
    .from(table)
    .where(eq(table.id, input.id))
    .get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${input.id} 的记录`, { id: '不存在' });
  if (!row.conflict) throw new AppError('CONFLICT', '该记录没有省级平台发现的冲突，无需复核', { id: '没有冲突' });
  if (row.reviewedBy !== null) throw new AppError('CONFLICT', '该冲突已复核过', { id: '已复核' });
  ctx.db.update(table).set({ platformConflictReviewedBy: ctx.actor?.userId ?? null, platformConflictNote: input.note }).where(eq(table.id, input.id)).run();
  return {
    result: { ok: true },
    audit: { recordIds: [`${input.record}:${input.id}`], summary: `复核省级平台发现的冲突：${input.note}`, before: { conflict: row.conflict }, after: { note: input.note } },
  };
};

/**
 * Hand unused serials back: a past year's leftovers (nobody can use them at this station any more), or
 * everything (the station is retired). The return travels as an outbox event, so it reaches the platform
 * exactly once even across a crash.
 */
export const returnSerials: WriteHandler<'sync.returnSerials'> = (ctx, input) => {
  const year = Number(localDate(ctx.now).slice(0, 4));
  const open = ctx.db
    .select()
    .from(serialLeases)
    .where(and(sql.raw(OPEN_BLOCK), input.scope === 'all' ? undefined : lt(serialLeases.year, year)))
    .all();
  const at = ctx.now.toISOString();
  let returned = 0;
  for (const b of open) {
    ctx.db.update(serialLeases).set({ returnedAt: at }).where(eq(serialLeases.requestId, b.requestId)).run();
    returned += b.last! - b.next! + 1;
  }
  return {
    result: { returned },
    audit: { recordIds: open.map((b) => `serial-block:${b.blockId}`), summary: `归还未用字号 ${returned} 个（${open.length} 个号段）` },
    events: open.map((b) => ({
      eventType: SERIAL_RETURN_EVENT,
      recordType: 'serial-block',
      recordId: b.blockId!,
      payload: { blockId: b.blockId, authority: b.authority, prefix: b.prefix, year: b.year, first: b.next, last: b.last },
    })),
  };
};

// ——— the sync service's bookkeeping ————————————————————————————————————————————————————————————————

export const acknowledge: WriteHandler<'sync.acknowledge'> = (ctx, input) => {
  const applied = applyResults(ctx.sqlite, input.sent, input.results, ctx.now.toISOString());
  writeState(ctx, { lastSuccessAt: ctx.now.toISOString() });
  const rejected = input.results.filter((r) => r.status === 'rejected');
  return {
    result: applied,
    audit: {
      recordIds: rejected.map((r) => `outbox-event:${r.eventId}`),
      summary: `省级平台确认送达 ${applied.delivered} 条${applied.parked ? `，退回 ${applied.parked} 条：${rejected.map((r) => r.code).join('、')}` : ''}`,
    },
  };
};

export const anchorAudit: WriteHandler<'sync.anchorAudit'> = (ctx) => {
  const head = chainHead(ctx.sqlite);
  if (!head) throw new AppError('CONFLICT', '审计日志为空，无可锚定');
  return {
    result: head,
    audit: { recordIds: [`audit:${head.seq}`], summary: `向省级平台锚定审计链：第 ${head.seq} 条` },
    events: [{ eventType: AUDIT_ANCHOR_EVENT, recordType: 'audit-chain', recordId: ctx.stationId(), payload: head }],
  };
};

export const recordLease: WriteHandler<'sync.recordLease'> = (ctx, input) => {
  if (input.last < input.first || input.last - input.first + 1 > input.size) {
    throw new AppError('VALIDATION', `省级平台分配的号段 ${input.first}–${input.last} 与申请的 ${input.size} 个不符`);
  }
  const at = ctx.now.toISOString();
  const inserted = ctx.db
    .insert(serialLeases)
    .values({ ...input, requestedAt: at, next: input.first, leasedAt: at })
    .onConflictDoNothing()
    .run().changes;
  return {
    result: { ok: true },
    audit: {
      recordIds: [`serial-block:${input.blockId}`],
      summary: inserted ? `领取字号号段 ${input.prefix} ${input.year} 年 ${input.first}–${input.last}（登记机关 ${input.authority}）` : `字号号段 ${input.blockId} 已记录过`,
    },
  };
};

type Applier = (ctx: WriteContext, data: unknown) => string;

/**
 * How each kind of pushed data is applied. The calendar and policy versions go through their own
 * commands' rules (so a pushed version cannot break a used one); a change those rules refuse is skipped
 * and named in the audit entry, so one bad change cannot stop everything after it.
 */
const APPLIERS: Record<string, Applier> = {
  maritalStatus(ctx, data) {
    const d = data as { idNumber: string; status: string; since: string; authority: string };
    const values = { idNumber: d.idNumber, status: d.status, since: d.since, authority: d.authority, updatedAt: ctx.now.toISOString() };
    ctx.db.insert(platformMaritalStatus).values(values).onConflictDoUpdate({ target: platformMaritalStatus.idNumber, set: values }).run();
    return '婚姻状况变更 1 条';
  },
  revokedStation(ctx, data) {
    const d = data as { stationId: string; revokedAt: string };
    ctx.db.update(signingKeys).set({ revokedAt: d.revokedAt }).where(and(eq(signingKeys.stationId, d.stationId), isNull(signingKeys.revokedAt))).run();
    return `吊销工作站 ${d.stationId} 的签名密钥`;
  },
  divisionCodes(ctx, data) {
    const d = data as { codes: { code: string; name: string }[] };
    for (const c of d.codes) ctx.db.insert(divisionCodes).values(c).onConflictDoUpdate({ target: divisionCodes.code, set: { name: c.name } }).run();
    return `行政区划代码 ${d.codes.length} 条`;
  },
  calendar(ctx, data) {
    const input = parseInput(operations['calendar.load'].input, { ...(data as object), source: '省级平台下发' });
    return (loadCalendar as CommitHandler<'calendar.load'>)(ctx, input, undefined).audit.summary;
  },
  policyVersion(ctx, data) {
    const d = data as { area: string; schemeId: string; version: unknown };
    const input = parseInput(operations['funeral.addPolicyVersion'].input, { schemeId: d.schemeId, version: d.version });
    return (addPolicyVersion as CommitHandler<'funeral.addPolicyVersion'>)(ctx, input, undefined).audit.summary;
  },
};

export const applyChanges: WriteHandler<'sync.applyChanges'> = (ctx, input) => {
  const notes: string[] = [];
  let applied = 0;
  for (const change of input.changes) {
    const apply = APPLIERS[change.kind];
    if (!apply) {
      notes.push(`未识别的数据类型 ${change.kind}，已跳过`);
      continue;
    }
    const savepoint = ctx.sqlite.transaction(() => apply(ctx, change.data));
    try {
      notes.push(savepoint());
      applied++;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      notes.push(`未采用（${err.message}）`);
    }
  }
  writeState(ctx, { pullCursor: input.cursor, lastSuccessAt: ctx.now.toISOString() });
  return {
    result: { applied },
    audit: { recordIds: ['sync:pull'], summary: `接收省级平台下发的数据 ${input.changes.length} 条：${notes.join('；')}` },
  };
};

export function pullCursor(db: Db): string {
  return state(db).pullCursor;
}

export const recordRecheck: WriteHandler<'sync.recordRecheck'> = (ctx, input) => {
  const row =
    input.record === 'marriage'
      ? ctx.db.select({ n: marriages.certificateNumber }).from(marriages).where(eq(marriages.id, input.id)).get()
      : ctx.db.select({ n: funeralWaivers.number }).from(funeralWaivers).where(eq(funeralWaivers.id, input.id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${input.id} 的记录`);
  if (input.record === 'marriage') {
    ctx.db.update(marriages).set({ platformChecked: input.conflict === null, platformConflict: input.conflict }).where(eq(marriages.id, input.id)).run();
  } else {
    const set = input.conflict === null ? { platformCheck: 'answered' as const } : { platformConflict: input.conflict };
    ctx.db.update(funeralWaivers).set(set).where(eq(funeralWaivers.id, input.id)).run();
  }
  const what = input.record === 'marriage' ? '婚姻状况' : '重复减免';
  return {
    result: { ok: true },
    audit: {
      recordIds: [`${input.record}:${input.id}`],
      summary: input.conflict ? `省级平台复核${what}发现冲突，待审核员处理：${row.n}` : `省级平台复核${what}无冲突：${row.n}`,
    },
  };
};
