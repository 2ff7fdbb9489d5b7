import { describe, expect, it } from 'vitest';
import { dateOfAge, fullYears, underAgeReason } from '../../src-main/marriage/marriage-age';
import { crossCheck, parseResidentId, upgradeFifteenDigit } from '../../src-main/identity/resident-id';

describe('full years of age', () => {
  it('a year is complete on the birthday itself, not the day before', () => {
    expect(fullYears('2004-11-23', '2026-11-22')).toBe(21);
    expect(fullYears('2004-11-23', '2026-11-23')).toBe(22);
  });

  it('born on 29 February: the birthday falls on 1 March in a common year, on 29 February in a leap year', () => {
    expect(fullYears('2004-02-29', '2026-02-28')).toBe(21);
    expect(fullYears('2004-02-29', '2026-03-01')).toBe(22);
    expect(fullYears('2004-02-29', '2028-02-29')).toBe(24);
    expect(dateOfAge('2004-02-29', 22)).toBe('2026-03-01');
    expect(dateOfAge('2004-02-29', 20)).toBe('2024-02-29');
  });
});

describe('法定婚龄 (22 for men, 20 for women) on the registration date', () => {
  it('a man one day short of 22 is refused with the reason and the date he reaches the age', () => {
    const reason = underAgeReason({ name: '张伟', sex: 'male', birthDate: '2004-11-24' }, '2026-11-23');
    expect(reason).toContain('未达法定婚龄');
    expect(reason).toContain('2026-11-24');
  });

  it('on his 22nd birthday he may register; a woman of 20 may too', () => {
    expect(underAgeReason({ name: '张伟', sex: 'male', birthDate: '2004-11-23' }, '2026-11-23')).toBeNull();
    expect(underAgeReason({ name: '李娜', sex: 'female', birthDate: '2006-11-23' }, '2026-11-23')).toBeNull();
    expect(underAgeReason({ name: '李娜', sex: 'female', birthDate: '2006-11-24' }, '2026-11-23')).not.toBeNull();
  });

  it('a woman born on 29 February 2004 reaches 20 on 29 February 2024, a man born then reaches 22 on 1 March 2026', () => {
    expect(underAgeReason({ name: '甲', sex: 'female', birthDate: '2004-02-29' }, '2024-02-28')).not.toBeNull();
    expect(underAgeReason({ name: '甲', sex: 'female', birthDate: '2004-02-29' }, '2024-02-29')).toBeNull();
    expect(underAgeReason({ name: '乙', sex: 'male', birthDate: '2004-02-29' }, '2026-02-28')).not.toBeNull();
    expect(underAgeReason({ name: '乙', sex: 'male', birthDate: '2004-02-29' }, '2026-03-01')).toBeNull();
  });
});

describe('resident ID numbers (GB 11643)', () => {
  it('reads birth date and sex from the number; a lower-case x is normalized', () => {
    expect(parseResidentId('34052419800101001x')).toEqual({ number: '34052419800101001X', division: '340524', birthDate: '1980-01-01', sex: 'male' });
    expect(parseResidentId('442000199001011241').sex).toBe('female');
  });

  it('a wrong check digit is refused naming the right one', () => {
    expect(() => parseResidentId('340524198001010011')).toThrow(/校验位错误（最后一位应为 X）/);
  });

  it('birth date or sex disagreeing with the number is refused', () => {
    const id = parseResidentId('34052419800101001X');
    expect(() => crossCheck(id, { birthDate: '1980-01-02' })).toThrow(/不一致/);
    expect(() => crossCheck(id, { sex: 'female' })).toThrow(/性别“女”/);
    expect(() => crossCheck(id, { birthDate: '1980-01-01', sex: 'male' })).not.toThrow();
  });

  it('an old 15-digit number converts to 18 digits with its check character', () => {
    expect(upgradeFifteenDigit('340524800101001')).toBe('34052419800101001X');
  });
});
