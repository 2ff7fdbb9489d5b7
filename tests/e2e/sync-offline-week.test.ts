import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CivReg } from '../../src-main/core/civreg';
import { startPlatformSimulator, type PlatformSimulator } from '../../src-main/platform-sim/server';
import { SyncWorker } from '../../src-main/sync/sync-worker';
import { cleanupTempDirs, FixedClock, login, loginReady, tempDir } from '../helpers/civreg';
import { couple } from './sync-stations';

/**
 * A station in this process against the simulator, both on one clock that the test moves day by day:
 * a week without the platform, then the catch-up; and the stations the platform refuses (a clock six
 * minutes off, a wrong secret). The worker runs only when the test says (runOnce).
 */
const START = '2026-06-01T01:00:00.000Z'; // a Monday, 09:00 in Beijing
const DAYS = 7;
const PER_DAY = 4;
const OFFICE = { officeName: '中山市民政局婚姻登记处', divisionCode: '442000' };
const secretOf = (n: number): string => Buffer.alloc(32, n).toString('base64');
const declared = { declarationSigned: true, consentConfirmed: true } as const;

interface Station {
  app: CivReg;
  worker: SyncWorker;
  admin: () => string;
  registrar: () => string;
  reviewer: () => string;
}

/**
 * A station set up by its administrator, with a registrar and a reviewer, linked to the platform.
 * Sessions lock after ten idle minutes, and the test skips days: each getter logs in afresh.
 */
async function station(opts: { stationId: string; clock: FixedClock; url: string; secret: string; blockSize?: number }): Promise<Station> {
  const app = new CivReg({ dataDir: tempDir('civreg-e2e-week-'), clock: opts.clock.clock });
  app.call('setup.initialize', { stationId: opts.stationId, ...OFFICE, adminUsername: 'admin', adminDisplayName: '王管理', adminPassword: 'Admin12345' });
  const admin = login(app);
  app.call('users.create', { username: 'dengji', displayName: '李登记', role: 'registrar', password: 'Regist123' }, admin);
  app.call('users.create', { username: 'shenhe', displayName: '赵审核', role: 'reviewer', password: 'Review123' }, admin);
  loginReady(app, 'dengji', 'Regist123');
  loginReady(app, 'shenhe', 'Review123');
  app.call('sync.configure', { url: opts.url, secret: opts.secret, blockSize: opts.blockSize ?? 50 }, admin);
  const worker = new SyncWorker(app, { baseBackoffMs: 10, maxBackoffMs: 50, random: () => 0.5 });
  // No rounds on its own (on writes, on timers): this test decides when the station talks to the platform.
  await worker.stop();
  return {
    app,
    worker,
    admin: () => login(app),
    registrar: () => login(app, 'dengji', 'Regist123x9'),
    reviewer: () => login(app, 'shenhe', 'Review123x9'),
  };
}

