import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CivReg } from '../../src-main/core/civreg';
import { DatabaseRefusedError, openDatabase } from '../../src-main/db/open';
import { loadMigrations } from '../../src-main/db/migrations';
import { FixedClock, cleanupTempDirs, count, initialize, rawOpen, tempDir } from '../helpers/civreg';

afterEach(cleanupTempDirs);

const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const DB = 'civreg.sqlite';

function refusal(fn: () => unknown): DatabaseRefusedError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DatabaseRefusedError) return err;
    throw new Error(`expected DatabaseRefusedError, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected DatabaseRefusedError, but the database was opened');
}

/** A closed, self-contained (rollback-journal) database made by CivReg, optionally initialized. */
function closedDatabase(opts: { initialize?: boolean } = {}): { dataDir: string; file: string } {
  const dataDir = tempDir();
  const app = new CivReg({ dataDir, clock: new FixedClock().clock });
  if (opts.initialize) initialize(app);
  app.close();
  return { dataDir, file: path.join(dataDir, DB) };
}

describe('opening a database', () => {
  it('a new database is created at the full schema version, in WAL mode with foreign keys on', () => {
    const dataDir = tempDir();
    const app = new CivReg({ dataDir, clock: new FixedClock().clock });
    try {
      const { sqlite } = app.database;
      expect(app.database.file).toBe(path.join(dataDir, DB));
      expect(app.database.schemaVersion).toBe(loadMigrations().length);
      expect(sqlite.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
      expect(app.database.backupFile).toBeNull();
    } finally {
      app.close();
    }
    // WAL is persistent: another connection sees it too.
    const raw = rawOpen(path.join(dataDir, DB));
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);
  });

  it('reopening an up-to-date database keeps the data and takes no backup', () => {
    const { dataDir } = closedDatabase({ initialize: true });
    const app = new CivReg({ dataDir, clock: new FixedClock().clock });
    try {
      expect(app.database.backupFile).toBeNull();
      expect(app.call('setup.status', {}).initialized).toBe(true);
    } finally {
      app.close();
    }
    expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);
  });
});

describe('refusing a database it must not touch', () => {
  it('a database from a newer version is refused and left byte-for-byte unchanged', () => {
    const { dataDir, file } = closedDatabase({ initialize: true });
    const raw = rawOpen(file);
    raw.pragma('user_version = 99');
    raw.pragma('journal_mode = DELETE'); // self-contained: no -wal to be replayed
    raw.close();
    const listing = fs.readdirSync(dataDir).sort();
    expect(listing).toEqual([DB]);
    const hash = sha256(file);
    const mtime = fs.statSync(file).mtimeMs;

    const err = refusal(() => new CivReg({ dataDir, clock: new FixedClock().clock }));
    expect(err.reason).toBe('newer');
    expect(err.message).toContain('99');
    expect(err.message).toContain('升级');

    expect(sha256(file)).toBe(hash);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
    expect(fs.readdirSync(dataDir).sort()).toEqual(listing); // no -wal, -shm or backups/
  });

  it('a newer database in WAL mode is refused untouched too', () => {
    const { dataDir, file } = closedDatabase();
    const raw = rawOpen(file);
    raw.pragma('user_version = 3000');
    raw.close(); // last connection: WAL checkpointed into the file and removed
    expect(fs.readdirSync(dataDir)).toEqual([DB]);
    const hash = sha256(file);
    expect(refusal(() => openDatabase(file)).reason).toBe('newer');
    expect(sha256(file)).toBe(hash);
    expect(fs.readdirSync(dataDir)).toEqual([DB]);
  });

  it('a file of random bytes is refused as corrupt and left unchanged', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, DB);
    fs.writeFileSync(file, randomBytes(8192));
    const hash = sha256(file);
    const err = refusal(() => new CivReg({ dataDir, clock: new FixedClock().clock }));
    expect(err.reason).toBe('corrupt');
    expect(err.message).toContain('损坏');
    expect(sha256(file)).toBe(hash);
    expect(fs.readdirSync(dataDir)).toEqual([DB]);
  });

  it('a file shorter than a SQLite header is refused as corrupt and left unchanged', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, DB);
    fs.writeFileSync(file, 'SQLite format 3\0 but cut short');
    const hash = sha256(file);
    expect(refusal(() => new CivReg({ dataDir })).reason).toBe('corrupt');
    expect(sha256(file)).toBe(hash);
  });

  it('a database whose header is intact but whose pages are garbage is refused as corrupt, unchanged', () => {
    const { dataDir, file } = closedDatabase({ initialize: true });
    const good = fs.readFileSync(file);
    const pageSize = good.readUInt16BE(16);
    expect(good.length).toBeGreaterThan(pageSize * 2);
    const bad = Buffer.from(good);
    randomBytes(bad.length - pageSize).copy(bad, pageSize); // keep page 1 (header + schema), ruin the rest
    fs.writeFileSync(file, bad);
    const hash = sha256(file);

    let app: CivReg | undefined;
    let err: unknown;
    try {
      app = new CivReg({ dataDir, clock: new FixedClock().clock });
    } catch (e) {
      err = e;
    }
    app?.close();
    // Opening it anyway means every later command fails with an INTERNAL error instead of the
    // "数据库文件已损坏，请从备份恢复" message the user needs.
    expect(err).toBeInstanceOf(DatabaseRefusedError);
    expect((err as DatabaseRefusedError).reason).toBe('corrupt');
    expect(sha256(file)).toBe(hash);
  });
});

describe('migrating an older database', () => {
  it('backs up the old file, migrates to the full version and keeps the data', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, DB);
    const all = loadMigrations();
    expect(all.length).toBeGreaterThan(1);

    const v1 = openDatabase(file, { migrations: all.slice(0, 1) });
    expect(v1.schemaVersion).toBe(1);
    expect(v1.backupFile).toBeNull();
    v1.sqlite
      .prepare('INSERT INTO station (id, station_id, office_name, division_code, created_at) VALUES (1, ?, ?, ?, ?)')
      .run('ST-OLD', '旧版民政局', '110105', '2024-01-01T00:00:00.000Z');
    v1.sqlite
      .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)')
      .run('idleLockMinutes', '7', '2024-01-01T00:00:00.000Z');
    v1.close();
    const check = rawOpen(file);
    expect(check.pragma('user_version', { simple: true })).toBe(1);
    check.close();

    const clock = new FixedClock('2025-06-01T08:30:00.000Z');
    const app = new CivReg({ dataDir, clock: clock.clock });
    let backupFile: string;
    try {
      backupFile = app.database.backupFile!;
      expect(backupFile).toBeTruthy();
      expect(path.dirname(backupFile)).toBe(path.join(dataDir, 'backups'));
      expect(path.basename(backupFile)).toContain('v1');
      expect(path.basename(backupFile)).toContain('2025-06-01');

      // The live database: full version, data kept, the new migration's triggers in place.
      expect(app.database.sqlite.pragma('user_version', { simple: true })).toBe(all.length);
      expect(app.call('setup.status', {})).toEqual({
        initialized: true,
        station: { stationId: 'ST-OLD', officeName: '旧版民政局', divisionCode: '110105' },
      });
      const triggers = app.database.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all();
      expect(triggers).toEqual(['audit_log_no_delete', 'audit_log_no_update']);
    } finally {
      app.close();
    }

    // The backup: a valid SQLite database at the old version with the old data.
    expect(fs.existsSync(backupFile)).toBe(true);
    const backup = new Database(backupFile, { readonly: true, fileMustExist: true });
    try {
      expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(backup.pragma('user_version', { simple: true })).toBe(1);
      expect(backup.prepare('SELECT station_id FROM station').pluck().all()).toEqual(['ST-OLD']);
      expect(backup.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").pluck().get()).toBe(0);
    } finally {
      backup.close();
    }
  });

  it('a migration that fails leaves the database at its old version, with nothing half-applied', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, DB);
    const all = loadMigrations();
    openDatabase(file, { migrations: all }).close();
    const broken = [...all, { ...all[0], sql: ['CREATE TABLE half_done (a TEXT)', 'THIS IS NOT SQL'] }];
    expect(() => openDatabase(file, { migrations: broken })).toThrow();
    const raw = rawOpen(file);
    try {
      expect(raw.pragma('user_version', { simple: true })).toBe(all.length);
      expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    } finally {
      raw.close();
    }
  });

  it('foreign keys and WAL are on after a migration too', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, DB);
    const v1 = openDatabase(file, { migrations: loadMigrations().slice(0, 1) });
    v1.sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('k', 'v', 'now')").run();
    v1.close();
    const app = new CivReg({ dataDir, clock: new FixedClock().clock });
    try {
      expect(app.database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(app.database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(count(app, 'settings')).toBe(1);
    } finally {
      app.close();
    }
  });
});
