import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CivReg } from '../../src-main/core/civreg';
import type { EventResult } from '../../src-main/contract';
import { nextBatch } from '../../src-main/sync/outbox-queue';
import { OutboxAppender, type OutboxEvent } from '../../src-main/outbox/outbox';
import { leaseNeeds } from '../../src-main/sync/serial-blocks';
import { backoffDelay } from '../../src-main/sync/backoff';
import { appError, cleanupTempDirs, FixedClock, idNumber, login, loginReady, makeApp, refusedUnchanged } from '../helpers/civreg';

const clock = new FixedClock('2026-11-23T04:00:00.000Z');
const SECRET = Buffer.alloc(32, 7).toString('base64');

interface Row {
  id: number;
  event_id: string;
  record_id: string;
  event_type: string;
  status: string;
  reject_reason: string | null;
  superseded_by: number | null;
}

/** The outbox as the sync service leaves it: order, states, reasons (the bookkeeping these tests are about). */
function outboxRows(app: CivReg, recordType: string): Row[] {
  return app.database.sqlite
    .prepare('SELECT id, event_id, record_id, event_type, status, reject_reason, superseded_by FROM outbox WHERE record_type = ? ORDER BY id')
    .all(recordType) as Row[];
}

function ack(app: CivReg, rows: Row[], results: Record<string, 'accepted' | 'duplicate' | 'rejected'>) {
  return app.callAsService('sync.acknowledge', {
    sent: rows.map((r) => ({ stationSeq: r.id, eventId: r.event_id, recordType: 'user', recordId: r.record_id })),
    results: rows.map((r): EventResult => {
      const status = results[r.event_id] ?? 'accepted';
      return status === 'rejected' ? { eventId: r.event_id, status, code: 'TEST', reason: '平台测试退回：姓名不符' } : { eventId: r.event_id, status };
    }),
  });
}

describe('outbox states: delivered on acknowledgement, parked on rejection, later events of the record held', () => {
  let app: CivReg;
  let admin: string;

  beforeAll(() => {
    ({ app } = makeApp({ clock }));
    admin = login(app);
    // Drain what setup wrote, so the tests see only their own events.
    const setup = nextBatch(app.database.sqlite, 100);
    app.callAsService('sync.acknowledge', {
      sent: setup.map((e) => ({ stationSeq: e.stationSeq, eventId: e.eventId, recordType: e.recordType, recordId: e.recordId })),
      results: setup.map((e) => ({ eventId: e.eventId, status: 'accepted' as const })),
    });
  });
  afterAll(() => {
    app.close();
    cleanupTempDirs();
  });

  it('a batch carries one event per record, in outbox order', () => {
    app.call('users.create', { username: 'alpha', displayName: '甲', role: 'registrar', password: 'Alpha12345' }, admin);
    app.call('users.create', { username: 'beta', displayName: '乙', role: 'registrar', password: 'Beta123456' }, admin);
    const alpha = app.call<'users.list'>('users.list', {}, admin).find((u) => u.username === 'alpha')!;
    app.call('users.update', { id: alpha.id, displayName: '甲二' }, admin);
    const batch = nextBatch(app.database.sqlite, 100);
    expect(batch.map((e) => `${e.recordId}:${e.eventType}`)).toEqual(['alpha:user.created', 'beta:user.created']);
    expect(batch[0].stationSeq).toBeLessThan(batch[1].stationSeq);
  });

  it('a rejection parks the event with the reason and holds the record’s later events; other records go on', () => {
    const [alpha1, beta1] = outboxRows(app, 'user').filter((r) => r.status === 'pending');
    expect(ack(app, [alpha1, beta1], { [alpha1.event_id]: 'rejected' })).toEqual({ delivered: 1, parked: 1 });
    const rows = outboxRows(app, 'user').filter((r) => r.record_id !== 'admin');
    expect(rows.map((r) => [r.record_id, r.event_type, r.status])).toEqual([
      ['alpha', 'user.created', 'parked'],
      ['beta', 'user.created', 'delivered'],
      ['alpha', 'user.updated', 'held'],
    ]);
    expect(rows[0].reject_reason).toBe('平台测试退回：姓名不符');
    // A new event of the parked record waits too; nothing of it is sent.
    const alpha = app.call<'users.list'>('users.list', {}, admin).find((u) => u.username === 'alpha')!;
    app.call('users.update', { id: alpha.id, displayName: '甲三' }, admin);
    expect(outboxRows(app, 'user').at(-1)!.status).toBe('held');
    expect(nextBatch(app.database.sqlite, 100)).toEqual([]);
    expect(app.call<'session.status'>('session.status', {}, admin).sync).toMatchObject({ pending: 0, blocked: 3, configured: false });
  });

  it('applying the same answer twice changes nothing', () => {
    const before = outboxRows(app, 'user');
    const parked = before.find((r) => r.status === 'parked')!;
    expect(ack(app, [parked], { [parked.event_id]: 'accepted' })).toEqual({ delivered: 0, parked: 0 });
    expect(outboxRows(app, 'user')).toEqual(before);
  });

  it('retry sends the parked event again; once accepted, the held ones follow in order', () => {
    const parked = outboxRows(app, 'user').find((r) => r.status === 'parked')!;
    const reviewerless = refusedUnchanged(() => outboxRows(app, 'user'), () => app.call('sync.retry', { id: outboxRows(app, 'user').find((r) => r.status === 'delivered')!.id }, admin));
    expect(reviewerless.message).toContain('不是被平台退回的事件');
    app.call('sync.retry', { id: parked.id }, admin);
    const batch = nextBatch(app.database.sqlite, 100);
    expect(batch.map((e) => e.stationSeq)).toEqual([parked.id]);
    ack(app, [parked], { [parked.event_id]: 'duplicate' });
    const released = nextBatch(app.database.sqlite, 100);
    expect(released.map((e) => e.eventType)).toEqual(['user.updated']);
    expect(outboxRows(app, 'user').filter((r) => r.record_id === 'alpha').map((r) => r.status)).toEqual(['delivered', 'pending', 'pending']);
  });
});

