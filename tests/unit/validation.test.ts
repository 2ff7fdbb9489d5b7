import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CivReg } from '../../src-main/core/civreg';
import { idCheckChar } from '../../src-main/contract';
import { ADMIN, STATION, appError, cleanupTempDirs, count, counts, idNumber, login, makeApp } from '../helpers/civreg';

const goodSetup = {
  ...STATION,
  adminUsername: 'admin',
  adminDisplayName: '王管理',
  adminPassword: ADMIN.password,
};

describe('input validation on a fresh database (setup.initialize)', () => {
  let app: CivReg;
  beforeAll(() => {
    ({ app } = makeApp({ initialize: false }));
  });
  afterAll(() => {
    app.close();
    cleanupTempDirs();
  });

  function nothingWritten(): void {
    expect(count(app, 'audit_log')).toBe(0);
    expect(count(app, 'station')).toBe(0);
    expect(count(app, 'users')).toBe(0);
    expect(count(app, 'outbox')).toBe(0);
  }

  it('a bad 行政区划代码 is named in Chinese under fieldErrors.divisionCode', () => {
    const err = appError(() => app.call('setup.initialize', { ...goodSetup, divisionCode: '11010' }));
    expect(err.code).toBe('VALIDATION');
    expect(Object.keys(err.fieldErrors)).toEqual(['divisionCode']);
    expect(err.fieldErrors.divisionCode).toContain('行政区划代码');
    expect(err.message).toContain('行政区划代码');
    nothingWritten();
  });

  it('names each bad field with its own Chinese label and counts the others in the message', () => {
    const err = appError(() =>
      app.call('setup.initialize', { ...goodSetup, stationId: 'st 1', adminUsername: '1abc', adminPassword: 'onlyletters' }),
    );
    expect(err.code).toBe('VALIDATION');
    expect(err.fieldErrors.stationId).toContain('工作站编号');
    expect(err.fieldErrors.adminUsername).toContain('用户名');
    expect(err.fieldErrors.adminPassword).toContain('密码');
    expect(err.fieldErrors.adminPassword).toContain('字母和数字');
    expect(err.message).toContain('另有 2 处错误');
    nothingWritten();
  });

  it('a missing field is asked for by name', () => {
    const rest: Record<string, unknown> = { ...goodSetup };
    delete rest.officeName;
    const err = appError(() => app.call('setup.initialize', rest as never));
    expect(err.fieldErrors.officeName).toBe('请填写登记机关名称');
    nothingWritten();
  });

  it('a value of the wrong type is named in Chinese', () => {
    const err = appError(() => app.call('setup.initialize', { ...goodSetup, divisionCode: 110105 } as never));
    expect(err.fieldErrors.divisionCode).toContain('行政区划代码');
    nothingWritten();
  });

  it('an over-long text names the field and the limit', () => {
    const err = appError(() => app.call('setup.initialize', { ...goodSetup, officeName: '局'.repeat(61) }));
    expect(err.fieldErrors.officeName).toBe('登记机关名称不能超过 60 个字符');
    nothingWritten();
  });

  it('an unknown extra field is rejected as 不认识的字段', () => {
    const err = appError(() => app.call('setup.initialize', { ...goodSetup, isAdmin: true } as never));
    expect(err.code).toBe('VALIDATION');
    expect(err.fieldErrors.isAdmin).toBe('不认识的字段：isAdmin');
    nothingWritten();
  });

  it('input that is not an object is refused with a Chinese message', () => {
    for (const input of [null, [], 'x', 42]) {
      const err = appError(() => app.call('setup.initialize', input as never));
      expect(err.code).toBe('VALIDATION');
      // Messages are Chinese (contract/errors.ts): zod's English default must not leak through.
      expect(err.message).not.toMatch(/Invalid input|expected/i);
      expect(err.message).toMatch(/[\u4e00-\u9fff]/);
    }
    nothingWritten();
  });

  it('an unknown operation is UNKNOWN_OPERATION', () => {
    const err = appError(() => app.call('users.drop', {}));
    expect(err.code).toBe('UNKNOWN_OPERATION');
    expect(err.message).toContain('users.drop');
  });

  it('valid input goes through, exactly once', () => {
    expect(app.call('setup.initialize', goodSetup)).toEqual({ ok: true });
    expect(count(app, 'audit_log')).toBe(1);
    const again = appError(() => app.call('setup.initialize', { ...goodSetup, stationId: 'ST-0002' }));
    expect(again.code).toBe('CONFLICT');
    expect(count(app, 'audit_log')).toBe(1);
    expect(count(app, 'station')).toBe(1);
  });
});

