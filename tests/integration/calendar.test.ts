import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CivReg } from '../../src-main/core/civreg';
import { appError, cleanupTempDirs, count, FixedClock, idNumber, login, loginReady, makeApp } from '../helpers/civreg';

// 04:00 UTC: the same calendar date from UTC−4 to UTC+19, wherever the tests run.
const clock = new FixedClock('2026-12-10T04:00:00.000Z');
const agreement = { children: '无子女', property: '各自名下财产归各自所有', debts: '无共同债务' };
const declared = { declarationSigned: true, consentConfirmed: true } as const;

/**
 * A 2027 arrangement as the administrator types it in (chinese-days ships up to 2026): New Year
 * 01-01 (Fri) to 01-03, Spring Festival 02-06 (Sat) to 02-12 (Fri), Saturday 02-13 a make-up working day.
 */
const Y2027 = {
  year: 2027,
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
  workdays: ['2027-02-13'],
  source: '国务院办公厅关于2027年部分节假日安排的通知',
};

describe('the official holiday calendar: a missing year, loading it, replacing a shipped one', () => {
  let app: CivReg;
  let admin: string;
  let registrar: string;
  const dates = (receivedOn: string) => app.call<'dates.divorce'>('dates.divorce', { receivedOn }, registrar);
  const status = () => app.call<'calendar.status'>('calendar.status', {}, registrar);
  const load = (input: { year: number; holidays: string[]; workdays: string[]; source: string }, session = admin) => app.call<'calendar.load'>('calendar.load', input, session);
  const written = () => ({ years: count(app, 'calendar_years'), audit: count(app, 'audit_log'), outbox: count(app, 'outbox') });

  beforeAll(() => {
    ({ app } = makeApp({ clock }));
    admin = login(app);
    app.call('users.create', { username: 'dengji', displayName: '登记员', role: 'registrar', password: 'Regist123' }, admin);
    registrar = loginReady(app, 'dengji', 'Regist123');
    for (const [m, f] of [
      ['11010519900101111', '11010519920202222'],
      ['11010519900303331', '11010519920404442'],
    ]) {
      app.call(
        'marriage.register',
        { party1: { name: '男', sex: 'male', nationality: '中国', idNumber: idNumber(m) }, party2: { name: '女', sex: 'female', nationality: '中国', idNumber: idNumber(f) }, ...declared },
        registrar,
      );
    }
  });
  afterAll(() => {
    app.close();
    cleanupTempDirs();
  });

  describe('before 2027 is loaded (2026-12-10)', () => {
    it('the status lists the shipped years, newest first, 2026 the last of them; no 2027', () => {
      const s = status();
      expect(s[0]).toMatchObject({ year: 2026, source: 'chinese-days（随软件发布）', loadedAt: null });
      expect(s[0].holidays).toBeGreaterThan(20);
      expect(s.map((y) => y.year)).toEqual([...s.map((y) => y.year)].sort((a, b) => b - a));
      expect(s.some((y) => y.year === 2027)).toBe(false);
    });

    it('the periods of an application received today reach into 2027: the calculator says the year is missing, never guesses', () => {
      const err = appError(() => dates('2026-12-10'));
      expect(err.code).toBe('VALIDATION');
      expect(err.message).toContain('2027 年的法定节假日安排尚未载入');
      // Under the calculator's one field.
      expect(err.fieldErrors).toEqual({ receivedOn: '2027 年日历未载入' });
      // A date whose periods stay inside 2026 is computed.
      expect(dates('2026-09-01')).toEqual({ receivedOn: '2026-09-01', coolingOffEnds: '2026-10-08', certificateDeadline: '2026-11-09' });
    });

    it('so the application cannot be received, and nothing is written', () => {
      const before = { ...written(), applications: count(app, 'divorce_applications') };
      const err = appError(() => app.call('divorce.apply', { marriageCertificateNumber: 'J110105-2026-000001', ...agreement }, registrar));
      expect(err.message).toContain('2027 年的法定节假日安排尚未载入');
      expect({ ...written(), applications: count(app, 'divorce_applications') }).toEqual(before);
    });
  });

  describe('calendar.load refuses what cannot be the State Council’s arrangement, naming the field; nothing written', () => {
    const refused = (input: Partial<typeof Y2027>, session?: string) => {
      const before = written();
      const err = appError(() => load({ ...Y2027, ...input }, session));
      expect(written()).toEqual(before);
      return err;
    };

    it('only the administrator may load a year', () => {
      const err = refused({}, registrar);
      expect(err.code).toBe('FORBIDDEN');
      expect(err.message).toContain('婚姻登记员无权载入法定节假日安排');
    });

    it('a holiday outside the year', () => {
      const err = refused({ holidays: [...Y2027.holidays, '2026-12-31'] });
      expect(err.code).toBe('VALIDATION');
      expect(err.message).toContain('2026-12-31 不在 2027 年');
      expect(err.message).toContain('放假');
      expect(err.fieldErrors.holidays).toContain('2026-12-31');
    });

    it('a make-up working day outside the year is named under the working days', () => {
      const err = refused({ workdays: ['2028-01-08'] });
      expect(err.message).toContain('2028-01-08 不在 2027 年');
      expect(Object.keys(err.fieldErrors)).toEqual(['workdays']);
      expect(err.fieldErrors.workdays).toContain('2028-01-08');
      expect(err.message).toContain('调休上班');
    });

    it('a make-up working day that is not a weekend', () => {
      const err = refused({ workdays: ['2027-02-15'] }); // a Monday
      expect(err.code).toBe('VALIDATION');
      expect(err.message).toContain('调休上班日期 2027-02-15 不是周末');
      expect(err.fieldErrors.workdays).toContain('2027-02-15');
    });

    it('a date that is both a holiday and a working day', () => {
      const err = refused({ workdays: ['2027-02-13', '2027-02-06'] });
      expect(err.message).toContain('调休上班日期 2027-02-06 同时列为放假日期');
      expect(err.fieldErrors.workdays).toContain('2027-02-06');
    });

    it('a malformed date, no holidays at all, a year out of range, no source', () => {
      expect(refused({ holidays: ['2027/01/01'] }).message).toContain('不是实际存在的日期');
      expect(refused({ holidays: [] }).message).toContain('请填写放假日期');
      expect(refused({ year: 1999 }).message).toContain('年份不能小于 2000');
      expect(refused({ source: '' }).message).toContain('请填写依据');
    });
  });

  describe('after the administrator loads 2027', () => {
    it('the load is audited and sent to the platform; a date listed twice counts once', () => {
      const before = written();
      expect(load({ ...Y2027, holidays: [...Y2027.holidays, '2027-01-01'] })).toEqual({ year: 2027, holidays: 10, workdays: 1 });
      const after = written();
      expect([after.years - before.years, after.audit - before.audit, after.outbox - before.outbox]).toEqual([1, 1, 1]);
      const last = app.database.sqlite.prepare('SELECT operation, summary FROM audit_log ORDER BY seq DESC LIMIT 1').get() as Record<string, string>;
      expect(last.operation).toBe('calendar.load');
      expect(last.summary).toContain('2027');
      expect(last.summary).toContain(Y2027.source);
    });

    it('the calculator computes what it reported missing: 2027-01-09 is a Saturday, and the deadline runs over the Spring Festival to the make-up Saturday', () => {
      // 2026-12-10 + 30 = 2027-01-09 (Sat) → Mon 01-11; + 30 = 02-10, in the holiday → 02-13, a working Saturday.
      expect(dates('2026-12-10')).toEqual({ receivedOn: '2026-12-10', coolingOffEnds: '2027-01-11', certificateDeadline: '2027-02-13' });
      // + 30 = 2027-01-01, New Year's Day: the period runs on to Monday 01-04.
      expect(dates('2026-12-02')).toEqual({ receivedOn: '2026-12-02', coolingOffEnds: '2027-01-04', certificateDeadline: '2027-02-03' });
    });

    it('a divorce application received today now has its dates', () => {
      const a = app.call<'divorce.apply'>('divorce.apply', { marriageCertificateNumber: 'J110105-2026-000001', ...agreement }, registrar);
      expect(a).toMatchObject({ receivedOn: '2026-12-10', coolingOffEnds: '2027-01-11', certificateDeadline: '2027-02-13', status: 'received' });
    });

    it('the status lists 2027 first, with its source, its counts and when it was loaded', () => {
      expect(status()[0]).toEqual({ year: 2027, source: Y2027.source, holidays: 10, workdays: 1, loadedAt: clock.now.toISOString() });
    });

    it('loading 2027 again replaces it; an application already received keeps the dates fixed at receipt', () => {
      clock.advanceMinutes(10);
      const count2027 = count(app, 'calendar_years');
      // A corrected notice: Spring Festival one day shorter, no make-up day.
      load({ ...Y2027, holidays: Y2027.holidays.filter((d) => d !== '2027-02-12'), workdays: [], source: '更正后的通知' });
      expect(count(app, 'calendar_years')).toBe(count2027);
      // 02-10 and 02-11 are still holidays; Friday 02-12 is now a working day.
      expect(dates('2026-12-10').certificateDeadline).toBe('2027-02-12');
      expect(status()[0]).toMatchObject({ year: 2027, source: '更正后的通知', holidays: 9, workdays: 0 });
      const kept = app.call<'divorce.list'>('divorce.list', {}, registrar)[0];
      expect(kept).toMatchObject({ coolingOffEnds: '2027-01-11', certificateDeadline: '2027-02-13' });
    });
  });

  describe('loading a year that ships with the software (2026) replaces the shipped one', () => {
    it('the loaded 2026 is used instead, and the status says where it came from', () => {
      expect(dates('2026-09-01').coolingOffEnds).toBe('2026-10-08');
      load({ year: 2026, holidays: ['2026-01-01', '2026-10-01', '2026-10-02'], workdays: ['2026-10-10'], source: '管理员录入（测试）' });
      // 2026-09-01 + 30 = 10-01 (holiday), 10-02 (holiday), 10-03 Sat, 10-04 Sun → Monday 10-05.
      expect(dates('2026-09-01').coolingOffEnds).toBe('2026-10-05');
      const y2026 = status().find((y) => y.year === 2026)!;
      expect(y2026).toEqual({ year: 2026, source: '管理员录入（测试）', holidays: 3, workdays: 1, loadedAt: clock.now.toISOString() });
      expect(status().filter((y) => y.year === 2026)).toHaveLength(1);
    });

    it('the second marriage’s application, received now, is dated by the calendars as loaded', () => {
      const a = app.call<'divorce.apply'>('divorce.apply', { marriageCertificateNumber: 'J110105-2026-000002', ...agreement }, registrar);
      expect(a).toMatchObject({ receivedOn: '2026-12-10', coolingOffEnds: '2027-01-11' });
    });
  });

  // Last: if the date were accepted, 2027 would be replaced.
  describe('a date that does not exist', () => {
    it('is refused naming the field, and nothing is written', () => {
      const before = written();
      const err = appError(() => load({ ...Y2027, holidays: [...Y2027.holidays, '2027-02-30'] }));
      expect(err.code).toBe('VALIDATION');
      expect(err.message).toContain('2027-02-30');
      expect(err.message).toContain('放假');
      expect(written()).toEqual(before);
    });
  });
});
