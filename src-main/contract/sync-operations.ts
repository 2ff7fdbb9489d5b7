import { z } from 'zod';
import { op } from './define';
import { choice, intIn, labelled, pattern, text } from './fields';

/**
 * Sync with the provincial platform: what a supervisor sees and does (status, parked events, retry),
 * what the administrator sets (the platform link), and the sync service's own bookkeeping, which goes
 * through the same audited write path as everything else (access `sync.service`: no role holds it).
 */

export const OUTBOX_STATUSES = ['pending', 'delivered', 'parked', 'held', 'superseded'] as const;
export const OUTBOX_STATUS_LABELS: Record<(typeof OUTBOX_STATUSES)[number], string> = {
  pending: '待发送',
  delivered: '已送达',
  parked: '被平台退回',
  held: '等待前序事件',
  superseded: '已被更正替代',
};

/** What the status bar shows: kept small, it is polled. */
export const syncSummary = z.object({
  configured: z.boolean(),
  /** null until the first attempt since start-up. */
  online: z.boolean().nullable(),
  pending: z.number(),
  /** Parked by the platform, or held behind a parked event: waiting for a person. */
  blocked: z.number(),
  lastSuccessAt: z.string().nullable(),
});
export type SyncSummary = z.infer<typeof syncSummary>;

const outboxEventView = z.object({
  id: z.number(),
  eventType: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  createdAt: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number(),
  rejectCode: z.string().nullable(),
  rejectReason: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});
export type OutboxEventView = z.infer<typeof outboxEventView>;

const serialStock = z.object({ prefix: z.string(), year: z.number(), remaining: z.number(), blocks: z.number() });

const platformUrl = pattern('省级平台地址', /^https?:\/\/[^\s/]+(:\d+)?(\/[^\s]*)?$/, '以 http:// 或 https:// 开头的地址');
const stationSecret = pattern('工作站密钥', /^[A-Za-z0-9+/]{43}=$/, '省级平台签发的 44 位密钥（Base64）');

/**
 * The platform's answer for one event: `accepted` (stored now), `duplicate` (stored before: the station
 * lost the earlier answer), or `rejected` with the platform's reason, which parks the event for a person
 * to correct. The wire protocol (platform/protocol.ts) and the sync service's bookkeeping share it.
 */
export const eventResult = z.discriminatedUnion('status', [
  z.object({ eventId: z.string(), status: z.literal('accepted') }),
  z.object({ eventId: z.string(), status: z.literal('duplicate') }),
  z.object({ eventId: z.string(), status: z.literal('rejected'), code: z.string().min(1), reason: z.string().min(1) }),
]);
export type EventResult = z.infer<typeof eventResult>;

export const syncOperations = {
  'sync.overview': op({
    title: '查看同步状态',
    kind: 'read',
    access: 'sync.manage',
    input: z.strictObject({}),
    output: syncSummary.extend({
      url: z.string().nullable(),
      lastFailureAt: z.string().nullable(),
      lastError: z.string().nullable(),
      nextAttemptAt: z.string().nullable(),
      counts: z.record(z.enum(OUTBOX_STATUSES), z.number()),
      serials: z.array(serialStock),
      blockSize: z.number(),
      /** Registrations made without the platform's answer, and what the re-check found. */
      unchecked: z.array(z.object({ marriageId: z.number(), certificateNumber: z.string(), registeredOn: z.string(), overrideBy: z.string().nullable(), reason: z.string().nullable(), conflict: z.string().nullable() })),
      /** Waivers entered without the province-wide duplicate check, and what the later check found. */
      uncheckedWaivers: z.array(z.object({ waiverId: z.number(), number: z.string(), enteredAt: z.string(), conflict: z.string().nullable() })),
    }),
  }),
  'sync.events': op({
    title: '查看同步事件',
    kind: 'read',
    access: 'sync.manage',
    input: z.strictObject({
      status: choice('状态', OUTBOX_STATUSES).optional(),
      beforeId: intIn('起始位置', 1, Number.MAX_SAFE_INTEGER).optional(),
      limit: intIn('条数', 1, 500).default(100),
    }),
    output: z.object({ events: z.array(outboxEventView), more: z.boolean() }),
  }),
  'sync.retry': op({
    title: '重新发送被退回的事件',
    kind: 'write',
    access: 'sync.manage',
    input: z.strictObject({ id: intIn('事件编号', 1, Number.MAX_SAFE_INTEGER) }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'sync.wake': op({
    title: '立即同步',
    kind: 'read',
    access: 'session',
    input: z.strictObject({}),
    output: z.object({ ok: z.literal(true) }),
  }),
  'sync.configure': op({
    title: '设置省级平台连接',
    kind: 'write',
    access: 'settings.manage',
    // No "disconnect": a station that has used leased serials must not fall back to counting its own.
    // The secret is needed to link; when changing the address or block size later it may be left out.
    input: z.strictObject({
      url: platformUrl,
      secret: stationSecret.optional(),
      blockSize: intIn('号段大小', 10, 1000).default(100),
    }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'sync.reviewConflict': op({
    title: '复核省级平台发现的冲突',
    kind: 'write',
    access: 'sync.manage',
    input: z.strictObject({
      record: choice('记录类型', ['marriage', 'funeral-waiver']),
      id: intIn('记录编号', 1, Number.MAX_SAFE_INTEGER),
      note: text('复核意见', { max: 300 }),
    }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'sync.returnSerials': op({
    title: '归还未用字号',
    kind: 'write',
    access: 'settings.manage',
    input: z.strictObject({ scope: choice('归还范围', ['past-years', 'all']) }),
    output: z.object({ returned: z.number() }),
  }),
  'sync.acknowledge': op({
    title: '记录平台确认',
    kind: 'write',
    access: 'sync.service',
    input: z.strictObject({
      sent: z.array(z.object({ stationSeq: z.number().int(), eventId: z.string(), recordType: z.string(), recordId: z.string() })),
      results: z.array(eventResult),
    }),
    output: z.object({ delivered: z.number(), parked: z.number() }),
  }),
  'sync.anchorAudit': op({
    title: '向省级平台锚定审计链',
    kind: 'write',
    access: 'sync.service',
    input: z.strictObject({}),
    output: z.object({ seq: z.number(), hash: z.string() }),
  }),
  'sync.recordLease': op({
    title: '记录领取的字号号段',
    kind: 'write',
    access: 'sync.service',
    input: z.strictObject({
      requestId: z.string(),
      authority: z.string(),
      prefix: z.string(),
      year: z.number().int(),
      size: z.number().int(),
      blockId: z.string(),
      first: z.number().int().positive(),
      last: z.number().int().positive(),
    }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'sync.applyChanges': op({
    title: '接收省级平台下发的数据',
    kind: 'write',
    access: 'sync.service',
    input: z.strictObject({ changes: z.array(z.object({ kind: z.string(), data: z.unknown() })), cursor: z.string() }),
    output: z.object({ applied: z.number() }),
  }),
  'sync.recordRecheck': op({
    title: '记录省级平台复核结果',
    kind: 'write',
    access: 'sync.service',
    input: z.strictObject({ record: z.enum(['marriage', 'funeral-waiver']), id: z.number().int(), conflict: z.string().nullable() }),
    output: z.object({ ok: z.literal(true) }),
  }),
} as const;

/** A supervisor's decision to register without the platform's answer (the platform could not be reached). */
export const platformOverride = labelled(
  '审核员授权',
  z.strictObject({
    username: text('审核员用户名', { max: 32 }),
    password: text('审核员密码', { max: 200 }),
    reason: text('授权理由', { max: 200 }),
  }),
);
