import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';

/**
 * Test helpers that look at a PDF the way a printer would: rasterized by poppler's pdftoppm into
 * 8-bit grey (PGM), then measured in millimetres from the page's top-left corner. Text comes back
 * through pdftotext. Both tools read the PDF from stdin and write to stdout: no temp files.
 */

/** One rasterized page: `data[y * width + x]` is 0 (black) … 255 (white). */
export interface Gray {
  width: number;
  height: number;
  /** Pixels per millimetre (dpi / 25.4). */
  pxPerMm: number;
  data: Uint8Array;
}

/** A box in millimetres, origin at the page's top-left corner. */
export interface BoxMm {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A box in pixels (x, y inclusive; x + width, y + height exclusive). */
export interface BoxPx {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Darker than this (0–255) counts as ink. */
export const INK_THRESHOLD = 128;

const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/**
 * Parse one or more binary PGM (P5, maxval 255) images laid end to end — pdftoppm writes every
 * page to stdout that way when given no output root.
 */
export function parsePgm(buf: Uint8Array, pxPerMm: number): Gray[] {
  const pages: Gray[] = [];
  let pos = 0;
  const token = (): string => {
    // Skip whitespace and # comments, then read up to the next whitespace.
    for (;;) {
      while (pos < buf.length && isSpace(buf[pos])) pos++;
      if (buf[pos] === 0x23) while (pos < buf.length && buf[pos] !== 0x0a) pos++;
      else break;
    }
    const start = pos;
    while (pos < buf.length && !isSpace(buf[pos])) pos++;
    return String.fromCharCode(...buf.subarray(start, pos));
  };
  while (pos < buf.length) {
    const magic = token();
    if (magic === '') break;
    if (magic !== 'P5') throw new Error(`not a binary PGM (P5) image: ${JSON.stringify(magic)} at byte ${pos}`);
    const width = Number(token());
    const height = Number(token());
    const maxval = Number(token());
    if (!(width > 0 && height > 0) || maxval !== 255) throw new Error(`unsupported PGM header ${width}×${height} maxval ${maxval}`);
    pos++; // the single whitespace byte after maxval
    const size = width * height;
    if (pos + size > buf.length) throw new Error(`PGM truncated: need ${size} bytes, have ${buf.length - pos}`);
    pages.push({ width, height, pxPerMm, data: buf.slice(pos, pos + size) });
    pos += size;
  }
  return pages;
}

/** Rasterize every page of a PDF at `dpi` in grey. */
export function rasterize(pdf: Uint8Array, dpi = 254): Gray[] {
  const out = execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-'], { input: pdf, maxBuffer: 1 << 30 });
  const pages = parsePgm(new Uint8Array(out.buffer, out.byteOffset, out.byteLength), dpi / 25.4);
  if (pages.length === 0) throw new Error('pdftoppm produced no page');
  return pages;
}

/** The number of pages of a PDF, from pdftoppm's own rasterization at a low resolution. */
export function pageCount(pdf: Uint8Array): number {
  return rasterize(pdf, 10).length;
}

/** Text of a PDF with `pdftotext -layout` (UTF-8; pages separated by form feeds). */
export function pdfText(pdf: Uint8Array): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 1 << 28 }).toString('utf8');
}

/** Text without any whitespace, for comparing extracted text with what was printed. */
export function squash(text: string): string {
  return text.replace(/[\s\u3000\f]+/gu, '');
}

/** A millimetre box as the pixels it covers (clamped to the page). */
export function boxPx(img: Gray, box: BoxMm): BoxPx {
  const x0 = Math.max(0, Math.floor(box.x * img.pxPerMm));
  const y0 = Math.max(0, Math.floor(box.y * img.pxPerMm));
  const x1 = Math.min(img.width, Math.ceil((box.x + box.width) * img.pxPerMm));
  const y1 = Math.min(img.height, Math.ceil((box.y + box.height) * img.pxPerMm));
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}

/** The part of a page inside a pixel box, as an image of its own. */
export function cropPx(img: Gray, b: BoxPx): Gray {
  const data = new Uint8Array(b.width * b.height);
  for (let y = 0; y < b.height; y++) data.set(img.data.subarray((b.y + y) * img.width + b.x, (b.y + y) * img.width + b.x + b.width), y * b.width);
  return { width: b.width, height: b.height, pxPerMm: img.pxPerMm, data };
}

/** The part of a page inside a millimetre box (origin top-left). */
export function crop(img: Gray, box: BoxMm): Gray {
  return cropPx(img, boxPx(img, box));
}

/** Ink pixels (darker than `threshold`) in an image, or in a millimetre box of it. */
export function inkCount(img: Gray, box?: BoxMm, threshold = INK_THRESHOLD): number {
  const c = box ? crop(img, box) : img;
  let n = 0;
  for (const v of c.data) if (v < threshold) n++;
  return n;
}

/** Bounding box (pixels) of the ink in an image, or null when it has none. */
export function inkBounds(img: Gray, threshold = INK_THRESHOLD): BoxPx | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.data[y * img.width + x] < threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/** Ink per column and per row of an image. */
export function inkProfiles(img: Gray, threshold = INK_THRESHOLD): { columns: number[]; rows: number[] } {
  const columns = new Array<number>(img.width).fill(0);
  const rows = new Array<number>(img.height).fill(0);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.data[y * img.width + x] < threshold) {
        columns[x]++;
        rows[y]++;
      }
    }
  }
  return { columns, rows };
}

