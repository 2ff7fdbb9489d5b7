import Database from 'better-sqlite3';

/**
 * The simulator's own SQLite file: plain SQL, nothing shared with a station's database. The platform is
 * the authority a station trusts after an answer, so every commit is synced (synchronous = FULL): a
 * station that heard "accepted" must never find the event gone after a power cut.
 */
const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS stations (
  station_id TEXT PRIMARY KEY,
  secret TEXT NOT NULL,              -- base64, the HMAC key
  revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS seen_nonces (
  station_id TEXT NOT NULL,
  nonce TEXT NOT NULL,
  seen_at INTEGER NOT NULL,          -- epoch ms on the simulator's clock
  PRIMARY KEY (station_id, nonce)
);
CREATE INDEX IF NOT EXISTS seen_nonces_seen_at ON seen_nonces (seen_at);

-- Every event ever received, accepted or rejected: the event id is the idempotency key, so a re-sent
-- event gets the outcome it got the first time.
CREATE TABLE IF NOT EXISTS events (
  event_id TEXT PRIMARY KEY,
  station_id TEXT NOT NULL,
  station_seq INTEGER NOT NULL,
  event_type TEXT NOT NULL,
  record_type TEXT NOT NULL,
  record_id TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  payload TEXT NOT NULL,             -- JSON
  status TEXT NOT NULL CHECK (status IN ('accepted', 'rejected')),
  code TEXT,
  reason TEXT,
  received_at TEXT NOT NULL,
  CHECK ((status = 'rejected') = (code IS NOT NULL AND reason IS NOT NULL))
);
CREATE INDEX IF NOT EXISTS events_record ON events (record_id, event_type);
CREATE INDEX IF NOT EXISTS events_record_type ON events (record_type);

-- The registry derived from accepted events (registry.ts rebuilds a record from its events).
CREATE TABLE IF NOT EXISTS marriages (
  certificate_number TEXT PRIMARY KEY,
  registered_on TEXT NOT NULL,
  authority TEXT NOT NULL,
  divorce_certificate_number TEXT,
  divorced_on TEXT
);
CREATE TABLE IF NOT EXISTS marriage_parties (
  certificate_number TEXT NOT NULL REFERENCES marriages (certificate_number) ON DELETE CASCADE,
  document_type TEXT NOT NULL,
  id_number TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS marriage_parties_person ON marriage_parties (id_number, document_type);
-- 减免编号 are numbered per station (JM2025-000001 at every home): a waiver is its station's number.
CREATE TABLE IF NOT EXISTS funeral_waivers (
  number TEXT NOT NULL,
  station_id TEXT NOT NULL,
  funeral_home TEXT NOT NULL,
  date_of_death TEXT NOT NULL,
  document_type TEXT NOT NULL,
  id_number TEXT NOT NULL,
  PRIMARY KEY (station_id, number)
);
CREATE INDEX IF NOT EXISTS funeral_waivers_person ON funeral_waivers (id_number, document_type);
CREATE TABLE IF NOT EXISTS cancelled_ids (
  id_number TEXT PRIMARY KEY
);

CREATE TABLE IF NOT EXISTS serial_blocks (
  block_id TEXT PRIMARY KEY,
  station_id TEXT NOT NULL,
  request_id TEXT NOT NULL,
  authority TEXT NOT NULL,
  prefix TEXT NOT NULL,
  year INTEGER NOT NULL,
  first INTEGER NOT NULL,
  last INTEGER NOT NULL,
  leased_at TEXT NOT NULL,
  UNIQUE (station_id, request_id)
);
CREATE TABLE IF NOT EXISTS serial_next (
  authority TEXT NOT NULL,
  prefix TEXT NOT NULL,
  year INTEGER NOT NULL,
  next INTEGER NOT NULL,
  PRIMARY KEY (authority, prefix, year)
);
-- Numbers given back and not yet leased again; a lease takes from here first.
CREATE TABLE IF NOT EXISTS serial_free (
  authority TEXT NOT NULL,
  prefix TEXT NOT NULL,
  year INTEGER NOT NULL,
  first INTEGER NOT NULL,
  last INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS serial_free_key ON serial_free (authority, prefix, year, first);
-- Every return ever made, per block: a range may come back only once.
CREATE TABLE IF NOT EXISTS serial_returns (
  block_id TEXT NOT NULL,
  first INTEGER NOT NULL,
  last INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS serial_returns_block ON serial_returns (block_id);

CREATE TABLE IF NOT EXISTS changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  data TEXT NOT NULL,                -- JSON
  published_at TEXT NOT NULL
);
`;

export function openSimDatabase(file: string): Database.Database {
  const db = new Database(file);
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new Error(`模拟平台数据库 ${file} 由更新版本写入（结构版本 ${version}），拒绝打开`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
