import fs from 'node:fs';
import { createRequire } from 'node:module';
import { AppError } from '../contract';
import { addDays, toUtc, type IsoDate } from './dates';

/** One year of the State Council's arrangement: its holidays and its make-up working days. */
export interface CalendarYear {
  year: number;
  holidays: IsoDate[];
  workdays: IsoDate[];
}

/**
 * The State Council's holidays and make-up working days (调休), year by year. A year is known only
 * once its calendar has been published and loaded; asking about any other year is an error, never
 * a guess from weekends alone.
 */
export class OfficialCalendar {
  private readonly holidays: Set<IsoDate>;
  private readonly workdays: Set<IsoDate>;
  readonly years: ReadonlySet<number>;

  constructor(years: CalendarYear[]) {
    this.holidays = new Set(years.flatMap((y) => y.holidays));
    this.workdays = new Set(years.flatMap((y) => y.workdays));
    this.years = new Set(years.map((y) => y.year));
  }

  /** The years chinese-days ships (2004 to the latest year published when the package was built). */
  static chineseDaysYears(): CalendarYear[] {
    const file = createRequire(__filename).resolve('chinese-days/dist/chinese-days.json');
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { holidays: Record<string, string>; workdays: Record<string, string> };
    const byYear = new Map<number, CalendarYear>();
    const yearOf = (d: IsoDate): CalendarYear => {
      const year = Number(d.slice(0, 4));
      let y = byYear.get(year);
      if (!y) byYear.set(year, (y = { year, holidays: [], workdays: [] }));
      return y;
    };
    for (const d of Object.keys(raw.holidays)) yearOf(d).holidays.push(d);
    for (const d of Object.keys(raw.workdays)) yearOf(d).workdays.push(d);
    return [...byYear.values()].sort((a, b) => a.year - b.year);
  }

  private assertKnown(date: IsoDate): void {
    const year = Number(date.slice(0, 4));
    if (!this.years.has(year)) {
      throw new AppError(
        'VALIDATION',
        `${year} 年的法定节假日安排尚未载入，无法确定 ${date} 是否为工作日。请待国务院公布后由管理员更新日历（或由省级平台下发）。`,
        { date: `${year} 年日历未载入` },
      );
    }
  }

  /** A statutory holiday, or a weekend the State Council did not make a working day. */
  isRestDay(date: IsoDate): boolean {
    this.assertKnown(date);
    if (this.holidays.has(date)) return true;
    if (this.workdays.has(date)) return false;
    const weekday = toUtc(date).getUTCDay();
    return weekday === 0 || weekday === 6;
  }

  /**
   * The last day of a period of `days` days after `event` (民法典 201, 203): the day of the event
   * is not counted, and a period that ends on a rest day ends on the next working day instead.
   */
  periodEnd(event: IsoDate, days: number): IsoDate {
    let end = addDays(event, days);
    while (this.isRestDay(end)) end = addDays(end, 1);
    return end;
  }
}