describe('input validation of session operations', () => {
  let app: CivReg;
  let session: string;
  beforeAll(() => {
    ({ app } = makeApp());
    session = login(app);
  });
  afterAll(() => {
    app.close();
    cleanupTempDirs();
  });

  it('users.create with bad fields writes nothing', () => {
    const before = counts(app);
    const err = appError(() =>
      app.call('users.create', { username: 'ZhangSan', displayName: '', role: 'boss' as never, password: 'short' }, session),
    );
    expect(err.code).toBe('VALIDATION');
    expect(err.fieldErrors.username).toContain('用户名');
    expect(err.fieldErrors.displayName).toBe('请填写姓名');
    expect(err.fieldErrors.role).toBe('角色的取值无效');
    expect(err.fieldErrors.password).toContain('密码');
    expect(counts(app)).toEqual(before);
  });

  it('a relabelled field uses its own label (新密码)', () => {
    const err = appError(() => app.call('users.resetPassword', { id: 1, newPassword: 'short1' }, session));
    expect(err.fieldErrors.newPassword).toContain('新密码');
  });

  // Optional fields (`.optional()` / `.default()`) keep their label only on the inner schema; the
  // message must still name the field in Chinese, not by its JSON key.
  it.each([
    ['users.create', 'idNumber', '公民身份号码', { username: 'wangwu', displayName: '王五', role: 'registrar', password: 'Wangwu123', idNumber: '123' }],
    ['users.update', 'displayName', '姓名', { id: 1, displayName: '名'.repeat(31) }],
    ['audit.list', 'limit', '每页条数', { limit: 1000 }],
  ] as const)('%s: optional field %s is named 「%s」 without the raw key', (op, key, label, input) => {
    const before = counts(app);
    const err = appError(() => app.call(op, input as never, session));
    expect(err.code).toBe('VALIDATION');
    expect(err.fieldErrors[key]).toContain(label);
    expect(err.fieldErrors[key]).not.toContain(key);
    expect(err.message).not.toContain(key);
    expect(counts(app)).toEqual(before);
  });
});

describe('公民身份号码 (GB 11643) validation', () => {
  let app: CivReg;
  let session: string;
  beforeAll(() => {
    ({ app } = makeApp());
    session = login(app);
  });
  afterAll(() => {
    app.close();
    cleanupTempDirs();
  });

  const create = (username: string, id: string) => () =>
    app.call('users.create', { username, displayName: '测试', role: 'registrar', password: 'Passw0rd1', idNumber: id }, session);

  it.each([
    ['a wrong check character', idNumber().slice(0, 17) + (idNumber().endsWith('0') ? '1' : '0'), '校验位'],
    ['a birth date that does not exist', (() => { const f = '11010519900230123'; return f + idCheckChar(f); })(), '出生日期'],
    ['17 digits only', '11010519900307123', '18 位'],
  ])('refuses %s, naming the field, and writes nothing', (_what, id, hint) => {
    const before = counts(app);
    const err = appError(create('bad.id', id));
    expect(err.code).toBe('VALIDATION');
    expect(Object.keys(err.fieldErrors)).toEqual(['idNumber']);
    expect(err.fieldErrors.idNumber).toContain('公民身份号码');
    expect(err.fieldErrors.idNumber).toContain(hint);
    expect(counts(app)).toEqual(before);
  });

  it('accepts a lower-case x check character and stores it upper-case', () => {
    // Find 17 digits whose check character is X.
    let first17 = '';
    for (let n = 0; n < 100 && !first17; n++) {
      const candidate = '110105199003071' + String(n).padStart(2, '0');
      if (idCheckChar(candidate) === 'X') first17 = candidate;
    }
    expect(first17).not.toBe('');
    const user = create('has.x', first17 + 'x')();
    expect(user.idNumberMasked?.endsWith('X')).toBe(true);
    expect(app.call('users.revealIdNumber', { id: user.id }, session)).toEqual({ idNumber: first17 + 'X' });
  });
});

