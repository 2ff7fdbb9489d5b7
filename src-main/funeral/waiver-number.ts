import type { Db } from '../db/open';
import { nextSerial } from '../db/serials';
import { formatSerialNumber } from './unclaimed-numbers';

/**
 * 减免编号: `JM` + year + '-' + a 6-digit yearly serial, `JM2025-000001`. The serial is kept with the
 * station's other yearly serials (certificate_serials, authority = the station's division code, prefix
 * JM), allocated inside the entry's transaction, so a refused entry leaves no gap. It is not a 字号 (no
 * authority code in it): it identifies the waiver to the family, the bureau and the audit log.
 */
export const WAIVER_PREFIX = 'JM';

/** The same yearly-number format as the unclaimed-body register's (unclaimed-numbers.ts), with JM. */
export function formatWaiverNumber(year: number, serial: number): string {
  return formatSerialNumber(WAIVER_PREFIX, year, serial);
}

export function nextWaiverNumber(db: Db, authority: string, year: number): string {
  return formatWaiverNumber(year, nextSerial(db, authority, WAIVER_PREFIX, year));
}
