import type { KeyObject } from 'node:crypto';
import jsQR from 'jsqr';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FontChain } from '../../src-main/print/fonts';
import { renderPdf } from '../../src-main/print/render';
import { newStationKeyPair, privateKeyObject, publicKeyObject, signFacts, verifyQrText, type SignedFacts } from '../../src-main/print/qr-signature';
import { templateById } from '../../src-main/print/templates';
import { BLOCKS_NAME, MINORITY_NAME, marriageData, shippedChain, stationSigner } from './fixtures';
import { crop, rasterize, type Gray } from './raster';

/**
 * The certificate's verification QR code: signed by the issuing station (Ed25519), checked offline
 * against the station's public key. Any change to the facts or the signature fails; an unknown
 * station is reported; another station's key does not verify it.
 */

const STATION_A = 'S-110101-01';
const STATION_B = 'S-650102-03';
const FACTS: SignedFacts = {
  station: STATION_A,
  certificateNumber: 'J110101-2024-000123',
  names: [BLOCKS_NAME, MINORITY_NAME],
  date: '2024-05-20',
  office: '北京市东城区民政局',
};

let a: { publicKey: string; privateKey: string };
let b: { publicKey: string; privateKey: string };
let text: string;

beforeAll(() => {
  a = newStationKeyPair();
  b = newStationKeyPair();
  text = signFacts(FACTS, privateKeyObject(a.privateKey));
});

/** Public keys known per station, as the verifier's lookup. */
function keyring(entries: Record<string, string[]>): (station: string) => KeyObject[] {
  return (station) => (entries[station] ?? []).map(publicKeyObject);
}

/** Split `CIVREG1|<json>|<signature>`. */
function parts(t: string): { prefix: string; json: string; signature: string } {
  const first = t.indexOf('|');
  const last = t.lastIndexOf('|');
  return { prefix: t.slice(0, first), json: t.slice(first + 1, last), signature: t.slice(last + 1) };
}

/** The text with one byte of its UTF-8 encoding replaced (the result must still be valid UTF-8). */
function withByte(t: string, at: number, value: number): string {
  const bytes = Buffer.from(t, 'utf8');
  expect(bytes[at]).not.toBe(value);
  bytes[at] = value;
  const out = bytes.toString('utf8');
  expect(Buffer.from(out, 'utf8').equals(bytes), 'still valid UTF-8').toBe(true);
  return out;
}

