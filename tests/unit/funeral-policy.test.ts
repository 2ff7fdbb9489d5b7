import { describe, expect, it } from 'vitest';
import { formatYuan, yuan } from '../../src-main/funeral/money';
import { policyVersionSchema, type PolicyScheme, type PolicyVersion } from '../../src-main/contract/funeral-policy';
import { parsePolicyScheme } from '../../src-main/funeral/policy-versions';
import { DONGGUAN, HUIZHOU, LEIZHOU, SEED_POLICY_SCHEMES } from '../../src-main/funeral/seed-policies';
import { appError } from '../helpers/civreg';


const base: PolicyVersion = HUIZHOU.versions[0];
const schemeWith = (version: unknown): unknown => ({ ...HUIZHOU, versions: [version] });

describe('money in integer fen', () => {
  it('formats fen as yuan with thousands separators, showing fen only when there are any', () => {
    expect(formatYuan(178000)).toBe('1,780');
    expect(formatYuan(23245)).toBe('232.45');
    expect(formatYuan(23240)).toBe('232.40');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(123456789)).toBe('1,234,567.89');
  });

  it('seed amounts are written in yuan and stored as whole fen', () => {
    expect(yuan(1780)).toBe(178000);
    expect(yuan(0.1)).toBe(10);
    expect(() => yuan(1.005)).toThrow(/不是整分/);
  });
});

describe('seed policies (funeral.md)', () => {
  it('every seed scheme passes the same boundary check as a version from the administrator or the platform', () => {
    for (const scheme of SEED_POLICY_SCHEMES) expect(parsePolicyScheme(scheme)).toEqual(scheme);
  });

  it('carry the figures the sources give', () => {
    expect(HUIZHOU.versions[0]).toMatchObject({ effectiveFrom: '2025-06-01', overallCap: 178000 });
    expect(HUIZHOU.versions[0].items).toHaveLength(8);
    expect(HUIZHOU.versions[0].unclaimed.noticeDays).toBe(15);
    expect(DONGGUAN.versions.map((v) => v.overallCap)).toEqual([117000, undefined]);
    const lz = LEIZHOU.versions[0];
    expect(lz.overallCap).toBe(154000);
    expect(lz.items.find((i) => i.id === 'transport')).toMatchObject({ itemCap: 48000 });
    expect(lz.items.find((i) => i.id === 'storage')).toMatchObject({ unitPrice: 8000, quantityCap: 3, unit: '天' });
    expect(lz.items.find((i) => i.id === 'cremation')).toMatchObject({ unitPrice: 25000 });
    expect(lz.items.find((i) => i.id === 'ash-storage')).toMatchObject({ unitPrice: 5000, quantityCap: 2, unit: '年' });
  });
});

describe('policy validation at the boundary (Chinese messages naming the field)', () => {
  it('a fixed-amount item needs a unit price', () => {
    const items = [{ id: 'cremation', label: '遗体火化', unit: '次', quantityCap: 1, reimburse: 'fixed' }];
    const err = appError(() => parsePolicyScheme(schemeWith({ ...base, items })));
    expect(err.code).toBe('VALIDATION');
    expect(err.fieldErrors['versions.0.items.0.unitPrice']).toContain('按标准定额减免的项目必须填写单价');
  });

  it('money must be whole fen: 80.5 fen is refused, and so is a negative amount', () => {
    const items = [{ id: 'storage', label: '遗体冷藏', unit: '天', unitPrice: 80.5, quantityCap: 3, reimburse: 'actual' }];
    const err = appError(() => parsePolicyScheme(schemeWith({ ...base, items })));
    expect(err.fieldErrors['versions.0.items.0.unitPrice']).toBe('单价以分为单位，必须是整数');
    const negative = appError(() => parsePolicyScheme(schemeWith({ ...base, overallCap: -1 })));
    expect(negative.fieldErrors['versions.0.overallCap']).toBe('每具遗体减免总额上限不能为负数');
  });

  it('an end date before the start date is refused with both dates', () => {
    const err = appError(() => parsePolicyScheme(schemeWith({ ...base, effectiveTo: '2025-05-31' })));
    expect(err.fieldErrors['versions.0.effectiveTo']).toBe('版本「2025 年方案」的失效日期 2025-05-31 早于生效日期 2025-06-01');
  });

  it('dates must exist; units and modes must be known; ids unique; unknown fields refused', () => {
    const err = appError(() =>
      parsePolicyScheme(
        schemeWith({
          ...base,
          effectiveFrom: '2025-02-30',
          items: [
            { ...base.items[0], unit: '斤' },
            { ...base.items[1], id: base.items[0].id, reimburse: 'free' },
          ],
          colour: 'red',
        }),
      ),
    );
    expect(err.fieldErrors['versions.0.effectiveFrom']).toContain('2025-02-30 不是实际存在的日期');
    expect(err.fieldErrors['versions.0.items.0.unit']).toBe('计量单位的取值无效');
    expect(err.fieldErrors['versions.0.items.1.reimburse']).toBe('减免方式的取值无效');
    expect(err.fieldErrors['versions.0.colour']).toBe('不认识的字段：colour');
  });

  it('duplicate item ids are refused', () => {
    const parsed = policyVersionSchema.safeParse({ ...base, items: [base.items[0], base.items[0]] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toContain('减免项目编号「transport」重复');
  });

  it('a residency rule must state at least one condition', () => {
    const err = appError(() => parsePolicyScheme(schemeWith({ ...base, residency: [{ id: 'x', label: '任何人', proofs: [] }] })));
    expect(Object.values(err.fieldErrors).join()).toContain('户籍与地点条件至少要规定一项');
  });

  it('a scheme needs at least one version', () => {
    const err = appError(() => parsePolicyScheme({ ...HUIZHOU, versions: [] } satisfies PolicyScheme));
    expect(err.fieldErrors.versions).toContain('方案至少要有一个政策版本');
  });
});
