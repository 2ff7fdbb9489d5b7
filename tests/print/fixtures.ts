import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FontChain, loadFont, shippedFontSources } from '../../src-main/print/fonts';
import type { QrPayload } from '../../src-main/print/render';
import { newStationKeyPair, privateKeyObject, signFacts } from '../../src-main/print/qr-signature';
import type { Field, Template } from '../../src-main/print/template';
import { PT_PER_MM } from '../../src-main/print/units';
import type { BoxMm } from './raster';

/** The shipped fallback chain (Noto Serif CJK SC, then BabelStone Han): load once per test file. */
export function shippedChain(): FontChain {
  return new FontChain(shippedFontSources().map(loadFont));
}

/** One name character from each block the issue lists (verified against the chain by glyphs.test.ts). */
export const BLOCK_CHARS = [
  { block: 'URO', ch: '张', cp: 0x5f20, range: [0x4e00, 0x9fff] },
  { block: 'URO', ch: '王', cp: 0x738b, range: [0x4e00, 0x9fff] },
  { block: 'Ext A', ch: '䶮', cp: 0x4dae, range: [0x3400, 0x4dbf] },
  { block: 'Ext B', ch: '𠮷', cp: 0x20bb7, range: [0x20000, 0x2a6df] },
  { block: 'Ext C', ch: '𪜀', cp: 0x2a700, range: [0x2a700, 0x2b73f] },
  { block: 'Ext E', ch: '𫠠', cp: 0x2b820, range: [0x2b820, 0x2ceaf] },
  { block: 'Ext F', ch: '𬺰', cp: 0x2ceb0, range: [0x2ceb0, 0x2ebef] },
  { block: 'Ext G', ch: '𰻞', cp: 0x30ede, range: [0x30000, 0x3134f] },
  { block: 'Ext H', ch: '𱍐', cp: 0x31350, range: [0x31350, 0x323af] },
] as const;

/** All of them as one name (9 characters). */
export const BLOCKS_NAME = BLOCK_CHARS.map((c) => c.ch).join('');

/** A 25-character Uyghur name as written in Chinese, parts separated by the middle dot U+00B7. */
export const MINORITY_NAME = '阿卜杜热依木·买买提明·艾合买提江·吐尔逊·托合提';

/** A character of CJK Extension I (U+2EBF0), in no shipped font. */
export const EXT_I = '\u{2EBF0}';

/** A complete, valid 结婚证 data set; override fields per test. */
export function marriageData(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    holder: '张伟',
    registrationDate: '2024-05-20',
    certificateNumber: 'J110101-2024-000123',
    remarks: '无',
    party1Name: '张伟',
    party1Sex: '男',
    party1Nationality: '中国',
    party1BirthDate: '1990年01月02日',
    party1IdNumber: '11010119900102123X',
    party2Name: '王芳',
    party2Sex: '女',
    party2Nationality: '中国',
    party2BirthDate: '1992年03月04日',
    party2IdNumber: '650102199203041248',
    office: '北京市东城区民政局',
    registrar: '李登记',
    ...over,
  };
}

/** A station key pair and a signer for renderPdf's `signQr` (Ed25519 signatures are deterministic). */
export function stationSigner(station = 'S-110101-01'): {
  station: string;
  publicKey: string;
  privateKey: string;
  signQr: (p: QrPayload) => string;
  signed: Array<{ payload: QrPayload; text: string }>;
} {
  const keys = newStationKeyPair();
  const key = privateKeyObject(keys.privateKey);
  const signed: Array<{ payload: QrPayload; text: string }> = [];
  return {
    station,
    ...keys,
    signed,
    signQr: (payload) => {
      const text = signFacts({ ...payload, station }, key);
      signed.push({ payload, text });
      return text;
    },
  };
}

const ptToMm = (pt: number): number => pt / PT_PER_MM;

/**
 * Where each field of a template prints, in mm (before any calibration offset): text boxes are the
 * field's width by one em of its size (a field's `y` is its glyph tops), padded by `pad` mm.
 */
export function fieldBoxes(t: Template, pad = 0.5): Array<{ name: string; box: BoxMm }> {
  const out: Array<{ name: string; box: BoxMm }> = [];
  const add = (name: string, x: number, y: number, width: number, height: number): void => {
    out.push({ name, box: { x: x - pad, y: y - pad, width: width + 2 * pad, height: height + 2 * pad } });
  };
  for (const f of t.fields as Field[]) {
    switch (f.kind) {
      case 'text':
        add(f.label, f.x, f.y, f.width, ptToMm(f.size));
        break;
      case 'multiline':
        add(f.label, f.x, f.y, f.width, f.height);
        break;
      case 'date':
        for (const [part, p] of Object.entries(f.parts)) add(`${f.label}.${part}`, p.x, p.y, p.width, ptToMm(f.size));
        break;
      case 'qr':
        add('二维码', f.x, f.y, f.size, f.size);
        break;
      default:
        break;
    }
  }
  return out;
}

/** The field of a template with this key. */
export function field<K extends Field['kind']>(t: Template, key: string, kind: K): Extract<Field, { kind: K }> {
  const f = t.fields.find((x) => x.kind === kind && 'key' in x && x.key === key);
  if (!f) throw new Error(`template ${t.id} has no ${kind} field ${key}`);
  return f as Extract<Field, { kind: K }>;
}

/** The AppError a promise rejects with (fails the test if it resolves or throws something else). */
export { asyncAppError as rejection } from '../helpers/civreg';

/** The AppError a function throws. */
export { appError as thrown } from '../helpers/civreg';

/** A temp directory removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civreg-print-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Deterministic "random" bytes (a fixed LCG), so a broken-font test always sees the same file. */
export function noiseBytes(n: number, seed = 20240520): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}
