import type Database from 'better-sqlite3';
import { CERTIFICATE_PREFIXES } from '../contract';
import { OPEN_BLOCK } from '../db/serials';

export interface LeaseNeed {
  requestId: string;
  prefix: string;
  year: number;
}

/** From this day of December the next year's blocks are leased too, so 1 January works offline. */
const NEXT_YEAR_FROM = '-12-15';

/**
 * Which blocks to lease now: for each certificate prefix and the current year (and next, late in
 * December), when fewer than half a block is left. The request id is derived from what is already held
 * (`<station>/<authority>/<prefix>/<year>/<n>`): a station that crashed before recording the answer asks
 * again with the same id and gets the same block, and one that recorded it asks for the next.
 */
export function leaseNeeds(sqlite: Database.Database, stationId: string, authority: string, today: string, blockSize: number): LeaseNeed[] {
  const year = Number(today.slice(0, 4));
  const years = today.slice(4) >= NEXT_YEAR_FROM ? [year, year + 1] : [year];
  const held = sqlite.prepare<[string, string, number], { leases: number; remaining: number | null }>(
    `SELECT count(*) AS leases, sum(CASE WHEN ${OPEN_BLOCK} THEN last - next + 1 ELSE 0 END) AS remaining
     FROM serial_leases WHERE authority = ? AND prefix = ? AND year = ?`,
  );
  const needs: LeaseNeed[] = [];
  for (const y of years) {
    for (const prefix of CERTIFICATE_PREFIXES) {
      const h = held.get(authority, prefix, y)!;
      if ((h.remaining ?? 0) * 2 >= blockSize) continue;
      needs.push({ requestId: `${stationId}/${authority}/${prefix}/${y}/${h.leases + 1}`, prefix, year: y });
    }
  }
  return needs;
}
