import type Database from 'better-sqlite3';
import { change, type Change, type ChangesResponse } from '../platform/protocol';
import { SimError } from './http-io';

/**
 * Data the platform pushes down, one feed for every station, in publication order. The cursor is the
 * sequence number of the last change a station has; '' or '0' is the start.
 */
const DEFAULT_PULL_LIMIT = 100;
const MAX_PULL_LIMIT = 1000;

export function publishChange(db: Database.Database, c: Change, at: string): string {
  const seq = db.prepare('INSERT INTO changes (kind, data, published_at) VALUES (?, ?, ?) RETURNING seq').pluck().get(c.kind, JSON.stringify(c.data), at) as number;
  return String(seq);
}

function parseCursor(since: string): number {
  if (since === '') return 0;
  if (!/^\d{1,15}$/.test(since)) throw new SimError(400, 'MALFORMED', `游标（since）${since.slice(0, 40)} 不是本平台给出的游标`);
  return Number(since);
}

export function parseLimit(raw: string | null): number {
  if (raw === null || raw === '') return DEFAULT_PULL_LIMIT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PULL_LIMIT) throw new SimError(400, 'MALFORMED', `条数（limit）应为 1 到 ${MAX_PULL_LIMIT} 的整数`);
  return n;
}

/** Up to `limit` changes after the cursor; `more` when there are others after them. */
export function changesSince(db: Database.Database, since: string, limit: number): ChangesResponse {
  const after = parseCursor(since);
  const rows = db.prepare('SELECT seq, kind, data FROM changes WHERE seq > ? ORDER BY seq LIMIT ?').all(after, limit + 1) as { seq: number; kind: string; data: string }[];
  const page = rows.slice(0, limit);
  return {
    // Parsed again on the way out: what goes on the wire is checked against the protocol, like a station would.
    changes: page.map((r) => ({ cursor: String(r.seq), change: change.parse({ kind: r.kind, data: JSON.parse(r.data) }) })),
    cursor: String(page.at(-1)?.seq ?? after),
    more: rows.length > limit,
  };
}
