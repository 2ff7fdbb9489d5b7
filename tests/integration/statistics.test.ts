import { Workbook } from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpOutput, RefusalReason } from '../../src-main/contract';
import type { CivReg } from '../../src-main/core/civreg';
import { appError, asyncAppError, cleanupTempDirs, FixedClock, idNumber, login, loginReady, makeApp, STATION } from '../helpers/civreg';

// 04:00 UTC: the same calendar date from UTC−4 to UTC+19. The station (110105) is in Beijing (11).
const clock = new FixedClock('2026-03-02T04:00:00.000Z');
const agreement = { children: '无子女', property: '各自名下财产归各自所有', debts: '无共同债务' };

const person = (name: string, sex: 'male' | 'female', first17: string) => ({ name, sex, nationality: '中国', idNumber: idNumber(first17) });

describe('婚姻登记统计 for supervisors', () => {
  let app: CivReg;
  let admin: string;
  let registrar: string;
  let reviewer: string;
  let divorceRegisteredOn: string;

  const days = (n: number): void => {
    clock.advanceMinutes(n * 24 * 60);
    app.call('auth.unlock', { password: 'Regist123x9' }, registrar);
  };
  const marry = (a: ReturnType<typeof person>, b: ReturnType<typeof person>) =>
    app.call<'marriage.register'>('marriage.register', { party1: a, party2: b, declarationSigned: true, consentConfirmed: true }, registrar);
  const refuse = (a: ReturnType<typeof person>, b: ReturnType<typeof person>, reasonCode: RefusalReason) =>
    app.call<'marriage.refuse'>('marriage.refuse', { party1: a, party2: b, reasonCode, reason: '经审查不符合结婚登记条件' }, registrar);
  const reissue = (certificateNumber: string, originalNumber: string, issuedOn: string): void => {
    app.database.sqlite
      .prepare('INSERT INTO certificate_reissues (certificate_number, original_number, party, issued_on, reason, created_at) VALUES (?, ?, 1, ?, ?, ?)')
      .run(certificateNumber, originalNumber, issuedOn, '遗失', clock.now.toISOString());
  };
  const stats = (input: { from?: string; to?: string; granularity?: 'day' | 'month' }, session = reviewer): OpOutput<'stats.marriage'> =>
    app.call<'stats.marriage'>('stats.marriage', input, session);

  beforeAll(() => {
    ({ app } = makeApp({ clock }));
    admin = login(app);
    app.call('users.create', { username: 'dengji', displayName: '登记员', role: 'registrar', password: 'Regist123' }, admin);
    app.call('users.create', { username: 'shenhe', displayName: '审核员', role: 'reviewer', password: 'Review123' }, admin);
    registrar = loginReady(app, 'dengji', 'Regist123');
    reviewer = loginReady(app, 'shenhe', 'Review123');

    // 2026-03-02: two marriages, one with a bride from Guangdong (44); an under-age refusal.
    const a = marry(person('张伟', 'male', '11010519900101123'), person('李娜', 'female', '11010519920202124'));
    const b = marry(person('王强', 'male', '11010819910303133'), person('陈静', 'female', '44200019930404144'));
    refuse(person('赵小军', 'male', '11010520100101153'), person('钱芳', 'female', '11010520090101164'), 'under-age');

    // 2026-03-03: nothing. 2026-03-04: both parties from elsewhere (Xinjiang and Guangdong) — one
    // cross-province registration, not two; two refusals; a 补发结婚证; two divorce applications.
    days(2);
    marry(person('艾力', 'male', '65010219900505173'), person('黄丽', 'female', '44010619920606184'));
    refuse(person('孙磊', 'male', '11010519850101193'), person('周敏', 'female', '11010519870101204'), 'already-married');
    refuse(person('吴刚', 'male', '11010520080101213'), person('郑洁', 'female', '11010520090301224'), 'under-age');
    reissue('BJ110105-2026-000001', a.certificateNumber, '2026-03-04');
    // A party registered with a passport: its number says nothing of a province, so not 跨省通办.
    app.database.sqlite
      .prepare(
        `INSERT INTO marriages (certificate_number, registered_on, authority, party1_name, party1_sex, party1_nationality, party1_birth_date,
           party1_document_type, party1_id_number, party2_name, party2_sex, party2_nationality, party2_birth_date, party2_document_type,
           party2_id_number, created_at)
         VALUES ('J110105-2026-000099', '2026-03-04', '110105', '冯军', 'male', '中国', '1990-01-01', 'resident-id', ?, 'ANNA', 'female', '德国',
           '1992-01-01', 'passport', 'C01X00T47', ?)`,
      )
      .run(idNumber('11010519900101233'), clock.now.toISOString());
    const applied = app.call<'divorce.apply'>('divorce.apply', { marriageCertificateNumber: a.certificateNumber, ...agreement }, registrar);
    const other = app.call<'divorce.apply'>('divorce.apply', { marriageCertificateNumber: b.certificateNumber, ...agreement }, registrar);
    app.call<'divorce.withdraw'>('divorce.withdraw', { applicationId: other.id, party: 1 }, registrar);

    // The day after the cooling-off period: the divorce is registered, and a 补发离婚证 the same day.
    const toDate = (iso: string) => new Date(`${iso}T04:00:00.000Z`).getTime();
    days((toDate(applied.coolingOffEnds) - toDate('2026-03-04')) / 86_400_000 + 1);
    const divorced = app.call<'divorce.register'>('divorce.register', { applicationId: applied.id, bothPresent: true }, registrar);
    divorceRegisteredOn = divorced.endedOn!;
    reissue('BL110105-2026-000001', divorced.certificateNumber!, divorceRegisteredOn);
    app.call('auth.unlock', { password: 'Review123x9' }, reviewer);
    app.call('auth.unlock', { password: 'Admin12345' }, admin);
  });
  afterAll(() => {
    app.close();
    cleanupTempDirs();
  });

  it('by day: each day of the range, the quiet ones as zeros', () => {
    const s = stats({ from: '2026-03-01', to: '2026-03-05', granularity: 'day' });
    const zero = { marriages: 0, divorces: 0, reissues: 0, refusals: 0, crossProvince: 0 };
    expect(s.periods).toEqual([
      { period: '2026-03-01', ...zero },
      { period: '2026-03-02', ...zero, marriages: 2, refusals: 1, crossProvince: 1 },
      { period: '2026-03-03', ...zero },
      { period: '2026-03-04', ...zero, marriages: 2, refusals: 2, reissues: 1, crossProvince: 1 },
      { period: '2026-03-05', ...zero },
    ]);
    expect(s.totals).toEqual({ marriages: 4, divorces: 0, reissues: 1, reissuedMarriage: 1, reissuedDivorce: 0, refusals: 3 });
    expect(s).toMatchObject({ from: '2026-03-01', to: '2026-03-05', granularity: 'day', officeName: STATION.officeName });
  });

  it('by month: the months the range touches, with the divorce in the month it was registered', () => {
    const s = stats({ from: '2026-02-15', to: '2026-05-31', granularity: 'month' });
    expect(s.periods.map((p) => p.period)).toEqual(['2026-02', '2026-03', '2026-04', '2026-05']);
    const month = divorceRegisteredOn.slice(0, 7);
    expect(s.periods.find((p) => p.period === '2026-03')).toMatchObject({ marriages: 4, refusals: 3, reissues: 1, divorces: 0, crossProvince: 2 });
    expect(s.periods.find((p) => p.period === month)).toMatchObject({ marriages: 0, divorces: 1, reissues: 1 });
    expect(s.periods.find((p) => p.period === '2026-02')).toMatchObject({ marriages: 0, divorces: 0, reissues: 0, refusals: 0 });
    expect(s.totals).toMatchObject({ marriages: 4, divorces: 1, reissues: 2, reissuedMarriage: 1, reissuedDivorce: 1, refusals: 3 });
  });

  it('跨省通办: marriages with a party whose 居民身份证 is from another province, and their share', () => {
    expect(stats({ from: '2026-03-01', to: '2026-03-31' }).crossProvince).toEqual({ marriages: 4, crossProvince: 2, share: 0.5 });
    expect(stats({ from: '2026-03-03', to: '2026-03-03' }).crossProvince).toEqual({ marriages: 0, crossProvince: 0, share: 0 });
  });

  it('不予登记 by reason, every reason listed with its Chinese label', () => {
    expect(stats({ from: '2026-03-01', to: '2026-03-31' }).refusalsByReason).toEqual([
      { reason: 'under-age', label: '未达法定婚龄', count: 2 },
      { reason: 'not-voluntary', label: '非双方自愿', count: 0 },
      { reason: 'already-married', label: '一方或双方已有配偶', count: 1 },
      { reason: 'prohibited-relation', label: '属于禁止结婚的亲属关系', count: 0 },
      { reason: 'other', label: '其他', count: 0 },
    ]);
  });

  it('协议离婚 applications: received and withdrawn in March, registered later', () => {
    expect(stats({ from: '2026-03-01', to: '2026-03-31' }).divorceOutcomes).toEqual({ received: 2, withdrawn: 1, lapsed: 0, registered: 0 });
    expect(stats({ from: '2026-03-01', to: '2026-05-31' }).divorceOutcomes).toEqual({ received: 2, withdrawn: 1, lapsed: 0, registered: 1 });
  });

  it('without a range: the station clock’s month to date', () => {
    const s = stats({ granularity: 'month' });
    expect(s.today).toBe(divorceRegisteredOn);
    expect(s).toMatchObject({ from: `${divorceRegisteredOn.slice(0, 8)}01`, to: divorceRegisteredOn, granularity: 'month' });
    expect(s.totals).toMatchObject({ divorces: 1, reissues: 1 });
  });

  it('the administrator may read them too', () => {
    expect(stats({ from: '2026-03-02', to: '2026-03-02' }, admin).totals.marriages).toBe(2);
  });

  it('the xlsx carries the same figures: by day, by month, 跨省通办, reasons, divorce applications', async () => {
    const out = await app.callAsync<'stats.export'>('stats.export', { from: '2026-03-01', to: '2026-05-31', granularity: 'day' }, reviewer);
    expect(out.fileName).toBe('婚姻登记统计_2026-03-01_2026-05-31.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(out.xlsxBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['按日', '按月', '跨省通办', '不予登记原因', '离婚登记申请']);

    // Row and column numbers from 1, as Excel counts: index 0 of each is empty.
    const rows = (name: string): unknown[][] => {
      const values: unknown[][] = [[]];
      workbook.getWorksheet(name)!.eachRow({ includeEmpty: true }, (row, n) => {
        values[n] = (row.values as unknown[]).slice(1);
      });
      return values;
    };
    const daily = rows('按日');
    expect(String(daily[1][0])).toContain(STATION.officeName);
    expect(String(daily[2][0])).toContain('2026-03-01 至 2026-05-31');
    expect(daily[3]).toEqual(['日期', '结婚登记（件）', '离婚登记（件）', '补发证件（件）', '不予登记（件）', '其中跨省通办结婚登记（件）']);
    expect(daily.find((r) => r[0] === '2026-03-03')).toEqual(['2026-03-03', 0, 0, 0, 0, 0]);
    expect(daily.find((r) => r[0] === '2026-03-04')).toEqual(['2026-03-04', 2, 0, 1, 2, 1]);
    expect(daily.filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(String(r[0])))).toHaveLength(92);
    expect(daily.at(-1)).toEqual(['合计', 4, 1, 2, 3, 2]);

    const monthly = rows('按月');
    expect(monthly.find((r) => r[0] === '2026-03')).toEqual(['2026-03', 4, 0, 1, 3, 2]);
    expect(monthly.at(-1)).toEqual(['合计', 4, 1, 2, 3, 2]);

    const cross = rows('跨省通办');
    expect(cross.find((r) => r[0] === '2026-03')).toEqual(['2026-03', 4, 2, 0.5]);
    expect(workbook.getWorksheet('跨省通办')!.getRow(4).getCell(4).numFmt).toBe('0.0%');

    const reasons = rows('不予登记原因');
    expect(reasons.find((r) => r[0] === '未达法定婚龄')?.slice(0, 2)).toEqual(['未达法定婚龄', 2]);
    expect(reasons.at(-1)?.slice(0, 2)).toEqual(['合计', 3]);

    const divorces = rows('离婚登记申请');
    expect(divorces.slice(4)).toEqual([['受理申请', 2], ['撤回', 1], ['视为撤回', 0], ['登记离婚', 1]]);

    const header = workbook.getWorksheet('按日')!.getRow(3).getCell(1);
    expect(header.font?.bold).toBe(true);
    expect(workbook.getWorksheet('按日')!.getColumn(1).width).toBeGreaterThan(10);
  });

  it('bad ranges are refused in Chinese, naming the field', () => {
    const backwards = appError(() => stats({ from: '2026-03-05', to: '2026-03-01' }));
    expect(backwards.code).toBe('VALIDATION');
    expect(backwards.fieldErrors.to).toBe('截止日期不能早于起始日期（2026-03-05）');
    expect(appError(() => stats({ from: '2020-01-01', to: '2025-01-01' })).fieldErrors.to).toContain('不能超过 5 年');
    expect(stats({ from: '2020-01-01', to: '2024-12-31', granularity: 'month' }).periods).toHaveLength(60);
    expect(appError(() => stats({ from: '2026-02-30', to: '2026-03-01' })).fieldErrors.from).toContain('起始日期 ');
    expect(appError(() => stats({ from: '2026-03-01' })).fieldErrors.to).toBe('请填写截止日期');
    expect(appError(() => app.call('stats.marriage', { from: '2026-03-01', to: '2026-03-02', granularity: 'week' } as never, reviewer)).fieldErrors.granularity).toContain('统计周期');
  });

  it('a registrar is refused, on the screen’s operation and on the export', async () => {
    const err = appError(() => stats({ from: '2026-03-01', to: '2026-03-31' }, registrar));
    expect(err.code).toBe('FORBIDDEN');
    expect(err.message).toContain('查看婚姻登记统计');
    expect((await asyncAppError(app.callAsync('stats.export', { from: '2026-03-01', to: '2026-03-31', granularity: 'day' }, registrar))).code).toBe('FORBIDDEN');
  });
});
