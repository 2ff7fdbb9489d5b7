import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract';
import { startPlatformSimulator, type PlatformSimulator } from '../../src-main/platform-sim/server';
import { STAFF } from './harness';
import { seededRandom } from '../../src-main/platform-sim/faults';
import { countSimulatorOutcomes, couple, overlaps, readStationFile, StationDown, StationProcess, waitFor, type StationFile } from './sync-stations';

/**
 * Three stations of one registration authority against a platform that fails a fifth of all requests
 * (errors, dropped connections, answers lost after the commit, requests processed twice, pushes
 * processed out of order), each station killed with SIGKILL at random moments while it registers and
 * delivers, and started again on its data. In the end every registration is on the platform exactly
 * once, no 字号 is issued twice, and every outbox is delivered.
 *
 * Replay a failing run with its seeds: CIVREG_CHAOS_SEED (kill points and delays; default below) and
 * the simulator's fault seed derived from it.
 */
const SEED = Number(process.env.CIVREG_CHAOS_SEED ?? 20261124);
const STATIONS = 3;
const PER_STATION = Number(process.env.CIVREG_CHAOS_REGISTRATIONS ?? 500);
const BLOCK_SIZE = 20;
const KILLS_PER_STATION = 3;
const AUTHORITY = '442000';
const secretOf = (i: number): string => Buffer.alloc(32, 0x41 + i).toString('base64');
const OVERRIDE = { username: STAFF.reviewer.username, password: STAFF.reviewer.password, reason: '省级平台暂时无法连接，经审核员核对当事人声明后先行登记' };
const declared = { declarationSigned: true, consentConfirmed: true } as const;

interface Kill {
  station: string;
  /** The registration (0-based, at that station) during or after which the process was killed. */
  at: number;
  mode: 'mid-call' | 'after-commit';
  /** The outbox just before the kill. */
  pending: number;
}

interface Tally {
  certificates: Map<string, number>;
  /** Registrations whose answer a kill cut off (or that were killed right after the commit), found committed on retry ("already married here"). */
  recovered: number;
  /** Refused with 字号已用完 and retried. */
  serialWaits: number;
  /** Registered on the reviewer's override (the check could not reach the platform). */
  overrides: number;
}

const MARRIED_HERE = /已有在本机关登记且未解除的婚姻（结婚证字号 ([A-Z0-9-]+)）/;

/**
 * One couple at the counter: 审查 (marriage.check), then 登记 with the reviewer's override at hand (used
 * only when the check could not ask the platform). A call cut off by a kill starts over once the
 * station is back: if the registration had committed, the check now finds the marriage here.
 *
 * `killAfterCommit`: the registration commits, then the station is killed and its answer is treated as
 * never heard (the window between the commit and the answer, made wide): the retry must find it.
 */
async function registerCouple(st: StationProcess, n: number, tally: Tally, killAfterCommit?: () => Promise<void>): Promise<string> {
  const parties = couple(n);
  let unheard: string | null = null;
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      const check = await st.call('marriage.check', parties);
      const here = MARRIED_HERE.exec(check.problems.join('；'));
      if (here) {
        if (unheard !== null && here[1] !== unheard) throw new Error(`couple ${n}: registered as ${unheard}, found again as ${here[1]}`);
        tally.recovered++;
        return here[1];
      }
      if (unheard !== null) throw new Error(`couple ${n}: ${unheard} committed before the kill, but the station does not know it after the restart`);
      if (!check.ok) throw new Error(`couple ${n} refused at the check: ${check.problems.join('；')}`);
      const r = await st.call('marriage.register', { ...parties, ...declared, platformOverride: OVERRIDE });
      if (!r.platformChecked) tally.overrides++;
      if (killAfterCommit && unheard === null) {
        unheard = r.certificateNumber;
        await killAfterCommit();
        continue;
      }
      return r.certificateNumber;
    } catch (err) {
      if (err instanceof StationDown) continue;
      if (err instanceof AppError && err.message.includes('字号已用完')) {
        tally.serialWaits++;
        await sleep(50);
        continue;
      }
      const here = err instanceof AppError ? MARRIED_HERE.exec(err.message) : null;
      if (here) {
        tally.recovered++;
        return here[1];
      }
      throw err;
    }
  }
  throw new Error(`couple ${n} at ${st.setup.name}: still not registered after 200 attempts`);
}

