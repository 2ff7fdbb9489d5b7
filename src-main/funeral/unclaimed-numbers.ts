import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { certificateSerials } from '../db/schema';

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

function nextSerial(db: Db, authority: string, prefix: string, year: number): string {
  const row = db
    .insert(certificateSerials)
    .values({ authority, prefix, year, lastSerial: 1 })
    .onConflictDoUpdate({
      target: [certificateSerials.authority, certificateSerials.prefix, certificateSerials.year],
      set: { lastSerial: sql`${certificateSerials.lastSerial} + 1` },
    })
    .returning({ serial: certificateSerials.lastSerial })
    .get();
  return formatSerialNumber(prefix, year, row.serial);
}

export const nextBodyNumber = (db: Db, authority: string, year: number): string => nextSerial(db, authority, BODY_PREFIX, year);
export const nextCremationNumber = (db: Db, authority: string, year: number): string => nextSerial(db, authority, CREMATION_PREFIX, year);
