import type { IsoDate } from '../calendar/dates';
import type { OfficialCalendar } from '../calendar/official-calendar';

/** 离婚冷静期 and the window to collect the certificate, both 30 days (民法典 1077). */
export const COOLING_OFF_DAYS = 30;
export const CERTIFICATE_WINDOW_DAYS = 30;

export interface DivorcePeriods {
  /** Last day on which either party alone may withdraw the application. */
  coolingOffEnds: IsoDate;
  /** Last day on which both may appear to have the certificates issued; after it, 视为撤回. */
  certificateDeadline: IsoDate;
}

/** From the day the office received the application: the second period starts the day after the first ends. */
export function divorcePeriods(received: IsoDate, calendar: OfficialCalendar): DivorcePeriods {
  const coolingOffEnds = calendar.periodEnd(received, COOLING_OFF_DAYS);
  return { coolingOffEnds, certificateDeadline: calendar.periodEnd(coolingOffEnds, CERTIFICATE_WINDOW_DAYS) };
}
