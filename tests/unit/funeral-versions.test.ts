import { describe, expect, it } from 'vitest';
import type { PolicyScheme, PolicyVersion } from '../../src-main/contract/funeral-policy';
import { appendVersion, parsePolicyScheme, versionInForce, versionProblems } from '../../src-main/funeral/policy-versions';
import { DONGGUAN, HUIZHOU } from '../../src-main/funeral/seed-policies';
import { appError } from '../helpers/civreg';


const [dg2020, dg2025] = DONGGUAN.versions;
const hz2025 = HUIZHOU.versions[0];
const hz2027: PolicyVersion = { ...hz2025, id: 'hz-2027', name: '2027 年方案', effectiveFrom: '2027-01-01', overallCap: 200000 };

describe('the version in force on a date', () => {
  it('东莞: the 2020 scheme up to 2025-08-31, the 2025 plan from 2025-09-01 (both ends inclusive)', () => {
    expect(versionInForce(DONGGUAN, '2020-01-01').id).toBe('dg-2020');
    expect(versionInForce(DONGGUAN, '2025-08-31').id).toBe('dg-2020');
    expect(versionInForce(DONGGUAN, '2025-09-01').id).toBe('dg-2025');
    expect(versionInForce(DONGGUAN, '2030-12-31').id).toBe('dg-2025');
  });

  it('no version in force: a VALIDATION error naming the date, which date it is, and the versions there are', () => {
    const err = appError(() => versionInForce(DONGGUAN, '2019-12-31'));
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toBe(
      '死亡日期 2019-12-31 没有生效的东莞市基本殡葬服务减免版本（现有版本：「2020 年方案」（2020-01-01 至 2025-08-31）、「2025 年方案」（2025-09-01 至 2030-12-31））',
    );
    expect(err.fieldErrors).toEqual({ dateOfDeath: err.message });
    const app = appError(() => versionInForce(DONGGUAN, '2031-01-01', { dateLabel: '申请日期', field: 'appliedOn' }));
    expect(app.fieldErrors.appliedOn).toMatch(/^申请日期 2031-01-01 没有生效的/);
  });

  it('an open-ended version runs on indefinitely', () => {
    expect(versionInForce(HUIZHOU, '2099-12-31').id).toBe('hz-2025');
    expect(() => versionInForce(HUIZHOU, '2025-05-31')).toThrow(/2025-05-31/);
  });
});

describe('versions must not overlap', () => {
  it('two closed versions that overlap are refused, naming both and the days they share', () => {
    const scheme: PolicyScheme = { ...DONGGUAN, versions: [{ ...dg2020, effectiveTo: '2025-12-31' }, dg2025] };
    const err = appError(() => parsePolicyScheme(scheme));
    expect(err.code).toBe('VALIDATION');
    expect(err.fieldErrors['versions.1.effectiveFrom']).toBe(
      '版本「2020 年方案」（2020-01-01 至 2025-12-31）与版本「2025 年方案」（2025-09-01 至 2030-12-31）的生效期重叠：2025-09-01 至 2025-12-31 两个版本同时有效',
    );
    expect(err.message).toContain('东莞市基本殡葬服务减免：版本「2020 年方案」');
  });

  it('an open-ended version overlaps everything after its start, whatever the list order', () => {
    const problems = versionProblems([dg2025, { ...dg2020, effectiveTo: undefined }]);
    expect(problems).toEqual([
      {
        field: 'versions.0.effectiveFrom',
        message: '版本「2020 年方案」（2020-01-01 起）与版本「2025 年方案」（2025-09-01 至 2030-12-31）的生效期重叠：2025-09-01 至 2030-12-31 两个版本同时有效',
      },
    ]);
  });

  it('versions touching end to start do not overlap; a one-day overlap does', () => {
    expect(versionProblems(DONGGUAN.versions)).toEqual([]);
    const oneDay = versionProblems([{ ...dg2020, effectiveTo: '2025-09-01' }, dg2025]);
    expect(oneDay[0].message).toContain('的生效期重叠：2025-09-01 两个版本同时有效');
  });

  it('duplicate version ids are refused', () => {
    expect(versionProblems([dg2020, { ...dg2025, id: 'dg-2020' }])[0].message).toBe('版本编号「dg-2020」重复（第 1 个和第 2 个版本）');
  });
});

describe('appendVersion: a change of policy is a new version', () => {
  it('closes the open-ended version the day before the new one starts, without touching the original scheme', () => {
    const next = appendVersion(HUIZHOU, hz2027, new Set(['hz-2025']));
    expect(next.versions.map((v) => [v.id, v.effectiveFrom, v.effectiveTo])).toEqual([
      ['hz-2025', '2025-06-01', '2026-12-31'],
      ['hz-2027', '2027-01-01', undefined],
    ]);
    expect(HUIZHOU.versions[0].effectiveTo).toBeUndefined();
    expect(versionInForce(next, '2026-12-31').overallCap).toBe(178000);
    expect(versionInForce(next, '2027-01-01').overallCap).toBe(200000);
  });

  it('checks the new version itself at the boundary', () => {
    const err = appError(() => appendVersion(HUIZHOU, { ...hz2027, overallCap: 1780.5 }, new Set()));
    expect(err.fieldErrors.overallCap).toBe('每具遗体减免总额上限以分为单位，必须是整数');
  });

  it('a version not yet used may be replaced; one already used by a waiver may not', () => {
    const withDraft = appendVersion(HUIZHOU, hz2027, new Set());
    const revised = appendVersion(withDraft, { ...hz2027, overallCap: 190000 }, new Set(['hz-2025']));
    expect(revised.versions.find((v) => v.id === 'hz-2027')?.overallCap).toBe(190000);
    const err = appError(() => appendVersion(withDraft, { ...hz2027, overallCap: 190000 }, new Set(['hz-2027'])));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe('版本「2027 年方案」（2027-01-01 起）已被减免记录使用，不能修改；政策有变化请新增一个版本');
  });

  it('does not cut a version that has an end date: the overlap is refused', () => {
    const err = appError(() => appendVersion(DONGGUAN, { ...dg2025, id: 'dg-2028', name: '2028 年方案', effectiveFrom: '2028-01-01', effectiveTo: undefined }, new Set()));
    expect(err.message).toContain('版本「2025 年方案」（2025-09-01 至 2030-12-31）与版本「2028 年方案」（2028-01-01 起）的生效期重叠：2028-01-01 至 2030-12-31');
  });

  it('a new version starting the same day as the open-ended one is an overlap, not a zero-length close', () => {
    const err = appError(() => appendVersion(HUIZHOU, { ...hz2027, effectiveFrom: '2025-06-01' }, new Set()));
    expect(err.message).toContain('的生效期重叠：2025-06-01 起 两个版本同时有效');
  });
});