describe('signFacts / verifyQrText', () => {
  it('a signed payload verifies with the station’s public key, giving back the facts', () => {
    const { prefix, json, signature } = parts(text);
    expect(prefix).toBe('CIVREG1');
    expect(JSON.parse(json)).toEqual({ s: STATION_A, n: FACTS.certificateNumber, p: FACTS.names, d: FACTS.date, o: FACTS.office });
    expect(Buffer.from(signature, 'base64url')).toHaveLength(64); // Ed25519
    const v = verifyQrText(text, keyring({ [STATION_A]: [a.publicKey] }));
    expect(v).toEqual({ ok: true, facts: FACTS });
  });

  it('verifies when the station has several keys (rotation) and one of them signed it', () => {
    const v = verifyQrText(text, keyring({ [STATION_A]: [b.publicKey, a.publicKey] }));
    expect(v.ok).toBe(true);
  });

  it('one byte changed in the JSON (a digit of the certificate number) does not verify', () => {
    const at = Buffer.from(text, 'utf8').indexOf(Buffer.from('000123')) + 5; // the '3'
    const changed = withByte(text, at, '4'.charCodeAt(0));
    expect(parts(changed).json).toContain('000124');
    const v = verifyQrText(changed, keyring({ [STATION_A]: [a.publicKey] }));
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.reason).toContain('签名不符');
      expect(v.facts?.certificateNumber).toBe('J110101-2024-000124');
    }
  });

  it('one byte changed in a name (inside a multi-byte character) does not verify', () => {
    // 张 is E5 BC A0 in UTF-8; E5 BC A1 is 弡.
    const at = Buffer.from(text, 'utf8').indexOf(Buffer.from('张', 'utf8')) + 2;
    const changed = withByte(text, at, 0xa1);
    expect(parts(changed).json).toContain('弡');
    expect(verifyQrText(changed, keyring({ [STATION_A]: [a.publicKey] })).ok).toBe(false);
  });

  it('one byte changed in the JSON that breaks the JSON is reported as damaged', () => {
    const at = Buffer.from(text, 'utf8').indexOf('{');
    const v = verifyQrText(withByte(text, at, '['.charCodeAt(0)), keyring({ [STATION_A]: [a.publicKey] }));
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toContain('损坏');
  });

  it('one byte of the signature changed does not verify', () => {
    const { prefix, json, signature } = parts(text);
    const sig = Buffer.from(signature, 'base64url');
    for (const i of [0, 31, 63]) {
      const bad = Buffer.from(sig);
      bad[i] ^= 0x01;
      const changed = `${prefix}|${json}|${bad.toString('base64url')}`;
      const v = verifyQrText(changed, keyring({ [STATION_A]: [a.publicKey] }));
      expect(v.ok, `signature byte ${i}`).toBe(false);
      if (!v.ok) expect(v.reason).toContain('签名不符');
    }
  });

  it('a truncated or missing signature does not verify', () => {
    const { prefix, json, signature } = parts(text);
    for (const sig of [signature.slice(0, 40), '']) expect(verifyQrText(`${prefix}|${json}|${sig}`, keyring({ [STATION_A]: [a.publicKey] })).ok).toBe(false);
  });

  it('an unknown station is reported, naming it', () => {
    const v = verifyQrText(text, keyring({ [STATION_B]: [b.publicKey] }));
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.reason).toContain(STATION_A);
      expect(v.reason).toContain('不认识');
      expect(v.facts?.station).toBe(STATION_A);
    }
  });

  it('a key from another station does not verify it', () => {
    const v = verifyQrText(text, keyring({ [STATION_A]: [b.publicKey] }));
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toContain('签名不符');
  });

  it('the payload re-signed by another station under station A’s name does not verify with A’s key', () => {
    const forged = signFacts(FACTS, privateKeyObject(b.privateKey));
    expect(verifyQrText(forged, keyring({ [STATION_A]: [a.publicKey] })).ok).toBe(false);
  });

  it('text that is not a CivReg code is refused', () => {
    const keys = keyring({ [STATION_A]: [a.publicKey] });
    for (const t of ['', 'https://example.com/', 'CIVREG1', `CIVREG2${text.slice(7)}`, `CIVREG1|${parts(text).json}`]) {
      const v = verifyQrText(t, keys);
      expect(v.ok, t).toBe(false);
    }
    const v = verifyQrText('https://example.com/', keys);
    if (!v.ok) expect(v.reason).toContain('不是 CivReg 证书二维码');
  });
});

describe('the QR code printed on the certificate', () => {
  let chain: FontChain;
  beforeAll(() => {
    chain = shippedChain();
  });

  /** jsQR over a grey raster. */
  function readQr(img: Gray): string | null {
    const rgba = new Uint8ClampedArray(img.width * img.height * 4);
    for (let i = 0; i < img.data.length; i++) {
      rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = img.data[i];
      rgba[4 * i + 3] = 255;
    }
    return jsQR(rgba, img.width, img.height)?.data ?? null;
  }

  it('carries the certificate’s facts, signed by the station, and scans back to a verifiable text', async () => {
    const signer = stationSigner(STATION_A);
    const data = marriageData({ party1Name: BLOCKS_NAME, party2Name: '王䶮' });
    const pdf = await renderPdf(templateById('marriage-certificate'), data, { fonts: chain, signQr: signer.signQr });

    expect(signer.signed).toHaveLength(1);
    expect(signer.signed[0].payload).toEqual({
      certificateNumber: data.certificateNumber,
      names: [data.party1Name, data.party2Name],
      date: data.registrationDate,
      office: data.office,
    });

    // Scan the printed code (QR field at 73,100 mm, 17 mm square) from a 600 dpi raster.
    const [page] = rasterize(pdf, 600);
    const scanned = readQr(crop(page, { x: 71, y: 98, width: 21, height: 21 }));
    expect(scanned).toBe(signer.signed[0].text);
    const v = verifyQrText(scanned!, keyring({ [STATION_A]: [signer.publicKey] }));
    expect(v).toEqual({ ok: true, facts: { station: STATION_A, ...signer.signed[0].payload } });
  });

  it('a certificate template without a signer is refused before anything is drawn', async () => {
    await expect(renderPdf(templateById('marriage-certificate'), marriageData(), { fonts: chain })).rejects.toThrow();
  });
});
