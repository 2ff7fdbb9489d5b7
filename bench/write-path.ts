import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../src-main/core/paths';
import { openDatabase } from '../src-main/db/open';
import { initializedStation, tempDir } from './fixtures';

const N = 20_000;
const WARMUP = 1_000;

/**
 * Audited writes per second through the whole write path (validate, authorize, transaction with
 * the change + hash-chained audit entry + outbox event), against raw better-sqlite3 statements
 * writing the same user row on an identically migrated file in the same run.
 */
export function benchWritePath(): Record<string, number> {
  const { app, session } = initializedStation(tempDir('write'));
  const admin = app.call('users.list', {}, session)[0];
  const audited = (i: number): void => void app.call('users.update', { id: admin.id, displayName: `管理员${i}` }, session);
  for (let i = 0; i < WARMUP; i++) audited(i);
  let t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) audited(i);
  const auditedSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  app.close();

  const rawFile = path.join(tempDir('raw'), DATABASE_FILE);
  openDatabase(rawFile).close();
  const raw = new Database(rawFile);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  const insert = raw.prepare(
    "INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, 'registrar', 'x', ?, ?)",
  );
  const update = raw.prepare('UPDATE users SET display_name = ?, updated_at = ? WHERE id = ?');
  for (let i = 0; i < WARMUP; i++) insert.run(`warm${i}`, '管理员', 'now', 'now');
  t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) insert.run(`u${i}`, `管理员${i}`, new Date().toISOString(), new Date().toISOString());
  const rawInsertSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) update.run(`管理员${i}`, new Date().toISOString(), 1);
  const rawUpdateSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  raw.close();

  const auditedPerSec = N / auditedSeconds;
  const rawInsertPerSec = N / rawInsertSeconds;
  const rawUpdatePerSec = N / rawUpdateSeconds;
  return {
    commands: N,
    auditedWritesPerSec: Math.round(auditedPerSec),
    rawInsertPerSec: Math.round(rawInsertPerSec),
    rawUpdatePerSec: Math.round(rawUpdatePerSec),
    ratioToRawInsert: auditedPerSec / rawInsertPerSec,
    ratioToRawUpdate: auditedPerSec / rawUpdatePerSec,
    auditedMicrosPerCommand: (auditedSeconds / N) * 1e6,
  };
}
