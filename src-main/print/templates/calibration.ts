import type { Decoration, Template } from '../template';
import { BOOKLET_PAGE } from './certificate-booklet';

/** Cross-hairs at these points (mm): after calibration they land on the booklet's marks. */
export const CALIBRATION_MARKS = [
  { x: 10, y: 10 },
  { x: 85, y: 10 },
  { x: 47.5, y: 64 },
  { x: 10, y: 118 },
  { x: 85, y: 118 },
];

function crossHair(x: number, y: number): Decoration[] {
  return [
    { kind: 'line', x: x - 4, y, to: { x: x + 4, y }, thickness: 0.4 },
    { kind: 'line', x, y: y - 4, to: { x, y: y + 4 }, thickness: 0.4 },
    { kind: 'rect', x: x - 1.5, y: y - 1.5, width: 3, height: 3, thickness: 0.3 },
  ];
}

/** Millimetre rulers along the top and left edges: tick every mm, longer every 5 and 10. */
function rulers(): Decoration[] {
  const out: Decoration[] = [];
  for (let x = 0; x <= BOOKLET_PAGE.width; x++) out.push({ kind: 'line', x, y: 0, to: { x, y: x % 10 === 0 ? 5 : x % 5 === 0 ? 3.5 : 2 }, thickness: 0.2 });
  for (let y = 0; y <= BOOKLET_PAGE.height; y++) out.push({ kind: 'line', x: 0, y, to: { x: y % 10 === 0 ? 5 : y % 5 === 0 ? 3.5 : 2, y }, thickness: 0.2 });
  for (let v = 10; v < BOOKLET_PAGE.width; v += 10) out.push({ kind: 'label', text: String(v), x: v - 2, y: 5.5, size: 5, width: 4, align: 'center' });
  for (let v = 10; v < BOOKLET_PAGE.height; v += 10) out.push({ kind: 'label', text: String(v), x: 5.5, y: v - 1, size: 5 });
  return out;
}

/**
 * The printer calibration page: printed (with the printer's current offsets) on a blank booklet
 * page; the registrar measures how far the cross-hairs fall from the booklet's marks and enters it.
 */
export const calibrationPage: Template = {
  id: 'calibration',
  title: '套打校准页',
  kind: 'overlay',
  listed: false,
  page: BOOKLET_PAGE,
  fields: [{ kind: 'text', key: 'printer', label: '打印机', x: 14, y: 30, width: 68, size: 9, minSize: 6 }],
  decorations: [],
  // The marks are the document itself: they print, shifted by the offsets, like any field.
  marks: [
    ...rulers(),
    ...CALIBRATION_MARKS.flatMap((m) => crossHair(m.x, m.y)),
    { kind: 'label', text: '套打校准页：量出十字中心偏离票据标记多少毫米', x: 14, y: 38, size: 6.5 },
    { kind: 'label', text: '偏右 a 毫米：水平偏移减 a；偏下 b 毫米：垂直偏移减 b', x: 14, y: 43, size: 6.5 },
  ],
};
