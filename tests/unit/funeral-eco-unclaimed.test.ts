import { describe, expect, it } from 'vitest';
import { ecoBurialSubsidy, ecoBurialSubsidyUnderScheme } from '../../src-main/funeral/eco-burial';
import type { BurialType } from '../../src-main/contract/funeral-policy';
import { DONGGUAN, GUANGZHOU, HUIZHOU, SHENZHEN, ZHONGSHAN } from '../../src-main/funeral/seed-policies';
import {
  addYears,
  ashRetentionEnds,
  daysInStorage,
  disposalProgress,
  noticeExpires,
  noticeStatus,
  yearStockAndDisposals,
} from '../../src-main/funeral/unclaimed';
import { appError } from '../helpers/civreg';


const zs = ZHONGSHAN.versions[0];
const sz = SHENZHEN.versions[0];

describe('eco-burial subsidies (节地生态安葬奖补)', () => {
  it('中山: sea 1,000 元, tree or lawn 600 元, for 户籍 deceased only; flower-bed burial is not covered', () => {
    expect(ecoBurialSubsidy(zs, { burialType: 'sea', hukouInCity: true })).toEqual({ eligible: true, amount: 100000, reason: '海葬奖补 1,000 元（现行方案）' });
    expect(ecoBurialSubsidy(zs, { burialType: 'tree', hukouInCity: true }).amount).toBe(60000);
    expect(ecoBurialSubsidy(zs, { burialType: 'lawn', hukouInCity: true }).amount).toBe(60000);
    expect(ecoBurialSubsidy(zs, { burialType: 'sea', hukouInCity: false })).toEqual({
      eligible: false,
      amount: 0,
      reason: '节地生态安葬奖补仅限本市户籍逝者，逝者非本市户籍',
    });
    expect(ecoBurialSubsidy(zs, { burialType: 'flower', hukouInCity: true })).toEqual({
      eligible: false,
      amount: 0,
      reason: '花坛葬不在奖补范围内（奖补范围：海葬、树葬、草坪葬）',
    });
  });

  it('深圳: sea burial 3,000 元, every other eco-burial 1,000 元', () => {
    expect(ecoBurialSubsidy(sz, { burialType: 'sea', hukouInCity: false }).amount).toBe(300000);
    for (const t of ['tree', 'lawn', 'flower'] as const) expect(ecoBurialSubsidy(sz, { burialType: t, hukouInCity: true }).amount).toBe(100000);
  });

  it('广州: 2,000 元 for 户籍 deceased who died on or after 2013-01-01', () => {
    expect(ecoBurialSubsidyUnderScheme(GUANGZHOU, { burialType: 'sea', hukouInCity: true, dateOfDeath: '2013-01-01' }).amount).toBe(200000);
    const err = appError(() => ecoBurialSubsidyUnderScheme(GUANGZHOU, { burialType: 'sea', hukouInCity: true, dateOfDeath: '2012-12-31' }));
    expect(err.fieldErrors.dateOfDeath).toMatch(/^死亡日期 2012-12-31 没有生效的/);
  });

  it('a version without a subsidy says so; an unknown burial type is an input error', () => {
    expect(ecoBurialSubsidy(DONGGUAN.versions[1], { burialType: 'sea', hukouInCity: true })).toEqual({
      eligible: false,
      amount: 0,
      reason: '版本「2025 年方案」未设节地生态安葬奖补',
    });
    const err = appError(() => ecoBurialSubsidy(sz, { burialType: 'space' as BurialType, hukouInCity: true }));
    expect(err.fieldErrors.burialType).toBe('安葬方式「space」无效，应为海葬、树葬、草坪葬、花坛葬之一');
  });
});

