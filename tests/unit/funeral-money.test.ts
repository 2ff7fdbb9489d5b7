import { describe, expect, it } from 'vitest';
import { formatYuan, formatYuanFixed, uppercaseYuan, yuan } from '../../src-main/funeral/money';

describe('money as statements print it', () => {
  it('two decimals always, thousands separated', () => {
    expect(formatYuanFixed(178000)).toBe('1,780.00');
    expect(formatYuanFixed(23245)).toBe('232.45');
    expect(formatYuanFixed(5)).toBe('0.05');
    expect(formatYuanFixed(0)).toBe('0.00');
    expect(formatYuanFixed(123456789)).toBe('1,234,567.89');
    expect(formatYuan(178000)).toBe('1,780');
  });

  it('financial capitals (大写金额): 整 after whole 元 or 角, one 零 for a gap', () => {
    expect(uppercaseYuan(yuan(1780))).toBe('壹仟柒佰捌拾元整');
    expect(uppercaseYuan(yuan(3080))).toBe('叁仟零捌拾元整');
    expect(uppercaseYuan(yuan(1005))).toBe('壹仟零伍元整');
    expect(uppercaseYuan(yuan(10005))).toBe('壹万零伍元整');
    expect(uppercaseYuan(yuan(100000))).toBe('壹拾万元整');
    expect(uppercaseYuan(yuan(200100))).toBe('贰拾万零壹佰元整');
    expect(uppercaseYuan(yuan(1234567.89))).toBe('壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分');
    expect(uppercaseYuan(yuan(1000.05))).toBe('壹仟元零伍分');
    expect(uppercaseYuan(yuan(1780.5))).toBe('壹仟柒佰捌拾元伍角整');
    expect(uppercaseYuan(5)).toBe('伍分');
    expect(uppercaseYuan(0)).toBe('零元整');
    expect(uppercaseYuan(yuan(100000000))).toBe('壹亿元整');
    expect(() => uppercaseYuan(1.5)).toThrow(RangeError);
  });
});
