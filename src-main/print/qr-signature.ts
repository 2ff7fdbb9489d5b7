import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { QrPayload } from './render';

/**
 * The verification QR code's text: `CIVREG1|<json>|<signature>`. The JSON carries the station,
 * certificate number, names, date and office; the signature is Ed25519 by the issuing station
 * over the JSON's UTF-8 bytes, base64url. Plain UTF-8 JSON keeps the code small enough to
 * scan reliably at 17 mm.
 */
const PREFIX = 'CIVREG1';

export interface SignedFacts extends QrPayload {
  station: string;
}

export function newStationKeyPair(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
  };
}

export function privateKeyObject(base64: string): KeyObject {
  return createPrivateKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'pkcs8' });
}

export function publicKeyObject(base64: string): KeyObject {
  return createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
}

export function signFacts(facts: SignedFacts, privateKey: KeyObject): string {
  const json = JSON.stringify({ s: facts.station, n: facts.certificateNumber, p: facts.names, d: facts.date, o: facts.office });
  const signature = sign(null, Buffer.from(json, 'utf8'), privateKey).toString('base64url');
  return `${PREFIX}|${json}|${signature}`;
}

export type Verification =
  | { ok: true; facts: SignedFacts }
  | { ok: false; reason: string; facts?: SignedFacts };

/** Check a scanned QR text against the public keys known for its station (offline). */
export function verifyQrText(text: string, keysFor: (station: string) => KeyObject[]): Verification {
  const first = text.indexOf('|');
  const last = text.lastIndexOf('|');
  if (text.slice(0, first) !== PREFIX || first === last) return { ok: false, reason: '不是 CivReg 证书二维码' };
  const json = text.slice(first + 1, last);
  let raw: { s?: unknown; n?: unknown; p?: unknown; d?: unknown; o?: unknown };
  try {
    raw = JSON.parse(json) as typeof raw;
  } catch {
    return { ok: false, reason: '二维码内容已损坏（不是有效的数据）' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: '二维码内容已损坏（不是有效的数据）' };
  const facts: SignedFacts = {
    station: String(raw.s ?? ''),
    certificateNumber: String(raw.n ?? ''),
    names: Array.isArray(raw.p) ? raw.p.map(String) : [],
    date: String(raw.d ?? ''),
    office: String(raw.o ?? ''),
  };
  const keys = keysFor(facts.station);
  if (keys.length === 0) return { ok: false, reason: `不认识签发工作站 ${facts.station} 的公钥，无法核验`, facts };
  const signature = Buffer.from(text.slice(last + 1), 'base64url');
  const good = keys.some((k) => verify(null, Buffer.from(json, 'utf8'), k, signature));
  return good ? { ok: true, facts } : { ok: false, reason: '签名不符：二维码内容被改动或不是该工作站签发', facts };
}
