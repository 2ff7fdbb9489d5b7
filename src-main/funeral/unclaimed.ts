import { addDays, daysBetween, isCalendarDate, type IsoDate } from '../calendar/dates';
import { AppError } from '../contract';
import type { UnclaimedPolicy } from '../contract/funeral-policy';

/**
 * Dates and counts for unclaimed bodies (无人认领遗体): the notice (认尸公告) and its expiry, how long a
 * body has been stored, how long ashes are kept, and the year's progress in clearing the stock held on
 * 1 January against the bureau's target. Plain functions: every date, today included, is a parameter.
 *
 * Periods follow 民法典 第二百零一、二百零二条: the start day is not counted, and a period in years ends
 * on the corresponding day (the month's last day when there is none). Unlike a party's deadline (民法典
 * 第二百零三条), a notice is not extended past a holiday: nobody has to act at an office on its last day,
 * and the funeral home receives claims every day.
 */

function checkDate(value: IsoDate, label: string, field: string): void {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    const message = `${label} ${String(value)} 不是实际存在的日期（应为 YYYY-MM-DD）`;
    throw new AppError('VALIDATION', message, { [field]: message });
  }
}

function checkCount(value: number, label: string, field: string, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    const message = `${label}必须是不小于 ${min} 的整数，现为 ${String(value)}`;
    throw new AppError('VALIDATION', message, { [field]: message });
  }
}

/** The corresponding day `years` later; 29 February → 28 February in a common year (民法典 202). */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** The last day of a notice published on `noticeStart`: a 15-day notice published 03-01 runs to 03-16. */
export function noticeExpires(noticeStart: IsoDate, noticeDays: number): IsoDate {
  checkDate(noticeStart, '公告日期', 'noticeStart');
  checkCount(noticeDays, '公告期天数', 'noticeDays', 1);
  return addDays(noticeStart, noticeDays);
}

export interface NoticeStatus {
  /** Last day of the notice: a family may still come forward that day. */
  expires: IsoDate;
  /** First day the bureau may approve disposal if nobody has claimed the body. */
  disposableFrom: IsoDate;
  expired: boolean;
  /** Days after `today` until the last day (0 on the last day and after). */
  daysLeft: number;
}

export function noticeStatus(noticeStart: IsoDate, policy: Pick<UnclaimedPolicy, 'noticeDays'>, today: IsoDate): NoticeStatus {
  checkDate(today, '当前日期', 'today');
  const expires = noticeExpires(noticeStart, policy.noticeDays);
  return {
    expires,
    disposableFrom: addDays(expires, 1),
    expired: today > expires,
    daysLeft: Math.max(0, daysBetween(today, expires)),
  };
}

/** The last day ashes are kept under the policy, counted from cremation (3 years: 2025-03-10 → 2028-03-10). */
export function ashRetentionEnds(cremationDate: IsoDate, policy: Pick<UnclaimedPolicy, 'ashRetentionYears'>): IsoDate {
  checkDate(cremationDate, '火化日期', 'cremationDate');
  checkCount(policy.ashRetentionYears, '骨灰保存年限', 'ashRetentionYears', 1);
  return addYears(cremationDate, policy.ashRetentionYears);
}

/**
 * Days a body has been in storage on `on`, the day of intake counting as the first — the way storage
 * (冷藏) is charged, per day begun. Received today: 1.
 */
export function daysInStorage(intakeDate: IsoDate, on: IsoDate): number {
  checkDate(intakeDate, '接收日期', 'intakeDate');
  checkDate(on, '统计日期', 'on');
  if (on < intakeDate) {
    const message = `统计日期 ${on} 早于接收日期 ${intakeDate}`;
    throw new AppError('VALIDATION', message, { on: message });
  }
  return daysBetween(intakeDate, on) + 1;
}

export interface StoredBody {
  intakeDate: IsoDate;
  /** The day the body left the stock: cremated after the notice, or claimed by the family. */
  disposedDate?: IsoDate | null;
}

/**
 * The stock on 1 January of `year` (received before the year, still held that morning) and how many of
 * those bodies left it during the year. Bodies received during the year do not count toward clearing
 * the backlog, even when disposed of: the target is about the stock (中山 2024: more than 50% of it).
 */
export function yearStockAndDisposals(
  bodies: readonly StoredBody[],
  year: number,
): { stockOnJanuary1: number; disposedFromStock: number } {
  const jan1 = `${year}-01-01`;
  const dec31 = `${year}-12-31`;
  let stockOnJanuary1 = 0;
  let disposedFromStock = 0;
  bodies.forEach((b, i) => {
    checkDate(b.intakeDate, `第 ${i + 1} 具遗体的接收日期`, `bodies.${i}.intakeDate`);
    if (b.disposedDate != null) checkDate(b.disposedDate, `第 ${i + 1} 具遗体的处置日期`, `bodies.${i}.disposedDate`);
    const inStock = b.intakeDate < jan1 && (b.disposedDate == null || b.disposedDate >= jan1);
    if (!inStock) return;
    stockOnJanuary1 += 1;
    if (b.disposedDate != null && b.disposedDate <= dec31) disposedFromStock += 1;
  });
  return { stockOnJanuary1, disposedFromStock };
}

export interface DisposalProgress {
  stockOnJanuary1: number;
  disposedFromStock: number;
  /** Percentage disposed, one decimal, for display; null when there was no stock. */
  percent: number | null;
  target: UnclaimedPolicy['annualDisposalTarget'] | null;
  /** null when the policy sets no target. */
  meetsTarget: boolean | null;
  /** More disposals still needed to meet the target (0 when met or no target). */
  stillNeeded: number;
  summary: string;
}

/** The year's disposal ratio against the target; the comparison is in integers, never on the rounded percentage. */
export function disposalProgress(
  counts: { stockOnJanuary1: number; disposedFromStock: number },
  policy: Pick<UnclaimedPolicy, 'annualDisposalTarget'>,
): DisposalProgress {
  const { stockOnJanuary1: stock, disposedFromStock: done } = counts;
  checkCount(stock, '年初存量', 'stockOnJanuary1', 0);
  checkCount(done, '已处置数', 'disposedFromStock', 0);
  if (done > stock) {
    const message = `已处置数 ${done} 超过年初存量 ${stock}`;
    throw new AppError('VALIDATION', message, { disposedFromStock: message });
  }
  const target = policy.annualDisposalTarget ?? null;
  const percent = stock === 0 ? null : Math.round((done * 1000) / stock) / 10;
  // Fewest disposals that meet the target: more than p% → floor(p·stock/100) + 1; at least p% → ceil(p·stock/100).
  const needed = target === null ? 0 : target.exceed ? Math.floor((target.percent * stock) / 100) + 1 : Math.ceil((target.percent * stock) / 100);
  const reachable = Math.min(needed, stock);
  const meetsTarget = target === null ? null : stock === 0 ? true : done >= needed;
  const stillNeeded = target === null || meetsTarget ? 0 : reachable - done;
  const head = `年初存量 ${stock} 具，今年已处置其中 ${done} 具${percent === null ? '' : `（${percent.toFixed(1)}%）`}`;
  const tail =
    target === null
      ? ''
      : `，目标${target.exceed ? '超过' : '不低于'} ${target.percent}%${meetsTarget ? '，已达到' : `，还需处置 ${stillNeeded} 具`}`;
  return { stockOnJanuary1: stock, disposedFromStock: done, percent, target, meetsTarget, stillNeeded, summary: `${head}${tail}` };
}
