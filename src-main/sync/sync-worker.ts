import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { anchorDue } from '../audit/anchor';
import { localDate } from '../calendar/dates';
import type { CivReg } from '../core/civreg';
import { logEvent } from '../core/log';
import { funeralWaivers, marriages } from '../db/schema';
import { blockSize, pullCursor } from '../handlers/sync';
import type { StationView } from '../contract';
import { stationView } from '../handlers/setup';
import { waiverElsewhere } from '../funeral/platform-waivers';
import { partyOf } from '../marriage/marriage-record';
import { recheckConflict } from '../marriage/platform-status';
import { PlatformRefused, PlatformUnavailable, type PlatformPort } from '../platform/port';
import { backoffDelay } from './backoff';
import { OPEN_BLOCK } from '../db/serials';
import { nextBatch } from './outbox-queue';
import { leaseNeeds } from './serial-blocks';

export interface SyncWorkerOptions {
  batchSize?: number;
  /** How often to ask for pushed data when nothing else happens (the only timer of an idle station). */
  pullIntervalMs?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
  pullPageSize?: number;
}

/**
 * Delivery in the main process. One round: return last year's unused serials, anchor the audit chain
 * (hourly), push the outbox in order
 * in batches, lease serial blocks if running low, pull what the platform pushed down, re-check
 * registrations made without the platform. Rounds start when a write commits events, when someone asks,
 * and on a timer (the pull interval, or the backoff after a failure) — never by polling the outbox.
 *
 * Crash safety comes from the order of things: an event is marked delivered only in the transaction
 * that records the platform's answer, so a crash before it means the event goes again, and the platform
 * answers `duplicate` by its idempotency key.
 */
