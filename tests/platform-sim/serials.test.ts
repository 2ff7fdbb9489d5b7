import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATHS, SERIAL_RETURN_EVENT, leaseResponse, pushResponse, type LeaseResponse } from '../../src-main/platform/protocol';
import { wireEvent } from './fixtures';
import { SimClient, STATION_A, STATION_B, admin, startTestSim, type TestSim } from './sim-client';

describe('platform simulator: serial blocks', () => {
  let t: TestSim;
  let a: SimClient;
  let b: SimClient;

  beforeAll(async () => {
    t = await startTestSim();
    a = new SimClient(t.sim.url, STATION_A);
    b = new SimClient(t.sim.url, STATION_B);
  });
  afterAll(() => t.stop());

  async function lease(client: SimClient, requestId: string, size: number, prefix = 'J'): Promise<LeaseResponse> {
    const reply = await client.post(PATHS.leaseSerialBlock, { requestId, authority: '110105', prefix, year: 2025, size });
    expect(reply.status).toBe(200);
    return leaseResponse.parse(reply.body);
  }

  function giveBack(block: LeaseResponse, first: number, last: number) {
    return wireEvent(SERIAL_RETURN_EVENT, 'serial-block', block.blockId, { blockId: block.blockId, authority: '110105', prefix: 'J', year: 2025, first, last });
  }

  it('returns the same block for a retried lease, and never overlaps two stations', async () => {
    const a1 = await lease(a, 'req-1', 100);
    expect(await lease(a, 'req-1', 100)).toEqual(a1);
    const b1 = await lease(b, 'req-1', 50);
    expect(b1.blockId).not.toBe(a1.blockId);
    expect([a1.first, a1.last, b1.first, b1.last]).toEqual([1, 100, 101, 150]);
    // Another prefix is another sequence.
    expect(await lease(a, 'req-2', 5, 'L')).toMatchObject({ first: 1, last: 5 });
  });

  it('leases returned numbers again first, and refuses a second return of them', async () => {
    const [a1] = t.sim.store.serialBlocks().filter((s) => s.stationId === 'ST-A' && s.prefix === 'J');
    const results = pushResponse.parse((await a.post(PATHS.events, { events: [giveBack(a1, 91, 100)] })).body).results;
    expect(results).toMatchObject([{ status: 'accepted' }]);

    expect(await lease(b, 'req-2', 4)).toMatchObject({ first: 91, last: 94 });
    // The rest of the returned range is smaller than asked: the block is that rest.
    expect(await lease(b, 'req-3', 20)).toMatchObject({ first: 95, last: 100 });
    expect(await lease(b, 'req-4', 5)).toMatchObject({ first: 151, last: 155 });

    const again = pushResponse.parse((await a.post(PATHS.events, { events: [giveBack(a1, 95, 96)] })).body).results;
    expect(again).toMatchObject([{ status: 'rejected', code: 'SERIAL_RETURN_INVALID' }]);
  });

  it("refuses a return of another station's block or of numbers outside the block", async () => {
    const [b1] = t.sim.store.serialBlocks().filter((s) => s.stationId === 'ST-B');
    const results = pushResponse.parse((await a.post(PATHS.events, { events: [giveBack(b1, b1.first, b1.first), giveBack(b1, 1, 1000)] })).body).results;
    expect(results.map((r) => r.status === 'rejected' && r.code)).toEqual(['SERIAL_RETURN_INVALID', 'SERIAL_RETURN_INVALID']);
  });

  it('hands out no number twice under concurrent leases from both stations', async () => {
    const leases = await Promise.all(Array.from({ length: 20 }, (_, i) => lease(i % 2 ? a : b, `burst-${i}`, 7)));
    const numbers = leases.flatMap((l) => Array.from({ length: l.last - l.first + 1 }, (_, k) => l.first + k));
    // The free list is empty by now: the burst takes fresh numbers, each exactly once, without gaps.
    expect(numbers.sort((x, y) => x - y)).toEqual(Array.from({ length: 140 }, (_, k) => 156 + k));
    const blocks = (await admin<{ blocks: { requestId: string }[] }>(t.sim, 'GET', '/admin/serials')).body.blocks;
    expect(blocks.filter((x) => x.requestId.startsWith('burst-'))).toHaveLength(20);
  });
});
