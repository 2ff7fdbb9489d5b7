import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

export interface OutboxEvent {
  eventType: string;
  recordType: string;
  recordId: string;
  payload: unknown;
}

/** Appends platform events; runs inside the command's transaction (nothing sends yet). */
export class OutboxAppender {
  private readonly insert: Database.Statement;
  private readonly pending: Database.Statement<[], { n: number }>;

  constructor(sqlite: Database.Database) {
    this.insert = sqlite.prepare(
      `INSERT INTO outbox (event_id, event_type, record_type, record_id, payload, audit_seq, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.pending = sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE status = 'pending'");
  }

  append(event: OutboxEvent, auditSeq: number, at: string): void {
    this.insert.run(randomUUID(), event.eventType, event.recordType, event.recordId, JSON.stringify(event.payload), auditSeq, at);
  }

  pendingCount(): number {
    return this.pending.get()?.n ?? 0;
  }
}
