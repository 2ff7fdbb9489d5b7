import { addDays, daysBetween, isCalendarDate, weekday } from '../../../../src-main/contract';

/** 2026-11-11 → 2026-11-11（星期三）. */
export function withWeekday(date: string): string {
  return `${date}（${weekday(date)}）`;
}

/** Both periods of 民法典 1077 are 30 days. */
export const PERIOD_DAYS = 30;

/**
 * Why a period ends later than its 30th day: that day was a rest day (a weekend not made a working
 * day, or a statutory holiday), so the period runs to the next working day. Null when it did not.
 */
export function extension(from: string, end: string): string | null {
  const thirtieth = addDays(from, PERIOD_DAYS);
  if (thirtieth === end) return null;
  const day = weekday(thirtieth);
  const kind = day === '星期六' || day === '星期日' ? `${day}，休息日` : `${day}，法定节假日`;
  return `第 30 日 ${thirtieth}（${kind}）顺延 ${daysBetween(thirtieth, end)} 天至 ${end}`;
}

/**
 * A date as the registrar types it: 2026-10-12, 2026/10/12, 2026.10.12, 20261012, or 10-12 / 1012
 * (this year, from `today`). Null when it is not a real date.
 */
export function parseTypedDate(raw: string, today: string): string | null {
  const text = raw.trim().replace(/[年月./]/g, '-').replace(/日$/, '');
  const full = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const short = full ? null : (/^(\d{1,2})-(\d{1,2})$/.exec(text) ?? /^(\d{2})(\d{2})$/.exec(text));
  const parts = full ? full.slice(1) : short ? [today.slice(0, 4), ...short.slice(1)] : null;
  if (!parts) return null;
  const [y, m, d] = parts as [string, string, string];
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}
