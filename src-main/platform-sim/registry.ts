import type Database from 'better-sqlite3';
import type { FuneralWaiverResponse, MaritalStatusResponse } from '../platform/protocol';
import { DIVORCE_EVENT, MARRIAGE_EVENTS, WAIVER_EVENTS, divorcePayload, marriagePayload, waiverPayload, type MarriagePayload } from './payloads';

/**
 * The registry the platform answers queries from, derived from accepted events. A record is rebuilt from
 * all its events in (station, station sequence) order whenever one arrives, so the order in which a push's
 * events were processed — or in which stations' pushes arrived — does not change the result.
 */

interface StoredEvent {
  eventType: string;
  stationId: string;
  payload: string;
}

function acceptedEvents(db: Database.Database, recordId: string, types: readonly string[], stationId?: string): StoredEvent[] {
  return db
    .prepare(
      `SELECT event_type AS eventType, station_id AS stationId, payload FROM events
       WHERE record_id = ? AND status = 'accepted' AND event_type IN (${types.map(() => '?').join(', ')})
         AND (? IS NULL OR station_id = ?)
       ORDER BY station_id, station_seq`,
    )
    .all(recordId, ...types, stationId ?? null, stationId ?? null) as StoredEvent[];
}

/** A divorce's authority is in its 字号 (prefix + 6-digit authority code + year + serial); else the marriage's. */
function authorityOf(certificateNumber: string, fallback: string): string {
  return /^[A-Z]+(\d{6})-/.exec(certificateNumber)?.[1] ?? fallback;
}

/** Rebuilds one marriage: the last registration or correction is the snapshot; a divorce dissolves it. */
export function rederiveMarriage(db: Database.Database, certificateNumber: string): void {
  let snapshot: MarriagePayload | null = null;
  let divorce: { certificateNumber: string; registeredOn: string } | null = null;
  for (const e of acceptedEvents(db, certificateNumber, [...MARRIAGE_EVENTS, DIVORCE_EVENT])) {
    const payload: unknown = JSON.parse(e.payload);
    if (e.eventType === DIVORCE_EVENT) divorce = divorcePayload.parse(payload);
    else snapshot = marriagePayload.parse(payload);
  }
  db.prepare('DELETE FROM marriages WHERE certificate_number = ?').run(certificateNumber);
  // A divorce known before its marriage waits in the events table until the marriage arrives.
  if (!snapshot) return;
  db.prepare('INSERT INTO marriages (certificate_number, registered_on, authority, divorce_certificate_number, divorced_on) VALUES (?, ?, ?, ?, ?)').run(
    certificateNumber,
    snapshot.registeredOn,
    snapshot.authority,
    divorce?.certificateNumber ?? null,
    divorce?.registeredOn ?? null,
  );
  const party = db.prepare('INSERT INTO marriage_parties (certificate_number, document_type, id_number) VALUES (?, ?, ?)');
  for (const p of snapshot.parties) party.run(certificateNumber, p.documentType, p.idNumber);
}

/** Rebuilds one waiver (a station's 减免编号) from its last entry or correction. */
export function rederiveWaiver(db: Database.Database, stationId: string, number: string): void {
  const events = acceptedEvents(db, number, WAIVER_EVENTS, stationId);
  db.prepare('DELETE FROM funeral_waivers WHERE station_id = ? AND number = ?').run(stationId, number);
  const last = events.at(-1);
  if (!last) return;
  const w = waiverPayload.parse(JSON.parse(last.payload));
  db.prepare('INSERT INTO funeral_waivers (number, station_id, funeral_home, date_of_death, document_type, id_number) VALUES (?, ?, ?, ?, ?, ?)').run(
    number,
    last.stationId,
    w.funeralHome,
    w.deceased.dateOfDeath,
    w.deceased.documentType,
    w.deceased.idNumber,
  );
}

interface MarriageRow {
  certificateNumber: string;
  registeredOn: string;
  authority: string;
  divorceCertificateNumber: string | null;
  divorcedOn: string | null;
}

/** A person's marriages and divorces known to the platform; 'unmarried' when it knows none. */
export function maritalStatus(db: Database.Database, documentType: string, idNumber: string): MaritalStatusResponse {
  const rows = db
    .prepare(
      `SELECT m.certificate_number AS certificateNumber, m.registered_on AS registeredOn, m.authority,
              m.divorce_certificate_number AS divorceCertificateNumber, m.divorced_on AS divorcedOn
       FROM marriage_parties p JOIN marriages m USING (certificate_number)
       WHERE p.id_number = ? AND p.document_type = ?
       ORDER BY m.registered_on, m.certificate_number`,
    )
    .all(idNumber.trim().toUpperCase(), documentType) as MarriageRow[];
  const records: MaritalStatusResponse['records'] = [];
  for (const m of rows) {
    records.push({ certificateNumber: m.certificateNumber, kind: 'marriage', registeredOn: m.registeredOn, authority: m.authority });
    if (m.divorceCertificateNumber && m.divorcedOn) {
      records.push({ certificateNumber: m.divorceCertificateNumber, kind: 'divorce', registeredOn: m.divorcedOn, authority: authorityOf(m.divorceCertificateNumber, m.authority) });
    }
  }
  const status = rows.some((m) => !m.divorceCertificateNumber) ? 'married' : rows.length ? 'divorced' : 'unmarried';
  return { status, records };
}

/** Every waiver entered anywhere for this deceased person. */
export function funeralWaivers(db: Database.Database, documentType: string, idNumber: string): FuneralWaiverResponse {
  const waivers = db
    .prepare(
      `SELECT number, station_id AS stationId, funeral_home AS funeralHome, date_of_death AS dateOfDeath
       FROM funeral_waivers WHERE id_number = ? AND document_type = ? ORDER BY number`,
    )
    .all(idNumber.trim().toUpperCase(), documentType) as FuneralWaiverResponse['waivers'];
  return { waivers };
}