/** The ink of an image as a 0/1 bitmap trimmed to its bounding box (so a glyph's position inside its crop does not matter). */
export function inkBitmap(img: Gray, threshold = INK_THRESHOLD): { width: number; height: number; bits: Uint8Array } {
  const b = inkBounds(img, threshold);
  if (!b) return { width: 0, height: 0, bits: new Uint8Array(0) };
  const bits = new Uint8Array(b.width * b.height);
  for (let y = 0; y < b.height; y++) {
    for (let x = 0; x < b.width; x++) bits[y * b.width + x] = img.data[(b.y + y) * img.width + b.x + x] < threshold ? 1 : 0;
  }
  return { width: b.width, height: b.height, bits };
}

/** SHA-256 of a crop's trimmed ink bitmap: equal for pixel-identical glyphs. */
export function glyphHash(img: Gray, threshold = INK_THRESHOLD): string {
  const { width, height, bits } = inkBitmap(img, threshold);
  return createHash('sha256').update(`${width}x${height}:`).update(bits).digest('hex');
}

/**
 * How different two glyph crops look, 0 (same) … 1: the share of pixels that differ between
 * their trimmed ink bitmaps laid top-left on a common canvas. A hash tells pixel-identical
 * glyphs apart from everything else; this also catches the same glyph drawn one pixel off.
 */
export function glyphDistance(a: Gray, b: Gray, threshold = INK_THRESHOLD): number {
  const A = inkBitmap(a, threshold);
  const B = inkBitmap(b, threshold);
  const w = Math.max(A.width, B.width);
  const h = Math.max(A.height, B.height);
  if (w === 0 || h === 0) return A.width === B.width ? 0 : 1;
  let differ = 0;
  let inked = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const va = x < A.width && y < A.height ? A.bits[y * A.width + x] : 0;
      const vb = x < B.width && y < B.height ? B.bits[y * B.width + x] : 0;
      if (va !== vb) differ++;
      if (va || vb) inked++;
    }
  }
  return inked === 0 ? 0 : differ / inked;
}

/**
 * Count pixels where page `b` differs (as ink / no ink) from page `a` moved by (dx, dy) px,
 * over the pixels of `b` whose source in `a` lies inside both pages and `margin` px in from
 * every edge (ink pushed off the page by the move cannot match). With `tolerance` t, a pixel
 * only counts when the other page has no pixel of the same kind within t px of it (a stroke
 * rasterized one pixel over, from rounding at a pixel boundary, is not a mismatch).
 */
export function shiftedMismatch(
  a: Gray,
  b: Gray,
  dx: number,
  dy: number,
  margin: number,
  opts: { threshold?: number; tolerance?: number } = {},
): { mismatched: number; ink: number } {
  const threshold = opts.threshold ?? INK_THRESHOLD;
  const t = opts.tolerance ?? 0;
  const inkAt = (img: Gray, x: number, y: number): boolean => img.data[y * img.width + x] < threshold;
  const near = (img: Gray, x: number, y: number, want: boolean): boolean => {
    for (let yy = Math.max(0, y - t); yy <= Math.min(img.height - 1, y + t); yy++) {
      for (let xx = Math.max(0, x - t); xx <= Math.min(img.width - 1, x + t); xx++) if (inkAt(img, xx, yy) === want) return true;
    }
    return false;
  };
  let mismatched = 0;
  let ink = 0;
  for (let y = margin; y < b.height - margin; y++) {
    const sy = y - dy;
    if (sy < margin || sy >= a.height - margin) continue;
    for (let x = margin; x < b.width - margin; x++) {
      const sx = x - dx;
      if (sx < margin || sx >= a.width - margin) continue;
      const inkA = inkAt(a, sx, sy);
      const inkB = inkAt(b, x, y);
      if (inkA || inkB) ink++;
      if (inkA !== inkB && (t === 0 || !near(a, sx, sy, inkB) || !near(b, x, y, inkA))) mismatched++;
    }
  }
  return { mismatched, ink };
}

/** The move (within ±`range` px of the expected one) that best lays page `a`'s ink onto page `b`'s, pixel for pixel. */
export function bestShift(
  a: Gray,
  b: Gray,
  expected: { dx: number; dy: number },
  range: number,
  margin: number,
): { dx: number; dy: number; mismatched: number; ink: number } {
  let best = { dx: 0, dy: 0, mismatched: Infinity, ink: 0 };
  for (let dy = expected.dy - range; dy <= expected.dy + range; dy++) {
    for (let dx = expected.dx - range; dx <= expected.dx + range; dx++) {
      const m = shiftedMismatch(a, b, dx, dy, margin);
      if (m.mismatched < best.mismatched) best = { dx, dy, ...m };
    }
  }
  return best;
}

/** Write a page as a PGM file (for looking at a failing test's output by hand). */
export function toPgm(img: Gray): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, 'ascii'), Buffer.from(img.data)]);
}
