import fontkit from '@pdf-lib/fontkit';
import { concatTransformationMatrix, drawObject, PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, popGraphicsState, pushGraphicsState, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { AppError, parseInput } from '../contract';
import type { FontChain } from './fonts';
import { dataSchema, type Decoration, type Field, type QrField, type Template } from './template';
import { alignX, fitBox, fitOneLine, LINE_HEIGHT, type Measure } from './text-layout';
import { mm } from './units';

export interface RenderOptions {
  fonts: FontChain;
  /** Draw the overlay's booklet background (labels, frames): for the on-screen preview only. */
  preview?: boolean;
  /** Printer calibration in mm, added to every position of an overlay. */
  offset?: { x: number; y: number };
  /** Signs a certificate's verification payload; required by templates with a QR code. */
  signQr?: (payload: QrPayload) => string;
}

export interface QrPayload {
  certificateNumber: string;
  names: string[];
  date: string;
  office: string;
}

/** Ascent of a CJK em box: a text field's `y` is the top of its glyphs, the baseline is this far below. */
const ASCENT = 0.88;
const INK = rgb(0, 0, 0);
const PREVIEW_INK = rgb(0.55, 0.6, 0.7);

function valueOf(f: Field, data: Record<string, unknown>): unknown {
  return f.kind === 'qr' ? undefined : data[f.key];
}

/** Every string the document will draw, with the label of where it comes from (for coverage errors). */
function textsOf(t: Template, data: Record<string, unknown>, preview: boolean): Array<{ label: string; text: string }> {
  const out: Array<{ label: string; text: string }> = [];
  for (const f of t.fields) {
    const v = valueOf(f, data);
    if (f.kind === 'text' || f.kind === 'multiline') {
      if (typeof v === 'string') out.push({ label: f.label, text: v });
    } else if (f.kind === 'date') {
      out.push({ label: f.label, text: '0123456789' });
    } else if (f.kind === 'lines') {
      for (const line of v as string[]) out.push({ label: f.label, text: line });
    } else if (f.kind === 'table') {
      for (const c of f.columns) out.push({ label: f.label, text: c.title });
      for (const row of v as Array<Record<string, unknown>>) for (const c of f.columns) out.push({ label: f.label, text: String(row[c.key] ?? '') });
    }
  }
  const drawn = [...(t.marks ?? []), ...(t.kind === 'a4' || preview ? t.decorations : [])];
  for (const d of drawn) if (d.kind === 'label') out.push({ label: '模板文字', text: d.text });
  return out;
}

/** Split text into runs that each draw in one font of the chain. */
function runs(text: string, chain: FontChain, fonts: Map<number, PDFFont>): Array<{ text: string; font: PDFFont }> {
  const out: Array<{ text: string; font: PDFFont }> = [];
  for (const ch of text) {
    const font = fonts.get(chain.fontIndexFor(ch.codePointAt(0)!)) ?? fonts.values().next().value!;
    const last = out[out.length - 1];
    if (last && last.font === font) last.text += ch;
    else out.push({ text: ch, font });
  }
  return out;
}

class Canvas {
  readonly measure: Measure;

  constructor(
    private readonly page: PDFPage,
    private readonly chain: FontChain,
    private readonly fonts: Map<number, PDFFont>,
    private readonly offset: { x: number; y: number },
  ) {
    this.measure = (text, size) => {
      let w = 0;
      for (const ch of text) w += this.advance(ch);
      return (w * size) / 1000;
    };
  }

  /** Advance width of one character at 1000 pt: fontkit's layout per call is the costliest part of drawing. */
  private readonly advances = new Map<string, number>();
  private advance(ch: string): number {
    let a = this.advances.get(ch);
    if (a === undefined) {
      const font = this.fonts.get(this.chain.fontIndexFor(ch.codePointAt(0)!)) ?? this.fonts.values().next().value!;
      a = font.widthOfTextAtSize(ch, 1000);
      this.advances.set(ch, a);
    }
    return a;
  }

  private px(x: number): number {
    return mm(x + this.offset.x);
  }

  private py(y: number): number {
    return this.page.getHeight() - mm(y + this.offset.y);
  }

  /** Draw one line whose glyph tops sit at `y` mm, starting at `xPt` (already aligned, in points). */
  textAt(text: string, xPt: number, y: number, size: number, color = INK): void {
    let x = xPt + mm(this.offset.x);
    const baseline = this.py(y) - size * ASCENT;
    for (const r of runs(text, this.chain, this.fonts)) {
      this.page.drawText(r.text, { x, y: baseline, size, font: r.font, color });
      x += this.measure(r.text, size);
    }
  }

  line(x1: number, y1: number, x2: number, y2: number, thickness = 0.5, color = INK): void {
    this.page.drawLine({ start: { x: this.px(x1), y: this.py(y1) }, end: { x: this.px(x2), y: this.py(y2) }, thickness, color });
  }

  rect(x: number, y: number, w: number, h: number, opts: { fill?: boolean; thickness?: number; color?: ReturnType<typeof rgb> } = {}): void {
    const color = opts.color ?? INK;
    this.page.drawRectangle({
      x: this.px(x),
      y: this.py(y + h),
      width: mm(w),
      height: mm(h),
      ...(opts.fill ? { color } : { borderColor: color, borderWidth: opts.thickness ?? 0.5 }),
    });
  }

  /**
   * The QR code as one 1-bit image, one pixel per module, drawn without interpolation: exact
   * modules at any resolution, and far cheaper than a path of hundreds of rectangles.
   */
  qr(doc: PDFDocument, f: QrField, payload: string): void {
    const { modules } = QRCode.create([{ data: Buffer.from(payload, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' });
    const n = modules.size;
    const side = n + 8; // 4-module quiet zone each side
    const rowBytes = Math.ceil(side / 8);
    const bits = new Uint8Array(rowBytes * side).fill(0xff); // DeviceGray 1-bit: 1 is white
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        if (!modules.get(r, c)) continue;
        const x = c + 4;
        bits[(r + 4) * rowBytes + (x >> 3)] &= ~(0x80 >> (x & 7));
      }
    }
    const image = doc.context.flateStream(bits, {
      Type: 'XObject',
      Subtype: 'Image',
      Width: side,
      Height: side,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 1,
      Interpolate: false,
    });
    const name = this.page.node.newXObject('QR', doc.context.register(image));
    const size = mm(f.size);
    this.page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(size, 0, 0, size, this.px(f.x), this.py(f.y + f.size)),
      drawObject(name),
      popGraphicsState(),
    );
  }

}

function drawDecoration(canvas: Canvas, d: Decoration, color: ReturnType<typeof rgb>): void {
  if (d.kind === 'label') {
    const w = canvas.measure(d.text, d.size);
    canvas.textAt(d.text, alignX(mm(d.x), mm(d.width ?? 0), w, d.width ? d.align : 'left'), d.y, d.size, color);
  } else if (d.kind === 'line') canvas.line(d.x, d.y, d.to.x, d.to.y, d.thickness, color);
  else canvas.rect(d.x, d.y, d.width, d.height, { thickness: d.thickness, color });
}

function drawField(doc: PDFDocument, canvas: Canvas, f: Field, value: unknown, opts: RenderOptions, data: Record<string, unknown>): void {
  switch (f.kind) {
    case 'text': {
      if (typeof value !== 'string') return;
      const size = fitOneLine(value, mm(f.width), f.size, f.minSize ?? f.size, f.label, canvas.measure);
      canvas.textAt(value, alignX(mm(f.x), mm(f.width), canvas.measure(value, size), f.align), f.y, size);
      return;
    }
    case 'multiline': {
      if (typeof value !== 'string') return;
      const { size, lines } = fitBox(value, mm(f.width), mm(f.height), f.size, f.minSize ?? f.size, f.label, canvas.measure);
      lines.forEach((line, i) => canvas.textAt(line, mm(f.x), f.y + (i * size * LINE_HEIGHT) / mm(1), size));
      return;
    }
    case 'date': {
      const [y, m, d] = String(value).split('-');
      const parts = [
        [y, f.parts.year],
        [String(Number(m)), f.parts.month],
        [String(Number(d)), f.parts.day],
      ] as const;
      for (const [text, p] of parts) canvas.textAt(text, alignX(mm(p.x), mm(p.width), canvas.measure(text, f.size), 'center'), p.y, f.size);
      return;
    }
    case 'lines': {
      (value as string[]).forEach((line, i) => {
        const size = fitOneLine(line, mm(f.width), f.size, f.minSize ?? f.size, `${f.label}第 ${i + 1} 行`, canvas.measure);
        canvas.textAt(line, mm(f.x), f.y + i * f.lineGap, size);
      });
      return;
    }
    case 'table': {
      const rows = value as Array<Record<string, unknown>>;
      const drawRow = (cells: string[], y: number): void => {
        let x = f.x;
        f.columns.forEach((c, i) => {
          const text = cells[i];
          const size = fitOneLine(text, mm(c.width - 2), f.size, Math.min(f.size, 6), `${f.label}·${c.title}`, canvas.measure);
          canvas.textAt(text, alignX(mm(x + 1), mm(c.width - 2), canvas.measure(text, size), c.align), y + (f.rowHeight - size / mm(1)) / 2, size);
          x += c.width;
        });
        canvas.line(f.x, y + f.rowHeight, x, y + f.rowHeight, 0.4);
      };
      drawRow(
        f.columns.map((c) => c.title),
        f.y,
      );
      rows.forEach((row, i) => drawRow(f.columns.map((c) => String(row[c.key] ?? '')), f.y + (i + 1) * f.rowHeight));
      return;
    }
    case 'qr': {
      if (!opts.signQr) throw new Error(`template needs a signer for its QR code`);
      const pick = (key: string): string => String(data[key] ?? '');
      canvas.qr(doc, f, opts.signQr({ certificateNumber: pick(f.payload.certificateNumber), names: f.payload.names.map(pick), date: pick(f.payload.date), office: pick(f.payload.office) }));
      return;
    }
    case 'image':
      return; // drawn by drawImages (embedding is asynchronous)
  }
}

function subsetOrExplain(chain: FontChain, i: number, cps: Set<number>): Uint8Array {
  try {
    return chain.fonts[i].face.subset(cps);
  } catch (err) {
    throw new AppError('INTERNAL', `字体“${chain.fonts[i].source.name}”无法使用（${(err as Error).message}），未打印。请管理员检查或重新添加该字体。`);
  }
}

/** Render a template with its data to PDF bytes. */
export async function renderPdf(t: Template, rawData: unknown, opts: RenderOptions): Promise<Uint8Array> {
  const data = parseInput(dataSchema(t), rawData);
  const preview = Boolean(opts.preview);
  const texts = textsOf(t, data, preview);
  opts.fonts.assertCovered(texts);

  // Subset each font of the chain to exactly the characters it will draw, then embed the subsets.
  const perFont = new Map<number, Set<number>>();
  for (const { text } of texts) {
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const i = opts.fonts.fontIndexFor(cp);
      if (i < 0) continue;
      if (!perFont.has(i)) perFont.set(i, new Set());
      perFont.get(i)!.add(cp);
    }
  }
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(t.title);
  doc.setCreator('CivReg 民政登记服务台');
  doc.setProducer('CivReg');
  const fonts = new Map<number, PDFFont>();
  const cffFonts: PDFFont[] = [];
  for (const [i, cps] of perFont) {
    const bytes = subsetOrExplain(opts.fonts, i, cps);
    const font = await doc.embedFont(bytes, { subset: false });
    fonts.set(i, font);
    if (String.fromCharCode(...bytes.subarray(0, 4)) === 'OTTO') cffFonts.push(font);
  }

  const page = doc.addPage([mm(t.page.width), mm(t.page.height)]);
  const offset = t.kind === 'overlay' && !preview ? (opts.offset ?? { x: 0, y: 0 }) : { x: 0, y: 0 };
  const canvas = new Canvas(page, opts.fonts, fonts, offset);
  if (t.kind === 'a4' || preview) {
    const color = t.kind === 'overlay' ? PREVIEW_INK : INK;
    const background = new Canvas(page, opts.fonts, fonts, { x: 0, y: 0 });
    for (const d of t.decorations) drawDecoration(background, d, color);
  }
  for (const d of t.marks ?? []) drawDecoration(canvas, d, INK);
  for (const f of t.fields) drawField(doc, canvas, f, valueOf(f, data), opts, data);
  for (const f of t.fields) {
    const v = valueOf(f, data);
    if (f.kind !== 'image' || typeof v !== 'string') continue;
    const bytes = Buffer.from(v.slice(v.indexOf(',') + 1), 'base64');
    const img = v.startsWith('data:image/png') ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
    page.drawImage(img, { x: mm(f.x + offset.x), y: page.getHeight() - mm(f.y + offset.y + f.height), width: mm(f.width), height: mm(f.height) });
  }
  await doc.flush();
  for (const font of cffFonts) declareOpenTypeCff(doc, font);
  // One document is small: no need to yield to the event loop every 50 objects (pdf-lib's default).
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}

/**
 * pdf-lib declares an embedded CFF-outline OpenType file (Noto Serif CJK) as a TrueType CID font
 * in FontFile2; readers then warn or draw nothing. Declare it as what it is: CIDFontType0 with
 * the file in FontFile3, subtype /OpenType.
 */
function declareOpenTypeCff(doc: PDFDocument, font: PDFFont): void {
  const ctx = doc.context;
  const type0 = ctx.lookup(font.ref, PDFDict);
  const cidFont = ctx.lookup(type0.lookup(PDFName.of('DescendantFonts'), PDFArray).get(0), PDFDict);
  cidFont.set(PDFName.of('Subtype'), PDFName.of('CIDFontType0'));
  cidFont.delete(PDFName.of('CIDToGIDMap'));
  const descriptor = cidFont.lookup(PDFName.of('FontDescriptor'), PDFDict);
  const fileRef = descriptor.get(PDFName.of('FontFile2'));
  if (!(fileRef instanceof PDFRef)) return;
  descriptor.delete(PDFName.of('FontFile2'));
  descriptor.set(PDFName.of('FontFile3'), fileRef);
  const stream = ctx.lookup(fileRef) as unknown as { dict: PDFDict };
  stream.dict.set(PDFName.of('Subtype'), PDFName.of('OpenType'));
}
