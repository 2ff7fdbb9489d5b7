import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CivReg } from '../../src-main/core/civreg';
import { appError, cleanupTempDirs, counts, FixedClock, idNumber, login, loginReady, makeApp } from '../helpers/civreg';

// A registration is dated with the station's local date: 04:00 UTC is 2026-11-23 from UTC−4 to UTC+19.
const clock = new FixedClock('2026-11-23T04:00:00.000Z');

const groom = { name: '张伟', sex: 'male' as const, nationality: '中国', idNumber: idNumber('11010519930307123') }; // odd sequence digit → male
const bride = { name: '阿依古丽·买买提', sex: 'female' as const, nationality: '中国', idNumber: idNumber('65010219950611004') };
const declared = { declarationSigned: true, consentConfirmed: true } as const;

describe('结婚登记 at the counter', () => {
  let app: CivReg;
  let registrar: string;
  let archivist: string;

  beforeAll(() => {
    ({ app } = makeApp({ clock }));
    const admin = login(app);
    app.call('users.create', { username: 'dengji', displayName: '登记员', role: 'registrar', password: 'Regist123' }, admin);
    app.call('users.create', { username: 'dangan', displayName: '档案员', role: 'archivist', password: 'Archiv123' }, admin);
    registrar = loginReady(app, 'dengji', 'Regist123');
    archivist = loginReady(app, 'dangan', 'Archiv123');
  });
  afterAll(() => {
    app.close();
    cleanupTempDirs();
  });

  it('checks pass, and the registration gets one 字号 from the authority code, the year and a serial', () => {
    expect(app.call<'marriage.check'>('marriage.check', { party1: groom, party2: bride }, registrar)).toMatchObject({ ok: true, problems: [], registrationDate: '2026-11-23', platform: 'not-linked' });
    const before = counts(app);
    const r = app.call<'marriage.register'>('marriage.register', { party1: groom, party2: bride, ...declared }, registrar);
    expect(r).toMatchObject({ certificateNumber: 'J110105-2026-000001', registrationDate: '2026-11-23' });
    const after = counts(app);
    expect(after.audit - before.audit).toBe(1);
    expect(after.outbox - before.outbox).toBe(1);
  });

  it('a party already married here is refused (重婚), nothing written', () => {
    const other = { name: '李娜', sex: 'female' as const, nationality: '中国', idNumber: idNumber('11010519950101002') };
    const before = counts(app);
    const err = appError(() => app.call<'marriage.register'>('marriage.register', { party1: groom, party2: other, ...declared }, registrar));
    expect(err.message).toContain('张伟已有在本机关登记且未解除的婚姻（结婚证字号 J110105-2026-000001）');
    expect(counts(app)).toEqual(before);
  });

  it('the next registration takes the next serial', () => {
    const p1 = { name: '王强', sex: 'male' as const, nationality: '中国', idNumber: idNumber('44200019900101123') };
    const p2 = { name: '陈静', sex: 'female' as const, nationality: '中国', idNumber: idNumber('44200019920202124') };
    expect(app.call<'marriage.register'>('marriage.register', { party1: p1, party2: p2, ...declared }, registrar).certificateNumber).toBe('J110105-2026-000002');
  });

  it('a man one day short of 22 is refused with the reason and the day he comes of age', () => {
    const young = { name: '赵小军', sex: 'male' as const, nationality: '中国', idNumber: idNumber('11010520041124123') };
    const r = app.call<'marriage.check'>('marriage.check', { party1: young, party2: { ...bride, idNumber: idNumber('65010219960611004') } }, registrar);
    expect(r.ok).toBe(false);
    expect(r.problems.join()).toContain('赵小军于 2026-11-24 才满 22 周岁');
  });

  it('the same person as both parties, two men, a wrong check digit, a sex that disagrees with the number: each named', () => {
    const same = app.call<'marriage.check'>('marriage.check', { party1: groom, party2: groom }, registrar);
    expect(same.problems.join()).toContain('双方为同一人');
    const twoMen = app.call<'marriage.check'>('marriage.check', { party1: { ...groom, idNumber: idNumber('11010519930307133') }, party2: { ...groom, name: '刘洋', idNumber: idNumber('11010519940307153') } }, registrar);
    expect(twoMen.problems.join()).toContain('男女双方');
    const badDigit = groom.idNumber.slice(0, 17) + (groom.idNumber.endsWith('0') ? '1' : '0');
    expect(app.call<'marriage.check'>('marriage.check', { party1: { ...groom, idNumber: badDigit }, party2: bride }, registrar).problems.join()).toContain('校验位错误');
    expect(app.call<'marriage.check'>('marriage.check', { party1: { ...groom, sex: 'female' }, party2: bride }, registrar).problems.join()).toContain('性别“女”与');
  });

  it('registering needs the signed declaration and the confirmed consent', () => {
    const err = appError(() => app.call<'marriage.register'>('marriage.register', { party1: groom, party2: bride, declarationSigned: false, consentConfirmed: true } as never, registrar));
    expect(err.fieldErrors.declarationSigned).toContain('申请结婚登记声明书');
  });

  it('a refusal (不予登记) is recorded with its reason', () => {
    const r = app.call<'marriage.refuse'>('marriage.refuse', { party1: groom, party2: bride, reasonCode: 'already-married', reason: '一方已有配偶' }, registrar);
    expect(r.decidedOn).toBe('2026-11-23');
  });

  it('roles that do not register marriages are refused', () => {
    expect(appError(() => app.call<'marriage.check'>('marriage.check', { party1: groom, party2: bride }, archivist)).code).toBe('FORBIDDEN');
  });
});
