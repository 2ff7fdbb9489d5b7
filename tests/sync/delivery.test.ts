import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { CivReg } from '../../src-main/core/civreg';
import { GENESIS_HASH, entryHash, verifyChain } from '../../src-main/audit/chain';
import { startPlatformSimulator, type PlatformSimulator } from '../../src-main/platform-sim/server';
import { SyncWorker } from '../../src-main/sync/sync-worker';
import { appError, cleanupTempDirs, FixedClock, idNumber, initialize, login, loginReady, STATION, tempDir } from '../helpers/civreg';
import { waiver } from '../helpers/funeral-bills';

/**
 * A station against the platform simulator, both in this process, on real SQLite files: delivery,
 * the online check, the supervisor's override and its re-check, a rejection corrected, broken answers,
 * and data pushed down.
 */
const SECRET = Buffer.alloc(32, 3).toString('base64');
const STATION_ID = 'ST-0001';

interface Station {
  app: CivReg;
  worker: SyncWorker;
  admin: string;
  registrar: string;
  reviewer: string;
  clock: FixedClock;
}

function station(url: string, opts: { secret?: string; clock?: FixedClock } = {}): Station {
  const clock = opts.clock ?? new FixedClock('2026-11-23T04:00:00.000Z');
  const app = new CivReg({ dataDir: tempDir(), clock: clock.clock });
  initialize(app);
  const admin = login(app);
  app.call('users.create', { username: 'dengji', displayName: '登记员', role: 'registrar', password: 'Regist123' }, admin);
  app.call('users.create', { username: 'shenhe', displayName: '审核科长', role: 'reviewer', password: 'Review123' }, admin);
  const registrar = loginReady(app, 'dengji', 'Regist123');
  const reviewer = loginReady(app, 'shenhe', 'Review123');
  app.call('sync.configure', { url, secret: opts.secret ?? SECRET, blockSize: 20 }, admin);
  const worker = new SyncWorker(app, { baseBackoffMs: 10, maxBackoffMs: 50, random: () => 0.5 });
  return { app, worker, admin, registrar, reviewer, clock };
}

const person = (n: number, sex: 'male' | 'female') => ({
  name: `当事人${n}`,
  sex,
  nationality: '中国',
  idNumber: idNumber(`1101051990030${(n % 9) + 1}${String(n).padStart(2, '0')}${sex === 'male' ? '1' : '2'}`),
});
const declared = { declarationSigned: true, consentConfirmed: true } as const;
const OVERRIDE = { username: 'shenhe', password: 'Review123x9', reason: '省级平台维护，经科长同意先行登记' };