describe('sync under chaos: three stations, faults on a fifth of all requests, processes killed', () => {
  const simDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civreg-e2e-chaos-sim-'));
  const faults = { faultRate: 0.2, latencyMs: { min: 0, max: 15 }, seed: SEED };
  let sim: PlatformSimulator;
  let stopCounting: (() => { requests: number; faults: Record<string, number> }) | null = null;
  const stations: StationProcess[] = Array.from(
    { length: STATIONS },
    (_, i) =>
      new StationProcess({
        name: `chaos-${i + 1}`,
        stationId: `GD-ZS-0${i + 1}`,
        officeName: '中山市民政局婚姻登记处',
        divisionCode: AUTHORITY,
        env: { CIVREG_SYNC_BACKOFF_MS: '20', CIVREG_SYNC_MAX_BACKOFF_MS: '500' },
      }),
  );

  beforeAll(async () => {
    stopCounting = countSimulatorOutcomes();
    sim = await startPlatformSimulator({
      dbFile: path.join(simDir, 'platform.sqlite'),
      port: 0,
      faults,
      seedStations: stations.map((s, i) => ({ stationId: s.setup.stationId, secret: secretOf(i) })),
    });
    await Promise.all(stations.map((s, i) => s.provision({ url: sim.url, secret: secretOf(i), blockSize: BLOCK_SIZE })));
  });

  afterAll(async () => {
    await Promise.all(stations.map((s) => s.stop()));
    await sim?.close();
    stopCounting?.();
    for (const s of stations) s.remove();
    fs.rmSync(simDir, { recursive: true, force: true });
  });

  it(`${PER_STATION} registrations per station reach the platform exactly once, with no 字号 issued twice`, { timeout: 600_000 }, async () => {
    const started = Date.now();
    const rand = seededRandom(SEED);
    const kills: Kill[] = [];
    const tallies: Tally[] = stations.map(() => ({ certificates: new Map(), recovered: 0, serialWaits: 0, overrides: 0 }));

    // Where each station is killed: once in each third of its run, alternately right after a
    // registration committed (its answer then counts as lost) and while a call is in flight (a random
    // few ms into the couple's check and registration).
    const plans = stations.map(() => {
      const plan = new Map<number, { mode: Kill['mode']; delayMs: number }>();
      for (let k = 0; k < KILLS_PER_STATION; k++) {
        const from = Math.floor((PER_STATION * (k + 0.2)) / KILLS_PER_STATION);
        const span = Math.max(1, Math.floor((PER_STATION * 0.6) / KILLS_PER_STATION));
        plan.set(from + Math.floor(rand() * span), { mode: k % 2 === 0 ? 'after-commit' : 'mid-call', delayMs: Math.floor(rand() * 40) });
      }
      return plan;
    });

    const kill = async (st: StationProcess, at: number, mode: Kill['mode']): Promise<void> => {
      kills.push({ station: st.setup.name, at, mode, pending: st.outboxCounts().pending ?? 0 });
      await st.crash();
    };

    await Promise.all(
      stations.map(async (st, s) => {
        const tally = tallies[s];
        const inFlightKills: Promise<void>[] = [];
        for (let i = 0; i < PER_STATION; i++) {
          const n = s * PER_STATION + i;
          const planned = plans[s].get(i);
          let cert: string;
          if (planned?.mode === 'mid-call') {
            const timer = sleep(planned.delayMs).then(() => kill(st, i, 'mid-call'));
            inFlightKills.push(timer);
            cert = await registerCouple(st, n, tally);
          } else if (planned?.mode === 'after-commit') {
            cert = await registerCouple(st, n, tally, () => kill(st, i, 'after-commit'));
          } else {
            cert = await registerCouple(st, n, tally);
          }
          if (tally.certificates.has(cert)) throw new Error(`${st.setup.name}: ${cert} returned for couples ${tally.certificates.get(cert)} and ${n}`);
          tally.certificates.set(cert, n);
        }
        await Promise.all(inFlightKills);
      }),
    );
    const registeredAt = Date.now();

    // The platform recovers: every station delivers everything and re-checks its overrides.
    sim.setFaults({});
    await Promise.all(stations.map((st) => st.call('sync.wake', {}, 'admin')));
    const final = await Promise.all(
      stations.map((st) =>
        waitFor(
          `${st.setup.name} to drain its outbox and re-check its overrides`,
          async () => {
            const o = await st.call('sync.overview', {}, 'admin');
            const drained = o.counts.pending === 0 && o.counts.parked === 0 && o.counts.held === 0 && o.unchecked.length === 0;
            if (!drained) await st.call('sync.wake', {}, 'admin');
            return drained ? o : undefined;
          },
          120_000,
          250,
        ),
      ),
    );
    const drainedAt = Date.now();
    for (const o of final) expect(o).toMatchObject({ online: true, lastError: null, blocked: 0 });
    await Promise.all(stations.map((st) => st.stop()));
    const counted = stopCounting!();
    stopCounting = null;

    // ——— what the stations' files and the platform's store say ———
    const files: StationFile[] = stations.map((st) => readStationFile(st.dbFile));
    const all = new Map<string, string>();
    stations.forEach((st, s) => {
      const inFile = files[s].marriages.map((m) => m.certificateNumber);
      // Nothing the counter was told is lost, and nothing it was not told is there.
      expect(new Set(inFile)).toEqual(new Set(tallies[s].certificates.keys()));
      expect(inFile).toHaveLength(PER_STATION);
      for (const c of inFile) {
        expect(all.has(c), `${c} issued by ${all.get(c)} and ${st.setup.stationId}`).toBe(false);
        all.set(c, st.setup.stationId);
      }
      // Every event delivered; registrations made on the override were re-checked without a conflict.
      expect(files[s].outbox.filter((e) => e.status !== 'delivered')).toEqual([]);
      expect(files[s].marriages.filter((m) => !m.platformChecked || m.platformConflict !== null)).toEqual([]);
    });
    expect(all.size).toBe(STATIONS * PER_STATION);
    expect(new Set(files.flatMap((f) => f.marriages.flatMap((m) => [m.party1IdNumber, m.party2IdNumber]))).size).toBe(2 * STATIONS * PER_STATION);

    const events = sim.store.events({ limit: 1_000_000 });
    expect(events.filter((e) => e.status !== 'accepted').map((e) => `${e.stationId} ${e.eventType} ${e.recordId}: ${e.code} ${e.reason}`)).toEqual([]);
    const registered = events.filter((e) => e.eventType === 'marriage.registered');
    expect(registered).toHaveLength(STATIONS * PER_STATION);
    expect(new Map(registered.map((e) => [e.recordId, e.stationId]))).toEqual(all);
    expect(sim.store.summary()).toMatchObject({ marriages: STATIONS * PER_STATION, events: { rejected: 0 } });
    stations.forEach((st, s) => {
      // The platform holds each delivered event once, under the event id and sequence the station gave it.
      const mine = events.filter((e) => e.stationId === st.setup.stationId).map((e) => `${e.eventId}@${e.stationSeq}`);
      expect(new Set(mine)).toEqual(new Set(files[s].outbox.map((e) => `${e.eventId}@${e.id}`)));
      expect(mine).toHaveLength(files[s].outbox.length);
    });

    // Serial blocks: none overlap; each station's leases are the platform's blocks for it; every 字号
    // a station issued lies in one of its own blocks.
    const blocks = sim.store.serialBlocks();
    expect(overlaps(blocks, (b) => `${b.authority}/${b.prefix}/${b.year}`)).toEqual([]);
    stations.forEach((st, s) => {
      const platformSide = blocks.filter((b) => b.stationId === st.setup.stationId).map((b) => `${b.blockId} ${b.prefix} ${b.first}-${b.last}`);
      const stationSide = files[s].leases.filter((l) => l.blockId !== null).map((l) => `${l.blockId} ${l.prefix} ${l.first}-${l.last}`);
      expect(new Set(stationSide)).toEqual(new Set(platformSide));
      const own = blocks.filter((b) => b.stationId === st.setup.stationId && b.prefix === 'J');
      for (const m of files[s].marriages) {
        const serial = Number(/-(\d+)$/.exec(m.certificateNumber)![1]);
        expect(
          own.some((b) => serial >= b.first && serial <= b.last),
          `${m.certificateNumber} outside ${st.setup.stationId}'s blocks`,
        ).toBe(true);
      }
    });

    expect(kills.filter((k) => k.mode === 'mid-call').length).toBeGreaterThan(0);
    for (const st of stations) expect(kills.filter((k) => k.station === st.setup.name).length).toBeGreaterThanOrEqual(2);
    expect(kills.some((k) => k.pending > 0)).toBe(true);
    // Each registration killed right after its commit was found again on the retry, and counted once.
    expect(tallies.reduce((a, t) => a + t.recovered, 0)).toBeGreaterThanOrEqual(kills.filter((k) => k.mode === 'after-commit').length);

    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      [
        `sync chaos (seed ${SEED}, fault seed ${sim.faults().seed}, faultRate ${faults.faultRate}, latency ${faults.latencyMs.min}–${faults.latencyMs.max} ms, block size ${BLOCK_SIZE}):`,
        `  registrations: ${all.size} (${stations.map((st, s) => `${st.setup.stationId} ${tallies[s].certificates.size}`).join(', ')})`,
        `  on the reviewer's override (check could not reach the platform): ${tallies.reduce((a, t) => a + t.overrides, 0)}; committed before a kill and found on retry: ${tallies.reduce((a, t) => a + t.recovered, 0)}; 字号已用完 retries: ${tallies.reduce((a, t) => a + t.serialWaits, 0)}`,
        `  kills: ${kills.length} (${kills.map((k) => `${k.station}@${k.at} ${k.mode} pending=${k.pending}`).join('; ')}); process starts: ${stations.map((st) => st.starts).join('/')}`,
        `  platform requests: ${counted.requests}; faults injected: ${JSON.stringify(counted.faults)}`,
        `  platform: ${events.length} events accepted, ${blocks.length} serial blocks (${blocks.filter((b) => b.prefix === 'J').length} J)`,
        `  duration: registering ${seconds(registeredAt - started)}, draining ${seconds(drainedAt - registeredAt)}, total ${seconds(Date.now() - started)}`,
      ].join('\n'),
    );
  });
});
