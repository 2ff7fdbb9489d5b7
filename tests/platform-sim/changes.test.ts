import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATHS, changesResponse } from '../../src-main/platform/protocol';
import { SimClient, STATION_A, admin, startTestSim, type TestSim } from './sim-client';

describe('platform simulator: changes feed', () => {
  let t: TestSim;
  let a: SimClient;

  beforeAll(async () => {
    t = await startTestSim();
    a = new SimClient(t.sim.url, STATION_A);
    for (const year of [2025, 2026, 2027, 2028, 2029]) {
      expect((await admin(t.sim, 'POST', '/admin/changes', { kind: 'calendar', data: { year, holidays: [`${year}-01-01`], workdays: [] } })).status).toBe(200);
    }
  });
  afterAll(() => t.stop());

  async function pull(since: string, limit: number) {
    const reply = await a.get(`${PATHS.changes}?since=${since}&limit=${limit}`);
    expect(reply.status).toBe(200);
    return changesResponse.parse(reply.body);
  }

  it('pages through the feed with the cursor', async () => {
    const years: number[] = [];
    let cursor = '';
    const pages: boolean[] = [];
    for (;;) {
      const page = await pull(cursor, 2);
      years.push(...page.changes.map((c) => (c.change.kind === 'calendar' ? c.change.data.year : 0)));
      pages.push(page.more);
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(years).toEqual([2025, 2026, 2027, 2028, 2029]);
    expect(pages).toEqual([true, true, false]);
    expect(await pull(cursor, 2)).toEqual({ changes: [], cursor, more: false });
    expect((await pull('0', 100)).changes).toHaveLength(5);
  });

  it('refuses a cursor or limit it did not give, and a change that is not in the protocol', async () => {
    expect((await a.get(`${PATHS.changes}?since=abc`)).status).toBe(400);
    expect((await a.get(`${PATHS.changes}?since=0&limit=0`)).status).toBe(400);
    expect((await admin(t.sim, 'POST', '/admin/changes', { kind: 'calendar', data: { year: 'next' } })).status).toBe(400);
  });
});
