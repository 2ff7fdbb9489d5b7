import type Database from 'better-sqlite3';
import type { EventResult, WireEvent } from '../platform/protocol';

interface PendingRow {
  id: number;
  event_id: string;
  event_type: string;
  record_type: string;
  record_id: string;
  payload: string;
  created_at: string;
}

/**
 * The next batch to send: pending events in outbox order, at most one per record. A record's second
 * event waits for the next batch, so if the platform rejects the first, the second has not been sent
 * past it (and is held behind it instead).
 */
export function nextBatch(sqlite: Database.Database, size: number): WireEvent[] {
  const rows = sqlite
    .prepare<[number], PendingRow>(
      "SELECT id, event_id, event_type, record_type, record_id, payload, created_at FROM outbox WHERE status = 'pending' ORDER BY id LIMIT ?",
    )
    .all(size * 2);
  const seen = new Set<string>();
  const batch: WireEvent[] = [];
  for (const r of rows) {
    const key = `${r.record_type}\u0000${r.record_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    batch.push({
      eventId: r.event_id,
      stationSeq: r.id,
      eventType: r.event_type,
      recordType: r.record_type,
      recordId: r.record_id,
      occurredAt: r.created_at,
      payload: JSON.parse(r.payload) as unknown,
    });
    if (batch.length === size) break;
  }
  return batch;
}

interface AppliedResults {
  delivered: number;
  parked: number;
}

/**
 * Applies the platform's answer to a batch (inside one transaction, the caller's): accepted and
 * duplicate events are delivered; a rejected one is superseded by a correction written after it (sent
 * while the correction was being made), or else parked with the platform's reason and the record's
 * later events are held behind it; a record whose parked event has now gone through releases its held
 * events. Only rows still pending are touched, so applying the same answer twice changes nothing.
 */
type Sent = { stationSeq: number; eventId: string; recordType: string; recordId: string };

/** The statements the acknowledgement runs per event, prepared once per database (a drain applies thousands). */
function statementsFor(sqlite: Database.Database) {
  return {
    deliver: sqlite.prepare<[string, number]>("UPDATE outbox SET status = 'delivered', delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ? AND status = 'pending'"),
    park: sqlite.prepare<[string, string, number]>("UPDATE outbox SET status = 'parked', reject_code = ?, reject_reason = ?, attempts = attempts + 1 WHERE id = ? AND status = 'pending'"),
    hold: sqlite.prepare<[string, string, number]>("UPDATE outbox SET status = 'held' WHERE record_type = ? AND record_id = ? AND id > ? AND status = 'pending'"),
    // `status IN ('parked', 'held')` repeats the partial index's condition so SQLite uses it (else: a scan per event).
    stillParked: sqlite.prepare<[string, string], { n: number }>(
      "SELECT count(*) AS n FROM outbox WHERE record_type = ? AND record_id = ? AND status IN ('parked', 'held') AND status = 'parked'",
    ),
    release: sqlite.prepare<[string, string]>("UPDATE outbox SET status = 'pending' WHERE record_type = ? AND record_id = ? AND status IN ('parked', 'held') AND status = 'held'"),
    replacementAfter: sqlite.prepare<[string, string, number], { id: number }>(
      "SELECT id FROM outbox WHERE record_type = ? AND record_id = ? AND id > ? AND status = 'pending' AND replaces_rejected = 1 ORDER BY id LIMIT 1",
    ),
    supersede: sqlite.prepare<[string, string, number, number]>(
      "UPDATE outbox SET status = 'superseded', reject_code = ?, reject_reason = ?, superseded_by = ?, attempts = attempts + 1 WHERE id = ? AND status = 'pending'",
    ),
  };
}

const prepared = new WeakMap<Database.Database, ReturnType<typeof statementsFor>>();

/**
 * Applies the platform's answer to a batch (inside one transaction, the caller's): accepted and
 * duplicate events are delivered; a rejected one is superseded by a correction written after it (sent
 * while the correction was being made), or else parked with the platform's reason and the record's
 * later events are held behind it; a record whose parked event has now gone through releases its held
 * events. Only rows still pending are touched, so applying the same answer twice changes nothing.
 */
export function applyResults(sqlite: Database.Database, sent: Sent[], results: EventResult[], at: string): AppliedResults {
  let q = prepared.get(sqlite);
  if (!q) prepared.set(sqlite, (q = statementsFor(sqlite)));
  const byId = new Map(results.map((r) => [r.eventId, r]));
  let delivered = 0;
  let parked = 0;
  for (const e of sent) {
    const result = byId.get(e.eventId);
    if (!result) continue;
    if (result.status === 'rejected') {
      // A correction already written after it replaces it: nothing for a person to do.
      const replacement = q.replacementAfter.get(e.recordType, e.recordId, e.stationSeq);
      if (replacement) {
        q.supersede.run(result.code, result.reason, replacement.id, e.stationSeq);
        continue;
      }
      if (q.park.run(result.code, result.reason, e.stationSeq).changes) {
        parked++;
        q.hold.run(e.recordType, e.recordId, e.stationSeq);
      }
      continue;
    }
    if (q.deliver.run(at, e.stationSeq).changes) {
      delivered++;
      if ((q.stillParked.get(e.recordType, e.recordId)?.n ?? 0) === 0) q.release.run(e.recordType, e.recordId);
    }
  }
  return { delivered, parked };
}
