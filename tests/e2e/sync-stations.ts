import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { AppError, idCheckChar, type OpInput, type OpName, type OpOutput } from '../../src-main/contract';
import { ADMIN, addUser, callApi, loginApi, startApp, STAFF, type RunningApp } from './harness';

/**
 * Stations in browser mode against the platform simulator, for the sync suites: processes that can be
 * killed and started again on the same data, people who are all different, and the stations' SQLite
 * files read directly once they are stopped.
 */

/** Poll `probe` until it returns something other than undefined/false, or fail after `timeoutMs` saying what was awaited. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs: number, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
      last = v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await sleep(intervalMs);
  }
}

const shift = (isoDate: string, days: number): string => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Couple number `n` (0, 1, 2, …): a man and a woman nobody else in the run is, with valid GB 11643
 * numbers — 中山 (442000) residents, the man born from 1975-01-01 on and the woman from 1985-01-01 on,
 * one day later per couple, so both are well past the legal ages and every number differs.
 */
export function couple(n: number): { party1: Party; party2: Party } {
  const person = (base: string, sexDigit: string, name: string): Party => {
    const first17 = `442000${shift(base, n).replaceAll('-', '')}${String(n % 100).padStart(2, '0')}${sexDigit}`;
    return { name, sex: Number(sexDigit) % 2 ? 'male' : 'female', nationality: '中国', idNumber: first17 + idCheckChar(first17) };
  };
  return { party1: person('1975-01-01', '1', `男方${n}`), party2: person('1985-01-01', '2', `女方${n}`) };
}
export interface Party {
  name: string;
  sex: 'male' | 'female';
  nationality: string;
  idNumber: string;
}

/** The station's own fetch failed (connection refused or reset): the process is gone or going. */
export class StationDown extends Error {
  override name = 'StationDown';
}

export interface StationSetup {
  name: string;
  stationId: string;
  officeName: string;
  divisionCode: string;
  env: Record<string, string>;
}

/** Who calls: the registrar at the counter, or the administrator (settings, the sync overview). */
type Caller = 'registrar' | 'admin';

/**
 * One `civreg serve` process on its own data folder, restartable. `crash()` SIGKILLs it and starts it
 * again on the same folder (a new port and token, new sessions); a call cut off by the kill rejects
 * with StationDown once the station is back, so the caller decides whether its write went through.
 */
export class StationProcess {
  readonly dataDir: string;
  app!: RunningApp;
  private sessions: Partial<Record<Caller, string>> = {};
  private restarting: Promise<void> | null = null;
  private output = '';
  starts = 0;

