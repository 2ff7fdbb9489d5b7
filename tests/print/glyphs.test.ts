import { beforeAll, describe, expect, it } from 'vitest';
import { FontChain, LoadedFont } from '../../src-main/print/fonts';
import { renderPdf } from '../../src-main/print/render';
import { templateById } from '../../src-main/print/templates';
import { PT_PER_MM } from '../../src-main/print/units';
import { buildSquareFont } from './build-font';
import { BLOCK_CHARS, BLOCKS_NAME, field, MINORITY_NAME, marriageData, shippedChain, stationSigner } from './fixtures';
import { crop, glyphDistance, glyphHash, inkBounds, inkCount, pdfText, rasterize, squash, type BoxMm, type Gray } from './raster';

/**
 * The must-show: names with characters from the URO and Extensions A, B, C, E, F, G, H,
 * and a 25-character ·-separated minority name, print as real, distinct glyphs — on the A4
 * output and on the certificate overlay — and come back out as the same text.
 */

const DPI = 254; // 10 px per mm
const a4 = templateById('a4-text');
const marriage = templateById('marriage-certificate');

/** a4-text: line i has its glyph tops at y = 20 + 14 i mm, left edge x = 20 mm, 28 pt (9.88 mm) em. */
const A4_EM = 28 / PT_PER_MM;
function a4CharBox(i: number): BoxMm {
  return { x: 19.5, y: 20 + 14 * i - 0.5, width: A4_EM + 1, height: A4_EM + 1 };
}

interface GlyphReport {
  /** Ink pixels in each character's box. */
  ink: number[];
  /** Pairs of characters whose boxes hold the same drawing (hash-equal or nearly pixel-equal). */
  same: Array<[string, string]>;
}

/** Crop each character's box and compare every pair: real glyphs differ, a repeated box/.notdef does not. */
function glyphReport(page: Gray, chars: string[], boxes: BoxMm[]): GlyphReport {
  const crops = boxes.map((b) => crop(page, b));
  const hashes = crops.map((c) => glyphHash(c));
  const same: Array<[string, string]> = [];
  for (let i = 0; i < crops.length; i++) {
    for (let j = i + 1; j < crops.length; j++) {
      if (hashes[i] === hashes[j] || glyphDistance(crops[i], crops[j]) < 0.1) same.push([chars[i], chars[j]]);
    }
  }
  return { ink: crops.map((c) => inkCount(c)), same };
}

let chain: FontChain;
beforeAll(() => {
  chain = shippedChain();
});

describe('the fixture characters', () => {
  it.each(BLOCK_CHARS.map((c) => [c.block, c.ch, c.cp.toString(16).toUpperCase(), c]))('%s %s (U+%s) is in its block and covered by the shipped chain', (_b, _ch, _hex, c) => {
    expect(c.ch.codePointAt(0)).toBe(c.cp);
    expect([...c.ch]).toHaveLength(1);
    expect(c.cp).toBeGreaterThanOrEqual(c.range[0]);
    expect(c.cp).toBeLessThanOrEqual(c.range[1]);
    expect(chain.fontIndexFor(c.cp)).toBeGreaterThanOrEqual(0);
  });

  it('the minority name is 25 characters, ·-separated, and every character is covered', () => {
    expect([...MINORITY_NAME]).toHaveLength(25);
    expect(MINORITY_NAME.split('·')).toHaveLength(5);
    for (const ch of MINORITY_NAME) expect(chain.fontIndexFor(ch.codePointAt(0)!), ch).toBeGreaterThanOrEqual(0);
  });
});

