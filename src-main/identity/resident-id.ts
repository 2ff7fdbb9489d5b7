import { AppError, idCheckChar, idNumberProblem } from '../contract';
import type { IsoDate } from '../calendar/dates';

export type Sex = 'male' | 'female';

export interface ResidentId {
  number: string;
  /** Where the number was first issued (GB/T 2260), not where the person lives now. */
  division: string;
  birthDate: IsoDate;
  /** From the sequence code: odd for men, even for women. */
  sex: Sex;
}

/** Parse a GB 11643 number (a lower-case x is normalized), or throw naming what is wrong with it. */
export function parseResidentId(raw: string, label = '公民身份号码'): ResidentId {
  const number = raw.trim().toUpperCase();
  const problem = idNumberProblem(number);
  if (problem) throw new AppError('VALIDATION', `${label}${problem}`, { [label]: problem });
  return {
    number,
    division: number.slice(0, 6),
    birthDate: `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`,
    sex: Number(number[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** The birth date and sex read from a card or typed in must agree with the number. */
export function crossCheck(id: ResidentId, stated: { birthDate?: IsoDate; sex?: Sex }, label = '公民身份号码'): void {
  if (stated.birthDate && stated.birthDate !== id.birthDate) {
    throw new AppError('VALIDATION', `出生日期 ${stated.birthDate} 与${label}中的 ${id.birthDate} 不一致`, { birthDate: '与身份证号码不一致' });
  }
  if (stated.sex && stated.sex !== id.sex) {
    const zh = (s: Sex): string => (s === 'male' ? '男' : '女');
    throw new AppError('VALIDATION', `性别“${zh(stated.sex)}”与${label}显示的“${zh(id.sex)}”不一致`, { sex: '与身份证号码不一致' });
  }
}

/**
 * An old 15-digit number (cards before 1999: area + YYMMDD + sequence, no check character) in its
 * 18-digit form. Only archive entry accepts these; new registrations require 18 digits.
 */
export function upgradeFifteenDigit(raw: string): string {
  if (!/^\d{15}$/.test(raw)) throw new AppError('VALIDATION', '15 位身份证号码应为 15 位数字', { idNumber: '应为 15 位数字' });
  const first17 = `${raw.slice(0, 6)}19${raw.slice(6)}`;
  return first17 + idCheckChar(first17);
}
