import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

export interface OutboxEvent {
  eventType: string;
  recordType: string;
  recordId: string;
  payload: unknown;
  /**
   * A full, corrected snapshot of the record: it replaces the record's parked (rejected) event, and the
   * events held behind that one are queued again after it, so the platform still sees them in order.
   */
  replacesRejected?: boolean;
}

interface HeldRow {
  id: number;
  event_id: string;
  event_type: string;
  payload: string;
  audit_seq: number;
  created_at: string;
}

/** Appends platform events; runs inside the command's transaction (nothing sends yet). */
export class OutboxAppender {
  private readonly insert: Database.Statement;
  private readonly pending: Database.Statement<[], { n: number }>;
  private readonly blockedAll: Database.Statement<[], { n: number }>;
  private readonly blocked: Database.Statement<[string, string], { n: number }>;
  private readonly heldOf: Database.Statement<[string, string], HeldRow>;
  private readonly supersede: Database.Statement<[number, string, string, string]>;
  private readonly supersedeOne: Database.Statement<[number, number]>;

  constructor(sqlite: Database.Database) {
    this.insert = sqlite.prepare(
      `INSERT INTO outbox (event_id, event_type, record_type, record_id, payload, audit_seq, created_at, status, replaces_rejected)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.pending = sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE status = 'pending'");
    this.blockedAll = sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE status IN ('parked', 'held')");
    // Each query on blocked records repeats the partial index's `status IN ('parked', 'held')` so SQLite uses it.
    this.blocked = sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE record_type = ? AND record_id = ? AND status IN ('parked', 'held')");
    this.heldOf = sqlite.prepare(
      "SELECT id, event_id, event_type, payload, audit_seq, created_at FROM outbox WHERE record_type = ? AND record_id = ? AND status IN ('parked', 'held') AND status = 'held' ORDER BY id",
    );
    this.supersede = sqlite.prepare("UPDATE outbox SET status = 'superseded', superseded_by = ? WHERE record_type = ? AND record_id = ? AND status IN ('parked', 'held') AND status = ?");
    this.supersedeOne = sqlite.prepare("UPDATE outbox SET status = 'superseded', superseded_by = ? WHERE id = ?");
  }

  append(event: OutboxEvent, auditSeq: number, at: string): void {
    const isBlocked = (this.blocked.get(event.recordType, event.recordId)?.n ?? 0) > 0;
    if (!isBlocked) {
      this.add(randomUUID(), event.eventType, event, JSON.stringify(event.payload), auditSeq, at, 'pending');
      return;
    }
    if (!event.replacesRejected) {
      // Behind a rejected event of the same record: the platform must not see it first.
      this.add(randomUUID(), event.eventType, event, JSON.stringify(event.payload), auditSeq, at, 'held');
      return;
    }
    const held = this.heldOf.all(event.recordType, event.recordId);
    const replacement = this.add(randomUUID(), event.eventType, event, JSON.stringify(event.payload), auditSeq, at, 'pending');
    this.supersede.run(replacement, event.recordType, event.recordId, 'parked');
    // The held events go again after the correction, with their own idempotency keys (the platform never stored them).
    for (const h of held) {
      const copy = this.add(h.event_id, h.event_type, event, h.payload, h.audit_seq, h.created_at, 'pending');
      this.supersedeOne.run(copy, h.id);
    }
  }

  pendingCount(): number {
    return this.pending.get()?.n ?? 0;
  }

  /** Parked by the platform or held behind a parked event: waiting for a person. */
  blockedCount(): number {
    return this.blockedAll.get()?.n ?? 0;
  }

  private add(eventId: string, eventType: string, record: OutboxEvent, payload: string, auditSeq: number, at: string, status: 'pending' | 'held'): number {
    const replaces = eventType === record.eventType && record.replacesRejected ? 1 : 0;
    return Number(this.insert.run(eventId, eventType, record.recordType, record.recordId, payload, auditSeq, at, status, replaces).lastInsertRowid);
  }
}
