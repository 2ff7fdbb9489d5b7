import type Database from 'better-sqlite3';

/**
 * Anchoring: now and then the station sends the head of its audit chain (entry number and hash) to the
 * provincial platform as an ordinary outbox event. Whoever could rewrite this station's whole chain,
 * recomputing every hash, cannot change what the platform already holds.
 */
export const AUDIT_ANCHOR_EVENT = 'audit.anchored';

/** How often at most: the chain moves with every command, and an hourly mark is enough to bound a rewrite. */
const ANCHOR_INTERVAL_MS = 60 * 60 * 1000;

interface AnchorRow {
  payload: string;
  created_at: string;
  delivered_at: string | null;
}

function lastAnchor(sqlite: Database.Database, deliveredOnly: boolean): AnchorRow | undefined {
  return sqlite
    .prepare<[string], AnchorRow>(
      `SELECT payload, created_at, delivered_at FROM outbox WHERE event_type = ? ${deliveredOnly ? "AND status = 'delivered'" : ''} ORDER BY id DESC LIMIT 1`,
    )
    .get(AUDIT_ANCHOR_EVENT);
}

/** Whether to anchor now: entries other than the last anchor's own since it, and an hour gone by. */
export function anchorDue(sqlite: Database.Database, now: Date): boolean {
  const head = chainHead(sqlite);
  if (!head) return false;
  const last = lastAnchor(sqlite, false);
  if (!last) return true;
  const { seq } = JSON.parse(last.payload) as { seq: number };
  // The anchoring command is itself an audit entry (seq + 1): that alone is not news.
  return head.seq > seq + 1 && now.getTime() - new Date(last.created_at).getTime() >= ANCHOR_INTERVAL_MS;
}

/** The chain head now: what an anchor records (read inside the anchoring command, before its own entry). */
export function chainHead(sqlite: Database.Database): { seq: number; hash: string } | undefined {
  return sqlite.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get();
}

export function lastConfirmedAnchor(sqlite: Database.Database): { seq: number; hash: string; confirmedAt: string } | null {
  const row = lastAnchor(sqlite, true);
  if (!row) return null;
  const { seq, hash } = JSON.parse(row.payload) as { seq: number; hash: string };
  return { seq, hash, confirmedAt: row.delivered_at! };
}