describe('A4 output (a4-text)', () => {
  it('draws each block character as its own glyph in its box, and text extraction gives the names back', async () => {
    const lines = [...BLOCK_CHARS.map((c) => c.ch), MINORITY_NAME, BLOCKS_NAME];
    const pdf = await renderPdf(a4, { lines }, { fonts: chain });
    const pages = rasterize(pdf, DPI);
    expect(pages).toHaveLength(1);
    const [page] = pages;

    const chars = BLOCK_CHARS.map((c) => c.ch);
    const report = glyphReport(page, chars, chars.map((_, i) => a4CharBox(i)));
    chars.forEach((ch, i) => expect(report.ink[i], `ink in the box of ${ch}`).toBeGreaterThan(500));
    expect(report.same, 'characters drawn with the same glyph').toEqual([]);
    // One glyph per line: nothing to the right of each single-character line.
    chars.forEach((ch, i) => expect(inkCount(page, { x: 31, y: 20 + 14 * i, width: 150, height: A4_EM }), `stray ink after ${ch}`).toBe(0));

    // The 25-character name shrinks to the 170 mm line: ink from x = 20 mm to at most 190 mm.
    const nameRow = crop(page, { x: 0, y: 20 + 14 * 9 - 1, width: 210, height: A4_EM + 2 });
    const bounds = inkBounds(nameRow)!;
    expect(bounds.x / page.pxPerMm).toBeGreaterThan(19.5);
    expect(bounds.x / page.pxPerMm).toBeLessThan(21);
    expect((bounds.x + bounds.width) / page.pxPerMm).toBeLessThanOrEqual(190.5);
    expect((bounds.x + bounds.width) / page.pxPerMm).toBeGreaterThan(185);

    expect(squash(pdfText(pdf))).toBe(squash(lines.join('')));
  });

  it('draws every character of the minority name (including ·) as its own glyph', async () => {
    const chars = [...new Set(MINORITY_NAME)];
    expect(chars.length).toBeLessThanOrEqual(a4.fields[0].kind === 'lines' ? a4.fields[0].maxLines : 0);
    const pdf = await renderPdf(a4, { lines: chars }, { fonts: chain });
    const pages = rasterize(pdf, DPI);
    expect(pages).toHaveLength(1);
    const report = glyphReport(pages[0], chars, chars.map((_, i) => a4CharBox(i)));
    chars.forEach((ch, i) => expect(report.ink[i], `ink in the box of ${ch}`).toBeGreaterThan(ch === '·' ? 20 : 500));
    expect(report.same).toEqual([]);
    expect(squash(pdfText(pdf))).toBe(chars.join(''));
  });

  it('control: a font that draws one box for every character fails the distinct-glyph check', async () => {
    // What a .notdef fallback looks like on paper: the same square in every character's place.
    const cps = [0x2ebf0, 0x2ebf1, 0x2ebf2, 0x2ebf3];
    const boxFont = new LoadedFont({ id: 'box', name: '方块', file: '(memory)', faceIndex: 0 }, buildSquareFont(cps));
    const chars = cps.map((c) => String.fromCodePoint(c));
    const pdf = await renderPdf(a4, { lines: chars }, { fonts: new FontChain([boxFont]) });
    const report = glyphReport(rasterize(pdf, DPI)[0], chars, chars.map((_, i) => a4CharBox(i)));
    chars.forEach((_, i) => expect(report.ink[i]).toBeGreaterThan(500));
    expect(report.same).toHaveLength((chars.length * (chars.length - 1)) / 2);
  });
});