  constructor(readonly setup: StationSetup) {
    this.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `civreg-e2e-${setup.name}-`));
  }

  get dbFile(): string {
    return path.join(this.dataDir, 'civreg.sqlite');
  }

  /** First start: initialize the station, add the registrar and the reviewer, link it to the platform. */
  async provision(platform: { url: string; secret: string; blockSize: number }): Promise<void> {
    await this.boot();
    await callApi(this.app, 'setup.initialize', {
      stationId: this.setup.stationId,
      officeName: this.setup.officeName,
      divisionCode: this.setup.divisionCode,
      adminUsername: ADMIN.username,
      adminDisplayName: ADMIN.displayName,
      adminPassword: ADMIN.password,
    });
    const admin = await loginApi(this.app, ADMIN);
    await addUser(this.app, admin, STAFF.registrar);
    await addUser(this.app, admin, STAFF.reviewer);
    await callApi(this.app, 'sync.configure', platform, admin);
    this.sessions = { admin, registrar: await loginApi(this.app, STAFF.registrar) };
  }

  private async boot(): Promise<void> {
    this.app = await startApp(this.dataDir, this.setup.env);
    this.starts++;
    const child = this.app.process;
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  private async login(): Promise<void> {
    this.sessions = { admin: await loginApi(this.app, ADMIN), registrar: await loginApi(this.app, STAFF.registrar) };
  }

  /** Calls an operation as `who`; a refusal rejects with the AppError, a dead process with StationDown. */
  async call<K extends OpName>(name: K, input: OpInput<K>, who: Caller = 'registrar'): Promise<OpOutput<K>> {
    if (this.restarting) await this.restarting;
    try {
      return await callApi(this.app, name, input, this.sessions[who]);
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (!this.restarting) {
        throw new Error(`${this.setup.name} failed without being killed (exit ${this.app.process.exitCode}, signal ${this.app.process.signalCode}): ${(err as Error).message}\n${this.output}`, {
          cause: err,
        });
      }
      await this.restarting;
      throw new StationDown(`${this.setup.name} was killed during ${name}`);
    }
  }

  /** SIGKILL now (no shutdown of any kind), then start again on the same data and log in again. */
  crash(): Promise<void> {
    const child = this.app.process;
    this.restarting = (async () => {
      const gone = new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
      child.kill('SIGKILL');
      await gone;
      await this.boot();
      await this.login();
    })().finally(() => {
      this.restarting = null;
    });
    return this.restarting;
  }

  /** A clean stop (SIGTERM: the server and the sync worker close, then the database). */
  async stop(): Promise<void> {
    if (this.restarting) await this.restarting.catch(() => undefined);
    const child = this.app?.process;
    // A process that is gone already (killed, and the restart failed) has nothing left to stop.
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await this.app.stop();
  }

  remove(): void {
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Outbox counts by status, read from the file while the station runs (WAL: a reader does not block it). */
  outboxCounts(): Record<string, number> {
    const db = new Database(this.dbFile, { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare('SELECT status, count(*) AS n FROM outbox GROUP BY status').all() as { status: string; n: number }[];
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    } finally {
      db.close();
    }
  }
}

export interface StationFile {
  marriages: { certificateNumber: string; party1IdNumber: string; party2IdNumber: string; platformChecked: number; platformOverrideBy: number | null; platformConflict: string | null }[];
  outbox: { id: number; eventId: string; eventType: string; recordType: string; recordId: string; status: string }[];
  leases: { requestId: string; blockId: string | null; prefix: string; year: number; first: number | null; last: number | null; next: number | null }[];
}

/** What a stopped station's SQLite file holds, read as someone with the sqlite3 shell would (read-only). */
export function readStationFile(file: string): StationFile {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      marriages: db
        .prepare(
          `SELECT certificate_number AS certificateNumber, party1_id_number AS party1IdNumber, party2_id_number AS party2IdNumber,
                  platform_checked AS platformChecked, platform_override_by AS platformOverrideBy, platform_conflict AS platformConflict
           FROM marriages ORDER BY id`,
        )
        .all() as StationFile['marriages'],
      outbox: db
        .prepare('SELECT id, event_id AS eventId, event_type AS eventType, record_type AS recordType, record_id AS recordId, status FROM outbox ORDER BY id')
        .all() as StationFile['outbox'],
      leases: db.prepare('SELECT request_id AS requestId, block_id AS blockId, prefix, year, first, last, next FROM serial_leases ORDER BY prefix, year, first').all() as StationFile['leases'],
    };
  } finally {
    db.close();
  }
}

/** Ranges of the same key that share a number: [a, b] pairs, empty when none overlap. */
export function overlaps<T extends { first: number; last: number }>(ranges: T[], key: (r: T) => string): [T, T][] {
  const found: [T, T][] = [];
  const byKey = new Map<string, T[]>();
  for (const r of ranges) byKey.set(key(r), [...(byKey.get(key(r)) ?? []), r]);
  for (const list of byKey.values()) {
    const sorted = [...list].sort((a, b) => a.first - b.first);
    for (let i = 1; i < sorted.length; i++) if (sorted[i].first <= sorted[i - 1].last) found.push([sorted[i - 1], sorted[i]]);
  }
  return found;
}

/**
 * Counts what the simulator did to each request, from its own log lines (`platformSim.request`, with
 * outcomes like `dropped`, `500 error`, `ST lost response`, `ST 200 duplicate`): the lines are taken
 * off stderr while counting, everything else passes through. Returns `stop()`, which restores stderr
 * and the quiet setting and gives the counts.
 */
export function countSimulatorOutcomes(): () => { requests: number; faults: Record<string, number> } {
  const quiet = process.env.CIVREG_QUIET;
  process.env.CIVREG_QUIET = '0';
  const write = process.stderr.write.bind(process.stderr);
  let requests = 0;
  const faults: Record<string, number> = {};
  const kindOf = (outcome: string): string | null => {
    if (outcome === 'dropped') return 'drop';
    if (outcome === 'down') return 'down';
    if (/ error$/.test(outcome)) return 'error';
    if (/lost response$/.test(outcome)) return 'lostResponse';
    const m = / 200 (duplicate|reorder)$/.exec(outcome);
    return m ? m[1] : null;
  };
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    if (text.includes('"platformSim.request"')) {
      try {
        const line = JSON.parse(text) as { outcome?: string; path?: string };
        if (line.path?.startsWith('/v1/')) {
          requests++;
          const kind = kindOf(line.outcome ?? '');
          if (kind) faults[kind] = (faults[kind] ?? 0) + 1;
        }
        return true;
      } catch {
        // not one line of ours: pass it on
      }
    }
    if (text.includes('"platformSim.')) return true;
    return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
  return () => {
    process.stderr.write = write;
    if (quiet === undefined) delete process.env.CIVREG_QUIET;
    else process.env.CIVREG_QUIET = quiet;
    return { requests, faults };
  };
}
