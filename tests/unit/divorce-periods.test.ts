import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract';
import { OfficialCalendar } from '../../src-main/calendar/official-calendar';
import { divorcePeriods } from '../../src-main/marriage/divorce-periods';

const shipped = OfficialCalendar.chineseDaysYears();
const calendar = new OfficialCalendar(shipped);

describe('the official calendar (chinese-days, State Council 2026 arrangement)', () => {
  it('knows 2026 holidays, weekends and make-up working days', () => {
    expect(calendar.isRestDay('2026-10-01')).toBe(true); // 国庆
    expect(calendar.isRestDay('2026-02-18')).toBe(true); // 春节
    expect(calendar.isRestDay('2026-11-21')).toBe(true); // Saturday
    expect(calendar.isRestDay('2026-11-23')).toBe(false); // Monday
    expect(calendar.isRestDay('2026-02-14')).toBe(false); // Saturday made a working day (调休)
    expect(calendar.isRestDay('2026-10-10')).toBe(false); // Saturday made a working day (调休)
  });

  it('refuses to guess about a year whose arrangement is not loaded', () => {
    expect(() => calendar.isRestDay('2027-01-04')).toThrow(AppError);
    expect(() => calendar.isRestDay('2027-01-04')).toThrow(/2027 年的法定节假日安排尚未载入/);
  });
});

describe('divorce cooling-off and certificate window (民法典 1077, 201, 203)', () => {
  it('counts from the day after receipt; both periods end on working days', () => {
    // Received Mon 2026-03-02 → day 30 is Wed 04-01 (working) → window day 30 is Fri 05-01 (劳动节) → first working day after the holiday.
    expect(divorcePeriods('2026-03-02', calendar)).toEqual({ coolingOffEnds: '2026-04-01', certificateDeadline: '2026-05-06' });
  });

  it('a cooling-off period ending on a Sunday ends on Monday', () => {
    // 2026-06-09 + 30 = Thu 07-09? pick a receipt whose day 30 is Sunday 2026-07-12: received 2026-06-12.
    expect(divorcePeriods('2026-06-12', calendar).coolingOffEnds).toBe('2026-07-13');
  });

  it('a period ending inside the National Day holiday ends on the first working day after it, a make-up Saturday', () => {
    // Received 2026-09-01 → day 30 = 2026-10-01 (国庆) → 10-02…10-07 holiday, 10-08 Thursday.
    expect(divorcePeriods('2026-09-01', calendar).coolingOffEnds).toBe('2026-10-08');
    // Received 2026-09-10 → day 30 = Sat 2026-10-10, a make-up working day: the period ends that day.
    expect(divorcePeriods('2026-09-10', calendar).coolingOffEnds).toBe('2026-10-10');
  });

  it('a period ending across the Spring Festival holiday', () => {
    // Received 2026-01-16 → day 30 = 2026-02-15 (春节) → holiday until 02-23 → 02-24.
    expect(divorcePeriods('2026-01-16', calendar).coolingOffEnds).toBe('2026-02-24');
  });

  it('an application received in December 2026 needs the 2027 calendar: reported, not guessed', () => {
    expect(() => divorcePeriods('2026-12-10', calendar)).toThrow(/2027 年/);
  });

  it('with a loaded 2027 arrangement it computes', () => {
    const withNextYear = new OfficialCalendar([...shipped, { year: 2027, holidays: ['2027-01-01'], workdays: [] }]);
    // Received 2026-12-02 → day 30 = Fri 2027-01-01 (元旦) → Mon 01-04.
    expect(divorcePeriods('2026-12-02', withNextYear).coolingOffEnds).toBe('2027-01-04');
  });
});
