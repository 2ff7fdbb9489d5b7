import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { certificateSerials } from '../db/schema';

/**
 * 减免编号: `JM` + year + '-' + a 6-digit yearly serial, `JM2025-000001`. The serial is kept with the
 * station's other yearly serials (certificate_serials, authority = the station's division code, prefix
 * JM), allocated inside the entry's transaction, so a refused entry leaves no gap. It is not a 字号 (no
 * authority code in it): it identifies the waiver to the family, the bureau and the audit log.
 */
export const WAIVER_PREFIX = 'JM';

export function formatWaiverNumber(year: number, serial: number): string {
  return `${WAIVER_PREFIX}${year}-${String(serial).padStart(6, '0')}`;
}

export function nextWaiverNumber(db: Db, authority: string, year: number): string {
  const row = db
    .insert(certificateSerials)
    .values({ authority, prefix: WAIVER_PREFIX, year, lastSerial: 1 })
    .onConflictDoUpdate({
      target: [certificateSerials.authority, certificateSerials.prefix, certificateSerials.year],
      set: { lastSerial: sql`${certificateSerials.lastSerial} + 1` },
    })
    .returning({ serial: certificateSerials.lastSerial })
    .get();
  return formatWaiverNumber(year, row.serial);
}