describe('更正: a correction replaces the rejected registration', () => {
  let app: CivReg;
  let registrar: string;
  let reviewer: string;
  const groom = { name: '张伟', sex: 'male' as const, nationality: '中国', idNumber: idNumber('11010519930307123') };
  const bride = { name: '李娜', sex: 'female' as const, nationality: '中国', idNumber: idNumber('11010519950611004') };

  beforeAll(() => {
    ({ app } = makeApp({ clock: new FixedClock('2026-11-23T04:00:00.000Z') }));
    const admin = login(app);
    app.call('users.create', { username: 'dengji', displayName: '登记员', role: 'registrar', password: 'Regist123' }, admin);
    app.call('users.create', { username: 'shenhe', displayName: '审核员', role: 'reviewer', password: 'Review123' }, admin);
    registrar = loginReady(app, 'dengji', 'Regist123');
    reviewer = loginReady(app, 'shenhe', 'Review123');
  });
  afterAll(() => {
    app.close();
    cleanupTempDirs();
  });

  it('corrects the party and supersedes the parked registration with the corrected snapshot', () => {
    const { certificateNumber } = app.call<'marriage.register'>('marriage.register', { party1: groom, party2: bride, declarationSigned: true, consentConfirmed: true }, registrar);
    const [registered] = nextBatch(app.database.sqlite, 100).filter((e) => e.recordType === 'marriage');
    app.callAsService('sync.acknowledge', {
      sent: [{ stationSeq: registered.stationSeq, eventId: registered.eventId, recordType: 'marriage', recordId: certificateNumber }],
      results: [{ eventId: registered.eventId, status: 'rejected', code: 'ID_CANCELLED', reason: '当事人身份证号码已注销' }],
    });
    const same = appError(() => app.call('marriage.correct', { certificateNumber, party: 'party2', name: '李娜', idNumber: bride.idNumber, reason: '核对' }, reviewer));
    expect(same.message).toContain('与原记录相同');
    const forbidden = appError(() => app.call('marriage.correct', { certificateNumber, party: 'party2', name: '李娜', idNumber: bride.idNumber, reason: '核对' }, registrar));
    expect(forbidden.code).toBe('FORBIDDEN');
    const wrong = appError(() => app.call('marriage.correct', { certificateNumber, party: 'party2', name: '李娜', idNumber: idNumber('11010519950611005').slice(0, 17) + 'X', reason: '核对' }, reviewer));
    expect(wrong.fieldErrors.idNumber).toBeTruthy();

    const shown = app.call<'marriage.registration'>('marriage.registration', { certificateNumber }, reviewer);
    expect(shown.parties.map((p) => p.name)).toEqual(['张伟', '李娜']);
    expect(JSON.stringify(shown)).not.toContain(bride.idNumber);
    expect(shown.parties[1].idNumberMasked).toContain('*');

    // Only the number is typed: the name stays as recorded.
    const corrected = idNumber('11010519950611024');
    app.call('marriage.correct', { certificateNumber, party: 'party2', idNumber: corrected, reason: '录入时身份证号码第 17 位有误' }, reviewer);
    const rows = app.database.sqlite.prepare("SELECT id, event_type, status, superseded_by, payload FROM outbox WHERE record_type = 'marriage' ORDER BY id").all() as {
      id: number;
      event_type: string;
      status: string;
      superseded_by: number | null;
      payload: string;
    }[];
    expect(rows.map((r) => [r.event_type, r.status])).toEqual([
      ['marriage.registered', 'superseded'],
      ['marriage.corrected', 'pending'],
    ]);
    expect(rows[0].superseded_by).toBe(rows[1].id);
    expect(JSON.parse(rows[1].payload).parties[1]).toMatchObject({ name: '李娜', idNumber: corrected });
  });
});

