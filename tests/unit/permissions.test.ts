import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, OP_NAMES, PERMISSIONS, ROLES, hasPermission, operations, type Permission, type Role } from '../../src-main/contract';
import type { CivReg } from '../../src-main/core/civreg';
import { appError, cleanupTempDirs, count, login, loginReady, makeApp } from '../helpers/civreg';

const EXPECTED: Record<Role, Permission[]> = {
  admin: ['users.manage', 'audit.read', 'settings.manage', 'print.calibrate', 'stationery.manage', 'stationery.use', 'certificates.issue', 'marriage.register', 'statistics.read', 'funeral.read', 'marriage.correct', 'sync.manage'],
  reviewer: ['audit.read', 'stationery.manage', 'stationery.use', 'statistics.read', 'funeral.review', 'funeral.read', 'marriage.correct', 'sync.manage'],
  registrar: ['print.calibrate', 'stationery.use', 'certificates.issue', 'marriage.register'],
  funeral: ['print.calibrate', 'funeral.waiver', 'funeral.read'],
  archivist: [],
};

describe('permission matrix', () => {
  const cells = ROLES.flatMap((role) => PERMISSIONS.map((perm) => [role, perm, EXPECTED[role].includes(perm)] as const));
  it.each(cells)('%s × %s → %s', (role, perm, expected) => {
    expect(hasPermission(role, perm)).toBe(expected);
  });

  it('admin can users.manage, registrar cannot, reviewer can audit.read but not users.manage', () => {
    expect(hasPermission('admin', 'users.manage')).toBe(true);
    expect(hasPermission('registrar', 'users.manage')).toBe(false);
    expect(hasPermission('reviewer', 'audit.read')).toBe(true);
    expect(hasPermission('reviewer', 'users.manage')).toBe(false);
    expect(hasPermission('reviewer', 'settings.manage')).toBe(false);
  });
});

describe('operation access in the contract', () => {
  it('every operation needs public, session or a known permission', () => {
    for (const name of OP_NAMES) {
      const access = operations[name].access;
      expect(['public', 'session', ...PERMISSIONS]).toContain(access);
    }
  });

  it('only first-run setup and login are public', () => {
    expect(OP_NAMES.filter((n) => operations[n].access === 'public').sort()).toEqual(['auth.login', 'setup.initialize', 'setup.status']);
  });

  it('user administration, audit and settings changes are guarded by their permission', () => {
    for (const n of OP_NAMES.filter((n) => n.startsWith('users.'))) expect(operations[n].access).toBe('users.manage');
    for (const n of OP_NAMES.filter((n) => n.startsWith('audit.'))) expect(operations[n].access).toBe('audit.read');
    expect(operations['settings.update'].access).toBe('settings.manage');
  });
});

describe('the matrix is enforced by CivReg.call', () => {
  let app: CivReg;
  let admin: string;
  let reviewer: string;
  let registrar: string;

  beforeAll(() => {
    ({ app } = makeApp());
    admin = login(app);
    app.call('users.create', { username: 'shenhe', displayName: '审核员甲', role: 'reviewer', password: 'Review123' }, admin);
    app.call('users.create', { username: 'dengji', displayName: '登记员乙', role: 'registrar', password: 'Regist123' }, admin);
    reviewer = loginReady(app, 'shenhe', 'Review123');
    registrar = loginReady(app, 'dengji', 'Regist123');
  });
  afterAll(() => {
    app.close();
    cleanupTempDirs();
  });

  it('reviewer may read and verify the audit log', () => {
    expect(app.call('audit.verify', {}, reviewer).ok).toBe(true);
    expect(app.call('audit.list', {}, reviewer).entries.length).toBeGreaterThan(0);
  });

  it('reviewer may not list users or change settings', () => {
    expect(appError(() => app.call('users.list', {}, reviewer)).code).toBe('FORBIDDEN');
    expect(appError(() => app.call('settings.update', { idleLockMinutes: 5 }, reviewer)).code).toBe('FORBIDDEN');
  });

  it('registrar may not read the audit log or manage users, and is told so in Chinese', () => {
    const err = appError(() => app.call('audit.list', {}, registrar));
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('FORBIDDEN');
    expect(err.message).toContain('婚姻登记员');
    expect(err.message).toContain('查看审计日志');
    expect(appError(() => app.call('users.list', {}, registrar)).code).toBe('FORBIDDEN');
  });

  it('any logged-in role may use session operations', () => {
    expect(app.call('settings.get', {}, registrar)).toEqual({ idleLockMinutes: 10, authorizedForeign: false, authorizedHkMacaoTaiwan: false });
    expect(app.call('session.status', {}, reviewer).user.role).toBe('reviewer');
  });

  it('admin holds every permission', () => {
    expect(app.call('users.list', {}, admin).length).toBe(count(app, 'users'));
    expect(app.call('settings.update', { idleLockMinutes: 12 }, admin)).toEqual({ idleLockMinutes: 12, authorizedForeign: false, authorizedHkMacaoTaiwan: false });
    expect(app.call('audit.verify', {}, admin).ok).toBe(true);
  });
});
