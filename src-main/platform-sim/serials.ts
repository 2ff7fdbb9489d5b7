import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { LeaseRequest, LeaseResponse, serialReturnPayload } from '../platform/protocol';
import type { Rejection } from './rejection';

/**
 * Certificate serials across all stations of an authority: the platform leases each station a block and
 * never hands a number out twice. Runs inside the request's transaction, so two leases cannot interleave.
 *
 * Returned numbers are leased again first, lowest range first. A lease taken from a returned range gets at
 * most that range — smaller than asked, perhaps — because a block is one contiguous run; the station asks
 * again when it runs out.
 */
type SerialReturn = z.infer<typeof serialReturnPayload>;

export interface SerialBlockRow {
  blockId: string;
  stationId: string;
  requestId: string;
  authority: string;
  prefix: string;
  year: number;
  first: number;
  last: number;
  leasedAt: string;
}

const BLOCK_COLUMNS = `block_id AS blockId, station_id AS stationId, request_id AS requestId, authority, prefix, year, first, last, leased_at AS leasedAt`;

function takeRange(db: Database.Database, req: LeaseRequest): { first: number; last: number } {
  const free = db
    .prepare('SELECT rowid, first, last FROM serial_free WHERE authority = ? AND prefix = ? AND year = ? ORDER BY first LIMIT 1')
    .get(req.authority, req.prefix, req.year) as { rowid: number; first: number; last: number } | undefined;
  if (free) {
    const last = Math.min(free.last, free.first + req.size - 1);
    if (last === free.last) db.prepare('DELETE FROM serial_free WHERE rowid = ?').run(free.rowid);
    else db.prepare('UPDATE serial_free SET first = ? WHERE rowid = ?').run(last + 1, free.rowid);
    return { first: free.first, last };
  }
  const next = db
    .prepare(
      `INSERT INTO serial_next (authority, prefix, year, next) VALUES (?, ?, ?, 1 + ?)
       ON CONFLICT (authority, prefix, year) DO UPDATE SET next = next + ?
       RETURNING next`,
    )
    .pluck()
    .get(req.authority, req.prefix, req.year, req.size, req.size) as number;
  return { first: next - req.size, last: next - 1 };
}

/** A block for the station; the same block again for a request id it already used (a retried lease). */
export function leaseBlock(db: Database.Database, stationId: string, req: LeaseRequest, at: string): LeaseResponse {
  const earlier = db.prepare('SELECT block_id AS blockId, first, last FROM serial_blocks WHERE station_id = ? AND request_id = ?').get(stationId, req.requestId) as
    | LeaseResponse
    | undefined;
  if (earlier) return earlier;
  const { first, last } = takeRange(db, req);
  const blockId = randomUUID();
  db.prepare('INSERT INTO serial_blocks (block_id, station_id, request_id, authority, prefix, year, first, last, leased_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    blockId,
    stationId,
    req.requestId,
    req.authority,
    req.prefix,
    req.year,
    first,
    last,
    at,
  );
  return { blockId, first, last };
}

/**
 * Why a return cannot be taken: numbers may come back only from the station's own block, within it, and
 * once — taking a range back twice would lease it twice.
 */
export function returnProblem(db: Database.Database, stationId: string, r: SerialReturn): Rejection | null {
  const refuse = (reason: string): Rejection => ({ code: 'SERIAL_RETURN_INVALID', reason });
  const block = db.prepare(`SELECT ${BLOCK_COLUMNS} FROM serial_blocks WHERE block_id = ?`).get(r.blockId) as SerialBlockRow | undefined;
  if (!block || block.stationId !== stationId) return refuse(`号段编号（blockId）${r.blockId} 不是本工作站申领的号段`);
  if (block.authority !== r.authority || block.prefix !== r.prefix || block.year !== r.year) {
    return refuse(`登记机关代码、字号前缀或年度（authority/prefix/year）与号段 ${r.blockId} 不一致`);
  }
  if (r.first > r.last || r.first < block.first || r.last > block.last) {
    return refuse(`退回的号码 ${r.first}–${r.last}（first/last）不在号段 ${block.first}–${block.last} 之内`);
  }
  const overlap = db.prepare('SELECT first, last FROM serial_returns WHERE block_id = ? AND first <= ? AND last >= ?').get(r.blockId, r.last, r.first) as
    | { first: number; last: number }
    | undefined;
  if (overlap) return refuse(`号码 ${overlap.first}–${overlap.last}（first/last）已经退回过，不能重复退回`);
  return null;
}

export function takeReturn(db: Database.Database, r: SerialReturn): void {
  db.prepare('INSERT INTO serial_returns (block_id, first, last) VALUES (?, ?, ?)').run(r.blockId, r.first, r.last);
  db.prepare('INSERT INTO serial_free (authority, prefix, year, first, last) VALUES (?, ?, ?, ?, ?)').run(r.authority, r.prefix, r.year, r.first, r.last);
}

export function listBlocks(db: Database.Database): SerialBlockRow[] {
  return db.prepare(`SELECT ${BLOCK_COLUMNS} FROM serial_blocks ORDER BY authority, prefix, year, first`).all() as SerialBlockRow[];
}
