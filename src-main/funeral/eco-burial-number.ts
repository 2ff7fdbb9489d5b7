import type { Db } from '../db/open';
import { nextSerial } from '../db/serials';
import { formatSerialNumber } from './unclaimed-numbers';

/**
 * 生态安葬奖补编号: `ST` (生态) + year + '-' + a 6-digit yearly serial, `ST2025-000001`, kept with the
 * station's other yearly serials (certificate_serials, authority = the station's division code, prefix
 * ST) and allocated inside the application's transaction, so a refused application leaves no gap.
 */
export const ECO_BURIAL_PREFIX = 'ST';

export function nextEcoBurialNumber(db: Db, authority: string, year: number): string {
  return formatSerialNumber(ECO_BURIAL_PREFIX, year, nextSerial(db, authority, ECO_BURIAL_PREFIX, year));
}
