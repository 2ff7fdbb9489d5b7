/**
 * The dates of a State Council holiday notice as the administrator types them: one per line or
 * separated by commas, 、 or spaces; 2027-1-1, 2027/01/01 or 2027年1月1日; and ranges as the notice
 * words them (2027-10-01至2027-10-07, 2027-10-01~10-07 or 2027-10-01~07).
 */

import { addDays, daysBetween, isCalendarDate } from '../../../../src-main/contract';

export interface ParsedDates {
  dates: string[];
  /** The first piece that is not a date, to name it under the field. */
  problem: string | null;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A whole date (2027-01-01 …), or a date's tail within the range's start (10-07, 07). */
function readDate(text: string, base?: { y: number; m: number }): { y: number; m: number; d: number } | null {
  const full = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (full) return { y: Number(full[1]), m: Number(full[2]), d: Number(full[3]) };
  if (!base) return null;
  const monthDay = /^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (monthDay) return { y: base.y, m: Number(monthDay[1]), d: Number(monthDay[2]) };
  const day = /^(\d{1,2})\s*日?$/.exec(text);
  if (day) return { y: base.y, m: base.m, d: Number(day[1]) };
  return null;
}

const iso = ({ y, m, d }: { y: number; m: number; d: number }): string => `${y}-${pad(m)}-${pad(d)}`;

export function parseDateList(text: string | undefined): ParsedDates {
  const out = new Set<string>();
  const pieces = (text ?? '')
    .split(/[\n,，、;；\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  // A range written with spaces around 至 or ~ is split apart above: join it back.
  const joined: string[] = [];
  for (const piece of pieces) {
    const last = joined[joined.length - 1];
    if (last !== undefined && (/^[~～至-]$/.test(piece) || /[~～至]$/.test(last) || /^[~～至]/.test(piece))) joined[joined.length - 1] = last + piece;
    else joined.push(piece);
  }
  for (const piece of joined) {
    const [fromText, toText, extra] = piece.split(/[~～至]/);
    const from = readDate(fromText!.trim());
    if (!from || !isCalendarDate(iso(from)) || extra !== undefined) return { dates: [], problem: piece };
    if (toText === undefined) {
      out.add(iso(from));
      continue;
    }
    const to = readDate(toText.trim(), from);
    if (!to || !isCalendarDate(iso(to))) return { dates: [], problem: piece };
    const span = daysBetween(iso(from), iso(to));
    if (span < 0 || span > 31) return { dates: [], problem: piece };
    for (let i = 0; i <= span; i++) out.add(addDays(iso(from), i));
  }
  return { dates: [...out].sort(), problem: null };
}
