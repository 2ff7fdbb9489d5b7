import { z } from 'zod';
import { op } from './define';
import { calendarDate, choice, intIn, labelled, password, pattern, text, username } from './fields';
import { idNumberProblem } from './id-number';
import { bookletOperations } from './booklet-operations';
import { counterOperations } from './counter-operations';
import { funeralOperations } from './funeral-operations';
import { unclaimedOperations } from './unclaimed-operations';
import { ecoBurialOperations } from './eco-burial-operations';
import { divorceOperations } from './divorce-operations';
import { identityOperations } from './identity-operations';
import { marriageOperations } from './marriage-operations';
import { printOperations } from './print-operations';
import { statsOperations } from './stats-operations';
import { syncOperations, syncSummary } from './sync-operations';
import { ROLES } from './roles';

const role = choice('角色', ROLES);
const recordId = intIn('记录编号', 1, Number.MAX_SAFE_INTEGER);
const idNumber = labelled(
  '公民身份号码',
  z
    .string({ error: '请填写公民身份号码' })
    .trim()
    .transform((v) => v.toUpperCase())
    .superRefine((v, ctx) => {
      const problem = idNumberProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: `公民身份号码${problem}` });
    }),
);

export const stationView = z.object({
  stationId: z.string(),
  officeName: z.string(),
  divisionCode: z.string(),
});
export type StationView = z.infer<typeof stationView>;

export const userView = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  /** An initial or reset password that must be replaced before any other work. */
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

