import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { HEADERS } from '../platform/protocol';
import { logEvent } from '../core/log';
import { handleAdmin } from './admin-api';
import { FaultInjector, type FaultKind, type FaultSettings } from './faults';
import { SimError, readBody, sendJson } from './http-io';
import { authenticate } from './stations';
import { stationRoute, type StationRequest } from './station-api';
import { SimStore } from './store';

/**
 * The provincial platform simulator: the CivReg protocol (platform/protocol.ts) over plain node:http, on
 * its own SQLite file, with faults injected on purpose. Each /v1 request is one transaction — its
 * authentication (the nonce), its events, its lease — so it happens entirely or not at all.
 */
export interface PlatformSimulatorOptions {
  dbFile: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  faults?: FaultSettings;
  /** The clock the platform runs on (tests fix it); the clockSkewMs fault is added to it. */
  clock?: () => Date;
  /** Stations provisioned at start (a known one gets this secret and is active again). */
  seedStations?: { stationId: string; secret: string }[];
  /** ID numbers cancelled by the public security bureau, added at start. */
  cancelledIds?: string[];
  /** The admin API's token; random when not given. */
  adminToken?: string;
}

export interface PlatformSimulator {
  url: string;
  port: number;
  adminToken: string;
  store: SimStore;
  /** The platform's clock, skew included. */
  now(): Date;
  /** The fault settings in force, with the generator's seed (to replay a run). */
  faults(): FaultSettings;
  /** Replaces the fault settings; returns them as in force. */
  setFaults(f: FaultSettings): FaultSettings;
  close(): Promise<void>;
}

export async function startPlatformSimulator(options: PlatformSimulatorOptions): Promise<PlatformSimulator> {
  const faults = new FaultInjector(options.faults);
  const store = new SimStore(options.dbFile);
  try {
    for (const s of options.seedStations ?? []) store.provisionStation(s.stationId, s.secret);
    for (const id of options.cancelledIds ?? []) store.cancelIdNumber(id);
  } catch (err) {
    store.close();
    throw err;
  }
  const adminToken = options.adminToken ?? randomBytes(18).toString('base64url');
  const clock = options.clock ?? (() => new Date());
  const now = () => new Date(clock().getTime() + faults.clockSkewMs);
  let closed = false;

  async function handleStation(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<string> {
    if (faults.down) {
      req.socket.destroy();
      return 'down';
    }
    const version = req.headers[HEADERS.version];
    const route = stationRoute(req.method ?? '', url.pathname, typeof version === 'string' ? version : undefined);
    const body = await readBody(req);
    const latency = faults.latencyMs();
    if (latency > 0) await sleep(latency);
    const fault: FaultKind | null = faults.pick();
    if (closed || fault === 'drop') {
      req.socket.destroy();
      return 'dropped';
    }
    if (fault === 'error') {
      const status = faults.errorStatus();
      sendJson(res, status, new SimError(status, 'UNAVAILABLE', '省级平台暂时不可用（模拟故障），请稍后重试').body());
      return `${status} error`;
    }
    const at = now();
    const request = (stationId: string, order: StationRequest['order']): StationRequest => ({ db: store.db, stationId, now: at, query: url.searchParams, body, order });
    const inOrder = (n: number) => Array.from({ length: n }, (_, i) => i);
    let stationId = '';
    const answer = store.transaction(() => {
      // The signature covers the path exactly as sent, query included.
      stationId = authenticate(store.db, req.headers, req.method ?? '', req.url ?? '', body, at);
      return route.handle(request(stationId, fault === 'reorder' ? (n) => faults.permutation(n) : inOrder));
    });
    // A second delivery, as a retry with a fresh signature would be: idempotency must make it a no-op.
    if (fault === 'duplicate') store.transaction(() => route.handle(request(stationId, inOrder)));
    if (fault === 'lostResponse') {
      req.socket.destroy();
      return `${stationId} lost response`;
    }
    sendJson(res, 200, answer);
    return `${stationId} 200${fault ? ` ${fault}` : ''}`;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://platform.invalid');
    let outcome: string;
    try {
      if (url.pathname.startsWith('/admin/')) {
        const body = await readBody(req);
        sendJson(res, 200, handleAdmin({ store, faults, token: adminToken, now }, req, url, body));
        outcome = '200';
      } else {
        outcome = await handleStation(req, res, url);
      }
    } catch (err) {
      const e = err instanceof SimError ? err : new SimError(500, 'INTERNAL', '省级平台内部错误');
      if (!(err instanceof SimError)) logEvent('platformSim.error', { path: url.pathname, error: err instanceof Error ? err.name : 'unknown' });
      // After a 413 the rest of the body is not read: close rather than drain it.
      sendJson(res, e.status, e.body(), e.status === 413 ? { connection: 'close' } : {});
      outcome = `${e.status} ${e.code}`;
    }
    // Paths and codes only: no query values, bodies, names or ID numbers reach the log.
    logEvent('platformSim.request', { method: req.method ?? '', path: url.pathname, outcome, ms: Date.now() - started });
  }

  const server = http.createServer((req, res) => void handle(req, res));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
    });
  } catch (err) {
    store.close();
    throw err;
  }
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    port,
    adminToken,
    store,
    now,
    faults: () => faults.current(),
    setFaults: (f) => {
      faults.set(f);
      return faults.current();
    },
    close: () =>
      new Promise<void>((done) => {
        closed = true;
        server.close(() => {
          store.close();
          done();
        });
        // Keep-alive connections would hold close() open indefinitely.
        server.closeAllConnections();
      }),
  };
}