function outboxCounts(app: CivReg): Record<string, number> {
  const rows = app.database.sqlite.prepare('SELECT status, count(*) AS n FROM outbox GROUP BY status').all() as { status: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

describe('a week without the platform, then the catch-up', () => {
  const clock = new FixedClock(START);
  const OVERRIDE = { username: 'shenhe', password: 'Review123x9', reason: '省级平台网络中断，经审核员核对户口簿与当事人声明后先行登记' };
  let sim: PlatformSimulator;
  let s: Station;

  beforeAll(async () => {
    sim = await startPlatformSimulator({ dbFile: path.join(tempDir('civreg-e2e-week-sim-'), 'platform.sqlite'), clock: clock.clock, seedStations: [{ stationId: 'GD-ZS-01', secret: secretOf(1) }] });
    s = await station({ stationId: 'GD-ZS-01', clock, url: sim.url, secret: secretOf(1) });
  });
  afterAll(async () => {
    await s?.worker.stop();
    s?.app.close();
    await sim?.close();
    cleanupTempDirs();
  });

  it('registers every day offline on the reviewer’s override, then delivers in order and re-checks', async () => {
    // Online: the blocks are leased and the first registration is checked with the platform.
    expect(await s.worker.runOnce()).toBe(true);
    const leased = s.app.call<'sync.overview'>('sync.overview', {}, s.admin()).serials.find((x) => x.prefix === 'J' && x.year === 2026);
    expect(leased).toMatchObject({ remaining: 50, blocks: 1 });
    let registrar = s.registrar();
    const first = couple(0);
    expect(await s.app.callAsync<'marriage.check'>('marriage.check', first, registrar)).toMatchObject({ ok: true, platform: 'answered' });
    expect(s.app.call<'marriage.register'>('marriage.register', { ...first, ...declared }, registrar).platformChecked).toBe(true);
    s.app.call('users.create', { username: 'xiaozhou', displayName: '周窗口', role: 'registrar', password: 'Zhou12345' }, s.admin());
    expect(await s.worker.runOnce()).toBe(true);
    expect(outboxCounts(s.app)).toEqual({ delivered: outboxCounts(s.app).delivered });
    const deliveredOnline = outboxCounts(s.app).delivered;

    // The platform goes away for a week.
    sim.setFaults({ down: true });
    const overridden: string[] = [];
    let pendingBefore = 0;
    let n = 1;
    for (let day = 1; day <= DAYS; day++) {
      clock.advanceMinutes(24 * 60);
      registrar = s.registrar();
      for (let k = 0; k < PER_DAY; k++, n++) {
        clock.advanceMinutes(5);
        const parties = couple(n);
        const check = await s.app.callAsync<'marriage.check'>('marriage.check', parties, registrar);
        expect(check).toMatchObject({ ok: true, platform: 'unreachable' });
        expect(check.platformMessage).toContain('审核员授权');
        const r = s.app.call<'marriage.register'>('marriage.register', { ...parties, ...declared, platformOverride: OVERRIDE }, registrar);
        expect(r).toMatchObject({ platformChecked: false, registrationDate: `2026-06-${String(1 + day).padStart(2, '0')}` });
        overridden.push(r.certificateNumber);
      }
      // Later events of records that wait offline: a user changed, a registration corrected (both must
      // reach the platform after the record's earlier event), and a refusal.
      if (day === 2) {
        const zhou = s.app.call<'users.list'>('users.list', {}, s.admin()).find((u) => u.username === 'xiaozhou')!;
        s.app.call('users.update', { id: zhou.id, displayName: '周明' }, s.admin());
      }
      if (day === 3) {
        s.app.call('marriage.correct', { certificateNumber: overridden[0], party: 'party2', name: '女方一更', idNumber: couple(1).party2.idNumber, reason: '姓名录入有误，核对身份证原件后更正' }, s.reviewer());
      }
      if (day === 5) {
        const refusedCouple = couple(900);
        s.app.call('marriage.refuse', { ...refusedCouple, reasonCode: 'not-voluntary', reason: '女方表示并非自愿' }, registrar);
      }
      expect(await s.worker.runOnce()).toBe(false);
      const o = s.app.call<'sync.overview'>('sync.overview', {}, s.admin());
      expect(o).toMatchObject({ online: false, lastError: '无法连接省级平台', counts: { delivered: deliveredOnline, parked: 0, held: 0 } });
      expect(o.pending).toBeGreaterThan(pendingBefore);
      pendingBefore = o.pending;
    }
    expect(sim.store.events({ recordType: 'marriage', limit: 10_000 })).toHaveLength(1);
    expect(s.app.call<'sync.overview'>('sync.overview', {}, s.admin()).unchecked).toHaveLength(DAYS * PER_DAY);

    // Back: one round delivers the week, in order, and re-checks the overrides.
    clock.advanceMinutes(24 * 60);
    sim.setFaults({});
    expect(await s.worker.runOnce()).toBe(true);
    const after = s.app.call<'sync.overview'>('sync.overview', {}, s.admin());
    expect(after).toMatchObject({ online: true, lastError: null, pending: 0, blocked: 0, unchecked: [] });

    const outbox = s.app.database.sqlite
      .prepare('SELECT id, event_id AS eventId, event_type AS eventType, record_type AS recordType, record_id AS recordId, created_at AS createdAt, status FROM outbox ORDER BY id')
      .all() as { id: number; eventId: string; eventType: string; recordType: string; recordId: string; createdAt: string; status: string }[];
    expect(outbox.filter((e) => e.status !== 'delivered')).toEqual([]);
    const received = sim.store.events({ limit: 10_000 }).filter((e) => e.stationId === 'GD-ZS-01');
    expect(received.filter((e) => e.status !== 'accepted')).toEqual([]);
    // Each event once, under the station's id, sequence and time of writing.
    expect(received.map((e) => `${e.eventId} ${e.stationSeq} ${e.eventType} ${e.occurredAt}`).sort()).toEqual(outbox.map((e) => `${e.eventId} ${e.id} ${e.eventType} ${e.createdAt}`).sort());
    // Each record's events arrived in the station's order (the platform's rows are in arrival order).
    const byRecord = (rows: { recordType: string; recordId: string; seq: number }[]) => {
      const m = new Map<string, number[]>();
      for (const r of rows) m.set(`${r.recordType}/${r.recordId}`, [...(m.get(`${r.recordType}/${r.recordId}`) ?? []), r.seq]);
      return m;
    };
    const arrived = byRecord(received.map((e) => ({ ...e, seq: e.stationSeq })));
    const written = byRecord(outbox.map((e) => ({ ...e, seq: e.id })));
    expect(arrived).toEqual(written);
    for (const seqs of arrived.values()) expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const receivedAt = received.map((e) => e.receivedAt);
    expect(receivedAt).toEqual([...receivedAt].sort());
    expect(arrived.get(`marriage/${overridden[0]}`)).toHaveLength(2);
    expect(arrived.get('user/xiaozhou')).toHaveLength(2);

    // The platform now knows the week's registrations, on their own dates; the re-check found no conflict.
    const onPlatform = sim.store.db.prepare('SELECT registered_on AS d, count(*) AS n FROM marriages GROUP BY registered_on ORDER BY d').all();
    expect(onPlatform).toEqual([{ d: '2026-06-01', n: 1 }, ...Array.from({ length: DAYS }, (_, i) => ({ d: `2026-06-0${2 + i}`, n: PER_DAY }))]);
    const rows = s.app.database.sqlite
      .prepare('SELECT certificate_number AS c, platform_checked AS checked, platform_conflict AS conflict FROM marriages WHERE platform_override_by IS NOT NULL ORDER BY id')
      .all();
    expect(rows).toEqual(overridden.map((c) => ({ c, checked: 1, conflict: null })));
    expect(received.filter((e) => e.recordId === overridden[0]).map((e) => e.eventType)).toEqual(['marriage.registered', 'marriage.corrected']);
    console.log(
      `offline week: ${DAYS * PER_DAY} registrations on the override over ${DAYS} days, ${pendingBefore} events waiting at the end of the week; caught up in one round: ${received.length} events on the platform (${received.length - deliveredOnline} after the outage)`,
    );
  });
});

describe('stations the platform refuses', () => {
  const clock = new FixedClock(START);
  let sim: PlatformSimulator;
  const opened: Station[] = [];

  beforeAll(async () => {
    sim = await startPlatformSimulator({
      dbFile: path.join(tempDir('civreg-e2e-refused-sim-'), 'platform.sqlite'),
      clock: clock.clock,
      seedStations: [
        { stationId: 'GD-ZS-11', secret: secretOf(11) },
        { stationId: 'GD-ZS-12', secret: secretOf(12) },
      ],
    });
  });
  afterAll(async () => {
    for (const s of opened) {
      await s.worker.stop();
      s.app.close();
    }
    await sim?.close();
    cleanupTempDirs();
  });

  /** Nothing went through: no event, no block on the platform for this station; the outbox still all pending. */
  function nothingDelivered(s: Station, stationId: string): void {
    expect(outboxCounts(s.app)).toEqual({ pending: outboxCounts(s.app).pending });
    expect(outboxCounts(s.app).pending).toBeGreaterThan(0);
    expect(sim.store.events({ limit: 10_000 }).filter((e) => e.stationId === stationId)).toEqual([]);
    expect(sim.store.serialBlocks().filter((b) => b.stationId === stationId)).toEqual([]);
  }

  it('a station whose clock is six minutes off is refused (CLOCK_SKEW) and marks nothing delivered; set right, it delivers', async () => {
    const skewed = new FixedClock(START);
    skewed.advanceMinutes(6);
    const s = await station({ stationId: 'GD-ZS-11', clock: skewed, url: sim.url, secret: secretOf(11) });
    opened.push(s);
    expect(await s.worker.runOnce()).toBe(false);
    const o = s.app.call<'sync.overview'>('sync.overview', {}, s.admin());
    expect(o.online).toBe(false);
    expect(o.lastError).toContain('CLOCK_SKEW');
    expect(o.lastError).toContain('请校准工作站时钟');
    nothingDelivered(s, 'GD-ZS-11');
    const registrar = s.registrar();
    const check = await s.app.callAsync<'marriage.check'>('marriage.check', couple(0), registrar);
    expect(check.platform).toBe('unreachable');

    skewed.advanceMinutes(-5);
    expect(await s.worker.runOnce()).toBe(true);
    expect(outboxCounts(s.app)).toEqual({ delivered: outboxCounts(s.app).delivered });
  });

  it('a station with a wrong secret is refused (BAD_SIGNATURE) and marks nothing delivered', async () => {
    const s = await station({ stationId: 'GD-ZS-12', clock, url: sim.url, secret: secretOf(99) });
    opened.push(s);
    expect(await s.worker.runOnce()).toBe(false);
    const o = s.app.call<'sync.overview'>('sync.overview', {}, s.admin());
    expect(o.online).toBe(false);
    expect(o.lastError).toContain('BAD_SIGNATURE');
    nothingDelivered(s, 'GD-ZS-12');
    // Still refused on the next attempt: a wrong secret is not a passing fault.
    expect(await s.worker.runOnce()).toBe(false);
    nothingDelivered(s, 'GD-ZS-12');
  });
});
