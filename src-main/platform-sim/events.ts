import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { SERIAL_RETURN_EVENT, serialReturnPayload, type EventResult, type WireEvent } from '../platform/protocol';
import { maskIdNumber } from '../identity/mask';
import { describeIssues } from './issues';
import { DIVORCE_EVENT, divorcePayload, marriagePayload, waiverPayload, type MarriagePayload } from './payloads';
import { rederiveMarriage, rederiveWaiver } from './registry';
import type { Rejection } from './rejection';
import { returnProblem, takeReturn } from './serials';

/**
 * A push: each event is stored once, keyed by its event id, with its outcome. An event seen before gets
 * its first outcome again — `duplicate` if it was accepted, the same rejection if it was rejected (the
 * station lost the answer; a rejection must not turn into a success on retry).
 */

/** An event's rule: its payload schema, why it is refused, and what an accepted one changes besides its own row. */
interface EventRule {
  judge(db: Database.Database, stationId: string, event: WireEvent): Rejection | { apply(): void };
}

function rule<T>(
  schema: z.ZodType<T>,
  problem: (db: Database.Database, stationId: string, event: WireEvent, payload: T) => Rejection | null,
  apply: (db: Database.Database, event: WireEvent, payload: T, stationId: string) => void,
): EventRule {
  return {
    judge(db, stationId, event) {
      const parsed = schema.safeParse(event.payload, { reportInput: true });
      if (!parsed.success) return { code: 'INVALID_PAYLOAD', reason: `事件内容不符合要求：${describeIssues(parsed.error.issues)}` };
      return problem(db, stationId, event, parsed.data) ?? { apply: () => apply(db, event, parsed.data, stationId) };
    },
  };
}

function recordIdMismatch(event: WireEvent, field: string, label: string, value: string): Rejection | null {
  if (event.recordId === value) return null;
  return { code: 'INVALID_PAYLOAD', reason: `记录编号（recordId）${event.recordId} 与${label}（${field}）${value} 不一致` };
}

function cancelledParty(db: Database.Database, m: MarriagePayload): Rejection | null {
  const cancelled = db.prepare('SELECT 1 FROM cancelled_ids WHERE id_number = ?');
  const i = m.parties.findIndex((p) => cancelled.get(p.idNumber) !== undefined);
  if (i < 0) return null;
  return { code: 'ID_CANCELLED', reason: `当事人身份证号码（parties[${i}].idNumber）${maskIdNumber(m.parties[i].idNumber)} 已被公安机关注销，请核对后更正` };
}

/** A 字号 already claimed by another registration means a serial was issued twice. */
function certificateTaken(db: Database.Database, event: WireEvent): Rejection | null {
  const other = db
    .prepare("SELECT station_id AS stationId FROM events WHERE record_id = ? AND event_type = 'marriage.registered' AND event_id <> ? LIMIT 1")
    .get(event.recordId, event.eventId) as { stationId: string } | undefined;
  if (!other) return null;
  return { code: 'DUPLICATE_CERTIFICATE', reason: `结婚证字号（certificateNumber）${event.recordId} 已由工作站 ${other.stationId} 的另一登记使用，字号不能重复` };
}

/** A correction may not overwrite another station's accepted registration of the same 字号. */
function registeredElsewhere(db: Database.Database, stationId: string, event: WireEvent): Rejection | null {
  const other = db
    .prepare("SELECT station_id AS stationId FROM events WHERE record_id = ? AND event_type = 'marriage.registered' AND status = 'accepted' AND station_id <> ? LIMIT 1")
    .get(event.recordId, stationId) as { stationId: string } | undefined;
  if (!other) return null;
  return { code: 'DUPLICATE_CERTIFICATE', reason: `结婚证字号（certificateNumber）${event.recordId} 是工作站 ${other.stationId} 的登记，本工作站不能更正` };
}

const rederive = (db: Database.Database, event: WireEvent) => rederiveMarriage(db, event.recordId);

const RULES: Record<string, EventRule> = {
  'marriage.registered': rule(
    marriagePayload,
    (db, _station, e, m) => recordIdMismatch(e, 'certificateNumber', '证书字号', m.certificateNumber) ?? certificateTaken(db, e) ?? cancelledParty(db, m),
    rederive,
  ),
  // A correction is a full snapshot that supersedes the registration, even one the platform rejected.
  'marriage.corrected': rule(
    marriagePayload,
    (db, station, e, m) => recordIdMismatch(e, 'certificateNumber', '证书字号', m.certificateNumber) ?? registeredElsewhere(db, station, e) ?? cancelledParty(db, m),
    rederive,
  ),
  [DIVORCE_EVENT]: rule(divorcePayload, () => null, rederive),
  'funeral.waiver.entered': rule(waiverPayload, (_db, _station, e, w) => recordIdMismatch(e, 'number', '减免编号', w.number), (db, e, _w, station) => rederiveWaiver(db, station, e.recordId)),
  'funeral.waiver.corrected': rule(waiverPayload, (_db, _station, e, w) => recordIdMismatch(e, 'number', '减免编号', w.number), (db, e, _w, station) => rederiveWaiver(db, station, e.recordId)),
  [SERIAL_RETURN_EVENT]: rule(serialReturnPayload, (db, station, _e, r) => returnProblem(db, station, r), (db, _e, r) => takeReturn(db, r)),
};

function ingest(db: Database.Database, stationId: string, event: WireEvent, receivedAt: string): EventResult {
  const prior = db.prepare('SELECT station_id AS stationId, status, code, reason FROM events WHERE event_id = ?').get(event.eventId) as
    | { stationId: string; status: 'accepted' | 'rejected'; code: string | null; reason: string | null }
    | undefined;
  if (prior && prior.stationId !== stationId) {
    return { eventId: event.eventId, status: 'rejected', code: 'EVENT_ID_CONFLICT', reason: `事件编号（eventId）${event.eventId} 已被其他工作站使用` };
  }
  if (prior?.status === 'accepted') return { eventId: event.eventId, status: 'duplicate' };
  // The table's CHECK guarantees a rejected row has its code and reason.
  if (prior) return { eventId: event.eventId, status: 'rejected', code: prior.code!, reason: prior.reason! };

  // Event types the platform does not read are stored as sent.
  const verdict = RULES[event.eventType]?.judge(db, stationId, event) ?? { apply: () => undefined };
  const rejection = 'code' in verdict ? verdict : null;
  db.prepare(
    `INSERT INTO events (event_id, station_id, station_seq, event_type, record_type, record_id, occurred_at, payload, status, code, reason, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    event.eventId,
    stationId,
    event.stationSeq,
    event.eventType,
    event.recordType,
    event.recordId,
    event.occurredAt,
    JSON.stringify(event.payload ?? null),
    rejection ? 'rejected' : 'accepted',
    rejection?.code ?? null,
    rejection?.reason ?? null,
    receivedAt,
  );
  if ('code' in verdict) return { eventId: event.eventId, status: 'rejected', ...verdict };
  // After the insert: the registry is rebuilt from the events table, this event included.
  verdict.apply();
  return { eventId: event.eventId, status: 'accepted' };
}

/** Processes the events in `order` (indexes into `events`); the results are in request order. */
export function pushEvents(db: Database.Database, stationId: string, events: WireEvent[], order: number[], receivedAt: string): EventResult[] {
  const results: EventResult[] = new Array<EventResult>(events.length);
  for (const i of order) results[i] = ingest(db, stationId, events[i], receivedAt);
  return results;
}
