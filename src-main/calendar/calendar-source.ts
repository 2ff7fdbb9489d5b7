import { OfficialCalendar } from './official-calendar';

let loaded: OfficialCalendar | null = null;

/**
 * The official calendar this station uses, read once per process. Today it is the one chinese-days
 * ships; the administrator's and the platform's updates replace it when those land.
 */
export function officialCalendar(): OfficialCalendar {
  loaded ??= OfficialCalendar.fromChineseDays();
  return loaded;
}