describe('unclaimed bodies: notice, storage, ashes', () => {
  const hz = HUIZHOU.versions[0].unclaimed;

  it('惠州 15-day notice published 2025-03-01: runs to 2025-03-16 (the day of publication not counted)', () => {
    expect(noticeExpires('2025-03-01', 15)).toBe('2025-03-16');
    expect(noticeStatus('2025-03-01', hz, '2025-03-10')).toEqual({ expires: '2025-03-16', disposableFrom: '2025-03-17', expired: false, daysLeft: 6 });
    expect(noticeStatus('2025-03-01', hz, '2025-03-16')).toMatchObject({ expired: false, daysLeft: 0 });
    expect(noticeStatus('2025-03-01', hz, '2025-03-17')).toMatchObject({ expired: true, daysLeft: 0 });
    // Across the month and year end, and a 60-day notice (广州).
    expect(noticeExpires('2024-12-20', 15)).toBe('2025-01-04');
    expect(noticeExpires('2024-01-15', GUANGZHOU.versions[0].unclaimed.noticeDays)).toBe('2024-03-15');
  });

  it('ashes kept 3 years: to the corresponding day; 29 February ends on 28 February', () => {
    expect(ashRetentionEnds('2025-03-10', hz)).toBe('2028-03-10');
    expect(ashRetentionEnds('2024-02-29', hz)).toBe('2027-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('days in storage count the day of intake as the first', () => {
    expect(daysInStorage('2025-03-01', '2025-03-01')).toBe(1);
    expect(daysInStorage('2025-03-01', '2025-03-31')).toBe(31);
    expect(daysInStorage('2024-02-28', '2024-03-01')).toBe(3);
    expect(appError(() => daysInStorage('2025-03-10', '2025-03-09')).message).toBe('统计日期 2025-03-09 早于接收日期 2025-03-10');
  });

  it('bad dates and periods are refused in Chinese', () => {
    expect(appError(() => noticeExpires('2025-02-29', 15)).fieldErrors.noticeStart).toBe('公告日期 2025-02-29 不是实际存在的日期（应为 YYYY-MM-DD）');
    expect(appError(() => noticeExpires('2025-03-01', 0)).fieldErrors.noticeDays).toBe('公告期天数必须是不小于 1 的整数，现为 0');
  });
});

describe("the year's disposal of the stock held on 1 January", () => {
  it('counts the stock on 1 January and those of it disposed of during the year; bodies received this year do not count', () => {
    const bodies = [
      { intakeDate: '2023-05-01' }, // in stock, still held
      { intakeDate: '2024-11-01', disposedDate: '2025-02-01' }, // in stock, disposed this year
      { intakeDate: '2024-12-31', disposedDate: '2025-01-01' }, // in stock on the morning of 1 January, disposed that day
      { intakeDate: '2024-06-01', disposedDate: '2024-12-31' }, // gone before the year
      { intakeDate: '2025-01-01', disposedDate: '2025-01-20' }, // received this year
      { intakeDate: '2024-03-01', disposedDate: '2026-01-05' }, // disposed next year
    ];
    expect(yearStockAndDisposals(bodies, 2025)).toEqual({ stockOnJanuary1: 4, disposedFromStock: 2 });
  });

  it('中山 2024: more than 50% — exactly half is not enough', () => {
    const target = zs.unclaimed;
    expect(disposalProgress({ stockOnJanuary1: 40, disposedFromStock: 20 }, target)).toEqual({
      stockOnJanuary1: 40,
      disposedFromStock: 20,
      percent: 50,
      target: { percent: 50, exceed: true },
      meetsTarget: false,
      stillNeeded: 1,
      summary: '年初存量 40 具，今年已处置其中 20 具（50.0%），目标超过 50%，还需处置 1 具',
    });
    expect(disposalProgress({ stockOnJanuary1: 40, disposedFromStock: 21 }, target)).toMatchObject({ meetsTarget: true, stillNeeded: 0 });
    expect(disposalProgress({ stockOnJanuary1: 3, disposedFromStock: 1 }, target)).toMatchObject({ percent: 33.3, meetsTarget: false, stillNeeded: 1 });
  });

  it('"at least" targets, no target, and no stock', () => {
    const atLeast = { annualDisposalTarget: { percent: 50, exceed: false } };
    expect(disposalProgress({ stockOnJanuary1: 40, disposedFromStock: 20 }, atLeast).meetsTarget).toBe(true);
    expect(disposalProgress({ stockOnJanuary1: 41, disposedFromStock: 20 }, atLeast)).toMatchObject({ meetsTarget: false, stillNeeded: 1 });
    expect(disposalProgress({ stockOnJanuary1: 10, disposedFromStock: 3 }, {})).toMatchObject({ meetsTarget: null, stillNeeded: 0, summary: '年初存量 10 具，今年已处置其中 3 具（30.0%）' });
    expect(disposalProgress({ stockOnJanuary1: 0, disposedFromStock: 0 }, zs.unclaimed)).toMatchObject({ percent: null, meetsTarget: true, stillNeeded: 0 });
    expect(appError(() => disposalProgress({ stockOnJanuary1: 2, disposedFromStock: 3 }, {})).message).toBe('已处置数 3 超过年初存量 2');
  });
});
