import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { MigrationMeta } from 'drizzle-orm/migrator';
import * as schema from './schema';
import { loadMigrations } from './migrations';

export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenedDatabase {
  file: string;
  sqlite: Database.Database;
  db: Db;
  schemaVersion: number;
  /** Path of the backup taken before migrating, if a migration ran on an existing database. */
  backupFile: string | null;
  close(): void;
}

export class DatabaseRefusedError extends Error {
  constructor(
    readonly reason: 'newer' | 'corrupt',
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseRefusedError';
  }
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/** Read the schema version from the file header without letting SQLite touch the file. */
function headerVersion(file: string): number | null {
  if (!fs.existsSync(file)) return null;
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(100);
    const read = fs.readSync(fd, header, 0, 100, 0);
    if (read === 0) return null;
    if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
      throw new DatabaseRefusedError('corrupt', `数据库文件已损坏或不是 CivReg 数据库：${file}。文件未被改动，请从备份恢复。`);
    }
    return header.readUInt32BE(60);
  } finally {
    fs.closeSync(fd);
  }
}

export function corrupt(file: string, err: unknown): DatabaseRefusedError {
  const detail = err instanceof Error ? `（${err.message}）` : '';
  return new DatabaseRefusedError('corrupt', `数据库文件已损坏或不是 CivReg 数据库：${file}${detail}。文件未被改动，请从备份恢复。`);
}

/**
 * A cheap look at every table's first and last rows. A full `PRAGMA quick_check` would catch more
 * but takes seconds on a large station (4.4 s on a million audit entries); corruption deeper inside
 * a table surfaces when it is read, as the same "corrupt" error (see isCorruption).
 */
function probeTables(sqlite: Database.Database): void {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  for (const t of tables) {
    sqlite.prepare(`SELECT * FROM "${t.replace(/"/g, '""')}" ORDER BY rowid LIMIT 1`).all();
    sqlite.prepare(`SELECT * FROM "${t.replace(/"/g, '""')}" ORDER BY rowid DESC LIMIT 1`).all();
  }
}

/** SQLite's own word that the file is damaged, as opposed to an error in our code. */
export function isCorruption(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

function refuseNewer(file: string, version: number, known: number): never {
  throw new DatabaseRefusedError(
    'newer',
    `数据库 ${file} 由更新版本的 CivReg 写入（结构版本 ${version}，本程序只认识到 ${known}）。为防止数据损坏，本程序拒绝打开它，文件未被改动。请升级 CivReg。`,
  );
}

function backupPath(file: string, fromVersion: number, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return path.join(path.dirname(file), 'backups', `${path.basename(file, '.sqlite')}-v${fromVersion}-${stamp}.sqlite`);
}

/**
 * Open (creating if absent) a CivReg database: refuse a corrupt file or one from a newer version
 * untouched; back up an existing database before migrating; apply pending migrations in one
 * transaction; WAL, foreign keys, busy timeout.
 */
export function openDatabase(
  file: string,
  opts: { migrations?: MigrationMeta[]; now?: () => Date } = {},
): OpenedDatabase {
  const migrations = opts.migrations ?? loadMigrations();
  const known = migrations.length;
  const fromHeader = headerVersion(file);
  if (fromHeader !== null && fromHeader > known) refuseNewer(file, fromHeader, known);

  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  let version: number;
  try {
    version = sqlite.pragma('user_version', { simple: true }) as number;
    probeTables(sqlite);
  } catch (err) {
    sqlite.close();
    throw corrupt(file, err);
  }
  if (version > known) {
    sqlite.close();
    refuseNewer(file, version, known);
  }

  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');

  let backupFile: string | null = null;
  if (version < known) {
    const hasData = fromHeader !== null && version > 0;
    if (hasData) {
      backupFile = backupPath(file, version, (opts.now ?? (() => new Date()))());
      fs.mkdirSync(path.dirname(backupFile), { recursive: true });
      sqlite.prepare('VACUUM INTO ?').run(backupFile);
    }
    const pending = migrations.slice(version);
    try {
      sqlite.transaction(() => {
        for (const m of pending) for (const stmt of m.sql) if (stmt.trim()) sqlite.exec(stmt);
        sqlite.pragma(`user_version = ${known}`);
      }).immediate();
    } catch (err) {
      sqlite.close();
      throw err;
    }
  }

  const db = drizzle(sqlite, { schema });
  return { file, sqlite, db, schemaVersion: known, backupFile, close: () => sqlite.close() };
}
