import { and, asc, eq, ne } from 'drizzle-orm';
import { AppError, ROLE_LABELS } from '../contract';
import { hashPassword } from '../auth/password';
import { users } from '../db/schema';
import type { ReadHandler, WriteContext, WriteHandler } from '../core/context';
import { auditImage, toUserView, type UserRow } from '../core/users-repo';

function mustFind(ctx: WriteContext, id: number): UserRow {
  const row = ctx.q.userById.get({ id });
  if (!row) throw new AppError('NOT_FOUND', `用户 #${id} 不存在`, { id: '用户不存在' });
  return row;
}

export const listUsers: ReadHandler<'users.list'> = (ctx) =>
  ctx.db.select().from(users).orderBy(asc(users.username)).all().map(toUserView);

export const createUser: WriteHandler<'users.create'> = (ctx, input) => {
  if (ctx.q.userByUsername.get({ username: input.username })) {
    throw new AppError('CONFLICT', `用户名 ${input.username} 已存在`, { username: '用户名已存在' });
  }
  const at = ctx.now.toISOString();
  const row = ctx.db
    .insert(users)
    .values({
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash: hashPassword(input.password),
      idNumber: input.idNumber ?? null,
      mustChangePassword: true,
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  return {
    result: toUserView(row),
    audit: { recordIds: [`user:${row.id}`], summary: `新建用户 ${row.username}（${ROLE_LABELS[input.role]}）`, after: auditImage(row) },
    events: [{ eventType: 'user.created', recordType: 'user', recordId: row.username, payload: { username: row.username, displayName: row.displayName, role: row.role } }],
  };
};

/** The station must keep at least one active administrator. */
function assertAdminRemains(ctx: WriteContext, target: UserRow): void {
  const other = ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, target.id)))
    .get();
  if (!other) throw new AppError('VALIDATION', '至少要保留一个启用的管理员账户', { role: '不能停用或降级最后一个管理员' });
}

export const updateUser: WriteHandler<'users.update'> = (ctx, input) => {
  const before = mustFind(ctx, input.id);
  const losesAdmin = before.role === 'admin' && before.active && ((input.role && input.role !== 'admin') || input.active === false);
  if (losesAdmin) assertAdminRemains(ctx, before);
  if (before.id === ctx.actor?.userId && input.active === false) {
    throw new AppError('VALIDATION', '不能停用自己的账户', { active: '不能停用自己的账户' });
  }
  const after = ctx.q.updateUserProfile.get({
    id: input.id,
    displayName: input.displayName ?? before.displayName,
    role: input.role ?? before.role,
    active: (input.active ?? before.active) ? 1 : 0,
    updatedAt: ctx.now.toISOString(),
  })!;
  const deactivated = before.active && !after.active;
  return {
    result: toUserView(after),
    audit: { recordIds: [`user:${after.id}`], summary: `修改用户 ${after.username}`, before: auditImage(before), after: auditImage(after) },
    events: [{ eventType: 'user.updated', recordType: 'user', recordId: after.username, payload: { username: after.username, displayName: after.displayName, role: after.role, active: after.active } }],
    afterCommit: deactivated ? () => ctx.sessions.deleteForUser(after.id) : undefined,
  };
};

export const resetPassword: WriteHandler<'users.resetPassword'> = (ctx, input) => {
  const user = mustFind(ctx, input.id);
  ctx.db
    .update(users)
    .set({ passwordHash: hashPassword(input.newPassword), mustChangePassword: true, failedAttempts: 0, lockedUntil: null, updatedAt: ctx.now.toISOString() })
    .where(eq(users.id, user.id))
    .run();
  return {
    result: { ok: true },
    audit: { recordIds: [`user:${user.id}`], summary: `重置 ${user.username} 的密码并解除锁定` },
    afterCommit: () => ctx.sessions.deleteForUser(user.id),
  };
};

/** Showing a full ID number is itself recorded: who looked at whose number, and when. */
export const revealIdNumber: WriteHandler<'users.revealIdNumber'> = (ctx, input) => {
  const user = mustFind(ctx, input.id);
  return {
    result: { idNumber: user.idNumber },
    audit: { recordIds: [`user:${user.id}`], summary: `查看 ${user.username} 的完整身份证号` },
  };
};