export const auditEntryView = z.object({
  seq: z.number(),
  at: z.string(),
  username: z.string(),
  role: z.string(),
  stationId: z.string(),
  operation: z.string(),
  operationTitle: z.string(),
  recordIds: z.array(z.string()),
  summary: z.string(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntryView>;

const settingsView = z.object({
  idleLockMinutes: z.number(),
  /** Whether the province authorized this office for foreign-related (incl. 华侨) / Hong Kong, Macao and Taiwan marriages. */
  authorizedForeign: z.boolean(),
  authorizedHkMacaoTaiwan: z.boolean(),
});
const empty = z.strictObject({});
const ok = z.object({ ok: z.literal(true) });

/** Every operation CivReg performs, declared once. Main, preload, HTTP and CLI all derive from this. */
export const operations = {
  'setup.status': op({
    title: '查询初始化状态',
    kind: 'read',
    access: 'public',
    input: empty,
    output: z.object({ initialized: z.boolean(), station: stationView.nullable() }),
  }),
  'setup.initialize': op({
    title: '初始化登记机关与管理员',
    kind: 'write',
    access: 'public',
    input: z.strictObject({
      stationId: pattern('工作站编号', /^[A-Z0-9-]{3,32}$/, '3–32 位大写字母、数字或连字符'),
      officeName: text('登记机关名称', { max: 60 }),
      divisionCode: pattern('行政区划代码', /^\d{6}$/, '6 位数字'),
      adminUsername: username,
      adminDisplayName: text('管理员姓名', { max: 30 }),
      adminPassword: password,
    }),
    output: ok,
  }),
  'auth.login': op({
    title: '登录',
    kind: 'write',
    access: 'public',
    input: z.strictObject({
      username: text('用户名', { max: 32 }),
      password: labelled('密码', z.string({ error: '请填写密码' }).min(1, '请填写密码').max(128, '密码不能超过 128 位')),
    }),
    output: z.object({ session: z.string(), user: userView }),
  }),
  'auth.logout': op({ title: '退出登录', kind: 'write', access: 'session', allowWhenLocked: true, allowWithInitialPassword: true, input: empty, output: ok }),
  'auth.lock': op({ title: '锁定屏幕', kind: 'read', access: 'session', allowWhenLocked: true, allowWithInitialPassword: true, input: empty, output: ok }),
  'auth.unlock': op({
    title: '解锁屏幕',
    kind: 'write',
    access: 'session',
    allowWhenLocked: true,
    allowWithInitialPassword: true,
    input: z.strictObject({ password: labelled('密码', z.string({ error: '请填写密码' }).min(1, '请填写密码').max(128)) }),
    output: ok,
  }),
  'auth.changePassword': op({
    title: '修改密码',
    kind: 'write',
    access: 'session',
    allowWithInitialPassword: true,
    input: z.strictObject({
      currentPassword: labelled('当前密码', z.string({ error: '请填写当前密码' }).min(1, '请填写当前密码').max(128)),
      newPassword: labelled('新密码', password),
    }),
    output: ok,
  }),
  'session.status': op({
    title: '查询会话状态',
    kind: 'read',
    access: 'session',
    allowWhenLocked: true,
    allowWithInitialPassword: true,
    input: empty,
    output: z.object({
      user: userView,
      locked: z.boolean(),
      station: stationView,
      databaseFile: z.string(),
      sync: syncSummary,
      idleLockMinutes: z.number(),
      /** The station's date (its clock, not the browser's): what every "today" on screen means. */
      today: z.string(),
    }),
  }),
  'users.list': op({ title: '查看用户列表', kind: 'read', access: 'users.manage', input: empty, output: z.array(userView) }),
  'users.create': op({
    title: '新建用户',
    kind: 'write',
    access: 'users.manage',
    input: z.strictObject({
      username,
      displayName: text('姓名', { max: 30 }),
      role,
      password,
      idNumber: idNumber.optional(),
    }),
    output: userView,
  }),
  'users.update': op({
    title: '修改用户',
    kind: 'write',
    access: 'users.manage',
    input: z.strictObject({
      id: recordId,
      displayName: text('姓名', { max: 30 }).optional(),
      role: role.optional(),
      active: labelled('启用状态', z.boolean({ error: '启用状态必须是是/否' })).optional(),
    }),
    output: userView,
  }),
  'users.resetPassword': op({
    title: '重置用户密码',
    kind: 'write',
    access: 'users.manage',
    input: z.strictObject({ id: recordId, newPassword: labelled('新密码', password) }),
    output: ok,
  }),
  'users.revealIdNumber': op({
    title: '查看完整身份证号',
    kind: 'write',
    access: 'users.manage',
    input: z.strictObject({ id: recordId }),
    output: z.object({ idNumber: z.string().nullable() }),
  }),
  'audit.list': op({
    title: '查看审计日志',
    kind: 'read',
    access: 'audit.read',
    input: z.strictObject({
      username: text('操作人', { max: 32 }).optional(),
      operation: text('操作', { max: 64 }).optional(),
      from: calendarDate('起始日期').optional(),
      to: calendarDate('截止日期').optional(),
      limit: intIn('每页条数', 1, 500).default(100),
      beforeSeq: intIn('序号', 1, Number.MAX_SAFE_INTEGER).optional(),
    }),
    output: z.object({ entries: z.array(auditEntryView), hasMore: z.boolean() }),
  }),
  'audit.verify': op({
    title: '校验审计链',
    kind: 'read',
    access: 'audit.read',
    input: empty,
    output: z.object({
      ok: z.boolean(),
      checked: z.number(),
      firstBad: z.object({ seq: z.number(), reason: z.string() }).nullable(),
      /**
       * The latest chain head this station sent to the provincial platform and the platform confirmed:
       * whether the local chain still has that hash at that entry. A chain rewritten here, hashes and
       * all, no longer matches what the platform holds.
       */
      anchor: z.object({ seq: z.number(), hash: z.string(), confirmedAt: z.string(), matches: z.boolean() }).nullable(),
    }),
  }),
  'settings.get': op({ title: '查看设置', kind: 'read', access: 'session', input: empty, output: settingsView }),
  'settings.update': op({
    title: '修改设置',
    kind: 'write',
    access: 'settings.manage',
    input: z.strictObject({
      idleLockMinutes: intIn('空闲锁屏时间（分钟）', 1, 120).optional(),
      authorizedForeign: labelled('办理涉外婚姻登记', z.boolean({ error: '办理涉外婚姻登记应为是或否' })).optional(),
      authorizedHkMacaoTaiwan: labelled('办理涉港澳台居民婚姻登记', z.boolean({ error: '办理涉港澳台居民婚姻登记应为是或否' })).optional(),
    }),
    output: settingsView,
  }),
  ...printOperations,
  ...bookletOperations,
  ...marriageOperations,
  ...divorceOperations,
  ...statsOperations,
  ...syncOperations,
  ...identityOperations,
  ...counterOperations,
  ...funeralOperations,
  ...unclaimedOperations,
  ...ecoBurialOperations,
} as const;

export type Operations = typeof operations;
export type OpName = keyof Operations;
export type OpInput<K extends OpName> = z.input<Operations[K]['input']>;
export type OpParsedInput<K extends OpName> = z.output<Operations[K]['input']>;
export type OpOutput<K extends OpName> = z.output<Operations[K]['output']>;

export const OP_NAMES = Object.keys(operations) as OpName[];

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(operations, name);
}

/** The IPC channel for an operation: one per operation, so the preload exposes nothing else. */
export function ipcChannel(name: OpName): string {
  return `civreg:${name}`;
}
