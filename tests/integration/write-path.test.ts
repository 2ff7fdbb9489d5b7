import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract';
import type { CivReg } from '../../src-main/core/civreg';
import { verifyChain } from '../../src-main/audit/chain';
import { ADMIN, appError, cleanupTempDirs, counts, login, makeApp, type TestApp, idNumber } from '../helpers/civreg';

const open: CivReg[] = [];
function fresh(opts: Parameters<typeof makeApp>[0] = {}): TestApp {
  const t = makeApp(opts);
  open.push(t.app);
  return t;
}
afterEach(() => {
  while (open.length) open.pop()!.close();
  cleanupTempDirs();
});

const newUser = (username: string, role: 'registrar' | 'reviewer' | 'admin' = 'registrar', extra: { idNumber?: string } = {}) => ({
  username,
  displayName: '测试用户',
  role,
  password: 'Passw0rd1',
  ...extra,
});

interface AuditRow {
  seq: number;
  user_id: number | null;
  username: string;
  role: string;
  operation: string;
  record_ids: string;
  summary: string;
  at: string;
}
function auditRows(app: CivReg): AuditRow[] {
  return app.database.sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
}
function lastAudit(app: CivReg): AuditRow {
  return app.database.sqlite.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1').get() as AuditRow;
}

describe('the audited write path', () => {
  it('a command failing mid-transaction leaves no record, no audit entry and no outbox event', () => {
    const { app } = fresh();
    const session = login(app);
    app.database.sqlite.exec("CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'boom'); END;");
    const before = counts(app);

    const err = appError(() => app.call('users.create', newUser('zhaoliu'), session));
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('INTERNAL');
    expect(err.message).toContain('未写入任何数据');
    expect(err.message).not.toContain('boom');

    expect(counts(app)).toEqual(before);
    expect(app.database.sqlite.prepare("SELECT count(*) AS n FROM users WHERE username = 'zhaoliu'").get()).toEqual({ n: 0 });
    expect(verifyChain(app.database.sqlite).ok).toBe(true);

    // The failure left the database usable: once the fault is gone, the same command succeeds.
    app.database.sqlite.exec('DROP TRIGGER fail_outbox');
    app.call('users.create', newUser('zhaoliu'), session);
    expect(counts(app)).toEqual({ users: before.users + 1, audit: before.audit + 1, outbox: before.outbox + 1 });
    expect(verifyChain(app.database.sqlite)).toMatchObject({ ok: true, checked: before.audit + 1 });
  });

  it('a successful users.create writes one user, one audit entry by the admin, one outbox event tied to it', () => {
    const { app, clock } = fresh();
    const session = login(app);
    const before = counts(app);
    const adminId = app.call('session.status', {}, session).user.id;

    const created = app.call('users.create', newUser('zhaoliu', 'registrar', { idNumber: idNumber() }), session);
    expect(created).toMatchObject({ username: 'zhaoliu', role: 'registrar', active: true, idNumberMasked: '110105********' + idNumber().slice(-4) });
    expect(counts(app)).toEqual({ users: before.users + 1, audit: before.audit + 1, outbox: before.outbox + 1 });

    const entry = lastAudit(app);
    expect(entry.operation).toBe('users.create');
    expect(entry.username).toBe(ADMIN.username);
    expect(entry.user_id).toBe(adminId);
    expect(entry.role).toBe('admin');
    expect(entry.at).toBe(clock.now.toISOString());
    expect(JSON.parse(entry.record_ids)).toEqual([`user:${created.id}`]);
    // The audit entry proves what changed without holding the personal data itself.
    expect(JSON.stringify(entry)).not.toContain(idNumber());

    const event = app.database.sqlite.prepare('SELECT * FROM outbox ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;
    expect(event.audit_seq).toBe(entry.seq);
    expect(event.event_type).toBe('user.created');
    expect(event.status).toBe('pending');
    expect(JSON.parse(event.payload as string)).toEqual({ username: 'zhaoliu', displayName: '测试用户', role: 'registrar' });
    expect(verifyChain(app.database.sqlite).ok).toBe(true);
  });

  it('a refused command (CONFLICT) writes nothing', () => {
    const { app } = fresh();
    const session = login(app);
    const before = counts(app);
    const err = appError(() => app.call('users.create', newUser(ADMIN.username), session));
    expect(err.code).toBe('CONFLICT');
    expect(err.fieldErrors.username).toBeDefined();
    expect(counts(app)).toEqual(before);
  });
});

describe('authentication and authorization', () => {
  it('a registrar calling users.create gets FORBIDDEN and nothing is written', () => {
    const { app } = fresh();
    const admin = login(app);
    app.call('users.create', newUser('dengji'), admin);
    const registrar = login(app, 'dengji', 'Passw0rd1');
    const before = counts(app);
    const err = appError(() => app.call('users.create', newUser('sneaky', 'admin'), registrar));
    expect(err.code).toBe('FORBIDDEN');
    expect(counts(app)).toEqual(before);
  });

  it('unauthenticated calls get UNAUTHENTICATED, whatever the token', () => {
    const { app } = fresh();
    const before = counts(app);
    for (const token of [undefined, '', 'not-a-session']) {
      expect(appError(() => app.call('users.create', newUser('nobody'), token)).code).toBe('UNAUTHENTICATED');
      expect(appError(() => app.call('session.status', {}, token)).code).toBe('UNAUTHENTICATED');
      expect(appError(() => app.call('auth.logout', {}, token)).code).toBe('UNAUTHENTICATED');
    }
    expect(counts(app)).toEqual(before);
  });

  it('after logout the session no longer works', () => {
    const { app } = fresh();
    const session = login(app);
    app.call('auth.logout', {}, session);
    expect(lastAudit(app).operation).toBe('auth.logout');
    expect(appError(() => app.call('session.status', {}, session)).code).toBe('UNAUTHENTICATED');
  });
});

describe('login', () => {
  it('gives the same message for an unknown user and a wrong password, and audits both', () => {
    const { app } = fresh();
    const before = counts(app);
    const unknown = appError(() => app.call('auth.login', { username: 'ghost', password: ADMIN.password }));
    const wrong = appError(() => app.call('auth.login', { username: ADMIN.username, password: 'Wrong12345' }));
    expect(unknown.code).toBe('UNAUTHENTICATED');
    expect(wrong.code).toBe('UNAUTHENTICATED');
    expect(unknown.message).toBe(wrong.message);
    expect(unknown.fieldErrors).toEqual(wrong.fieldErrors);
    expect(counts(app).audit).toBe(before.audit + 2);
    const [a, b] = auditRows(app).slice(-2);
    expect(a.operation).toBe('auth.login');
    expect(a.user_id).toBeNull();
    expect(b.operation).toBe('auth.login');
    expect(b.username).toBe(ADMIN.username);
  });

  it('5 wrong passwords lock the account; the right one is refused until 15 minutes have passed', () => {
    const { app, clock } = fresh();
    const audit0 = counts(app).audit;
    const attempt = (password: string) => () => app.call('auth.login', { username: ADMIN.username, password });

    const messages = new Set<string>();
    for (let i = 1; i <= 5; i++) {
      const err = appError(attempt('Wrong12345'));
      expect(err.code).toBe('UNAUTHENTICATED');
      messages.add(err.message);
      clock.advanceMs(1000);
    }
    const lockedAt = new Date(clock.now.getTime() - 1000); // the fifth failure
    const row = app.database.sqlite.prepare('SELECT locked_until, failed_attempts FROM users WHERE username = ?').get(ADMIN.username) as {
      locked_until: string;
      failed_attempts: number;
    };
    expect(row.locked_until).toBe(new Date(lockedAt.getTime() + 15 * 60_000).toISOString());

    // Locked: the right password is refused, with the very same message.
    const refused = appError(attempt(ADMIN.password));
    expect(refused.code).toBe('UNAUTHENTICATED');
    messages.add(refused.message);
    expect(messages.size).toBe(1);

    // One millisecond before the expiry: still refused.
    clock.advanceMs(lockedAt.getTime() + 15 * 60_000 - 1 - clock.now.getTime());
    expect(appError(attempt(ADMIN.password)).code).toBe('UNAUTHENTICATED');

    // At the expiry: the right password works again.
    clock.advanceMs(1);
    const ok = app.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(ok.session).toBeTruthy();
    expect(ok.user.lockedUntil).toBeNull();

    // Every attempt was audited: 5 wrong, 2 refused while locked, 1 success.
    const logins = auditRows(app).slice(audit0);
    expect(logins).toHaveLength(8);
    expect(logins.every((r) => r.operation === 'auth.login' && r.username === ADMIN.username)).toBe(true);
    expect(logins[4].summary).toContain('锁定');
    expect(logins[5].summary).toContain('锁定期');
    expect(logins[7].summary).toBe('登录');
    expect(verifyChain(app.database.sqlite).ok).toBe(true);
  });

  it('a successful login resets the count of wrong passwords', () => {
    const { app } = fresh();
    for (let i = 0; i < 4; i++) appError(() => app.call('auth.login', { username: ADMIN.username, password: 'Wrong12345' }));
    login(app);
    // Four more wrong ones do not lock: the count started again from zero.
    for (let i = 0; i < 4; i++) appError(() => app.call('auth.login', { username: ADMIN.username, password: 'Wrong12345' }));
    expect(login(app)).toBeTruthy();
  });

  it('locking the account ends the sessions the user already had', () => {
    const { app } = fresh();
    const session = login(app);
    for (let i = 0; i < 5; i++) appError(() => app.call('auth.login', { username: ADMIN.username, password: 'Wrong12345' }));
    expect(appError(() => app.call('session.status', {}, session)).code).toBe('UNAUTHENTICATED');
  });
});

describe('idle lock', () => {
  function withIdle10() {
    const t = fresh();
    const admin = login(t.app);
    t.app.call('settings.update', { idleLockMinutes: 10 }, admin);
    return { ...t, admin };
  }

  it('a call 11 minutes after the last activity gets LOCKED; status still answers; unlock with the password', () => {
    const { app, clock, admin } = withIdle10();
    clock.advanceMinutes(11);
    const before = counts(app);
    expect(appError(() => app.call('users.list', {}, admin)).code).toBe('LOCKED');
    expect(appError(() => app.call('users.create', newUser('zhaoliu'), admin)).code).toBe('LOCKED');
    expect(counts(app)).toEqual(before);

    const status = app.call('session.status', {}, admin);
    expect(status.locked).toBe(true);
    expect(status.user.username).toBe(ADMIN.username);
    expect(status.idleLockMinutes).toBe(10);

    const wrong = appError(() => app.call('auth.unlock', { password: 'Wrong12345' }, admin));
    expect(wrong.code).toBe('VALIDATION');
    expect(wrong.fieldErrors.password).toBeDefined();
    expect(app.call('session.status', {}, admin).locked).toBe(true);

    expect(app.call('auth.unlock', { password: ADMIN.password }, admin)).toEqual({ ok: true });
    expect(app.call('session.status', {}, admin).locked).toBe(false);
    expect(app.call('users.list', {}, admin).length).toBeGreaterThan(0);
    expect(lastAudit(app).operation).toBe('auth.unlock');
  });

  it('exactly 10 idle minutes do not lock yet', () => {
    const { app, clock, admin } = withIdle10();
    clock.advanceMinutes(10);
    expect(app.call('users.list', {}, admin)).toHaveLength(1);
  });

  it('activity postpones the lock', () => {
    const { app, clock, admin } = withIdle10();
    clock.advanceMinutes(8);
    app.call('users.list', {}, admin);
    clock.advanceMinutes(8);
    expect(app.call('users.list', {}, admin)).toHaveLength(1);
  });

  it('polling session.status does not postpone the idle lock', () => {
    const { app, clock, admin } = withIdle10();
    for (let i = 0; i < 5; i++) {
      clock.advanceMinutes(2);
      expect(app.call('session.status', {}, admin).locked).toBe(false);
    }
    clock.advanceMinutes(1); // 11 minutes since the last real activity
    expect(app.call('session.status', {}, admin).locked).toBe(true);
    expect(appError(() => app.call('users.list', {}, admin)).code).toBe('LOCKED');
  });

  it('5 wrong passwords at the lock screen end the session and lock the account', () => {
    const { app, admin } = withIdle10();
    app.call('auth.lock', {}, admin);
    for (let i = 0; i < 4; i++) expect(appError(() => app.call('auth.unlock', { password: 'Wrong12345' }, admin)).code).toBe('VALIDATION');
    expect(app.call('session.status', {}, admin).locked).toBe(true);
    appError(() => app.call('auth.unlock', { password: 'Wrong12345' }, admin));
    expect(appError(() => app.call('auth.unlock', { password: ADMIN.password }, admin)).code).toBe('UNAUTHENTICATED');
    expect(appError(() => login(app)).code).toBe('UNAUTHENTICATED');
    const unlocks = auditRows(app).filter((r) => r.operation === 'auth.unlock');
    expect(unlocks).toHaveLength(5);
    expect(unlocks[4].summary).toContain('锁定');
  });

  it('auth.lock locks at once', () => {
    const { app, admin } = withIdle10();
    app.call('auth.lock', {}, admin);
    expect(appError(() => app.call('settings.get', {}, admin)).code).toBe('LOCKED');
    expect(app.call('session.status', {}, admin).locked).toBe(true);
  });
});

describe('user administration rules', () => {
  it('deactivating a user ends their sessions, even if they are activated again', () => {
    const { app } = fresh();
    const admin = login(app);
    const user = app.call('users.create', newUser('dengji'), admin);
    const theirs = login(app, 'dengji', 'Passw0rd1');
    expect(app.call('session.status', {}, theirs).user.username).toBe('dengji');

    expect(app.call('users.update', { id: user.id, active: false }, admin).active).toBe(false);
    app.call('users.update', { id: user.id, active: true }, admin);
    expect(appError(() => app.call('session.status', {}, theirs)).code).toBe('UNAUTHENTICATED');
    // A deactivated user cannot log in either.
    app.call('users.update', { id: user.id, active: false }, admin);
    expect(appError(() => login(app, 'dengji', 'Passw0rd1')).code).toBe('UNAUTHENTICATED');
  });

  it('cannot deactivate or demote the last admin', () => {
    const { app } = fresh();
    const admin = login(app);
    const adminId = app.call('session.status', {}, admin).user.id;
    const before = counts(app);

    const demote = appError(() => app.call('users.update', { id: adminId, role: 'registrar' }, admin));
    expect(demote.code).toBe('VALIDATION');
    expect(demote.message).toContain('管理员');
    const deactivate = appError(() => app.call('users.update', { id: adminId, active: false }, admin));
    expect(deactivate.code).toBe('VALIDATION');
    expect(counts(app)).toEqual(before);
    expect(app.call('session.status', {}, admin).user).toMatchObject({ role: 'admin', active: true });
  });

  it('with a second admin, the first may be demoted, but not by deactivating oneself', () => {
    const { app } = fresh();
    const admin = login(app);
    const adminId = app.call('session.status', {}, admin).user.id;
    const second = app.call('users.create', newUser('admin2', 'admin'), admin);
    const self = appError(() => app.call('users.update', { id: adminId, active: false }, admin));
    expect(self.code).toBe('VALIDATION');
    expect(self.fieldErrors.active).toBeDefined();
    expect(app.call('users.update', { id: second.id, role: 'reviewer' }, admin).role).toBe('reviewer');
    // Now admin is the last one again.
    expect(appError(() => app.call('users.update', { id: adminId, role: 'reviewer' }, admin)).code).toBe('VALIDATION');
  });

  it('resetting a password ends the user’s sessions, lifts a lockout and requires a new password', () => {
    const { app } = fresh();
    const admin = login(app);
    const user = app.call('users.create', newUser('dengji'), admin);
    const theirs = login(app, 'dengji', 'Passw0rd1');
    for (let i = 0; i < 5; i++) appError(() => app.call('auth.login', { username: 'dengji', password: 'Wrong12345' }));
    expect(app.call('users.list', {}, admin).find((u) => u.id === user.id)!.lockedUntil).not.toBeNull();

    app.call('users.resetPassword', { id: user.id, newPassword: 'Fresh1234' }, admin);
    expect(appError(() => app.call('session.status', {}, theirs)).code).toBe('UNAUTHENTICATED');
    expect(appError(() => login(app, 'dengji', 'Passw0rd1')).code).toBe('UNAUTHENTICATED');
    const again = app.call('auth.login', { username: 'dengji', password: 'Fresh1234' });
    expect(again.user.mustChangePassword).toBe(true);
    expect(again.user.lockedUntil).toBeNull();
  });

  it('changing a password ends the user’s other sessions, not the one that changed it', () => {
    const { app } = fresh();
    const here = login(app);
    const elsewhere = login(app);
    app.call('auth.changePassword', { currentPassword: ADMIN.password, newPassword: 'Changed123' }, here);
    expect(app.call('session.status', {}, here).user.username).toBe(ADMIN.username);
    expect(appError(() => app.call('session.status', {}, elsewhere)).code).toBe('UNAUTHENTICATED');
  });

  it('a user with an initial password can do nothing but change it (or log out)', () => {
    const { app } = fresh();
    const admin = login(app);
    app.call('users.create', newUser('dengji', 'admin'), admin);
    const theirs = login(app, 'dengji', 'Passw0rd1');
    const refused = appError(() => app.call('users.list', {}, theirs));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toContain('修改初始密码');
    expect(app.call('session.status', {}, theirs).user.mustChangePassword).toBe(true);
    app.call('auth.changePassword', { currentPassword: 'Passw0rd1', newPassword: 'Mine12345' }, theirs);
    expect(app.call('users.list', {}, theirs).length).toBe(2);
  });

  it('revealIdNumber writes an audit entry; users.list shows the number masked', () => {
    const { app } = fresh();
    const admin = login(app);
    const id = idNumber();
    const user = app.call('users.create', newUser('dengji', 'registrar', { idNumber: id }), admin);

    const list = app.call('users.list', {}, admin);
    const listed = list.find((u) => u.username === 'dengji')!;
    expect(listed.idNumberMasked).toBe('110105********' + idNumber().slice(-4));
    expect(JSON.stringify(list)).not.toContain(id);

    const before = counts(app);
    expect(app.call('users.revealIdNumber', { id: user.id }, admin)).toEqual({ idNumber: id });
    expect(counts(app).audit).toBe(before.audit + 1);
    const entry = lastAudit(app);
    expect(entry.operation).toBe('users.revealIdNumber');
    expect(entry.username).toBe(ADMIN.username);
    expect(JSON.parse(entry.record_ids)).toEqual([`user:${user.id}`]);
    expect(JSON.stringify(entry)).not.toContain(id);

    expect(appError(() => app.call('users.revealIdNumber', { id: 9999 }, admin)).code).toBe('NOT_FOUND');
  });
});
