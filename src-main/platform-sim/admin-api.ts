import { timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { z } from 'zod';
import { change } from '../platform/protocol';
import { faultSettingsSchema, type FaultInjector } from './faults';
import { SimError, parseBody } from './http-io';
import type { SimStore } from './store';

/**
 * The operator's API under /admin/, for demos, training and tests: provision and revoke stations, cancel
 * ID numbers, publish changes, set faults, look at what arrived. Every call carries the admin token
 * (header x-civreg-admin) printed at start. Faults never apply here, so a "down" platform can be revived.
 */
export const ADMIN_HEADER = 'x-civreg-admin';

export interface AdminContext {
  store: SimStore;
  faults: FaultInjector;
  token: string;
  now(): Date;
}

const provisionRequest = z.strictObject({ stationId: z.string(), secret: z.string().min(1).optional() });
const cancelRequest = z.strictObject({ idNumber: z.string().trim().min(1).max(20) });

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The answer to an admin request (status 200), or a SimError. */
export function handleAdmin(ctx: AdminContext, req: http.IncomingMessage, url: URL, body: string): unknown {
  if (!tokenMatches(req.headers[ADMIN_HEADER], ctx.token)) throw new SimError(401, 'BAD_ADMIN_TOKEN', '缺少或错误的管理令牌');
  const route = `${req.method ?? ''} ${url.pathname}`;
  const revoke = /^POST \/admin\/stations\/([^/]+)\/revoke$/.exec(route);
  if (revoke) {
    const stationId = revoke[1];
    const revokedAt = ctx.store.revokeStation(stationId, ctx.now());
    if (!revokedAt) throw new SimError(404, 'NOT_FOUND', `未登记的工作站：${stationId}`);
    return { stationId, revokedAt };
  }
  switch (route) {
    case 'GET /admin/summary':
      return ctx.store.summary();
    case 'GET /admin/events':
      return { events: ctx.store.events({ recordType: url.searchParams.get('recordType') ?? undefined }) };
    case 'GET /admin/serials':
      return { blocks: ctx.store.serialBlocks() };
    case 'POST /admin/stations': {
      const { stationId, secret } = parseBody(provisionRequest, body);
      return { stationId, secret: ctx.store.provisionStation(stationId, secret) };
    }
    case 'POST /admin/changes':
      return { cursor: ctx.store.publishChange(parseBody(change, body), ctx.now()) };
    case 'POST /admin/cancelled-ids':
      ctx.store.cancelIdNumber(parseBody(cancelRequest, body).idNumber);
      return { ok: true };
    case 'PUT /admin/faults':
      ctx.faults.set(parseBody(faultSettingsSchema, body));
      return ctx.faults.current();
    default:
      throw new SimError(404, 'NOT_FOUND', `没有这个管理接口：${route}`);
  }
}