describe('certificate overlay (marriage-certificate, print mode)', () => {
  const signer = stationSigner();

  it('prints the block characters in 一方姓名 as distinct glyphs and the 25-character name in 持证人', async () => {
    const data = marriageData({ party1Name: BLOCKS_NAME, holder: MINORITY_NAME, party2Name: '王䶮' });
    const pdf = await renderPdf(marriage, data, { fonts: chain, signQr: signer.signQr });
    const pages = rasterize(pdf, DPI);
    expect(pages).toHaveLength(1);
    const [page] = pages;

    // 一方姓名 fits at its full size (9 em of 11 pt = 34.9 mm < 36 mm): one em box per character.
    const f = field(marriage, 'party1Name', 'multiline');
    const em = f.size / PT_PER_MM;
    const chars = [...BLOCKS_NAME];
    expect(chars.length * em).toBeLessThan(f.width);
    const report = glyphReport(
      page,
      chars,
      chars.map((_, i) => ({ x: f.x + i * em, y: f.y - 0.3, width: em, height: em + 0.6 })),
    );
    chars.forEach((ch, i) => expect(report.ink[i], `ink in the box of ${ch}`).toBeGreaterThan(60));
    expect(report.same).toEqual([]);

    // 持证人 shrinks the 25-character name into its 60 mm box.
    const h = field(marriage, 'holder', 'text');
    const hEm = h.size / PT_PER_MM;
    expect(inkCount(page, { x: h.x, y: h.y - 0.5, width: h.width, height: hEm + 1 })).toBeGreaterThan(1000);
    expect(inkCount(page, { x: h.x + h.width + 0.3, y: h.y - 0.5, width: 95 - h.x - h.width - 0.3, height: hEm + 1 }), 'ink past the 持证人 box').toBe(0);
    const hb = inkBounds(crop(page, { x: 0, y: h.y - 0.5, width: 95, height: hEm + 1 }))!;
    expect(hb.height / page.pxPerMm, 'shrunk below 12 pt').toBeLessThan(hEm * 0.8);

    // 另一方姓名 too.
    const p2 = field(marriage, 'party2Name', 'multiline');
    expect(inkCount(page, { x: p2.x, y: p2.y - 0.5, width: p2.width, height: p2.size / PT_PER_MM + 1 })).toBeGreaterThan(60);

    const text = squash(pdfText(pdf));
    for (const s of [BLOCKS_NAME, MINORITY_NAME, '王䶮']) expect(text).toContain(s);
  });

  it('prints the 25-character minority name in 另一方姓名 (shrinks to fit; must not be refused)', async () => {
    // BUG (template): 另一方姓名/一方姓名 are 36 mm wide with a 6 pt minimum, which holds 17 em; the
    // name is 22.3 em (22 ideographs + 3 middle dots of 0.327 em in Noto), so renderPdf throws
    // “另一方姓名”过长 instead of printing it.
    const data = marriageData({ party2Name: MINORITY_NAME, holder: MINORITY_NAME });
    const pdf = await renderPdf(marriage, data, { fonts: chain, signQr: signer.signQr });
    const [page] = rasterize(pdf, DPI);
    const p2 = field(marriage, 'party2Name', 'multiline');
    expect(inkCount(page, { x: p2.x, y: p2.y - 0.5, width: p2.width, height: p2.size / PT_PER_MM + 1 })).toBeGreaterThan(500);
    // Nothing spills past the field into 性别 (x = 66 mm label, 76 mm value).
    expect(inkCount(page, { x: p2.x + p2.width + 0.3, y: p2.y - 0.5, width: 76 - p2.x - p2.width - 0.6, height: p2.size / PT_PER_MM + 1 })).toBe(0);
    expect(squash(pdfText(pdf))).toContain(MINORITY_NAME);
  });

  it('the preview draws the same names (over the booklet background)', async () => {
    const data = marriageData({ party1Name: BLOCKS_NAME, holder: MINORITY_NAME });
    const pdf = await renderPdf(marriage, data, { fonts: chain, preview: true, signQr: signer.signQr });
    const [page] = rasterize(pdf, DPI);
    const f = field(marriage, 'party1Name', 'multiline');
    const em = f.size / PT_PER_MM;
    const chars = [...BLOCKS_NAME];
    const report = glyphReport(
      page,
      chars,
      chars.map((_, i) => ({ x: f.x + i * em, y: f.y - 0.3, width: em, height: em + 0.6 })),
    );
    chars.forEach((ch, i) => expect(report.ink[i], `ink in the box of ${ch}`).toBeGreaterThan(60));
    expect(report.same).toEqual([]);
    const text = squash(pdfText(pdf));
    for (const s of [BLOCKS_NAME, MINORITY_NAME]) expect(text).toContain(s);
  });
});
