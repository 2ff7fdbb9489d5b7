/**
 * Pre-printed booklet serials (印制编号): an upper-case letter/digit prefix and a zero-padded number,
 * e.g. `GD2026` + `0001234` → `GD20260001234`. A batch is a closed range of numbers.
 */
export interface SerialRange {
  prefix: string;
  firstNumber: number;
  lastNumber: number;
  digits: number;
}

export function formatSerial(range: Pick<SerialRange, 'prefix' | 'digits'>, n: number): string {
  return range.prefix + String(n).padStart(range.digits, '0');
}

/** The number of `serial` within `range`, or null when it is not one of its serials. */
export function numberInRange(range: SerialRange, serial: string): number | null {
  if (!serial.startsWith(range.prefix)) return null;
  const digits = serial.slice(range.prefix.length);
  if (digits.length !== range.digits || !/^\d+$/.test(digits)) return null;
  const n = Number(digits);
  return n >= range.firstNumber && n <= range.lastNumber ? n : null;
}

export function rangeSize(range: SerialRange): number {
  return range.lastNumber - range.firstNumber + 1;
}

/** Two ranges share a serial (same prefix and width, intersecting numbers). */
export function rangesOverlap(a: SerialRange, b: SerialRange): boolean {
  return a.prefix === b.prefix && a.digits === b.digits && a.firstNumber <= b.lastNumber && b.firstNumber <= a.lastNumber;
}
