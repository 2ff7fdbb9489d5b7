import { sql } from 'drizzle-orm';
import { AppError, CERTIFICATE_PREFIX_LABELS, type CertificatePrefix } from '../contract';
import type { Db } from './open';
import { certificateSerials, platformLink } from './schema';

/**
 * Certificate 字号 are unique across every window of an authority, so a station linked to the platform
 * issues them only from blocks the platform leased to it (sync/serial-blocks.ts keeps them topped up).
 * Other numbers (减免编号, 遗体编号…) stay per station.
 */
function isLeased(prefix: string): prefix is CertificatePrefix {
  return prefix in CERTIFICATE_PREFIX_LABELS;
}

/** A leased block with numbers still to issue: leased (answered), not handed back, not used up. */
export const OPEN_BLOCK = 'block_id IS NOT NULL AND returned_at IS NULL AND next <= last';

/**
 * The next yearly serial (1, 2, …) for the authority, prefix and year. Every numbered record (字号,
 * 减免编号, 遗体编号, 火化证明编号) is allocated here, inside the command's transaction, so a refused
 * command leaves no gap; each caller formats the number its own way. A standalone station counts in
 * certificate_serials; a linked one takes certificate serials from its leased blocks.
 */
export function nextSerial(db: Db, authority: string, prefix: string, year: number): number {
  if (isLeased(prefix) && db.select({ id: platformLink.id }).from(platformLink).get()) return leasedSerial(db, authority, prefix, year);
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

function leasedSerial(db: Db, authority: string, prefix: CertificatePrefix, year: number): number {
  const row = db.get<{ serial: number } | undefined>(sql`
    UPDATE serial_leases SET next = next + 1
    WHERE request_id = (
      SELECT request_id FROM serial_leases
      WHERE authority = ${authority} AND prefix = ${prefix} AND year = ${year}
        AND ${sql.raw(OPEN_BLOCK)}
      ORDER BY first LIMIT 1)
    RETURNING next - 1 AS serial`);
  if (!row) {
    throw new AppError(
      'CONFLICT',
      `本窗口${year}年的${CERTIFICATE_PREFIX_LABELS[prefix]}字号已用完，且尚未从省级平台领到新的号段（网络中断或平台不可用）。请恢复与省级平台的连接后再办理；已填写的内容可暂存。`,
    );
  }
  return row.serial;
}