function outbox(app: CivReg): Record<string, number> {
  const rows = app.database.sqlite.prepare('SELECT status, count(*) AS n FROM outbox GROUP BY status').all() as { status: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

describe('delivery to the platform simulator', () => {
  let sim: PlatformSimulator;
  let s: Station;
  const simDir = tempDir();
  // One clock for the station and the platform, as NTP would keep them.
  const clock = new FixedClock('2026-11-23T04:00:00.000Z');

  beforeAll(async () => {
    sim = await startPlatformSimulator({ dbFile: path.join(simDir, 'platform.sqlite'), seedStations: [{ stationId: STATION_ID, secret: SECRET }], cancelledIds: [person(9, 'female').idNumber], clock: clock.clock });
    s = station(sim.url, { clock });
  });
  afterAll(async () => {
    await s.worker.stop();
    s.app.close();
    await sim.close();
    cleanupTempDirs();
  });
  afterEach(() => void sim.setFaults({}));

  it('leases serial blocks, delivers what was written, and reports online', async () => {
    expect(await s.worker.runOnce()).toBe(true);
    expect(s.app.call<'sync.overview'>('sync.overview', {}, s.admin).serials.map((x) => [x.prefix, x.remaining])).toEqual([
      ['BJ', 20],
      ['BL', 20],
      ['J', 20],
      ['L', 20],
      ['ZM', 20],
    ]);
    expect(outbox(s.app)).toEqual({ delivered: outbox(s.app).delivered });
    expect(s.app.call<'session.status'>('session.status', {}, s.admin).sync).toMatchObject({ configured: true, online: true, pending: 0, blocked: 0 });
  });

  it('the check asks the platform; the registration that follows is marked checked and delivered', async () => {
    const check = await s.app.callAsync<'marriage.check'>('marriage.check', { party1: person(1, 'male'), party2: person(2, 'female') }, s.registrar);
    expect(check).toMatchObject({ ok: true, platform: 'answered' });
    expect(check.findings.join('\n')).toContain('省级平台婚姻状况为“未婚”');
    const r = s.app.call<'marriage.register'>('marriage.register', { party1: person(1, 'male'), party2: person(2, 'female'), ...declared }, s.registrar);
    expect(r).toMatchObject({ platformChecked: true });
    const [leased] = sim.store.serialBlocks().filter((b) => b.prefix === 'J');
    expect(r.certificateNumber).toBe(`J110105-2026-${String(leased.first).padStart(6, '0')}`);
    await s.worker.runOnce();
    const onPlatform = sim.store.events({ recordType: 'marriage' });
    expect(onPlatform.map((e) => [e.recordId, e.status])).toEqual([[r.certificateNumber, 'accepted']]);
  });

  it('a party the platform knows as married is refused at the check, with the platform’s record', async () => {
    const check = await s.app.callAsync<'marriage.check'>('marriage.check', { party1: person(1, 'male'), party2: person(3, 'female') }, s.registrar);
    expect(check.ok).toBe(false);
    // Married here as well: the local check says so, and the platform's answer adds its own record.
    expect(check.problems.join('\n')).toContain('省级平台记录一方');
  });

  it('unreachable: the check says so; a supervisor authorizes; the re-check clears it when the platform is back', async () => {
    sim.setFaults({ down: true });
    const check = await s.app.callAsync<'marriage.check'>('marriage.check', { party1: person(4, 'male'), party2: person(5, 'female') }, s.registrar);
    expect(check).toMatchObject({ ok: true, platform: 'unreachable' });
    expect(check.platformMessage).toContain('审核员授权');
    const refused = appError(() => s.app.call('marriage.register', { party1: person(4, 'male'), party2: person(5, 'female'), ...declared }, s.registrar));
    expect(refused.fieldErrors.platformOverride).toBeTruthy();
    const r = s.app.call<'marriage.register'>('marriage.register', { party1: person(4, 'male'), party2: person(5, 'female'), ...declared, platformOverride: OVERRIDE }, s.registrar);
    expect(r.platformChecked).toBe(false);
    expect(await s.worker.runOnce()).toBe(false);
    expect(s.app.call<'sync.overview'>('sync.overview', {}, s.admin)).toMatchObject({ online: false, pending: 1, lastError: '无法连接省级平台' });
    sim.setFaults({});
    expect(await s.worker.runOnce()).toBe(true);
    const row = s.app.database.sqlite.prepare('SELECT platform_checked AS c, platform_conflict AS x, platform_override_reason AS why FROM marriages WHERE id = ?').get(r.id);
    expect(row).toEqual({ c: 1, x: null, why: OVERRIDE.reason });
  });

  it('a conflict found by the re-check is flagged for review', async () => {
    // Another station registered person 6 first; this station could not ask and registered them again.
    const other = station(sim.url, { secret: SECRET });
    const otherId = 'ST-0002';
    sim.store.provisionStation(otherId, SECRET);
    other.app.database.sqlite.prepare('UPDATE station SET station_id = ?').run(otherId);
    // (a fresh CivReg caches the station id lazily: reopen to pick the new one up)
    other.app.close();
    const reopened = new CivReg({ dataDir: path.dirname(other.app.database.file), clock: other.clock.clock });
    const w2 = new SyncWorker(reopened, { baseBackoffMs: 10, maxBackoffMs: 50 });
    expect(await w2.runOnce()).toBe(true);
    const reg2 = loginReady(reopened, 'dengji', 'Regist123x9');
    await reopened.callAsync('marriage.check', { party1: person(6, 'male'), party2: person(7, 'female') }, reg2);
    reopened.call('marriage.register', { party1: person(6, 'male'), party2: person(7, 'female'), ...declared }, reg2);
    expect(await w2.runOnce()).toBe(true);

    sim.setFaults({ down: true });
    await s.app.callAsync<'marriage.check'>('marriage.check', { party1: person(6, 'male'), party2: person(8, 'female') }, s.registrar);
    const r = s.app.call<'marriage.register'>('marriage.register', { party1: person(6, 'male'), party2: person(8, 'female'), ...declared, platformOverride: OVERRIDE }, s.registrar);
    sim.setFaults({});
    expect(await s.worker.runOnce()).toBe(true);
    const flagged = s.app.call<'sync.overview'>('sync.overview', {}, s.admin).unchecked.find((u) => u.certificateNumber === r.certificateNumber)!;
    expect(flagged.conflict).toContain('一方（当事人6）已于 2026-11-23 在登记机关 110105 登记结婚');
    // The supervisor reviews it: recorded with who and what, and it leaves the list; once only.
    s.app.call('sync.reviewConflict', { record: 'marriage', id: r.id, note: '核实对方离婚材料：平台记录为重复上报，已报省级平台核查' }, s.reviewer);
    expect(s.app.call<'sync.overview'>('sync.overview', {}, s.admin).unchecked.find((u) => u.certificateNumber === r.certificateNumber)).toBeUndefined();
    expect(appError(() => s.app.call('sync.reviewConflict', { record: 'marriage', id: r.id, note: '再次' }, s.reviewer)).message).toContain('已复核过');
    expect(appError(() => s.app.call('sync.reviewConflict', { record: 'marriage', id: 1, note: '无' }, s.reviewer)).message).toContain('没有省级平台发现的冲突');
    expect(appError(() => s.app.call('sync.reviewConflict', { record: 'marriage', id: r.id, note: '登记员' }, s.registrar)).code).toBe('FORBIDDEN');
    await w2.stop();
    reopened.close();
  });

  it('a rejection parks the registration with the platform’s reason; a correction goes through', async () => {
    await s.app.callAsync<'marriage.check'>('marriage.check', { party1: person(10, 'male'), party2: person(9, 'female') }, s.registrar);
    const r = s.app.call<'marriage.register'>('marriage.register', { party1: person(10, 'male'), party2: person(9, 'female'), ...declared }, s.registrar);
    expect(await s.worker.runOnce()).toBe(true);
    const parked = s.app.call<'sync.events'>('sync.events', { status: 'parked' }, s.reviewer).events;
    expect(parked.map((e) => [e.recordId, e.rejectCode])).toEqual([[r.certificateNumber, 'ID_CANCELLED']]);
    expect(parked[0].rejectReason).toContain('已被公安机关注销');
    expect(s.app.call<'session.status'>('session.status', {}, s.registrar).sync.blocked).toBe(1);
    const corrected = person(18, 'female'); // born the same day as the mistyped number says
    s.app.call('marriage.correct', { certificateNumber: r.certificateNumber, party: 'party2', name: corrected.name, idNumber: corrected.idNumber, reason: '身份证号码录入错误，核对原件后更正' }, s.reviewer);
    expect(await s.worker.runOnce()).toBe(true);
    const onPlatform = sim.store.events({ recordType: 'marriage' }).filter((e) => e.recordId === r.certificateNumber);
    expect(onPlatform.map((e) => [e.eventType, e.status])).toEqual([
      ['marriage.registered', 'rejected'],
      ['marriage.corrected', 'accepted'],
    ]);
    expect(outbox(s.app).parked ?? 0).toBe(0);
    expect(outbox(s.app).pending ?? 0).toBe(0);
  });

  it('committed on the platform but the answer lost: sent again, delivered once', async () => {
    s.app.call('users.create', { username: 'extra', displayName: '新用户', role: 'registrar', password: 'Extra12345' }, s.admin);
    sim.setFaults({ lostResponseRate: 1 });
    expect(await s.worker.runOnce()).toBe(false);
    expect(outbox(s.app).pending).toBe(1);
    sim.setFaults({});
    expect(await s.worker.runOnce()).toBe(true);
    expect(sim.store.events({ recordType: 'user' }).filter((e) => e.recordId === 'extra')).toHaveLength(1);
    expect(outbox(s.app).pending ?? 0).toBe(0);
  });

  it('the audit chain head is anchored on the platform hourly; a rewritten chain no longer matches it', async () => {
    const anchors = () => sim.store.events({ recordType: 'audit-chain' });
    const first = anchors();
    expect(first.length).toBeGreaterThanOrEqual(1);
    const { seq, hash } = first.at(-1)!.payload as { seq: number; hash: string };
    const db = s.app.database.sqlite;
    expect(db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(seq)).toEqual({ hash });
    expect(s.app.callAsSystemSync('audit.verify', {})).toMatchObject({ ok: true, anchor: { seq, hash, matches: true } });
    // Within the hour: no new anchor, however much happens.
    s.app.call('users.create', { username: 'anchor1', displayName: '甲', role: 'registrar', password: 'Anchor12345' }, s.admin);
    await s.worker.runOnce();
    expect(anchors()).toHaveLength(first.length);
    s.clock.advanceMinutes(61);
    s.app.call('auth.unlock', { password: 'Admin12345' }, s.admin);
    await s.worker.runOnce();
    expect(anchors()).toHaveLength(first.length + 1);
  });

  it('a chain rewritten here, every hash recomputed, passes its own check but not the anchor', () => {
    const copy = path.join(tempDir(), 'rewritten.sqlite');
    s.app.database.sqlite.exec(`VACUUM INTO '${copy}'`);
    const db = new Database(copy);
    db.exec('DROP TRIGGER audit_log_no_update');
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, string & number>[];
    let prev = GENESIS_HASH;
    for (const r of rows) {
      const summary = r.seq === 3 ? '（被改写的记录）' : r.summary;
      const content = { seq: r.seq, at: r.at, userId: r.user_id, username: r.username, role: r.role, stationId: r.station_id, operation: r.operation, recordIds: JSON.parse(r.record_ids) as string[], summary, changeDigest: r.change_digest };
      const hash = entryHash(prev, content);
      db.prepare('UPDATE audit_log SET summary = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(summary, prev, hash, r.seq);
      prev = hash;
    }
    expect(verifyChain(db).ok).toBe(true);
    db.close();
    fs.renameSync(copy, path.join(path.dirname(copy), 'civreg.sqlite'));
    const rewritten = new CivReg({ dataDir: path.dirname(copy), clock: s.clock.clock });
    const verdict = rewritten.callAsSystemSync('audit.verify', {});
    expect(verdict).toMatchObject({ ok: false, firstBad: null, anchor: { matches: false } });
    // And what the platform holds for that entry is the original hash, whatever is done to this file.
    const onPlatform = sim.store.events({ recordType: 'audit-chain' }).map((e) => e.payload as { seq: number; hash: string });
    const local = rewritten.database.sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(verdict.anchor!.seq) as { hash: string };
    expect(onPlatform.find((p) => p.seq === verdict.anchor!.seq)!.hash).not.toBe(local.hash);
    rewritten.close();
  });

  it('data pushed down is applied with the cursor: marital status, division codes, a calendar year', async () => {
    const at = new Date('2026-11-23T04:00:00.000Z');
    sim.store.publishChange({ kind: 'maritalStatus', data: { idNumber: person(40, 'male').idNumber, status: 'married', since: '2026-10-01', authority: '440300' } }, at);
    sim.store.publishChange({ kind: 'divisionCodes', data: { codes: [{ code: '110105', name: '北京市朝阳区' }] } }, at);
    sim.store.publishChange({ kind: 'calendar', data: { year: 2027, holidays: ['2027-01-01'], workdays: [] } }, at);
    sim.store.publishChange({ kind: 'calendar', data: { year: 2027, holidays: ['2026-01-01'], workdays: [] } }, at);
    expect(await s.worker.runOnce()).toBe(true);
    const db = s.app.database.sqlite;
    expect(db.prepare('SELECT status, authority FROM platform_marital_status').all()).toEqual([{ status: 'married', authority: '440300' }]);
    expect(db.prepare('SELECT name FROM division_codes').all()).toEqual([{ name: '北京市朝阳区' }]);
    expect(db.prepare('SELECT holidays, source FROM calendar_years WHERE year = 2027').get()).toEqual({ holidays: '["2027-01-01"]', source: '省级平台下发' });
    const audit = db.prepare("SELECT summary FROM audit_log WHERE operation = 'sync.applyChanges' ORDER BY seq DESC LIMIT 1").get() as { summary: string };
    // The second calendar change breaks the calendar's own rule: skipped and named, the rest applied.
    expect(audit.summary).toContain('未采用');
    const cursor = (db.prepare('SELECT pull_cursor AS c FROM sync_state').get() as { c: string }).c;
    expect(await s.worker.runOnce()).toBe(true);
    expect((db.prepare('SELECT pull_cursor AS c FROM sync_state').get() as { c: string }).c).toBe(cursor);
  });
});

const send = (status: number, body: string) => (res: http.ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body);
};

describe('unused serials go back; policy versions come down', () => {
  let sim: PlatformSimulator;
  let s: Station;

  beforeAll(async () => {
    sim = await startPlatformSimulator({ dbFile: path.join(tempDir(), 'platform.sqlite'), seedStations: [{ stationId: STATION_ID, secret: SECRET }], clock: () => new Date('2026-11-23T04:00:00.000Z') });
    s = station(sim.url);
    expect(await s.worker.runOnce()).toBe(true);
  });
  afterAll(async () => {
    await s.worker.stop();
    s.app.close();
    await sim.close();
    cleanupTempDirs();
  });

  it('归还未用字号 hands every unused number back through the outbox; the platform leases them again', async () => {
    const held = s.app.call<'sync.overview'>('sync.overview', {}, s.admin).serials.reduce((n, x) => n + x.remaining, 0);
    expect(s.app.call<'sync.returnSerials'>('sync.returnSerials', { scope: 'all' }, s.admin)).toEqual({ returned: held });
    const worker = new SyncWorker(s.app, { baseBackoffMs: 10 });
    // The round delivers the returns first (they are in the outbox), then leases afresh.
    expect(await worker.runOnce()).toBe(true);
    await worker.stop();
    const returns = sim.store.events({ recordType: 'serial-block' });
    expect(returns.map((e) => e.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'accepted']);
    const j = sim.store.serialBlocks().filter((b) => b.prefix === 'J');
    expect(j.at(-1)!.first).toBe(j[0].first);
  });

  it('a funeral policy version pushed by the platform is added under the administrator’s rules', async () => {
    const scheme = s.app.call<'funeral.policies'>('funeral.policies', {}, s.admin).schemes.find((x) => x.id === 'huizhou')!;
    const latest = scheme.versions.at(-1)!;
    // Open-ended: no effectiveTo.
    const version = { ...latest, id: 'huizhou-2027', name: '惠州市惠民殡葬（2027 年起）', effectiveFrom: '2027-01-01', effectiveTo: undefined };
    sim.store.publishChange({ kind: 'policyVersion', data: { area: 'funeral', schemeId: 'huizhou', version } }, new Date('2026-11-23T04:00:00.000Z'));
    expect(await s.worker.runOnce()).toBe(true);
    const after = s.app.call<'funeral.policies'>('funeral.policies', {}, s.admin).schemes.find((x) => x.id === 'huizhou')!;
    expect(after.versions.map((v) => [v.id, v.effectiveFrom])).toContainEqual(['huizhou-2027', '2027-01-01']);
    expect(after.versions.find((v) => v.id === latest.id)!.effectiveTo).toBe('2026-12-31');
  });
});

describe('answers that are not answers count as failures', () => {
  let server: http.Server;
  let reply: (res: http.ServerResponse) => void = () => undefined;
  let url: string;
  let blocks = 0;
  const seen: string[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      req.resume();
      // Serial leases are answered properly: only the push's answer is broken.
      const lease = req.url?.startsWith('/v1/serial-blocks/lease');
      req.on('end', () => (lease ? send(200, JSON.stringify({ blockId: `B-${++blocks}`, first: blocks * 100 + 1, last: blocks * 100 + 20 }))(res) : reply(res)));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    cleanupTempDirs();
  });

  it.each([
    ['truncated JSON', send(200, '{"results": [')],
    ['wrong type', send(200, '{"results": "ok"}')],
    ['too few results', send(200, '{"results": []}')],
    ['a 503', send(503, '')],
    ['an HTML page', send(200, '<html>维护中</html>')],
  ])('%s: nothing delivered, the station offline with the reason', async (_label, how) => {
    const s = station(url);
    reply = how;
    const before = outbox(s.app);
    expect(before.pending).toBeGreaterThan(0);
    await s.worker.runOnce();
    const sentOnce = outbox(s.app);
    expect(sentOnce.delivered ?? 0).toBe(0);
    expect(sentOnce.pending).toBeGreaterThanOrEqual(before.pending);
    const overview = s.app.call<'sync.overview'>('sync.overview', {}, s.admin);
    expect(overview).toMatchObject({ online: false });
    expect(seen).toContain('POST /v1/events');
    await s.worker.stop();
    s.app.close();
  });
});

describe('the province-wide duplicate-waiver check', () => {
  let sim: PlatformSimulator;
  const clock = new FixedClock('2025-10-15T02:00:00.000Z');
  /** A funeral home's station, linked: its own station id, the 惠州 scheme, a clerk. */
  function home(stationId: string): { s: Station; clerk: string } {
    const s = station(sim.url, { clock });
    s.app.database.sqlite.prepare('UPDATE station SET station_id = ?').run(stationId);
    s.app.close();
    const app = new CivReg({ dataDir: path.dirname(s.app.database.file), clock: clock.clock });
    const admin = login(app);
    app.call('funeral.selectPolicy', { schemeId: 'huizhou' }, admin);
    app.call('users.create', { username: 'binyi', displayName: '殡仪馆员', role: 'funeral', password: 'Funeral123' }, admin);
    const clerk = loginReady(app, 'binyi', 'Funeral123');
    const worker = new SyncWorker(app, { baseBackoffMs: 10, maxBackoffMs: 50 });
    sim.store.provisionStation(stationId, SECRET);
    return { s: { ...s, app, worker, admin }, clerk };
  }

  beforeAll(async () => {
    sim = await startPlatformSimulator({ dbFile: path.join(tempDir(), 'platform.sqlite'), clock: clock.clock });
  });
  afterAll(async () => {
    await sim.close();
    cleanupTempDirs();
  });

  it('a waiver entered at one home refuses the same person at another; entered unchecked, the later check flags it', async () => {
    const a = home('FH-A');
    const b = home('FH-B');
    expect(await a.s.worker.runOnce()).toBe(true);
    expect(await b.s.worker.runOnce()).toBe(true);

    const trial = await a.s.app.callAsync<'funeral.computeWaiver'>('funeral.computeWaiver', waiver(1, '2025-10-10'), a.clerk);
    expect(trial).toMatchObject({ eligible: true, platform: 'answered' });
    const entered = a.s.app.call<'funeral.enterWaiver'>('funeral.enterWaiver', waiver(1, '2025-10-10'), a.clerk);
    expect(entered.platformCheck).toBe('answered');
    expect(await a.s.worker.runOnce()).toBe(true);

    const atB = await b.s.app.callAsync<'funeral.computeWaiver'>('funeral.computeWaiver', waiver(1, '2025-10-10'), b.clerk);
    expect(atB.eligible).toBe(false);
    expect(atB.refusals.map((r) => r.message).join()).toContain('省级平台记录');
    const refused = appError(() => b.s.app.call('funeral.enterWaiver', waiver(1, '2025-10-10'), b.clerk));
    expect(refused.fieldErrors['deceased.idNumber']).toContain(entered.number);

    // The platform away: home B enters the same person unchecked; the reviewer sees it; the later check flags it.
    sim.setFaults({ down: true });
    const b2 = home('FH-C');
    sim.setFaults({});
    expect(await b2.s.worker.runOnce()).toBe(true);
    sim.setFaults({ down: true });
    const unchecked = await b2.s.app.callAsync<'funeral.computeWaiver'>('funeral.computeWaiver', waiver(1, '2025-10-10'), b2.clerk);
    expect(unchecked.platform).toBe('unreachable');
    const late = b2.s.app.call<'funeral.enterWaiver'>('funeral.enterWaiver', waiver(1, '2025-10-10'), b2.clerk);
    expect(late.platformCheck).toBe('unreachable');
    sim.setFaults({});
    expect(await b2.s.worker.runOnce()).toBe(true);
    const listed = b2.s.app.call<'sync.overview'>('sync.overview', {}, b2.s.admin).uncheckedWaivers;
    expect(listed).toHaveLength(1);
    expect(listed[0].conflict).toContain(`该逝者已在${STATION.officeName}办理减免（编号 ${entered.number}`);
    for (const h of [a, b, b2]) {
      await h.s.worker.stop();
      h.s.app.close();
    }
  });
});
