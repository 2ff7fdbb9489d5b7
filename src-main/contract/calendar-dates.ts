/**
 * Calendar dates as `YYYY-MM-DD` strings, computed in UTC so that a station's time zone can never
 * move a legal date by a day. Pure, so main and the renderer share one arithmetic.
 */
export type IsoDate = string;

export function toUtc(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export function fromUtc(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** A real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && fromUtc(toUtc(value)) === value;
}

/** 1990-01-01 → 1990年01月01日, as certificates and forms print dates. */
export function chineseDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${m}月${d}日`;
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** 2026-11-11 → 星期三. */
export function weekday(date: IsoDate): string {
  return WEEKDAYS[toUtc(date).getUTCDay()];
}
