import type { z } from 'zod';
import { PlatformRefused, PlatformUnavailable, type PlatformPort } from './port';
import {
  HEADERS,
  PATHS,
  PROTOCOL_VERSION,
  changesResponse,
  errorResponse,
  funeralWaiverResponse,
  leaseResponse,
  maritalStatusResponse,
  pushResponse,
  type LeaseRequest,
  type WireEvent,
} from './protocol';
import { signedHeaders } from './signing';

export interface HttpPlatformOptions {
  url: string;
  stationId: string;
  secret: string;
  clock: () => Date;
}

/** For pushes, pulls and leases; the online checks pass their own, shorter one. */
const TIMEOUT_MS = 15_000;

/**
 * The adapter for the CivReg platform protocol (protocol.ts) over HTTP. Anything but a well-formed
 * answer is PlatformUnavailable — a 5xx, a timeout, a reset connection, a body that is not the schema —
 * so a broken answer is never taken for success. 401/403 are PlatformRefused (the station's credentials
 * or clock need a person); 4xx otherwise is a protocol mismatch, also a refusal.
 */
export class HttpPlatform implements PlatformPort {
  private readonly base: string;

  constructor(private readonly opts: HttpPlatformOptions) {
    this.base = opts.url.replace(/\/+$/, '');
  }

  pushEvents(events: WireEvent[]): ReturnType<PlatformPort['pushEvents']> {
    return this.request('POST', PATHS.events, { events }, pushResponse, TIMEOUT_MS).then((answer) => {
      // One result per event sent, for exactly those events: otherwise nothing in the answer can be trusted.
      const sent = new Set(events.map((e) => e.eventId));
      const answered = new Set(answer.results.map((r) => r.eventId));
      if (answer.results.length !== events.length || answered.size !== sent.size || [...sent].some((id) => !answered.has(id))) {
        throw new PlatformUnavailable('平台的答复与所发送的事件不对应');
      }
      return answer;
    });
  }

  pullChanges(cursor: string, limit: number): ReturnType<PlatformPort['pullChanges']> {
    const query = `?since=${encodeURIComponent(cursor)}&limit=${limit}`;
    return this.request('GET', PATHS.changes + query, undefined, changesResponse, TIMEOUT_MS);
  }

  maritalStatus(documentType: string, idNumber: string, timeoutMs: number): ReturnType<PlatformPort['maritalStatus']> {
    return this.request('POST', PATHS.maritalStatus, { documentType, idNumber }, maritalStatusResponse, timeoutMs);
  }

  funeralWaivers(documentType: string, idNumber: string, timeoutMs: number): ReturnType<PlatformPort['funeralWaivers']> {
    return this.request('POST', PATHS.funeralWaiver, { documentType, idNumber }, funeralWaiverResponse, timeoutMs);
  }

  leaseSerialBlock(request: LeaseRequest): ReturnType<PlatformPort['leaseSerialBlock']> {
    return this.request('POST', PATHS.leaseSerialBlock, request, leaseResponse, TIMEOUT_MS);
  }

  private async request<S extends z.ZodType>(method: 'GET' | 'POST', path: string, body: unknown, schema: S, timeoutMs: number): Promise<z.infer<S>> {
    const text = body === undefined ? '' : JSON.stringify(body);
    const headers: Record<string, string> = {
      ...signedHeaders(this.opts.stationId, this.opts.secret, method, path, text, this.opts.clock()),
      [HEADERS.version]: String(PROTOCOL_VERSION),
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    let raw: string;
    try {
      response = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : text, signal: AbortSignal.timeout(timeoutMs) });
      raw = await response.text();
    } catch (err) {
      const timedOut = (err as Error).name === 'TimeoutError';
      throw new PlatformUnavailable(timedOut ? `省级平台 ${Math.round(timeoutMs / 1000)} 秒内未答复` : '无法连接省级平台');
    }
    if (response.status >= 500) throw new PlatformUnavailable(`省级平台暂时不可用（HTTP ${response.status}）`);
    const parsed = parseJson(raw);
    if (response.status >= 400) {
      const error = errorResponse.safeParse(parsed);
      const code = error.success ? error.data.error.code : 'HTTP_' + response.status;
      const message = error.success ? error.data.error.message : `省级平台拒绝了请求（HTTP ${response.status}）`;
      throw new PlatformRefused(response.status, code, message);
    }
    const answer = schema.safeParse(parsed);
    if (!answer.success) throw new PlatformUnavailable('省级平台的答复格式不正确');
    return answer.data;
  }
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
