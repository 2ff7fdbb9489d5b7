import type { Db } from '../db/open';
import { nextSerial } from '../db/serials';

/**
 * The unclaimed-body register's numbers, kept with the station's other yearly serials
 * (certificate_serials, authority = the station's division code), allocated inside the command's
 * transaction so a refused command leaves no gap — as waiver-number.ts does for 减免编号:
 * - 遗体编号 `WR` (无人) + the intake year + '-' + 6 digits: `WR2025-000001`;
 * - 火化证明编号 `HH` (火化) + the year of issue + '-' + 6 digits: `HH2025-000001`.
 */
export const BODY_PREFIX = 'WR';
export const CREMATION_PREFIX = 'HH';

export function formatSerialNumber(prefix: string, year: number, serial: number): string {
  return `${prefix}${year}-${String(serial).padStart(6, '0')}`;
}

/** The serial is allocated with the station's other yearly serials (db/serials.ts). */
function nextNumber(db: Db, authority: string, prefix: string, year: number): string {
  return formatSerialNumber(prefix, year, nextSerial(db, authority, prefix, year));
}

export const nextBodyNumber = (db: Db, authority: string, year: number): string => nextNumber(db, authority, BODY_PREFIX, year);
export const nextCremationNumber = (db: Db, authority: string, year: number): string => nextNumber(db, authority, CREMATION_PREFIX, year);
