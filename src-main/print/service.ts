import { execFile } from 'node:child_process';
import path from 'node:path';
import { asc, eq, isNull, and } from 'drizzle-orm';
import type { KeyObject } from 'node:crypto';
import type { Db } from '../db/open';
import { addedFonts, printerCalibrations, signingKeys } from '../db/schema';
import { FontChain, loadFont, shippedFontSources, type FontSource } from './fonts';
import { privateKeyObject, publicKeyObject, signFacts } from './qr-signature';
import type { QrPayload } from './render';

/**
 * What printing needs from the station, kept for the life of the process: the font chain (read
 * and parsed once; rebuilt only when the administrator adds a font) and the signing keys.
 */
export class PrintService {
  private chain: FontChain | null = null;

  constructor(readonly dataDir: string) {}

  fontsDir(): string {
    return path.join(this.dataDir, 'fonts');
  }

  addedFontSources(db: Db): FontSource[] {
    return db
      .select()
      .from(addedFonts)
      .orderBy(asc(addedFonts.id))
      .all()
      .map((f) => ({ id: `added-${f.id}`, name: f.name, file: path.join(this.fontsDir(), f.fileName), faceIndex: f.faceIndex }));
  }

  private key: { der: string; object: KeyObject } | null = null;

  fonts(db: Db): FontChain {
    this.chain ??= new FontChain([...shippedFontSources(), ...this.addedFontSources(db)].map(loadFont));
    return this.chain;
  }

  /** After a font is added: the next print loads the chain again, with it. */
  invalidateFonts(): void {
    this.chain = null;
  }

  signer(db: Db, stationId: string): (payload: QrPayload) => string {
    const row = db
      .select({ privateKey: signingKeys.privateKey })
      .from(signingKeys)
      .where(and(eq(signingKeys.stationId, stationId), isNull(signingKeys.revokedAt)))
      .all()
      .find((k) => k.privateKey);
    if (!row?.privateKey) throw new Error('station has no signing key');
    // Parsing the key costs about a millisecond per certificate; the stored key is the cache key, so a new key is picked up.
    if (this.key?.der !== row.privateKey) this.key = { der: row.privateKey, object: privateKeyObject(row.privateKey) };
    const key = this.key.object;
    return (payload) => signFacts({ ...payload, station: stationId }, key);
  }

  /** The public keys this station knows for a station (its own, and later those the platform sends). */
  publicKeys(db: Db, stationId: string): KeyObject[] {
    return db
      .select({ publicKey: signingKeys.publicKey })
      .from(signingKeys)
      .where(and(eq(signingKeys.stationId, stationId), isNull(signingKeys.revokedAt)))
      .all()
      .map((k) => publicKeyObject(k.publicKey));
  }

  calibration(db: Db, printer: string | undefined): { x: number; y: number } {
    if (!printer) return { x: 0, y: 0 };
    const row = db.select().from(printerCalibrations).where(eq(printerCalibrations.printer, printer)).get();
    return row ? { x: row.offsetXmm, y: row.offsetYmm } : { x: 0, y: 0 };
  }
}

/** Printers CUPS knows (`lpstat -e`), and its default; none where CUPS is absent. */
export function listPrinters(): Promise<{ printers: string[]; defaultPrinter: string | null }> {
  const run = (args: string[]): Promise<string> =>
    new Promise((resolve) => execFile('lpstat', args, { timeout: 3000 }, (err, out) => resolve(err ? '' : out)));
  return Promise.all([run(['-e']), run(['-d'])]).then(([list, def]) => ({
    printers: list.split('\n').map((s) => s.trim()).filter(Boolean),
    defaultPrinter: /:\s*(\S+)\s*$/.exec(def.trim())?.[1] ?? null,
  }));
}

/** Send a PDF to a CUPS printer with `lp`; resolves with lp's own words, rejects with them on failure. */
export function sendToPrinter(printer: string, pdf: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('lp', ['-d', printer, '-t', 'CivReg', '-'], { timeout: 15_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(stderr.trim() || err.message));
      else resolve(stdout.trim());
    });
    // lp may exit before reading (unknown printer, CUPS down): its exit reports that, not a crash on EPIPE.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(Buffer.from(pdf));
  });
}
