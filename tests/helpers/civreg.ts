import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { CivReg } from '../../src-main/core/civreg';
import { AppError, idCheckChar, type Role } from '../../src-main/contract';

/** A fresh temp folder; remove it with `removeDir` (or `cleanupAll` in afterEach/afterAll). */
const made: string[] = [];
export function tempDir(prefix = 'civreg-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}
export function cleanupTempDirs(): void {
  while (made.length) fs.rmSync(made.pop()!, { recursive: true, force: true });
}

/** A clock that only moves when told to. */
export class FixedClock {
  private t: number;
  constructor(start = '2025-03-10T01:00:00.000Z') {
    this.t = new Date(start).getTime();
  }
  readonly clock = (): Date => new Date(this.t);
  advanceMinutes(min: number): void {
    this.t += min * 60_000;
  }
  advanceMs(ms: number): void {
    this.t += ms;
  }
  get now(): Date {
    return new Date(this.t);
  }
}

export const ADMIN = { username: 'admin', password: 'Admin12345' } as const;
export const STATION = { stationId: 'ST-0001', officeName: '朝阳区民政局婚姻登记处', divisionCode: '110105' } as const;

export function initialize(app: CivReg): void {
  app.call('setup.initialize', {
    ...STATION,
    adminUsername: ADMIN.username,
    adminDisplayName: '王管理',
    adminPassword: ADMIN.password,
  });
}

export interface TestApp {
  app: CivReg;
  dataDir: string;
  clock: FixedClock;
  dbFile: string;
}

/** A CivReg on a fresh data folder with a fixed clock, initialized unless told otherwise. */
export function makeApp(opts: { initialize?: boolean; clock?: FixedClock; dataDir?: string } = {}): TestApp {
  const dataDir = opts.dataDir ?? tempDir();
  const clock = opts.clock ?? new FixedClock();
  const app = new CivReg({ dataDir, clock: clock.clock });
  if (opts.initialize !== false) initialize(app);
  return { app, dataDir, clock, dbFile: path.join(dataDir, 'civreg.sqlite') };
}

export function login(app: CivReg, username: string = ADMIN.username, password: string = ADMIN.password): string {
  return app.call('auth.login', { username, password }).session;
}

/** Log in a freshly created user and replace the initial password, as the first login demands. */
export function loginReady(app: CivReg, username: string, initial: string): string {
  const session = login(app, username, initial);
  app.call('auth.changePassword', { currentPassword: initial, newPassword: `${initial}x9` }, session);
  return session;
}

/** A user the administrator created, logged in with the initial password replaced: their session. */
export function readyUser(app: CivReg, admin: string, user: { username: string; displayName: string; role: Role; password: string }): string {
  app.call('users.create', user, admin);
  return loginReady(app, user.username, user.password);
}

export function count(app: CivReg, table: string): number {
  return (app.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

export interface Counts {
  users: number;
  audit: number;
  outbox: number;
}
export function counts(app: CivReg): Counts {
  return { users: count(app, 'users'), audit: count(app, 'audit_log'), outbox: count(app, 'outbox') };
}

/** Run `fn`, expect an AppError, and return it. */
export function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw new Error(`expected an AppError, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected an AppError, but the call succeeded');
}

/** The AppError an asynchronous call rejects with (fails the test if it resolves). */
export async function asyncAppError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw new Error(`expected an AppError, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected an AppError, but the call succeeded');
}

/** Open the database file directly, as someone with the sqlite3 shell would. */
export function rawOpen(file: string): Database.Database {
  return new Database(file);
}

/** A valid GB 11643 ID number (check character computed) from its first 17 digits. */
export function idNumber(first17 = '11010519900307123'): string {
  return first17 + idCheckChar(first17);
}

/**
 * The AppError `fn` throws, after checking that it changed nothing `snapshot` reads: a refused command
 * leaves every table as it was.
 */
export function refusedUnchanged(snapshot: () => unknown, fn: () => unknown): AppError {
  const before = snapshot();
  const err = appError(fn);
  expect(snapshot()).toEqual(before);
  return err;
}
