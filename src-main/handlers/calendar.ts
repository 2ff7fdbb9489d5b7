import { AppError } from '../contract';
import { calendarYears } from '../db/schema';
import type { ReadHandler, WriteHandler } from '../core/context';
import { loadedCalendarYears, officialCalendar, shippedCalendarYears } from '../calendar/calendar-source';
import { toUtc } from '../calendar/dates';
import { divorcePeriods } from '../marriage/divorce-periods';

/** The registrar's date calculator: "when do we come back?" */
export const divorceDates: ReadHandler<'dates.divorce'> = (ctx, input) => {
  try {
    return { receivedOn: input.receivedOn, ...divorcePeriods(input.receivedOn, officialCalendar(ctx.db)) };
  } catch (err) {
    // The calendar names the date it could not place; on this form that is the date of receipt.
    if (err instanceof AppError) throw new AppError(err.code, err.message, { receivedOn: Object.values(err.fieldErrors)[0] ?? err.message });
    throw err;
  }
};

export const calendarStatus: ReadHandler<'calendar.status'> = (ctx) => {
  const loaded = loadedCalendarYears(ctx.db);
  const byYear = new Map(shippedCalendarYears().map((y) => [y.year, { year: y.year, source: 'chinese-days（随软件发布）', holidays: y.holidays.length, workdays: y.workdays.length, loadedAt: null as string | null }]));
  for (const y of loaded) byYear.set(y.year, { year: y.year, source: y.source, holidays: y.holidays.length, workdays: y.workdays.length, loadedAt: y.loadedAt });
  return [...byYear.values()].sort((a, b) => b.year - a.year);
};

const isWeekend = (d: string): boolean => [0, 6].includes(toUtc(d).getUTCDay());

/**
 * The administrator types in the State Council's notice for a year (放假 and 调休上班 days). It replaces
 * that year wholesale; applications already received keep the dates fixed at receipt.
 */
export const loadCalendar: WriteHandler<'calendar.load'> = (ctx, input) => {
  for (const [field, label] of [['holidays', '放假日期'], ['workdays', '调休上班日期']] as const) {
    const outside = input[field].find((d) => Number(d.slice(0, 4)) !== input.year);
    if (outside) throw new AppError('VALIDATION', `${label} ${outside} 不在 ${input.year} 年`, { [field]: `${outside} 不在 ${input.year} 年` });
  }
  const both = input.holidays.find((d) => input.workdays.includes(d));
  if (both) throw new AppError('VALIDATION', `调休上班日期 ${both} 同时列为放假日期`, { workdays: `${both} 同时列为放假日期` });
  const weekday = input.workdays.find((d) => !isWeekend(d));
  if (weekday) throw new AppError('VALIDATION', `调休上班日期 ${weekday} 不是周末：调休只把周末改为工作日`, { workdays: `${weekday} 不是周末` });
  const holidays = [...new Set(input.holidays)].sort();
  const workdays = [...new Set(input.workdays)].sort();
  const values = { year: input.year, holidays: JSON.stringify(holidays), workdays: JSON.stringify(workdays), source: input.source, loadedAt: ctx.now.toISOString() };
  ctx.db.insert(calendarYears).values(values).onConflictDoUpdate({ target: calendarYears.year, set: values }).run();
  return {
    result: { year: input.year, holidays: holidays.length, workdays: workdays.length },
    audit: { recordIds: [`calendar:${input.year}`], summary: `载入 ${input.year} 年法定节假日安排（${input.source}）：放假 ${holidays.length} 天，调休上班 ${workdays.length} 天`, after: { holidays, workdays } },
    events: [{ eventType: 'calendar.loaded', recordType: 'calendar', recordId: String(input.year), payload: { holidays, workdays, source: input.source } }],
  };
};
