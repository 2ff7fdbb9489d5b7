import type Database from 'better-sqlite3';
import { canonicalJson, sha256 } from './canonical';

/** The hash that the first entry chains to. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  seq: number;
  at: string;
  userId: number | null;
  username: string;
  role: string;
  stationId: string;
  operation: string;
  recordIds: string[];
  summary: string;
  changeDigest: string;
}

/**
 * An entry's hash covers the previous entry's hash and every field of its own content, serialized
 * as an array in this fixed order (cheaper than sorting keys, and just as unambiguous).
 */
export function entryHash(prevHash: string, c: AuditContent): string {
  const fields = [c.seq, c.at, c.userId, c.username, c.role, c.stationId, c.operation, c.recordIds, c.summary, c.changeDigest];
  return sha256(prevHash + '\n' + JSON.stringify(fields));
}

/** Digest of a change's before/after images: proves what changed without storing personal data. */
export function changeDigest(before: unknown, after: unknown): string {
  return sha256(canonicalJson({ before: before ?? null, after: after ?? null }));
}

interface AuditRow {
  seq: number;
  at: string;
  user_id: number | null;
  username: string;
  role: string;
  station_id: string;
  operation: string;
  record_ids: string;
  summary: string;
  change_digest: string;
  prev_hash: string;
  hash: string;
}

/**
 * Appends to the chain. Must run inside the command's (immediate) transaction, so that reading
 * the chain head and writing the next entry cannot interleave with another writer.
 */
export class AuditAppender {
  private readonly head: Database.Statement<[], { seq: number; hash: string }>;
  private readonly insert: Database.Statement;

  constructor(sqlite: Database.Database) {
    this.head = sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    this.insert = sqlite.prepare(
      `INSERT INTO audit_log (seq, at, user_id, username, role, station_id, operation, record_ids, summary, change_digest, prev_hash, hash)
       VALUES (@seq, @at, @userId, @username, @role, @stationId, @operation, @recordIds, @summary, @changeDigest, @prevHash, @hash)`,
    );
  }

  append(entry: Omit<AuditContent, 'seq'>): { seq: number; hash: string } {
    const last = this.head.get();
    const prevHash = last?.hash ?? GENESIS_HASH;
    const content: AuditContent = { seq: (last?.seq ?? 0) + 1, ...entry };
    const hash = entryHash(prevHash, content);
    this.insert.run({ ...content, recordIds: JSON.stringify(content.recordIds), prevHash, hash });
    return { seq: content.seq, hash };
  }
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBad: { seq: number; reason: string } | null;
}

/** Walk the whole chain in order and name the first entry that does not match. */
export function verifyChain(sqlite: Database.Database): VerifyResult {
  const rows = sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>;
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (const row of rows) {
    const bad = (reason: string): VerifyResult => ({ ok: false, checked, firstBad: { seq: row.seq, reason } });
    if (row.seq !== expectedSeq) return bad(`序号不连续：应为 #${expectedSeq}，实为 #${row.seq}（有记录被删除）`);
    if (row.prev_hash !== prevHash) return bad('前一条哈希不匹配（链被改动）');
    let recordIds: string[];
    try {
      recordIds = JSON.parse(row.record_ids) as string[];
    } catch {
      return bad('记录编号字段已损坏');
    }
    const content: AuditContent = {
      seq: row.seq,
      at: row.at,
      userId: row.user_id,
      username: row.username,
      role: row.role,
      stationId: row.station_id,
      operation: row.operation,
      recordIds,
      summary: row.summary,
      changeDigest: row.change_digest,
    };
    if (entryHash(prevHash, content) !== row.hash) return bad('内容与哈希不符（记录被改动）');
    prevHash = row.hash;
    expectedSeq += 1;
    checked += 1;
  }
  return { ok: true, checked, firstBad: null };
}
