import { beforeAll, describe, expect, it } from 'vitest';
import type { FontChain } from '../../src-main/print/fonts';
import { renderPdf } from '../../src-main/print/render';
import { templateById } from '../../src-main/print/templates';
import { CALIBRATION_MARKS } from '../../src-main/print/templates/calibration';
import { fieldBoxes, marriageData, shippedChain, stationSigner } from './fixtures';
import { bestShift, boxPx, crop, cropPx, inkCount, inkProfiles, pdfText, rasterize, shiftedMismatch, squash, type BoxMm, type Gray } from './raster';

/**
 * Printer calibration: every printed position of an overlay moves by exactly the offset (checked
 * on the raster at 10 px/mm); A4 documents and the on-screen preview are not moved; the preview
 * shows the booklet's own printing, print mode does not print it.
 */

const DPI = 254; // exactly 10 px per mm
const OFFSET = { x: 2, y: -1.5 }; // mm: right 2, up 1.5
const SHIFT = { dx: 20, dy: -15 }; // px
const calibration = templateById('calibration');
const marriage = templateById('marriage-certificate');
const a4 = templateById('a4-text');

let chain: FontChain;
const signer = stationSigner();
beforeAll(() => {
  chain = shippedChain();
});

async function page(t: typeof marriage, data: unknown, opts: { offset?: { x: number; y: number }; preview?: boolean } = {}): Promise<Gray> {
  const pages = rasterize(await renderPdf(t, data, { fonts: chain, signQr: signer.signQr, ...opts }), DPI);
  expect(pages).toHaveLength(1);
  return pages[0];
}

/** Centre (px, within the crop) of the strongest vertical and horizontal strokes: a cross-hair's centre. */
function crossCentre(img: Gray): { x: number; y: number } {
  const { columns, rows } = inkProfiles(img);
  const centroid = (p: number[]): number => {
    const max = Math.max(...p);
    let sum = 0;
    let n = 0;
    p.forEach((v, i) => {
      if (v >= 0.6 * max) {
        sum += i * v;
        n += v;
      }
    });
    return sum / n;
  };
  return { x: centroid(columns), y: centroid(rows) };
}

/** Ink of a field box on the unshifted page versus the same box moved by (dx, dy) px on the shifted page. */
function fieldMoved(base: Gray, moved: Gray, box: BoxMm): { ink: number; best: ReturnType<typeof bestShift>; tolerant: { mismatched: number; ink: number } } {
  const pad = 20; // px around the box, so a ±1 px search compares whole strokes
  const b = boxPx(base, box);
  const a = cropPx(base, { x: b.x - pad, y: b.y - pad, width: b.width + 2 * pad, height: b.height + 2 * pad });
  const m = cropPx(moved, { x: b.x - pad + SHIFT.dx, y: b.y - pad + SHIFT.dy, width: b.width + 2 * pad, height: b.height + 2 * pad });
  return { ink: inkCount(a), best: bestShift(a, m, { dx: 0, dy: 0 }, 1, 2), tolerant: shiftedMismatch(a, m, 0, 0, 2, { tolerance: 1 }) };
}

