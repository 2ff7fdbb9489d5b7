import type Database from 'better-sqlite3';
import type http from 'node:http';
import { HEADERS } from '../platform/protocol';
import { MAX_CLOCK_SKEW_MS, newStationSecret, sign, signatureMatches } from '../platform/signing';
import { SimError } from './http-io';

/**
 * The stations the platform knows, and the check every /v1 request passes: a known, unrevoked station,
 * a signature by its secret, a timestamp within five minutes of the platform's clock, a nonce not seen
 * from that station within the window. Nonces are kept for twice the window: a replayed request older
 * than that already fails the timestamp check.
 */
const NONCE_KEEP_MS = 2 * MAX_CLOCK_SKEW_MS;

/** Station ids travel in a header and in admin paths: letters, digits, '.', '_' and '-'. */
const STATION_ID = /^[\w.-]{1,64}$/;

/** Registers a station, or gives a known one a new secret and lifts its revocation. Returns the secret. */
export function provisionStation(db: Database.Database, stationId: string, secret = newStationSecret()): string {
  if (!STATION_ID.test(stationId)) throw new SimError(400, 'MALFORMED', '工作站编号（stationId）只能由字母、数字、“.”、“_”和“-”组成，最长 64 位');
  if (Buffer.from(secret, 'base64').length < 16) throw new SimError(400, 'MALFORMED', '工作站密钥（secret）应为至少 16 字节的 base64');
  db.prepare(
    `INSERT INTO stations (station_id, secret, revoked_at) VALUES (?, ?, NULL)
     ON CONFLICT (station_id) DO UPDATE SET secret = excluded.secret, revoked_at = NULL`,
  ).run(stationId, secret);
  return secret;
}

/** Revokes a station (a second revocation keeps the first date); its revocation instant, or null when it is not known. */
export function revokeStation(db: Database.Database, stationId: string, at: string): string | null {
  db.prepare('UPDATE stations SET revoked_at = ? WHERE station_id = ? AND revoked_at IS NULL').run(at, stationId);
  const row = db.prepare('SELECT revoked_at AS revokedAt FROM stations WHERE station_id = ?').get(stationId) as { revokedAt: string } | undefined;
  return row?.revokedAt ?? null;
}

function header(headers: http.IncomingHttpHeaders, name: string): string {
  const v = headers[name];
  return typeof v === 'string' ? v : '';
}

/**
 * The station that signed this request, or a SimError. Runs inside the request's transaction: the nonce
 * is recorded only with the rest of the request, and only once the signature proved the station sent it
 * (a forger cannot burn a station's nonces).
 */
export function authenticate(db: Database.Database, headers: http.IncomingHttpHeaders, method: string, path: string, body: string, now: Date): string {
  const stationId = header(headers, HEADERS.station);
  const timestamp = header(headers, HEADERS.timestamp);
  const nonce = header(headers, HEADERS.nonce);
  const signature = header(headers, HEADERS.signature);
  const station = db.prepare('SELECT secret, revoked_at AS revokedAt FROM stations WHERE station_id = ?').get(stationId) as
    | { secret: string; revokedAt: string | null }
    | undefined;
  if (!station) throw new SimError(401, 'UNKNOWN_STATION', `未登记的工作站：${stationId || '（请求未带工作站编号）'}`);
  if (station.revokedAt) throw new SimError(403, 'REVOKED_STATION', `工作站 ${stationId} 已于 ${station.revokedAt} 被停用，请联系省级平台管理员`);
  if (!timestamp || !nonce || nonce.length > 128 || !/^[0-9a-f]+$/i.test(signature)) {
    throw new SimError(401, 'BAD_SIGNATURE', '请求缺少时间戳、随机数或签名');
  }
  if (!signatureMatches(sign(station.secret, method, path, timestamp, nonce, body), signature)) {
    throw new SimError(401, 'BAD_SIGNATURE', '请求签名不正确：请核对工作站密钥，或请求在途中被改动');
  }
  const sentAt = Date.parse(timestamp);
  if (Number.isNaN(sentAt) || Math.abs(sentAt - now.getTime()) > MAX_CLOCK_SKEW_MS) {
    throw new SimError(401, 'CLOCK_SKEW', `请求时间 ${timestamp} 与平台时间 ${now.toISOString()} 相差超过 ${MAX_CLOCK_SKEW_MS / 60_000} 分钟，请校准工作站时钟`);
  }
  db.prepare('DELETE FROM seen_nonces WHERE seen_at < ?').run(now.getTime() - NONCE_KEEP_MS);
  const fresh = db.prepare('INSERT INTO seen_nonces (station_id, nonce, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(stationId, nonce, now.getTime());
  if (fresh.changes === 0) throw new SimError(401, 'REPLAYED_NONCE', '请求的随机数已使用过（重放的请求）');
  return stationId;
}
