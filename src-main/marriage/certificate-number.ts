import type { Db } from '../db/open';
import { nextSerial } from '../db/serials';

import type { CertificatePrefix } from '../contract';

/**
 * The one place the 字号 format lives: prefix + 6-digit authority code + year + 6-digit yearly serial,
 * `J110101-2010-000001` (婚姻登记工作规范; unconfirmed whether the 2025 edition changed it).
 */
export function formatCertificateNumber(prefix: CertificatePrefix, authority: string, year: number, serial: number): string {
  return `${prefix}${authority}-${year}-${String(serial).padStart(6, '0')}`;
}

/** The next serial for the authority, prefix and year; inside the registration's transaction. */
export function nextCertificateNumber(db: Db, prefix: CertificatePrefix, authority: string, year: number): string {
  return formatCertificateNumber(prefix, authority, year, nextSerial(db, authority, prefix, year));
}
