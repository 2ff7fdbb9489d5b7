import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { HEADERS } from './protocol';

/**
 * Request signing for the platform protocol: HMAC-SHA256, keyed by the station's secret (provisioned when
 * the station is registered with the platform), over the method, path (with query), timestamp, nonce and
 * the SHA-256 of the body. The platform refuses a bad signature, a timestamp more than five minutes from
 * its clock and a nonce it has seen within that window.
 */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

function bodyHash(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

function canonicalRequest(method: string, path: string, timestamp: string, nonce: string, body: string): string {
  return [method.toUpperCase(), path, timestamp, nonce, bodyHash(body)].join('\n');
}

export function sign(secret: string, method: string, path: string, timestamp: string, nonce: string, body: string): string {
  return createHmac('sha256', Buffer.from(secret, 'base64')).update(canonicalRequest(method, path, timestamp, nonce, body)).digest('hex');
}

export function signatureMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'hex');
  const b = Buffer.from(given, 'hex');
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}

/** A new station secret: 32 random bytes, base64. */
export function newStationSecret(): string {
  return randomBytes(32).toString('base64');
}

/** The headers for one request, signed at `now`. */
export function signedHeaders(stationId: string, secret: string, method: string, path: string, body: string, now: Date): Record<string, string> {
  const timestamp = now.toISOString();
  const nonce = randomBytes(16).toString('hex');
  return {
    [HEADERS.station]: stationId,
    [HEADERS.timestamp]: timestamp,
    [HEADERS.nonce]: nonce,
    [HEADERS.signature]: sign(secret, method, path, timestamp, nonce, body),
  };
}
