import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADERS, PATHS, changesResponse, errorResponse, healthResponse } from '../../src-main/platform/protocol';
import { SimClient, STATION_A, T0, admin, rawRequest, startTestSim, type TestSim } from './sim-client';
import { marriageRegistered, certificateNumber } from './fixtures';

const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

function errorCode(body: unknown): string {
  return errorResponse.parse(body).error.code;
}

describe('platform simulator: request authentication', () => {
  let t: TestSim;
  let a: SimClient;

  beforeAll(async () => {
    t = await startTestSim();
    a = new SimClient(t.sim.url, STATION_A);
  });
  afterAll(() => t.stop());

  it('answers a correctly signed health check', async () => {
    const reply = await a.get(PATHS.health);
    expect(reply.status).toBe(200);
    expect(healthResponse.parse(reply.body)).toEqual({ protocol: 1, time: T0.toISOString() });
  });

  it('refuses a signature made with another secret', async () => {
    const forger = new SimClient(t.sim.url, { stationId: STATION_A.stationId, secret: Buffer.alloc(32, 9).toString('base64') });
    const reply = await forger.get(PATHS.health);
    expect(reply.status).toBe(401);
    expect(errorCode(reply.body)).toBe('BAD_SIGNATURE');
  });

  it('refuses a body changed after signing, and stores nothing of it', async () => {
    const signed = JSON.stringify({ events: [marriageRegistered(certificateNumber(1))] });
    const tampered = signed.replace('张三', '赵六');
    const reply = await rawRequest(t.sim.url, 'POST', PATHS.events, a.headers('POST', PATHS.events, signed), tampered);
    expect(reply.status).toBe(401);
    expect(errorCode(reply.body)).toBe('BAD_SIGNATURE');
    expect(t.sim.store.summary().events).toEqual({ accepted: 0, rejected: 0 });
  });

  it('refuses a replayed request (same nonce)', async () => {
    const headers = a.headers('GET', PATHS.health, '');
    expect((await rawRequest(t.sim.url, 'GET', PATHS.health, headers)).status).toBe(200);
    const replay = await rawRequest(t.sim.url, 'GET', PATHS.health, headers);
    expect(replay.status).toBe(401);
    expect(errorCode(replay.body)).toBe('REPLAYED_NONCE');
  });

  it('refuses a timestamp 6 minutes off either way and accepts one 4 minutes off', async () => {
    for (const off of [6, -6]) {
      const reply = await new SimClient(t.sim.url, STATION_A, minutes(off)).get(PATHS.health);
      expect(reply.status).toBe(401);
      expect(errorCode(reply.body)).toBe('CLOCK_SKEW');
    }
    for (const off of [4, -4]) expect((await new SimClient(t.sim.url, STATION_A, minutes(off)).get(PATHS.health)).status).toBe(200);
  });

  it("applies the clock-skew fault to the platform's own clock", async () => {
    t.sim.setFaults({ clockSkewMs: 6 * 60_000 });
    try {
      expect(errorCode((await a.get(PATHS.health)).body)).toBe('CLOCK_SKEW');
      expect((await new SimClient(t.sim.url, STATION_A, minutes(5)).get(PATHS.health)).status).toBe(200);
    } finally {
      t.sim.setFaults({});
    }
  });

  it('refuses an unknown station and a request without the headers', async () => {
    const stranger = await new SimClient(t.sim.url, { stationId: 'ST-X', secret: STATION_A.secret }).get(PATHS.health);
    expect(stranger.status).toBe(401);
    expect(errorCode(stranger.body)).toBe('UNKNOWN_STATION');
    const bare = await rawRequest(t.sim.url, 'GET', PATHS.health, {});
    expect(bare.status).toBe(401);
    expect(errorCode(bare.body)).toBe('UNKNOWN_STATION');
  });

  it('refuses a revoked station with 403 and tells the other stations through the changes feed', async () => {
    const provisioned = await admin<{ secret: string }>(t.sim, 'POST', '/admin/stations', { stationId: 'ST-R' });
    expect(provisioned.status).toBe(200);
    const r = new SimClient(t.sim.url, { stationId: 'ST-R', secret: provisioned.body.secret });
    expect((await r.get(PATHS.health)).status).toBe(200);

    expect((await admin(t.sim, 'POST', '/admin/stations/ST-R/revoke')).status).toBe(200);
    const refused = await r.get(PATHS.health);
    expect(refused.status).toBe(403);
    expect(errorCode(refused.body)).toBe('REVOKED_STATION');

    const feed = changesResponse.parse((await a.get(`${PATHS.changes}?since=0`)).body);
    expect(feed.changes.map((c) => c.change)).toContainEqual({ kind: 'revokedStation', data: { stationId: 'ST-R', revokedAt: T0.toISOString() } });
    expect((await admin(t.sim, 'POST', '/admin/stations/ST-NONE/revoke')).status).toBe(404);
  });

  it('answers 400 MALFORMED for a body that is not the request schema, naming the field', async () => {
    const notJson = await rawRequest(t.sim.url, 'POST', PATHS.events, a.headers('POST', PATHS.events, '{oops'), '{oops');
    expect(notJson.status).toBe(400);
    expect(errorCode(notJson.body)).toBe('MALFORMED');

    const reply = await a.post(PATHS.leaseSerialBlock, { requestId: 'r1', authority: '11010', prefix: 'J', year: 2025, size: 10 });
    expect(reply.status).toBe(400);
    expect(errorResponse.parse(reply.body).error).toEqual({ code: 'MALFORMED', message: expect.stringContaining('登记机关代码（authority）') });
    expect((await a.post(PATHS.events, { events: [] })).status).toBe(400);
  });

  it('refuses an unsupported protocol version, an unknown path and a wrong method', async () => {
    const headers = { ...a.headers('GET', PATHS.health, ''), [HEADERS.version]: '2' };
    expect(errorCode((await rawRequest(t.sim.url, 'GET', PATHS.health, headers)).body)).toBe('UNSUPPORTED_PROTOCOL');
    expect((await a.get('/v1/nothing')).status).toBe(404);
    expect((await a.post(PATHS.health, {})).status).toBe(405);
  });

  it('refuses a body over 10 MB with 413', async () => {
    const big = JSON.stringify({ events: [{ payload: 'x'.repeat(11 * 1024 * 1024) }] });
    const reply = await rawRequest(t.sim.url, 'POST', PATHS.events, a.headers('POST', PATHS.events, big), big);
    expect(reply.status).toBe(413);
  });

  it('keeps the admin API behind its token', async () => {
    expect((await rawRequest(t.sim.url, 'GET', '/admin/summary', {})).status).toBe(401);
    expect((await rawRequest(t.sim.url, 'GET', '/admin/summary', { 'x-civreg-admin': 'wrong' })).status).toBe(401);
    expect((await admin(t.sim, 'GET', '/admin/summary')).status).toBe(200);
  });
});