describe('calibration offsets move every printed position of an overlay', () => {
  it('calibration page: the whole page’s ink moves by exactly (+20, −15) px for (+2, −1.5) mm', async () => {
    const data = { printer: 'HP LaserJet Pro M404（一号窗口）' };
    const base = await page(calibration, data, { offset: { x: 0, y: 0 } });
    const moved = await page(calibration, data, { offset: OFFSET });
    // Not calibrated is the same as a zero offset.
    const none = await page(calibration, data);
    expect(shiftedMismatch(base, none, 0, 0, 0).mismatched).toBe(0);

    // The best pixel-for-pixel match is the offset; at the offset, every stroke lines up (±1 px).
    const best = bestShift(base, moved, SHIFT, 3, 30);
    expect(Math.abs(best.dx - SHIFT.dx)).toBeLessThanOrEqual(1);
    expect(Math.abs(best.dy - SHIFT.dy)).toBeLessThanOrEqual(1);
    const at = shiftedMismatch(base, moved, SHIFT.dx, SHIFT.dy, 30, { tolerance: 1 });
    expect(at.ink).toBeGreaterThan(5000);
    expect(at.mismatched / at.ink).toBeLessThan(0.002);
    // And the offset really did something: unmoved, the pages disagree.
    const still = shiftedMismatch(base, moved, 0, 0, 30);
    expect(still.mismatched / still.ink).toBeGreaterThan(0.5);
  });

  it('calibration page: each cross-hair centre moves by the offset (±1 px)', async () => {
    const data = { printer: '柜台一' };
    const base = await page(calibration, data, { offset: { x: 0, y: 0 } });
    const moved = await page(calibration, data, { offset: OFFSET });
    for (const m of CALIBRATION_MARKS) {
      const win = { x: m.x - 5, y: m.y - 5, width: 10, height: 10 };
      const a = crossCentre(crop(base, win));
      const b = crossCentre(crop(moved, { ...win, x: win.x + OFFSET.x, y: win.y + OFFSET.y }));
      // Unshifted, the centre is where the template says (the window is centred on it).
      expect(Math.abs(a.x - 50), `mark ${m.x},${m.y} x`).toBeLessThanOrEqual(1.5);
      expect(Math.abs(a.y - 50), `mark ${m.x},${m.y} y`).toBeLessThanOrEqual(1.5);
      // Shifted, it is at the same place within a window moved by the offset.
      expect(Math.abs(b.x - a.x), `mark ${m.x},${m.y} moved x`).toBeLessThanOrEqual(1);
      expect(Math.abs(b.y - a.y), `mark ${m.x},${m.y} moved y`).toBeLessThanOrEqual(1);
    }
  });

  it('marriage certificate (print mode): every field, the date parts and the QR code move by exactly the offset', async () => {
    const data = marriageData({ remarks: '双方自愿结婚，经审查符合规定，准予登记。' });
    const base = await page(marriage, data, { offset: { x: 0, y: 0 } });
    const moved = await page(marriage, data, { offset: OFFSET });

    const whole = bestShift(base, moved, SHIFT, 3, 30);
    expect(Math.abs(whole.dx - SHIFT.dx)).toBeLessThanOrEqual(1);
    expect(Math.abs(whole.dy - SHIFT.dy)).toBeLessThanOrEqual(1);
    const at = shiftedMismatch(base, moved, SHIFT.dx, SHIFT.dy, 30, { tolerance: 1 });
    expect(at.mismatched / at.ink).toBeLessThan(0.002);

    const boxes = fieldBoxes(marriage);
    expect(boxes.length).toBeGreaterThanOrEqual(18);
    for (const { name, box } of boxes) {
      const { ink, best, tolerant } = fieldMoved(base, moved, box);
      expect(ink, `${name} has ink`).toBeGreaterThan(30);
      expect(Math.abs(best.dx), `${name} dx`).toBeLessThanOrEqual(1);
      expect(Math.abs(best.dy), `${name} dy`).toBeLessThanOrEqual(1);
      expect(tolerant.mismatched / tolerant.ink, `${name} lines up at the offset`).toBeLessThan(0.005);
    }
  });

  it('another offset (−3, +4) mm moves the certificate by (−30, +40) px', async () => {
    const data = marriageData();
    const base = await page(marriage, data, { offset: { x: 0, y: 0 } });
    const moved = await page(marriage, data, { offset: { x: -3, y: 4 } });
    const best = bestShift(base, moved, { dx: -30, dy: 40 }, 2, 45);
    expect(Math.abs(best.dx + 30)).toBeLessThanOrEqual(1);
    expect(Math.abs(best.dy - 40)).toBeLessThanOrEqual(1);
    const at = shiftedMismatch(base, moved, -30, 40, 45, { tolerance: 1 });
    expect(at.mismatched / at.ink).toBeLessThan(0.002);
  });
});

