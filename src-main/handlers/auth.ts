import { eq } from 'drizzle-orm';
import { AppError } from '../contract';
import { afterFailure, isAccountLocked } from '../auth/lockout';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../auth/password';
import { users } from '../db/schema';
import type { CommandOutcome, ReadHandler, WriteContext, WriteHandler } from '../core/context';
import { toUserView, type UserRow } from '../core/users-repo';

// One message for an unknown user, a wrong password and a locked account, so that the login
// form does not tell a guesser which usernames exist.
const LOGIN_REFUSED = '用户名或密码错误（连续输错 5 次将锁定账户 15 分钟）';

function actorOf(user: UserRow) {
  return { userId: user.id, username: user.username, role: user.role as 'admin' };
}

/** Record a wrong password against the user; the fifth in a row locks the account. */
export function recordFailure(ctx: WriteContext, user: UserRow, operation: string): CommandOutcome<never> {
  const next = afterFailure(user.failedAttempts, ctx.now);
  ctx.db.update(users).set(next).where(eq(users.id, user.id)).run();
  const lockedNow = next.lockedUntil !== null;
  return {
    result: undefined as never,
    audit: {
      recordIds: [`user:${user.id}`],
      summary: lockedNow ? `${operation}密码错误，连续 5 次，账户锁定至 ${next.lockedUntil}` : `${operation}密码错误（连续第 ${next.failedAttempts} 次）`,
      actor: actorOf(user),
    },
    afterCommit: lockedNow ? () => ctx.sessions.deleteForUser(user.id) : undefined,
    failure: new AppError('UNAUTHENTICATED', LOGIN_REFUSED),
  };
}

export const login: WriteHandler<'auth.login'> = (ctx, input) => {
  const user = ctx.q.userByUsername.get({ username: input.username });
  if (!user || !user.active) {
    verifyPassword(input.password, DUMMY_HASH);
    return {
      result: undefined as never,
      audit: { recordIds: [], summary: '登录失败：用户不存在或已停用', actor: { userId: null, username: '(未知用户)', role: 'system' } },
      failure: new AppError('UNAUTHENTICATED', LOGIN_REFUSED),
    };
  }
  if (isAccountLocked(user.lockedUntil, ctx.now)) {
    return {
      result: undefined as never,
      audit: { recordIds: [`user:${user.id}`], summary: '登录被拒：账户处于锁定期', actor: actorOf(user) },
      failure: new AppError('UNAUTHENTICATED', LOGIN_REFUSED),
    };
  }
  if (!verifyPassword(input.password, user.passwordHash)) return recordFailure(ctx, user, '登录');
  ctx.db.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, user.id)).run();
  const session = ctx.sessions.open(user.id, ctx.now);
  return {
    result: { session: session.token, user: toUserView({ ...user, failedAttempts: 0, lockedUntil: null }) },
    audit: { recordIds: [`user:${user.id}`], summary: '登录', actor: actorOf(user) },
    afterCommit: () => ctx.sessions.add(session),
  };
};

export const logout: WriteHandler<'auth.logout'> = (ctx) => {
  const token = ctx.session!.token;
  return {
    result: { ok: true },
    audit: { recordIds: [`user:${ctx.user!.id}`], summary: '退出登录' },
    afterCommit: () => ctx.sessions.delete(token),
  };
};

export const lock: ReadHandler<'auth.lock'> = (ctx) => {
  ctx.session!.locked = true;
  return { ok: true };
};

export const unlock: WriteHandler<'auth.unlock'> = (ctx, input) => {
  const user = ctx.user!;
  if (!verifyPassword(input.password, user.passwordHash)) {
    const outcome = recordFailure(ctx, user, '解锁');
    return { ...outcome, failure: new AppError('VALIDATION', '密码不正确', { password: '密码不正确' }) };
  }
  ctx.db.update(users).set({ failedAttempts: 0 }).where(eq(users.id, user.id)).run();
  const session = ctx.session!;
  return {
    result: { ok: true },
    audit: { recordIds: [`user:${user.id}`], summary: '解锁屏幕' },
    afterCommit: () => {
      session.locked = false;
      ctx.sessions.touch(session, ctx.now);
    },
  };
};

export const changePassword: WriteHandler<'auth.changePassword'> = (ctx, input) => {
  const user = ctx.user!;
  if (!verifyPassword(input.currentPassword, user.passwordHash)) {
    // A wrong current password counts toward the lockout, like one at login or at the lock screen.
    const outcome = recordFailure(ctx, user, '修改密码时');
    return { ...outcome, failure: new AppError('VALIDATION', '当前密码不正确', { currentPassword: '当前密码不正确' }) };
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError('VALIDATION', '新密码不能与当前密码相同', { newPassword: '新密码不能与当前密码相同' });
  }
  ctx.db
    .update(users)
    .set({ passwordHash: hashPassword(input.newPassword), mustChangePassword: false, updatedAt: ctx.now.toISOString() })
    .where(eq(users.id, user.id))
    .run();
  const current = ctx.session!.token;
  return {
    result: { ok: true },
    audit: { recordIds: [`user:${user.id}`], summary: '修改本人密码' },
    // Whoever knew the old password is logged out everywhere else.
    afterCommit: () => ctx.sessions.deleteForUser(user.id, current),
  };
};
