import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { signedHeaders } from '../../src-main/platform/signing';
import { ADMIN_HEADER } from '../../src-main/platform-sim/admin-api';
import { startPlatformSimulator, type PlatformSimulator, type PlatformSimulatorOptions } from '../../src-main/platform-sim/server';

/**
 * A tiny signed client for the simulator's tests (the station's real adapter lives elsewhere): it signs
 * with platform/signing.ts, sends with node:http so a dropped connection shows as a socket error, and
 * lets a test reuse or alter headers to play an attacker.
 */
export const T0 = new Date('2025-03-10T01:00:00.000Z');
export const STATION_A = { stationId: 'ST-A', secret: Buffer.alloc(32, 1).toString('base64') };
export const STATION_B = { stationId: 'ST-B', secret: Buffer.alloc(32, 2).toString('base64') };

export interface Reply<T = unknown> {
  status: number;
  body: T;
}

export interface TestSim {
  sim: PlatformSimulator;
  dir: string;
  /** Moves the platform's fixed clock. */
  setClock(at: Date): void;
  stop(): Promise<void>;
}

export async function startTestSim(options: Partial<PlatformSimulatorOptions> = {}): Promise<TestSim> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civreg-platform-sim-'));
  let now = T0;
  const sim = await startPlatformSimulator({
    dbFile: path.join(dir, 'platform.sqlite'),
    clock: () => now,
    seedStations: [STATION_A, STATION_B],
    adminToken: 'test-admin-token',
    faults: { seed: 1 },
    ...options,
  });
  return {
    sim,
    dir,
    setClock: (at) => {
      now = at;
    },
    stop: async () => {
      await sim.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One HTTP exchange; rejects when the connection closes without an answer. */
export function rawRequest(url: string, method: string, requestPath: string, headers: Record<string, string>, body = ''): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}${requestPath}`, { method, headers: { 'content-type': 'application/json', ...headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : null });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export class SimClient {
  constructor(
    private readonly url: string,
    private readonly station: { stationId: string; secret: string },
    /** The station's clock; by default the platform's fixed start. */
    public now: Date = T0,
  ) {}

  /** The signed headers for a request, for a test that sends them itself (a replay, a tampered body). */
  headers(method: string, requestPath: string, body: string, at = this.now): Record<string, string> {
    return signedHeaders(this.station.stationId, this.station.secret, method, requestPath, body, at);
  }

  async request<T = unknown>(method: 'GET' | 'POST', requestPath: string, payload?: unknown): Promise<Reply<T>> {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    return (await rawRequest(this.url, method, requestPath, this.headers(method, requestPath, body), body)) as Reply<T>;
  }

  post<T = unknown>(requestPath: string, payload: unknown): Promise<Reply<T>> {
    return this.request<T>('POST', requestPath, payload);
  }

  get<T = unknown>(requestPath: string): Promise<Reply<T>> {
    return this.request<T>('GET', requestPath);
  }
}

export function admin<T = unknown>(sim: PlatformSimulator, method: 'GET' | 'POST' | 'PUT', requestPath: string, payload?: unknown): Promise<Reply<T>> {
  const body = payload === undefined ? '' : JSON.stringify(payload);
  return rawRequest(sim.url, method, requestPath, { [ADMIN_HEADER]: sim.adminToken }, body) as Promise<Reply<T>>;
}
