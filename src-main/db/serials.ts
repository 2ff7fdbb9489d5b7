import { sql } from 'drizzle-orm';
import type { Db } from './open';
import { certificateSerials } from './schema';

/**
 * The next yearly serial (1, 2, …) for the authority, prefix and year, kept in certificate_serials.
 * Every numbered record (字号, 减免编号, 遗体编号, 火化证明编号) is allocated here, inside the command's
 * transaction, so a refused command leaves no gap; each caller formats the number its own way.
 */
export function nextSerial(db: Db, authority: string, prefix: string, year: number): number {
  const row = db
    .insert(certificateSerials)
    .values({ authority, prefix, year, lastSerial: 1 })
    .onConflictDoUpdate({
      target: [certificateSerials.authority, certificateSerials.prefix, certificateSerials.year],
      set: { lastSerial: sql`${certificateSerials.lastSerial} + 1` },
    })
    .returning({ serial: certificateSerials.lastSerial })
    .get();
  return row.serial;
}
