import type Database from 'better-sqlite3';
import type { Change } from '../platform/protocol';
import { publishChange } from './changes';
import { openSimDatabase } from './db';
import { listBlocks, type SerialBlockRow } from './serials';
import { provisionStation, revokeStation } from './stations';

/**
 * The simulator's store as its operator sees it: the admin API and tests provision stations, cancel ID
 * numbers, publish changes and look at what arrived. The /v1 handlers work on `db` inside `transaction`.
 */
export interface StoredEventRow {
  eventId: string;
  stationId: string;
  stationSeq: number;
  eventType: string;
  recordType: string;
  recordId: string;
  occurredAt: string;
  payload: unknown;
  status: 'accepted' | 'rejected';
  code: string | null;
  reason: string | null;
  receivedAt: string;
}

export interface SimSummary {
  stations: number;
  revokedStations: number;
  events: { accepted: number; rejected: number };
  marriages: number;
  divorces: number;
  funeralWaivers: number;
  serialBlocks: number;
  changes: number;
  cancelledIds: number;
}

export class SimStore {
  readonly db: Database.Database;

  constructor(file: string) {
    this.db = openSimDatabase(file);
  }

  /** All or nothing: a request's writes commit together, or (on any throw) not at all. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  provisionStation(stationId: string, secret?: string): string {
    return provisionStation(this.db, stationId, secret);
  }

  /** Revokes the station and tells every station so through the changes feed; null when it is not known. */
  revokeStation(stationId: string, at: Date): string | null {
    return this.transaction(() => {
      const revokedAt = revokeStation(this.db, stationId, at.toISOString());
      if (revokedAt) publishChange(this.db, { kind: 'revokedStation', data: { stationId, revokedAt } }, at.toISOString());
      return revokedAt;
    });
  }

  /** An ID number the public security bureau cancelled: a marriage naming it is rejected. */
  cancelIdNumber(idNumber: string): void {
    this.db.prepare('INSERT INTO cancelled_ids (id_number) VALUES (?) ON CONFLICT DO NOTHING').run(idNumber.trim().toUpperCase());
  }

  publishChange(c: Change, at: Date): string {
    return publishChange(this.db, c, at.toISOString());
  }

  events(filter: { recordType?: string; limit?: number } = {}): StoredEventRow[] {
    const rows = this.db
      .prepare(
        `SELECT event_id AS eventId, station_id AS stationId, station_seq AS stationSeq, event_type AS eventType, record_type AS recordType,
                record_id AS recordId, occurred_at AS occurredAt, payload, status, code, reason, received_at AS receivedAt
         FROM events WHERE (@recordType IS NULL OR record_type = @recordType) ORDER BY rowid LIMIT @limit`,
      )
      .all({ recordType: filter.recordType ?? null, limit: filter.limit ?? 1000 }) as (Omit<StoredEventRow, 'payload'> & { payload: string })[];
    return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as unknown }));
  }

  serialBlocks(): SerialBlockRow[] {
    return listBlocks(this.db);
  }

  summary(): SimSummary {
    const count = (sql: string) => this.db.prepare(sql).pluck().get() as number;
    return {
      stations: count('SELECT count(*) FROM stations'),
      revokedStations: count('SELECT count(*) FROM stations WHERE revoked_at IS NOT NULL'),
      events: {
        accepted: count("SELECT count(*) FROM events WHERE status = 'accepted'"),
        rejected: count("SELECT count(*) FROM events WHERE status = 'rejected'"),
      },
      marriages: count('SELECT count(*) FROM marriages'),
      divorces: count('SELECT count(*) FROM marriages WHERE divorce_certificate_number IS NOT NULL'),
      funeralWaivers: count('SELECT count(*) FROM funeral_waivers'),
      serialBlocks: count('SELECT count(*) FROM serial_blocks'),
      changes: count('SELECT count(*) FROM changes'),
      cancelledIds: count('SELECT count(*) FROM cancelled_ids'),
    };
  }

  close(): void {
    this.db.close();
  }
}
