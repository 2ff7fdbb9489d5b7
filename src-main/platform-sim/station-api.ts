import type Database from 'better-sqlite3';
import type { z } from 'zod';
import {
  PATHS,
  PROTOCOL_VERSION,
  funeralWaiverRequest,
  leaseRequest,
  maritalStatusRequest,
  pushRequest,
  type ChangesResponse,
  type FuneralWaiverResponse,
  type LeaseResponse,
  type MaritalStatusResponse,
  type PushResponse,
  type healthResponse,
} from '../platform/protocol';
import { changesSince, parseLimit } from './changes';
import { pushEvents } from './events';
import { SimError, parseBody } from './http-io';
import { funeralWaivers, maritalStatus } from './registry';
import { leaseBlock } from './serials';

/** One authenticated /v1 request, inside its transaction. */
export interface StationRequest {
  db: Database.Database;
  stationId: string;
  now: Date;
  query: URLSearchParams;
  body: string;
  /** The order in which a push's events are processed: 0..n-1, or shuffled by the reorder fault. */
  order(n: number): number[];
}

type StationResponse = PushResponse | ChangesResponse | MaritalStatusResponse | FuneralWaiverResponse | LeaseResponse | z.infer<typeof healthResponse>;

interface Route {
  method: 'GET' | 'POST';
  handle(r: StationRequest): StationResponse;
}

const ROUTES: Record<string, Route> = {
  [PATHS.events]: {
    method: 'POST',
    handle: (r) => {
      const { events } = parseBody(pushRequest, r.body);
      return { results: pushEvents(r.db, r.stationId, events, r.order(events.length), r.now.toISOString()) };
    },
  },
  [PATHS.changes]: { method: 'GET', handle: (r) => changesSince(r.db, r.query.get('since') ?? '', parseLimit(r.query.get('limit'))) },
  [PATHS.maritalStatus]: {
    method: 'POST',
    handle: (r) => {
      const q = parseBody(maritalStatusRequest, r.body);
      return maritalStatus(r.db, q.documentType, q.idNumber);
    },
  },
  [PATHS.funeralWaiver]: {
    method: 'POST',
    handle: (r) => {
      const q = parseBody(funeralWaiverRequest, r.body);
      return funeralWaivers(r.db, q.documentType, q.idNumber);
    },
  },
  [PATHS.leaseSerialBlock]: { method: 'POST', handle: (r) => leaseBlock(r.db, r.stationId, parseBody(leaseRequest, r.body), r.now.toISOString()) },
  [PATHS.health]: { method: 'GET', handle: (r) => ({ protocol: PROTOCOL_VERSION, time: r.now.toISOString() }) },
};

/** The route for a /v1 request, or the refusal that answers it before any authentication. */
export function stationRoute(method: string, pathname: string, protocolHeader: string | undefined): Route {
  const route = ROUTES[pathname];
  if (!route) throw new SimError(404, 'NOT_FOUND', `没有这个接口：${pathname}`);
  if (method !== route.method) throw new SimError(405, 'METHOD_NOT_ALLOWED', `${pathname} 只接受 ${route.method} 请求`);
  if (protocolHeader !== undefined && protocolHeader !== String(PROTOCOL_VERSION)) {
    throw new SimError(400, 'UNSUPPORTED_PROTOCOL', `不支持的协议版本 ${protocolHeader}（本平台为 ${PROTOCOL_VERSION}）`);
  }
  return route;
}
