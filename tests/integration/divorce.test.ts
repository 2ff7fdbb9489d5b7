import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CivReg } from '../../src-main/core/civreg';
import { runDueDeadlines } from '../../src-main/core/daily-tasks';
import { appError, cleanupTempDirs, count, FixedClock, idNumber, login, loginReady, makeApp } from '../helpers/civreg';

// 04:00 UTC: the same calendar date from UTC−4 to UTC+19, wherever the tests run.
const clock = new FixedClock('2026-09-01T04:00:00.000Z');
const agreement = { children: '无子女', property: '各自名下财产归各自所有', debts: '无共同债务' };

describe('协议离婚 with the 30-day cooling-off period', () => {
  let app: CivReg;
  let registrar: string;
  const marriages: string[] = [];

  beforeAll(() => {
    ({ app } = makeApp({ clock }));
    const admin = login(app);
    app.call('users.create', { username: 'dengji', displayName: '登记员', role: 'registrar', password: 'Regist123' }, admin);
    registrar = loginReady(app, 'dengji', 'Regist123');
    for (const [i, m, f] of [[1, '11010519900101111', '11010519920202222'], [2, '11010519900303331', '11010519920404442'], [3, '11010519900505551', '11010519920606662']] as const) {
      const r = app.call<'marriage.register'>(
        'marriage.register',
        {
          party1: { name: `男${i}`, sex: 'male', nationality: '中国', idNumber: idNumber(m) },
          party2: { name: `女${i}`, sex: 'female', nationality: '中国', idNumber: idNumber(f) },
          declarationSigned: true,
          consentConfirmed: true,
        },
        registrar,
      );
      marriages.push(r.certificateNumber);
    }
  });
  afterAll(() => {
    app.close();
    cleanupTempDirs();
  });

  /** Days pass; the counter's screen has locked meanwhile, and the registrar unlocks it. */
  const days = (n: number): void => {
    clock.advanceMinutes(n * 24 * 60);
    app.call('auth.unlock', { password: 'Regist123x9' }, registrar);
  };
  const apply = (n: number) => app.call<'divorce.apply'>('divorce.apply', { marriageCertificateNumber: marriages[n], ...agreement }, registrar);

  it('the receipt fixes both periods from the official calendar (2026-09-01 → 10-08 over National Day, then 11-09)', () => {
    const a = apply(0);
    expect(a).toMatchObject({ receivedOn: '2026-09-01', coolingOffEnds: '2026-10-08', certificateDeadline: '2026-11-09', status: 'received' });
    expect(appError(() => apply(0)).message).toContain('已有未结的离婚登记申请');
    expect(appError(() => app.call('divorce.apply', { marriageCertificateNumber: 'J110105-2026-999999', ...agreement }, registrar)).message).toContain('没有结婚证字号为 J110105-2026-999999');
  });

  it('either party alone may withdraw within the cooling-off period', () => {
    days(5);
    const w = app.call<'divorce.withdraw'>('divorce.withdraw', { applicationId: 1, party: 2 }, registrar);
    expect(w).toMatchObject({ status: 'withdrawn', endedOn: '2026-09-06' });
  });

  it('after the cooling-off period a withdrawal is refused and nothing is written; both parties then register the divorce', () => {
    const b = apply(1); // received 2026-09-06 → cooling-off ends 10-08 (National Day), deadline 11-09
    expect(b.coolingOffEnds).toBe('2026-10-08');
    expect(appError(() => app.call('divorce.register', { applicationId: b.id, bothPresent: true }, registrar)).message).toContain('届满后方可登记');
    days(33); // 2026-10-09
    const audit = count(app, 'audit_log');
    expect(appError(() => app.call('divorce.withdraw', { applicationId: b.id, party: 1 }, registrar)).message).toContain('已于 2026-10-08 届满，不能再撤回');
    expect(count(app, 'audit_log')).toBe(audit);
    const r = app.call<'divorce.register'>('divorce.register', { applicationId: b.id, bothPresent: true }, registrar);
    expect(r).toMatchObject({ status: 'registered', certificateNumber: 'L110105-2026-000001' });
    // The marriage is dissolved: no second divorce, and the parties may marry again.
    expect(appError(() => apply(1)).message).toContain('已解除');
  });

  it('an application nobody comes back for is 视为撤回 after the window, by itself, and cannot be registered', async () => {
    const c = apply(2); // received 2026-10-09 → cooling-off ends 11-09, deadline 12-09
    expect(c).toMatchObject({ coolingOffEnds: '2026-11-09', certificateDeadline: '2026-12-09' });
    days(61); // 2026-12-09: the last day is still open
    expect(await runDueDeadlines(app, clock.now)).toEqual([]);
    days(3); // 2026-12-12: the station was switched off for two days; the check runs when it starts
    expect(await runDueDeadlines(app, clock.now)).toEqual([c.id]);
    const lapsed = app.call<'divorce.list'>('divorce.list', {}, registrar).find((x) => x.id === c.id)!;
    // 视为撤回 on the day after the last day to appear, not on the day the check happened to run.
    expect(lapsed).toMatchObject({ status: 'lapsed', endedOn: '2026-12-10' });
    expect(appError(() => app.call('divorce.register', { applicationId: c.id, bothPresent: true }, registrar)).message).toContain('已视为撤回');
  });
});
