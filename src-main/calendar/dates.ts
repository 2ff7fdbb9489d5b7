export { addDays, daysBetween, fromUtc, isCalendarDate, toUtc, type IsoDate } from '../contract/calendar-dates';
import type { IsoDate } from '../contract/calendar-dates';

/** The station's local calendar date for an instant (registrations are dated where they happen). */
export function localDate(instant: Date): IsoDate {
  const y = instant.getFullYear();
  const m = String(instant.getMonth() + 1).padStart(2, '0');
  const d = String(instant.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