describe('what the offset does not move', () => {
  it('A4 documents (a4-text) ignore the printer offset', async () => {
    const data = { lines: ['张三', '𠮷𪜀𫠠'] };
    const base = await page(a4, data);
    const withOffset = await page(a4, data, { offset: OFFSET });
    expect(base.width).toBe(withOffset.width);
    const m = shiftedMismatch(base, withOffset, 0, 0, 0);
    expect(m.ink).toBeGreaterThan(1000);
    expect(m.mismatched).toBe(0);
  });

  it('the on-screen preview is not moved by the printer offset (it is drawn over the unmoved booklet)', async () => {
    const data = marriageData();
    const base = await page(marriage, data, { preview: true });
    const withOffset = await page(marriage, data, { preview: true, offset: OFFSET });
    expect(shiftedMismatch(base, withOffset, 0, 0, 0).mismatched).toBe(0);
  });
});

describe('preview versus print', () => {
  it('the preview draws the booklet background; print mode prints only the data', async () => {
    const data = marriageData();
    const printed = await page(marriage, data);
    const preview = await page(marriage, data, { preview: true });
    const MARKED = 250; // any mark at all (the background is drawn in a light blue-grey)
    expect(inkCount(preview, undefined, MARKED)).toBeGreaterThan(inkCount(printed, undefined, MARKED) + 5000);

    // Where the booklet has its own printing: the label 持证人, the 年 after the year, the frame.
    const label: BoxMm = { x: 7.5, y: 10.3, width: 10, height: 4.5 };
    const nian: BoxMm = { x: 40.5, y: 18.3, width: 4.5, height: 4.5 };
    const frameLeft: BoxMm = { x: 1.5, y: 20, width: 1, height: 80 };
    for (const [what, box] of [
      ['持证人 label', label],
      ['年', nian],
      ['frame', frameLeft],
    ] as const) {
      expect(inkCount(printed, box, MARKED), `${what} not printed`).toBe(0);
      expect(inkCount(preview, box, MARKED), `${what} in preview`).toBeGreaterThan(20);
    }
    // The background is drawn lighter than the data (preview colour), the data in black.
    expect(inkCount(preview, label, 128)).toBe(0);

    // The data is drawn identically in both.
    for (const { name, box } of fieldBoxes(marriage)) {
      const b = boxPx(printed, box);
      const m = shiftedMismatch(cropPx(printed, b), cropPx(preview, b), 0, 0, 0);
      expect(m.mismatched, `${name} same in preview`).toBe(0);
    }

    const printedText = squash(pdfText(await renderPdf(marriage, data, { fonts: chain, signQr: signer.signQr })));
    const previewText = squash(pdfText(await renderPdf(marriage, data, { fonts: chain, signQr: signer.signQr, preview: true })));
    for (const s of ['持证人', '结婚证字号', '登记机关印', '身份证件号']) {
      expect(printedText).not.toContain(s);
      expect(previewText).toContain(s);
    }
    for (const s of ['张伟', '王芳', 'J110101-2024-000123', '北京市东城区民政局']) expect(printedText).toContain(s);
  });

  it('the calibration page prints its marks (they are the document), in print mode', async () => {
    const printed = await page(calibration, { printer: '柜台一' });
    for (const m of CALIBRATION_MARKS) expect(inkCount(printed, { x: m.x - 4, y: m.y - 0.5, width: 8, height: 1 }), `${m.x},${m.y}`).toBeGreaterThan(50);
    // Rulers: a tick at every millimetre along the top edge (3 … 94 mm here: left of that the left
    // ruler's 1 mm tick crosses this strip, and the 95 mm tick sits on the page edge).
    const { columns } = inkProfiles(crop(printed, { x: 2.5, y: 0.5, width: 92, height: 1 }), 250);
    let ticks = 0;
    for (let i = 1; i < columns.length; i++) if (columns[i] > 0 && columns[i - 1] === 0) ticks++;
    expect(ticks).toBe(92);
  });
});