describe('a correction made while the rejected event was in flight', () => {
  it('supersedes it when the rejection comes back: nothing parks, nothing waits behind it', () => {
    const { app } = makeApp({ clock: new FixedClock('2026-11-23T04:00:00.000Z') });
    const outbox = new OutboxAppender(app.database.sqlite);
    const at = '2026-11-23T04:00:00.000Z';
    outbox.append({ eventType: 'case.opened', recordType: 'case', recordId: 'C-2', payload: {} }, 1, at);
    const [sent] = nextBatch(app.database.sqlite, 10).filter((e) => e.recordType === 'case');
    // The correction is written while the first event is out (still pending here).
    outbox.append({ eventType: 'case.corrected', recordType: 'case', recordId: 'C-2', payload: {}, replacesRejected: true }, 2, at);
    app.callAsService('sync.acknowledge', {
      sent: [{ stationSeq: sent.stationSeq, eventId: sent.eventId, recordType: 'case', recordId: 'C-2' }],
      results: [{ eventId: sent.eventId, status: 'rejected', code: 'X', reason: '退回' }],
    });
    const rows = app.database.sqlite.prepare("SELECT event_type, status, reject_reason FROM outbox WHERE record_type = 'case' ORDER BY id").all();
    expect(rows).toEqual([
      { event_type: 'case.opened', status: 'superseded', reject_reason: '退回' },
      { event_type: 'case.corrected', status: 'pending', reject_reason: null },
    ]);
    app.close();
  });
});

