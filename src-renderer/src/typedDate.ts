import { isCalendarDate } from '../../src-main/contract';

/**
 * Dates as people type them at the counter — 2026-10-12, 2026/10/12, 2026.10.12, 2026年10月12日,
 * 20261012 — read one way everywhere.
 */
function unifySeparators(raw: string): string {
  return raw.replace(/[./年月]/g, '-').replace(/日|\s/g, '');
}

/**
 * While typing (a form field's normalize): the separators unified and eight digits made a date,
 * anything else left as typed so the next keystroke can finish it.
 */
export function normalizeDate(value: string): string {
  const v = unifySeparators(value);
  return /^\d{8}$/.test(v) ? `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6)}` : v;
}

/**
 * A finished entry: the forms above, or with `today` also 10-12 / 1012 (this year). Null when it is
 * not a real date.
 */
export function parseTypedDate(raw: string, today: string | null): string | null {
  const text = unifySeparators(raw.trim());
  const full = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const short = full || today === null ? null : (/^(\d{1,2})-(\d{1,2})$/.exec(text) ?? /^(\d{2})(\d{2})$/.exec(text));
  const parts = full ? full.slice(1) : short && today ? [today.slice(0, 4), ...short.slice(1)] : null;
  if (!parts) return null;
  const [y, m, d] = parts as [string, string, string];
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}