export class SyncWorker {
  private readonly batchSize: number;
  private readonly pullIntervalMs: number;
  private readonly baseBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly random: () => number;
  private readonly pullPageSize: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private stopped = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly app: CivReg,
    opts: SyncWorkerOptions = {},
  ) {
    this.batchSize = opts.batchSize ?? 500;
    this.pullIntervalMs = opts.pullIntervalMs ?? 5 * 60 * 1000;
    this.baseBackoffMs = opts.baseBackoffMs ?? 1000;
    this.maxBackoffMs = opts.maxBackoffMs ?? 5 * 60 * 1000;
    this.random = opts.random ?? Math.random;
    this.pullPageSize = opts.pullPageSize ?? 500;
    this.unsubscribe = app.platform.onNotify((force) => this.wake(force));
  }

  start(): void {
    this.wake(true);
  }

  stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    return this.running ?? Promise.resolve();
  }

  /**
   * New events, or a person pressing 立即同步 (force). While backing off after a failure, new events
   * wait for the timer: a station registering while the network is down must not hammer it.
   */
  wake(force = false): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.failures > 0 && !force) return;
    this.schedule(0);
  }

  /** One round now; resolves when it is over (tests and the CLI use this). */
  async runOnce(): Promise<boolean> {
    if (this.running) await this.running;
    let ok = false;
    this.running = this.round().then((r) => void (ok = r));
    try {
      await this.running;
    } finally {
      this.running = null;
    }
    return ok;
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runOnce().then(() => this.afterRound());
    }, delayMs);
    // An idle station must be able to exit; the timer is not a reason to stay alive.
    this.timer.unref();
  }

  private afterRound(): void {
    if (this.stopped) return;
    if (this.failures > 0) {
      const delay = backoffDelay(this.failures - 1, this.random, this.baseBackoffMs, this.maxBackoffMs);
      this.app.platform.nextAttemptAt = new Date(this.app.clock().getTime() + delay).toISOString();
      this.schedule(delay);
    } else if (this.again) {
      this.again = false;
      this.schedule(0);
    } else {
      this.schedule(this.pullIntervalMs);
    }
  }

  private async round(): Promise<boolean> {
    const port = this.app.platform.port();
    // A link is made by the administrator of an initialized station; read the station once a round.
    const station = stationView(this.app.database.db);
    if (!port || !station) return true;
    try {
      // Returns go out before leasing, so numbers handed back can be leased again at once.
      this.returnPastYears();
      if (anchorDue(this.app.database.sqlite, this.app.clock())) this.app.callAsService('sync.anchorAudit', {});
      await this.push(port);
      await this.leaseSerials(port, station);
      await this.pull(port);
      await this.recheck(port, station);
      this.failures = 0;
      this.app.platform.succeeded();
      return true;
    } catch (err) {
      if (!(err instanceof PlatformUnavailable || err instanceof PlatformRefused)) {
        logEvent('sync.failed', { error: (err as Error).name });
      }
      this.failures++;
      this.again = false;
      const message = err instanceof PlatformRefused ? `省级平台拒绝了本工作站的请求（${err.code}）：${err.message}` : (err as Error).message;
      this.app.platform.failed(this.app.clock(), message);
      return false;
    }
  }

  private async leaseSerials(port: PlatformPort, station: StationView): Promise<void> {
    const size = blockSize(this.app.database.db);
    const today = localDate(this.app.clock());
    for (const need of leaseNeeds(this.app.database.sqlite, station.stationId, station.divisionCode, today, size)) {
      const block = await port.leaseSerialBlock({ requestId: need.requestId, authority: station.divisionCode, prefix: need.prefix, year: need.year, size });
      this.app.callAsService('sync.recordLease', { requestId: need.requestId, authority: station.divisionCode, prefix: need.prefix, year: need.year, size, ...block });
    }
  }

  private returnPastYears(): void {
    const year = Number(localDate(this.app.clock()).slice(0, 4));
    const due = this.app.database.sqlite
      .prepare<[number], { n: number }>(`SELECT count(*) AS n FROM serial_leases WHERE year < ? AND ${OPEN_BLOCK}`)
      .get(year)!.n;
    if (due > 0) this.app.callAsService('sync.returnSerials', { scope: 'past-years' });
  }

  private async push(port: PlatformPort): Promise<void> {
    let previous = '';
    for (;;) {
      const batch = nextBatch(this.app.database.sqlite, this.batchSize);
      if (batch.length === 0) return;
      // An answer applied leaves none of its events pending; the same batch again means it confirmed nothing.
      const key = batch.map((e) => e.stationSeq).join(',');
      if (key === previous) throw new PlatformUnavailable('平台的答复未能确认任何事件');
      previous = key;
      const answer = await port.pushEvents(batch);
      this.app.callAsService('sync.acknowledge', {
        sent: batch.map((e) => ({ stationSeq: e.stationSeq, eventId: e.eventId, recordType: e.recordType, recordId: e.recordId })),
        results: answer.results,
      });
    }
  }

  private async pull(port: PlatformPort): Promise<void> {
    for (;;) {
      const cursor = pullCursor(this.app.database.db);
      const page = await port.pullChanges(cursor, this.pullPageSize);
      if (page.changes.length === 0 && page.cursor === cursor) return;
      if (page.more && page.cursor === cursor) throw new PlatformUnavailable('平台下发数据的游标未前进');
      this.app.callAsService('sync.applyChanges', { changes: page.changes.map((c) => c.change), cursor: page.cursor });
      if (!page.more) return;
    }
  }

  /** Registrations made on a supervisor's decision, and waivers entered, while the platform was away: ask now, flag conflicts. */
  private async recheck(port: PlatformPort, station: StationView): Promise<void> {
    const due = this.app.database.db
      .select()
      .from(marriages)
      .where(and(eq(marriages.platformChecked, false), isNotNull(marriages.platformOverrideBy), isNull(marriages.platformConflict)))
      .all();
    for (const m of due) {
      const answers = await Promise.all(
        ([1, 2] as const).map(async (n) => {
          const p = partyOf(m, n);
          return { who: `${n === 1 ? '一方' : '另一方'}（${p.name}）`, answer: await port.maritalStatus(p.documentType, p.idNumber, 10_000) };
        }),
      );
      this.app.callAsService('sync.recordRecheck', { record: 'marriage', id: m.id, conflict: recheckConflict(m.certificateNumber, m.registeredOn, answers) });
    }
    const waivers = this.app.database.db
      .select()
      .from(funeralWaivers)
      .where(and(eq(funeralWaivers.platformCheck, 'unreachable'), isNull(funeralWaivers.platformConflict)))
      .all();
    for (const w of waivers) {
      const deceased = (JSON.parse(w.input) as { deceased: { documentType: string; idNumber: string } }).deceased;
      const answer = await port.funeralWaivers(deceased.documentType, deceased.idNumber, 10_000);
      const other = waiverElsewhere(answer, station.stationId);
      const conflict = other ? `${w.number}：该逝者已在${other.funeralHome}办理减免（编号 ${other.number}，死亡日期 ${other.dateOfDeath}）` : null;
      this.app.callAsService('sync.recordRecheck', { record: 'funeral-waiver', id: w.id, conflict });
    }
  }
}

/**
 * The worker as the station runs it (Electron and browser mode). CIVREG_SYNC_BACKOFF_MS and
 * CIVREG_SYNC_MAX_BACKOFF_MS shorten the backoff for the simulator's chaos runs and training.
 */
export function startSync(app: CivReg, env: NodeJS.ProcessEnv = process.env): SyncWorker {
  const num = (v: string | undefined): number | undefined => (v && Number.isFinite(Number(v)) ? Number(v) : undefined);
  const worker = new SyncWorker(app, { baseBackoffMs: num(env.CIVREG_SYNC_BACKOFF_MS), maxBackoffMs: num(env.CIVREG_SYNC_MAX_BACKOFF_MS) });
  worker.start();
  return worker;
}
