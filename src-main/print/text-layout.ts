import { AppError } from '../contract';

/** Measures a string at a size in points (the runs may use several fonts). */
export type Measure = (text: string, size: number) => number;

/** The largest size from `size` down to `minSize` at which `text` fits `widthPt`, or throw naming the field. */
export function fitOneLine(text: string, widthPt: number, size: number, minSize: number, label: string, measure: Measure): number {
  const natural = measure(text, size);
  if (natural <= widthPt) return size;
  const shrunk = Math.floor((size * widthPt) / natural * 10) / 10;
  if (shrunk >= minSize && measure(text, shrunk) <= widthPt) return shrunk;
  throw new AppError('VALIDATION', `“${label}”过长：缩小到最小字号 ${minSize} 磅仍超出打印框，请缩短内容`, { [label]: '内容过长，超出打印框' });
}

/** Break text into lines of at most `widthPt`, at any character (CJK) or at an explicit newline. */
export function wrap(text: string, widthPt: number, size: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const ch of paragraph) {
      if (line && measure(line + ch, size) > widthPt) {
        lines.push(line);
        line = ch;
      } else line += ch;
    }
    lines.push(line);
  }
  return lines;
}

export const LINE_HEIGHT = 1.35;

/** The largest size at which wrapped text fits the box, with its lines; or throw naming the field. */
export function fitBox(
  text: string,
  widthPt: number,
  heightPt: number,
  size: number,
  minSize: number,
  label: string,
  measure: Measure,
): { size: number; lines: string[] } {
  for (let s = size; s >= minSize; s = Math.round((s - 0.5) * 10) / 10) {
    const lines = wrap(text, widthPt, s, measure);
    if (lines.length * s * LINE_HEIGHT <= heightPt) return { size: s, lines };
  }
  throw new AppError('VALIDATION', `“${label}”过长：缩小到最小字号 ${minSize} 磅仍放不进打印框，请缩短内容`, { [label]: '内容过长，超出打印框' });
}

/** Left edge of a run of width `w` aligned in a box starting at `x` of width `boxW`. */
export function alignX(x: number, boxW: number, w: number, align: 'left' | 'center' | 'right' = 'left'): number {
  if (align === 'center') return x + (boxW - w) / 2;
  if (align === 'right') return x + boxW - w;
  return x;
}
