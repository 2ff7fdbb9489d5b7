import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATHS, leaseResponse, pushResponse } from '../../src-main/platform/protocol';
import { FaultInjector, type FaultKind } from '../../src-main/platform-sim/faults';
import { certificateNumber, marriageRegistered } from './fixtures';
import { SimClient, STATION_A, admin, startTestSim, type TestSim } from './sim-client';

describe('fault injector', () => {
  it('hits about faultRate of the requests, spread over the five faults, reproducibly by seed', () => {
    const picks = (seed: number) => {
      const f = new FaultInjector({ faultRate: 0.5, seed });
      return Array.from({ length: 10_000 }, () => f.pick());
    };
    const run = picks(42);
    expect(picks(42)).toEqual(run);
    const share = (k: FaultKind | null) => run.filter((p) => p === k).length / run.length;
    expect(share(null)).toBeCloseTo(0.5, 1);
    for (const k of ['error', 'drop', 'lostResponse', 'duplicate', 'reorder'] as const) expect(share(k)).toBeCloseTo(0.1, 1);
  });

  it('refuses rates that add up to more than 1', () => {
    expect(() => new FaultInjector({ errorRate: 0.6, faultRate: 1 })).toThrow('各故障率之和不能超过 1');
  });
});

describe('platform simulator under faults', () => {
  let t: TestSim;
  let a: SimClient;

  beforeAll(async () => {
    t = await startTestSim();
    a = new SimClient(t.sim.url, STATION_A);
  });
  afterAll(() => t.stop());

  const stored = (eventId: string) => t.sim.store.events().filter((e) => e.eventId === eventId).length;

  it('lost response: the event is committed though the station got a socket error; the re-push is a duplicate', async () => {
    const e = marriageRegistered(certificateNumber(1));
    t.sim.setFaults({ lostResponseRate: 1 });
    await expect(a.post(PATHS.events, { events: [e] })).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(stored(e.eventId)).toBe(1);

    t.sim.setFaults({});
    const reply = await a.post(PATHS.events, { events: [e] });
    expect(pushResponse.parse(reply.body).results).toEqual([{ eventId: e.eventId, status: 'duplicate' }]);
    expect(stored(e.eventId)).toBe(1);
  });

  it('dropped request and error answer: nothing is committed', async () => {
    const dropped = marriageRegistered(certificateNumber(2));
    t.sim.setFaults({ dropRate: 1 });
    await expect(a.post(PATHS.events, { events: [dropped] })).rejects.toThrow();
    t.sim.setFaults({ errorRate: 1 });
    const reply = await a.post(PATHS.events, { events: [dropped] });
    expect([500, 503]).toContain(reply.status);
    expect(stored(dropped.eventId)).toBe(0);
    t.sim.setFaults({});
  });

  it('duplicated delivery: processed twice, stored once, answered with the first pass', async () => {
    t.sim.setFaults({ duplicateRate: 1 });
    const e = marriageRegistered(certificateNumber(3));
    const reply = await a.post(PATHS.events, { events: [e] });
    expect(pushResponse.parse(reply.body).results).toEqual([{ eventId: e.eventId, status: 'accepted' }]);
    expect(stored(e.eventId)).toBe(1);

    const lease = leaseResponse.parse((await a.post(PATHS.leaseSerialBlock, { requestId: 'dup-1', authority: '110105', prefix: 'J', year: 2025, size: 10 })).body);
    expect(t.sim.store.serialBlocks().filter((b) => b.blockId === lease.blockId)).toHaveLength(1);
    expect(t.sim.store.serialBlocks()).toHaveLength(1);
    t.sim.setFaults({});
  });

  it('down: every /v1 connection is closed, the admin API still answers and brings it back', async () => {
    expect((await admin(t.sim, 'PUT', '/admin/faults', { down: true })).status).toBe(200);
    await expect(a.get(PATHS.health)).rejects.toThrow();
    const back = await admin<{ down?: boolean }>(t.sim, 'PUT', '/admin/faults', {});
    expect(back.body.down).toBeUndefined();
    expect((await a.get(PATHS.health)).status).toBe(200);
  });

  it('latency delays the answer; bad settings are refused by the admin API', async () => {
    t.sim.setFaults({ latencyMs: { min: 60, max: 80 } });
    const started = Date.now();
    expect((await a.get(PATHS.health)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    t.sim.setFaults({});
    expect((await admin(t.sim, 'PUT', '/admin/faults', { errorRate: 2 })).status).toBe(400);
    expect((await admin(t.sim, 'PUT', '/admin/faults', { typo: 1 })).status).toBe(400);
  });
});
