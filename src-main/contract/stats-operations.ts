import { z } from 'zod';
import { op } from './define';
import { isCalendarDate } from './calendar-dates';
import { calendarDate, choice } from './fields';

/** The longest range one statistics request may cover. */
export const STATS_MAX_YEARS = 5;

export const STATS_GRANULARITIES = ['day', 'month'] as const;
export type StatsGranularity = (typeof STATS_GRANULARITIES)[number];
export const STATS_GRANULARITY_LABELS: Record<StatsGranularity, string> = { day: '按日', month: '按月' };

/** What the figures count, in the order tables, charts and the workbook show them. */
export const STATS_MEASURES = {
  marriages: '结婚登记',
  divorces: '离婚登记',
  reissues: '补发证件',
  refusals: '不予登记',
} as const;
export type StatsMeasure = keyof typeof STATS_MEASURES;

/**
 * 协议离婚 applications within the range: 受理 counts those received in it; 撤回, 视为撤回 and 离婚登记 count
 * those that ended so in it (an application received before the range may end within it).
 */
export const DIVORCE_OUTCOMES = {
  received: '受理申请',
  withdrawn: '撤回',
  lapsed: '视为撤回',
  registered: '登记离婚',
} as const;
export type DivorceOutcome = keyof typeof DIVORCE_OUTCOMES;

/** `date` plus whole years; 02-29 becomes 02-28 in a common year. */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/**
 * The range, both ends included. Without `from` and `to` the station's current month to date (by the
 * station's clock, which the renderer's may not match); the answer says which range it used.
 */
export const statsRangeInput = z
  .strictObject({
    from: calendarDate('起始日期').optional(),
    to: calendarDate('截止日期').optional(),
    granularity: choice('统计周期', STATS_GRANULARITIES).default('day'),
  })
  .superRefine((v, ctx) => {
    if (v.from && !v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '请填写截止日期' });
    if (v.to && !v.from) ctx.addIssue({ code: 'custom', path: ['from'], message: '请填写起始日期' });
    if (!v.from || !v.to || !isCalendarDate(v.from) || !isCalendarDate(v.to)) return;
    if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: `截止日期不能早于起始日期（${v.from}）` });
    else if (v.to >= addYears(v.from, STATS_MAX_YEARS)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `截止日期距起始日期不能超过 ${STATS_MAX_YEARS} 年，请分段统计` });
    }
  });

const count = z.number().int();

export const statsPeriodView = z.object({
  /** YYYY-MM-DD by day, YYYY-MM by month. */
  period: z.string(),
  marriages: count,
  divorces: count,
  reissues: count,
  refusals: count,
  /** Of `marriages`, those with a party whose 居民身份证 is from another province (跨省通办). */
  crossProvince: count,
});
export type StatsPeriodView = z.infer<typeof statsPeriodView>;

export const marriageStatsView = z.object({
  from: z.string(),
  to: z.string(),
  granularity: z.enum(STATS_GRANULARITIES),
  /** The station's date when the figures were read. */
  today: z.string(),
  officeName: z.string(),
  /** Every period of the range, those with nothing registered as zeros. */
  periods: z.array(statsPeriodView),
  totals: z.object({
    marriages: count,
    divorces: count,
    reissues: count,
    /** Of `reissues`: 补发结婚证 (BJ) and 补发离婚证 (BL). */
    reissuedMarriage: count,
    reissuedDivorce: count,
    refusals: count,
  }),
  crossProvince: z.object({
    marriages: count,
    crossProvince: count,
    /** crossProvince / marriages, 0 when there are none. */
    share: z.number(),
  }),
  /** Every reason, those never given as zeros; the labels are REFUSAL_REASONS'. */
  refusalsByReason: z.array(z.object({ reason: z.string(), label: z.string(), count })),
  divorceOutcomes: z.object({ received: count, withdrawn: count, lapsed: count, registered: count }),
});
export type MarriageStatsView = z.infer<typeof marriageStatsView>;

/** 婚姻登记统计 for supervisors and the administrator. */
export const statsOperations = {
  'stats.marriage': op({
    title: '查看婚姻登记统计',
    kind: 'read',
    access: 'statistics.read',
    input: statsRangeInput,
    output: marriageStatsView,
  }),
  'stats.export': op({
    title: '导出婚姻登记统计',
    kind: 'read',
    access: 'statistics.read',
    input: statsRangeInput,
    output: z.object({ fileName: z.string(), xlsxBase64: z.string() }),
  }),
} as const;
