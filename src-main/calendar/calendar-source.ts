import type { Db } from '../db/open';
import { calendarYears } from '../db/schema';
import { OfficialCalendar, type CalendarYear } from './official-calendar';

let shipped: CalendarYear[] | null = null;

/** The years chinese-days ships, read once per process. */
export function shippedCalendarYears(): CalendarYear[] {
  shipped ??= OfficialCalendar.chineseDaysYears();
  return shipped;
}

/** The years the administrator (later the platform) loaded: each replaces the shipped year of the same number. */
export function loadedCalendarYears(db: Db): (CalendarYear & { source: string; loadedAt: string })[] {
  return db
    .select()
    .from(calendarYears)
    .all()
    .map((r) => ({ year: r.year, holidays: JSON.parse(r.holidays) as string[], workdays: JSON.parse(r.workdays) as string[], source: r.source, loadedAt: r.loadedAt }));
}

/** The official calendar this station uses: what chinese-days ships, with the station's loaded years over it. */
export function officialCalendar(db?: Db): OfficialCalendar {
  const loaded = db ? loadedCalendarYears(db) : [];
  const replaced = new Set(loaded.map((y) => y.year));
  return new OfficialCalendar([...shippedCalendarYears().filter((y) => !replaced.has(y.year)), ...loaded]);
}