describe('held events behind a rejected one are queued again after its replacement', () => {
  it('keeps their idempotency keys and their order, after the corrected snapshot', () => {
    const { app } = makeApp({ clock: new FixedClock('2026-11-23T04:00:00.000Z') });
    const outbox = new OutboxAppender(app.database.sqlite);
    const at = '2026-11-23T04:00:00.000Z';
    const rec = (eventType: string, extra: Partial<OutboxEvent> = {}): OutboxEvent => ({ eventType, recordType: 'case', recordId: 'C-1', payload: { eventType }, ...extra });
    outbox.append(rec('case.opened'), 1, at);
    const [opened] = nextBatch(app.database.sqlite, 10).filter((e) => e.recordType === 'case');
    app.callAsService('sync.acknowledge', {
      sent: [{ stationSeq: opened.stationSeq, eventId: opened.eventId, recordType: 'case', recordId: 'C-1' }],
      results: [{ eventId: opened.eventId, status: 'rejected', code: 'X', reason: '退回' }],
    });
    outbox.append(rec('case.updated'), 2, at);
    outbox.append(rec('case.closed'), 3, at);
    const heldKeys = (app.database.sqlite.prepare("SELECT event_id FROM outbox WHERE record_type = 'case' AND status = 'held' ORDER BY id").all() as { event_id: string }[]).map((r) => r.event_id);
    outbox.append(rec('case.corrected', { replacesRejected: true }), 4, at);
    const live = nextBatch(app.database.sqlite, 10).filter((e) => e.recordType === 'case');
    expect(live.map((e) => e.eventType)).toEqual(['case.corrected']);
    const queued = app.database.sqlite.prepare("SELECT event_type, event_id, status FROM outbox WHERE record_type = 'case' AND status = 'pending' ORDER BY id").all() as { event_type: string; event_id: string }[];
    expect(queued.map((r) => r.event_type)).toEqual(['case.corrected', 'case.updated', 'case.closed']);
    expect(queued.slice(1).map((r) => r.event_id)).toEqual(heldKeys);
    expect(app.database.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE record_type = 'case' AND status = 'superseded'").get()).toEqual({ n: 3 });
    app.close();
  });
});

describe('certificate serials from leased blocks', () => {
  let app: CivReg;
  let admin: string;
  let registrar: string;
  const person = (n: number, sex: 'male' | 'female') => ({ name: `当事人${n}`, sex, nationality: '中国', idNumber: idNumber(`11010519900301${String(n).padStart(2, '0')}${sex === 'male' ? '1' : '2'}`) });
  const register = (n: number) =>
    app.call<'marriage.register'>(
      'marriage.register',
      {
        party1: person(n, 'male'),
        party2: person(n + 50, 'female'),
        declarationSigned: true,
        consentConfirmed: true,
        platformOverride: { username: 'shenhe', password: 'Review123x9', reason: '平台维护，经科长同意' },
      },
      registrar,
    );

  beforeAll(() => {
    ({ app } = makeApp({ clock: new FixedClock('2026-11-23T04:00:00.000Z') }));
    admin = login(app);
    app.call('users.create', { username: 'dengji', displayName: '登记员', role: 'registrar', password: 'Regist123' }, admin);
    app.call('users.create', { username: 'shenhe', displayName: '审核员', role: 'reviewer', password: 'Review123' }, admin);
    registrar = loginReady(app, 'dengji', 'Regist123');
    loginReady(app, 'shenhe', 'Review123');
    app.call('sync.configure', { url: 'http://127.0.0.1:9', secret: SECRET, blockSize: 10 }, admin);
  });
  afterAll(() => {
    app.close();
    cleanupTempDirs();
  });

  it('a linked station with no block says so plainly and writes nothing', () => {
    const snapshot = () => app.database.sqlite.prepare('SELECT (SELECT count(*) FROM marriages) AS m, (SELECT count(*) FROM audit_log) AS a').get();
    const err = refusedUnchanged(snapshot, () => register(1));
    expect(err.message).toContain('字号已用完');
    expect(err.message).toContain('省级平台');
  });

  it('without the platform’s answer a registration needs a supervisor; a wrong password counts against them', () => {
    const noOverride = appError(() =>
      app.call('marriage.register', { party1: person(2, 'male'), party2: person(52, 'female'), declarationSigned: true, consentConfirmed: true }, registrar),
    );
    expect(noOverride.fieldErrors.platformOverride).toContain('审核员授权');
    app.callAsService('sync.recordLease', { requestId: 'r1', authority: '110105', prefix: 'J', year: 2026, size: 10, blockId: 'B-1', first: 41, last: 42 });
    const wrong = appError(() =>
      app.call('marriage.register', { party1: person(2, 'male'), party2: person(52, 'female'), declarationSigned: true, consentConfirmed: true, platformOverride: { username: 'shenhe', password: 'nope-nope', reason: '平台维护' } }, registrar),
    );
    expect(wrong.fieldErrors['platformOverride.password']).toContain('审核员密码不正确');
    const failed = app.database.sqlite.prepare("SELECT failed_attempts AS n FROM users WHERE username = 'shenhe'").get() as { n: number };
    expect(failed.n).toBe(1);
    const asRegistrar = appError(() =>
      app.call('marriage.register', { party1: person(2, 'male'), party2: person(52, 'female'), declarationSigned: true, consentConfirmed: true, platformOverride: { username: 'dengji', password: 'Regist123', reason: '自己授权' } }, registrar),
    );
    expect(asRegistrar.fieldErrors['platformOverride.username']).toContain('审核员或管理员');
  });

  it('serials come from the block in order; the overview lists the authorized registrations for re-check', () => {
    expect(register(3)).toMatchObject({ certificateNumber: 'J110105-2026-000041', platformChecked: false });
    expect(register(4).certificateNumber).toBe('J110105-2026-000042');
    expect(appError(() => register(5)).message).toContain('结婚证字号已用完');
    const overview = app.call<'sync.overview'>('sync.overview', {}, admin);
    expect(overview.serials).toEqual([]);
    expect(overview.unchecked.map((u) => [u.certificateNumber, u.overrideBy, u.reason])).toEqual([
      ['J110105-2026-000042', '审核员', '平台维护，经科长同意'],
      ['J110105-2026-000041', '审核员', '平台维护，经科长同意'],
    ]);
  });

  it('the same lease recorded twice is one block', () => {
    app.callAsService('sync.recordLease', { requestId: 'r2', authority: '110105', prefix: 'J', year: 2026, size: 10, blockId: 'B-2', first: 61, last: 70 });
    app.callAsService('sync.recordLease', { requestId: 'r2', authority: '110105', prefix: 'J', year: 2026, size: 10, blockId: 'B-2', first: 61, last: 70 });
    expect(app.call<'sync.overview'>('sync.overview', {}, admin).serials).toEqual([{ prefix: 'J', year: 2026, remaining: 10, blocks: 1 }]);
  });

  it('lease needs: below half a block, ids follow what is held, next year’s from 15 December', () => {
    const needs = leaseNeeds(app.database.sqlite, 'ST-0001', '110105', '2026-11-23', 10);
    expect(needs.map((n) => n.requestId)).toEqual(['ST-0001/110105/L/2026/1', 'ST-0001/110105/BJ/2026/1', 'ST-0001/110105/BL/2026/1', 'ST-0001/110105/ZM/2026/1']);
    expect(leaseNeeds(app.database.sqlite, 'ST-0001', '110105', '2026-12-15', 10).filter((n) => n.year === 2027)).toHaveLength(5);
    expect(leaseNeeds(app.database.sqlite, 'ST-0001', '110105', '2026-11-23', 30).find((n) => n.prefix === 'J')?.requestId).toBe('ST-0001/110105/J/2026/3');
  });

  it('a station that numbered on its own this year cannot be linked (its numbers could collide)', () => {
    const other = makeApp({ clock: new FixedClock('2026-11-23T04:00:00.000Z') }).app;
    const a = login(other);
    other.call('users.create', { username: 'dengji', displayName: '登记员', role: 'registrar', password: 'Regist123' }, a);
    const r = loginReady(other, 'dengji', 'Regist123');
    other.call('marriage.register', { party1: person(6, 'male'), party2: person(56, 'female'), declarationSigned: true, consentConfirmed: true }, r);
    expect(appError(() => other.call('sync.configure', { url: 'http://127.0.0.1:9', secret: SECRET, blockSize: 10 }, a)).message).toContain('单机方式编发');
    other.close();
  });
});

describe('backoff', () => {
  it('grows exponentially to the cap, with full jitter', () => {
    expect(backoffDelay(0, () => 0.999, 1000, 60_000)).toBe(999);
    expect(backoffDelay(3, () => 0.999, 1000, 60_000)).toBe(7992);
    expect(backoffDelay(20, () => 0.999, 1000, 60_000)).toBe(59_940);
    expect(backoffDelay(5, () => 0, 1000, 60_000)).toBe(250);
  });
});
