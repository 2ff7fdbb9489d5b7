import { addDays, daysBetween, weekday } from '../../../../src-main/contract';

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
