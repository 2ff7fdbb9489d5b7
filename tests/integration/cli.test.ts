import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src-main/db/migrations';
import { ADMIN, STATION, cleanupTempDirs, makeApp, rawOpen, tempDir } from '../helpers/civreg';

const REPO = path.resolve(__dirname, '../..');
const RESOURCES = path.join(REPO, 'resources');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function civreg(args: string[], opts: { password?: string; resources?: boolean; cwd?: string } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, CIVREG_QUIET: '1' };
  delete env.CIVREG_PASSWORD;
  delete env.CIVREG_DATA_DIR;
  delete env.CIVREG_RESOURCES;
  if (opts.password !== undefined) env.CIVREG_PASSWORD = opts.password;
  if (opts.resources !== false) env.CIVREG_RESOURCES = RESOURCES;
  const r = spawnSync(process.execPath, [path.join(REPO, 'bin/civreg.mjs'), ...args], {
    cwd: opts.cwd ?? REPO,
    env,
    encoding: 'utf8',
    input: '',
    timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const DB = 'civreg.sqlite';

function rows<T>(dataDir: string, sql: string): T[] {
  const db = new Database(path.join(dataDir, DB), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** A data folder initialized in-process (setup.initialize is public but `call` logs in first). */
function initializedDataDir(): string {
  const { app, dataDir } = makeApp();
  app.close();
  return dataDir;
}

describe('the civreg CLI', () => {
  let dataDir: string;

  beforeAll(() => {
    if (!fs.existsSync(path.join(REPO, 'out/main/cli.js'))) throw new Error('out/main/cli.js is missing: run `npx electron-vite build` first');
    dataDir = initializedDataDir();
  });
  afterAll(cleanupTempDirs);

  it('finds its shipped migrations without CIVREG_RESOURCES (as an installed `civreg` is run)', () => {
    const r = civreg(['db', 'info', '--data-dir', dataDir], { resources: false });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).schemaVersion).toBe(loadMigrations().length);
  });

  it('db info prints the schema version, the station and counts', () => {
    const r = civreg(['db', 'info', '--data-dir', dataDir]);
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info).toMatchObject({
      file: path.join(dataDir, DB),
      schemaVersion: loadMigrations().length,
      knownMigrations: loadMigrations().length,
      station: { stationId: STATION.stationId, officeName: STATION.officeName, divisionCode: STATION.divisionCode },
      users: 1,
      auditEntries: 1,
    });
    expect(info.sizeBytes).toBeGreaterThan(0);
  });

  it('audit verify on a fresh database exits 0 with ok:true', () => {
    const r = civreg(['audit', 'verify', '--data-dir', dataDir]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, checked: 1, firstBad: null, anchor: null });
  });

  it('user add (password from CIVREG_PASSWORD) then user list shows the user', () => {
    const add = civreg(['user', 'add', '--data-dir', dataDir, '--username', 'lisi', '--display-name', '李四', '--role', 'reviewer'], {
      password: 'Lisi12345',
    });
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({ username: 'lisi', displayName: '李四', role: 'reviewer', active: true });

    const list = civreg(['user', 'list', '--data-dir', dataDir]);
    expect(list.code).toBe(0);
    const users = JSON.parse(list.stdout) as Array<{ username: string; role: string }>;
    expect(users.map((u) => u.username).sort()).toEqual([ADMIN.username, 'lisi']);

    // Audited, attributed to the OS user at the command line.
    const [entry] = rows<{ operation: string; username: string; user_id: number | null }>(
      dataDir,
      'SELECT operation, username, user_id FROM audit_log ORDER BY seq DESC LIMIT 1',
    );
    expect(entry.operation).toBe('users.create');
    expect(entry.username.startsWith('命令行:')).toBe(true);
    expect(entry.user_id).toBeNull();

    // The new user can log in with that password.
    const call = civreg(['call', 'session.status', '--data-dir', dataDir, '--user', 'lisi', '--input', '{}'], { password: 'Lisi12345' });
    expect(call.code).toBe(0);
    expect(JSON.parse(call.stdout).user.username).toBe('lisi');
  });

  it('user add without a password and without a terminal refuses and writes nothing', () => {
    const before = rows<{ n: number }>(dataDir, 'SELECT count(*) AS n FROM users')[0].n;
    const r = civreg(['user', 'add', '--data-dir', dataDir, '--username', 'wangwu', '--display-name', '王五', '--role', 'registrar']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('CIVREG_PASSWORD');
    expect(rows<{ n: number }>(dataDir, 'SELECT count(*) AS n FROM users')[0].n).toBe(before);
  });

  it('call users.list --user admin --input {} prints JSON, and the login and logout are audited', () => {
    const before = rows<{ n: number }>(dataDir, 'SELECT count(*) AS n FROM audit_log')[0].n;
    const r = civreg(['call', 'users.list', '--data-dir', dataDir, '--user', ADMIN.username, '--input', '{}'], { password: ADMIN.password });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const users = JSON.parse(r.stdout) as Array<{ username: string }>;
    expect(Array.isArray(users)).toBe(true);
    expect(users.map((u) => u.username)).toContain(ADMIN.username);
    const ops = rows<{ operation: string }>(dataDir, `SELECT operation FROM audit_log WHERE seq > ${before} ORDER BY seq`).map((e) => e.operation);
    expect(ops).toEqual(['auth.login', 'auth.logout']);
  });

  it('call users.create with bad input exits non-zero with Chinese fieldErrors and writes no user', () => {
    const before = rows<{ n: number }>(dataDir, 'SELECT count(*) AS n FROM users')[0].n;
    const r = civreg(
      ['call', 'users.create', '--data-dir', dataDir, '--user', ADMIN.username, '--input', JSON.stringify({ username: 'X', displayName: '', role: 'boss', password: 'short' })],
      { password: ADMIN.password },
    );
    expect(r.code).toBe(2);
    const { error } = JSON.parse(r.stderr) as { error: { code: string; fieldErrors: Record<string, string> } };
    expect(error.code).toBe('VALIDATION');
    expect(error.fieldErrors.username).toContain('用户名');
    expect(error.fieldErrors.displayName).toContain('姓名');
    expect(error.fieldErrors.role).toContain('角色');
    expect(error.fieldErrors.password).toContain('密码');
    expect(rows<{ n: number }>(dataDir, 'SELECT count(*) AS n FROM users')[0].n).toBe(before);
  });

  it('call with a wrong password or invalid --input JSON fails', () => {
    const wrong = civreg(['call', 'users.list', '--data-dir', dataDir, '--user', ADMIN.username, '--input', '{}'], { password: 'Wrong12345' });
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stderr).error.code).toBe('UNAUTHENTICATED');
    expect(wrong.stdout).toBe('');

    const badJson = civreg(['call', 'users.list', '--data-dir', dataDir, '--user', ADMIN.username, '--input', '{nope'], { password: ADMIN.password });
    expect(badJson.code).toBe(2);
    expect(JSON.parse(badJson.stderr).error.message).toContain('--input');
  });

  it('backup makes a valid SQLite copy and refuses to overwrite an existing file', () => {
    const dir = tempDir('civreg-backup-');
    const target = path.join(dir, 'copy.sqlite');
    const r = civreg(['backup', target, '--data-dir', dataDir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, file: target });

    const copy = new Database(target, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
      const names = copy.prepare('SELECT username FROM users ORDER BY username').pluck().all();
      expect(names).toEqual(rows<{ username: string }>(dataDir, 'SELECT username FROM users ORDER BY username').map((u) => u.username));
    } finally {
      copy.close();
    }

    const hash = sha256(target);
    const again = civreg(['backup', target, '--data-dir', dataDir]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('不会覆盖');
    expect(sha256(target)).toBe(hash);

    // Also refused when the existing file is named relative to the working directory.
    const rel = civreg(['backup', 'copy.sqlite', '--data-dir', dataDir], { cwd: dir });
    expect(rel.code).not.toBe(0);
    expect(sha256(target)).toBe(hash);
  });

  it('refuses a database from a newer version, untouched, with its own exit code', () => {
    const dir = initializedDataDir();
    const file = path.join(dir, DB);
    const raw = rawOpen(file);
    raw.pragma('user_version = 99');
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const hash = sha256(file);
    const r = civreg(['db', 'info', '--data-dir', dir]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('99');
    expect(sha256(file)).toBe(hash);
  });

  it('an unknown command prints the usage and exits 2', () => {
    const r = civreg(['frobnicate', '--data-dir', dataDir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知命令');
    expect(r.stderr).toContain('用法');
  });

  it('audit verify exits 1 and names the altered entry', () => {
    // Work on a copy with a few entries, so the altered one is in the middle of the chain.
    const dir = tempDir();
    for (const f of fs.readdirSync(dataDir)) if (f.startsWith(DB)) fs.copyFileSync(path.join(dataDir, f), path.join(dir, f));
    const total = rows<{ n: number }>(dir, 'SELECT count(*) AS n FROM audit_log')[0].n;
    expect(total).toBeGreaterThanOrEqual(4);
    const victim = 2;
    const raw = rawOpen(path.join(dir, DB));
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare('UPDATE audit_log SET summary = ? WHERE seq = ?').run('被篡改的摘要', victim);
    raw.close();

    const r = civreg(['audit', 'verify', '--data-dir', dir]);
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout);
    expect(result.ok).toBe(false);
    expect(result.firstBad.seq).toBe(victim);
    expect(r.stderr).toContain(`#${victim}`);

    // The original is untouched and still verifies.
    expect(civreg(['audit', 'verify', '--data-dir', dataDir]).code).toBe(0);
  });
});

describe('civreg dates divorce', () => {
  it('prints the cooling-off end and the certificate deadline as JSON', () => {
    const r = civreg(['dates', 'divorce', '--received', '2026-09-01']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ coolingOffEnds: '2026-10-08', certificateDeadline: '2026-11-09' });
  });

  it('a date beyond the loaded calendar is reported, not guessed', () => {
    const r = civreg(['dates', 'divorce', '--received', '2026-12-10']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('2027 年的法定节假日安排尚未载入');
  });

  it('an impossible date is refused', () => {
    const r = civreg(['dates', 'divorce', '--received', '2026-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--received');
  });
});
