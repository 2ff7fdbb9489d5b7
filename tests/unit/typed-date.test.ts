import { describe, expect, it } from 'vitest';
import { normalizeDate, parseTypedDate } from '../../src-renderer/src/typedDate';

describe('dates as typed at the counter', () => {
  it.each([
    ['2026-10-12', '2026-10-12'],
    ['2026/10/12', '2026-10-12'],
    ['2026.10.12', '2026-10-12'],
    ['2026年10月12日', '2026-10-12'],
    ['20261012', '2026-10-12'],
    ['2026-1-2', '2026-01-02'],
    ['10-12', '2026-10-12'],
    ['1012', '2026-10-12'],
  ])('%s → %s', (typed, iso) => expect(parseTypedDate(typed, '2026-11-24')).toBe(iso));

  it('refuses what is not a real date, and short forms without a year to assume', () => {
    expect(parseTypedDate('2026-02-29', '2026-11-24')).toBeNull();
    expect(parseTypedDate('2028-02-29', '2026-11-24')).toBe('2028-02-29');
    expect(parseTypedDate('1012', null)).toBeNull();
    expect(parseTypedDate('明天', '2026-11-24')).toBeNull();
  });

  it('while typing: eight digits become a date, anything shorter is left to finish', () => {
    expect(normalizeDate('19950611')).toBe('1995-06-11');
    expect(normalizeDate('1995年6月1')).toBe('1995-6-1');
    expect(normalizeDate('1995')).toBe('1995');
  });
});
