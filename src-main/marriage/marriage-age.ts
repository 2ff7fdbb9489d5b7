import type { IsoDate } from '../calendar/dates';
import type { Sex } from '../identity/resident-id';

/** 法定婚龄 (民法典 1047): full years on the registration date. */
export const MINIMUM_MARRIAGE_AGE: Record<Sex, number> = { male: 22, female: 20 };

/**
 * The day in `year` on which someone born on `birth` has a birthday. Born on 29 February: 1 March
 * in a common year, when the anniversary itself does not exist.
 */
function birthday(birth: IsoDate, year: number): IsoDate {
  const [, m, d] = birth.split('-').map(Number);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const [bm, bd] = m === 2 && d === 29 && !leap ? [3, 1] : [m, d];
  return `${year}-${String(bm).padStart(2, '0')}-${String(bd).padStart(2, '0')}`;
}

/** Full years of age on `on`: a year is complete on the birthday itself. */
export function fullYears(birth: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on >= birthday(birth, Number(on.slice(0, 4))) ? years : years - 1;
}

/** The first day on which a person born on `birth` is `years` full years old. */
export function dateOfAge(birth: IsoDate, years: number): IsoDate {
  return birthday(birth, Number(birth.slice(0, 4)) + years);
}

/** Why this party may not marry yet on `on`, in Chinese, or null. */
export function underAgeReason(party: { name: string; sex: Sex; birthDate: IsoDate }, on: IsoDate): string | null {
  const min = MINIMUM_MARRIAGE_AGE[party.sex];
  if (fullYears(party.birthDate, on) >= min) return null;
  return `${party.name}未达法定婚龄：${party.sex === 'male' ? '男' : '女'}方须满 ${min} 周岁，${party.name}于 ${dateOfAge(party.birthDate, min)} 才满 ${min} 周岁（民法典第一千零四十七条）`;
}
