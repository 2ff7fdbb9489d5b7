import type { Align, Decoration, Field, Template } from '../template';
import { PT_PER_MM } from '../units';

/**
 * Building blocks for A4 forms printed at the counter (声明书, 审查处理表, 告知书, 回执单, 证明): a
 * title, ruled tables of label and data cells, paragraphs of fixed text with dates inline, blanks
 * for hand writing. Everything ends up as plain template data (labels, lines, rects and fields in mm).
 *
 * Fixed text is laid out here, without the fonts: it must be full-width (CJK characters and
 * full-width punctuation, one em each in every shipped font), which is checked when a form is built.
 */

export const A4_PAGE = { width: 210, height: 297 };
export const LEFT = 20;
export const RIGHT = 190;
export const WIDTH = RIGHT - LEFT;

export const TITLE_SIZE = 22;
export const BODY_SIZE = 12;
export const CELL_SIZE = 11;
/** Smallest size a name or other data may shrink to: a 50-character name fits the wide cells at 7 pt. */
export const MIN_SIZE = 7;

const RULE = 0.3;
const FRAME = 0.7;
const PAD = 2;

/** One em at a size in pt, in mm. */
export const em = (size: number): number => size / PT_PER_MM;

const WIDE_PUNCTUATION = new Set([...'，。、；：？！（）《》“”‘’「」『』〈〉【】…—　']);
const CLOSING = new Set([...'，。、；：？！）》”’」』〉】']);
const OPENING = new Set([...'（《“‘「『〈【']);

function isWide(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return WIDE_PUNCTUATION.has(ch) || (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0x20000 && cp <= 0x323af);
}

/** Width in em of fixed text; refuses anything that is not one em wide (digits, Latin, half-width punctuation). */
export function wideLength(text: string): number {
  const chars = [...text];
  const narrow = chars.find((ch) => !isWide(ch));
  if (narrow !== undefined) throw new Error(`form text must be full-width: “${text}” has “${narrow}”`);
  return chars.length;
}

/** A data key with its Chinese name (for error messages). */
export interface DataKey {
  key: string;
  label: string;
  optional?: boolean;
}

/** A data value in one line, shrinking from `size` to `minSize`. */
export interface TextSpec extends DataKey {
  size?: number;
  minSize?: number;
  align?: Align;
}

/** Year, month and day widths of a date's numbers, in em; the 年, 月 and 日 between them are one em each. */
const YEAR_EM = 2.6;
const DAY_EM = 1.5;
export const DATE_EM = YEAR_EM + 2 * DAY_EM + 3;

export type Cell = { width: number } & (
  | { label: string; size?: number; align?: Align }
  | { text: TextSpec }
  /** Wrapped data; `firstLineCentred`: a value that fits one line at full size sits mid-cell, like a text cell. */
  | { multiline: TextSpec; firstLineCentred?: boolean }
  | { date: DataKey; size?: number }
  /** An empty cell, for hand writing (a signature, a fingerprint). */
  | { blank: true; caption?: string }
);

export interface Row {
  height: number;
  cells: Cell[];
}

/** Fixed text, and dates printed in it, in a paragraph. */
export type Inline = string | { date: DataKey };

type Token = { kind: 'ch'; ch: string; w: number } | { kind: 'date'; key: DataKey; w: number } | { kind: 'gap'; w: number };

function tokenize(parts: Inline[]): Token[] {
  const out: Token[] = [];
  for (const p of parts) {
    if (typeof p === 'string') {
      wideLength(p);
      for (const ch of p) out.push({ kind: 'ch', ch, w: 1 });
    } else out.push({ kind: 'date', key: p.date, w: DATE_EM + 0.5 });
  }
  return out;
}

/**
 * Lines of at most `max` em. A closing mark never starts a line (it hangs past the edge, 行末悬挂);
 * an opening mark never ends one (it moves down with what it opens).
 */
function breakLines(tokens: Token[], max: number): Token[][] {
  const lines: Token[][] = [];
  let cur: Token[] = [];
  let w = 0;
  for (const t of tokens) {
    if (cur.length && w + t.w > max + 1e-6) {
      if (t.kind === 'ch' && CLOSING.has(t.ch)) {
        cur.push(t);
        w += t.w;
        continue;
      }
      const carry: Token[] = [];
      while (cur.length > 1) {
        const last = cur[cur.length - 1];
        if (last.kind !== 'ch' || !OPENING.has(last.ch)) break;
        carry.unshift(cur.pop()!);
      }
      lines.push(cur);
      cur = carry;
      w = carry.reduce((s, c) => s + c.w, 0);
    }
    cur.push(t);
    w += t.w;
  }
  if (cur.length) lines.push(cur);
  return lines;
}

function layoutParagraph(parts: Inline[], width: number, size: number, indent: number): Token[][] {
  const tokens = tokenize(parts);
  if (indent) tokens.unshift({ kind: 'gap', w: indent });
  return breakLines(tokens, width / em(size));
}

/** How many lines `A4Form.paragraph` makes of these parts. */
export function paragraphLines(parts: Inline[], width: number, size = BODY_SIZE, indent = 2): number {
  return layoutParagraph(parts, width, size, indent).length;
}

/** Collects a form's decorations and fields; `template()` makes the A4 template of them. */
export class A4Form {
  readonly fields: Field[] = [];
  readonly decorations: Decoration[] = [];

  /** Fixed text, its glyph tops at `y`; in a box of `width` when aligned. */
  label(text: string, x: number, y: number, size = BODY_SIZE, box?: { width: number; align: Align }): number {
    const w = wideLength(text) * em(size);
    if (box && w > box.width + 0.01) throw new Error(`form label “${text}” is wider than its box (${w.toFixed(1)} > ${box.width} mm)`);
    this.decorations.push({ kind: 'label', text, x, y, size, ...(box ? { width: box.width, align: box.align } : {}) });
    return w;
  }

  /** The document's title, centred on the page. */
  title(text: string, y: number, size = TITLE_SIZE): void {
    this.label(text, 0, y, size, { width: A4_PAGE.width, align: 'center' });
  }

  line(x: number, y: number, toX: number, toY: number, thickness = RULE): void {
    this.decorations.push({ kind: 'line', x, y, to: { x: toX, y: toY }, thickness });
  }

  rect(x: number, y: number, width: number, height: number, thickness = RULE): void {
    this.decorations.push({ kind: 'rect', x, y, width, height, thickness });
  }

  /** A one-line data value. */
  text(spec: TextSpec, x: number, y: number, width: number): void {
    const size = spec.size ?? BODY_SIZE;
    this.fields.push({
      kind: 'text',
      key: spec.key,
      label: spec.label,
      ...(spec.optional ? { optional: true } : {}),
      x,
      y,
      width,
      size,
      minSize: Math.min(size, spec.minSize ?? MIN_SIZE),
      ...(spec.align ? { align: spec.align } : {}),
    });
  }

  /** Wrapped data in a box, shrinking to fit it. */
  multiline(spec: TextSpec, x: number, y: number, width: number, height: number): void {
    const size = spec.size ?? BODY_SIZE;
    this.fields.push({
      kind: 'multiline',
      key: spec.key,
      label: spec.label,
      ...(spec.optional ? { optional: true } : {}),
      x,
      y,
      width,
      height,
      size,
      minSize: Math.min(size, spec.minSize ?? MIN_SIZE),
    });
  }

  /** A YYYY-MM-DD date printed as 2026 年 11 月 24 日 (numbers underlined when `underline`); returns its width in mm. */
  date(key: DataKey, x: number, y: number, size = BODY_SIZE, underline = false): number {
    const e = em(size);
    const year = { x, y, width: YEAR_EM * e };
    const month = { x: x + (YEAR_EM + 1) * e, y, width: DAY_EM * e };
    const day = { x: x + (YEAR_EM + DAY_EM + 2) * e, y, width: DAY_EM * e };
    this.fields.push({ kind: 'date', key: key.key, label: key.label, ...(key.optional ? { optional: true } : {}), size, parts: { year, month, day } });
    this.dateFrame(x, y, size, underline);
    return DATE_EM * e;
  }

  /** A date left blank for hand writing: ____年___月___日; returns its width in mm. */
  blankDate(x: number, y: number, size = BODY_SIZE): number {
    this.dateFrame(x, y, size, true, 1);
    return (DATE_EM + 2) * em(size);
  }

  private dateFrame(x: number, y: number, size: number, underline: boolean, extra = 0): void {
    const e = em(size);
    const widths = [YEAR_EM + extra, DAY_EM + extra / 2, DAY_EM + extra / 2];
    let at = x;
    ['年', '月', '日'].forEach((unit, i) => {
      if (underline) this.underline(at, y, widths[i] * e, size);
      at += widths[i] * e;
      this.label(unit, at, y, size);
      at += e;
    });
  }

  /** A rule under text of `size` whose glyph tops are at `y`. */
  underline(x: number, y: number, width: number, size = BODY_SIZE): void {
    this.line(x, y + em(size) + 0.6, x + width, y + em(size) + 0.6, 0.3);
  }

  /** `caption` then a rule to write on; returns the x where the rule ends. */
  blank(caption: string, x: number, y: number, width: number, size = BODY_SIZE): number {
    const w = this.label(caption, x, y, size);
    this.underline(x + w, y, width, size);
    return x + w + width;
  }

  /**
   * Fixed text with dates inline, wrapped to `width`, its first line indented two em;
   * returns the y below the last line.
   */
  paragraph(parts: Inline[], x: number, y: number, width: number, opts: { size?: number; leading?: number; indent?: number } = {}): number {
    const size = opts.size ?? BODY_SIZE;
    const e = em(size);
    const leading = opts.leading ?? e * 1.75;
    const lines = layoutParagraph(parts, width, size, opts.indent ?? 2);
    lines.forEach((line, i) => {
      const top = y + i * leading;
      let at = x;
      let run = '';
      let runX = x;
      const flush = (): void => {
        if (run) this.label(run, runX, top, size);
        run = '';
      };
      for (const t of line) {
        if (t.kind === 'ch') {
          if (!run) runX = at;
          run += t.ch;
          at += e;
          continue;
        }
        flush();
        if (t.kind === 'date') this.date(t.key, at + 0.25 * e, top, size, true);
        at += t.w * e;
      }
      flush();
    });
    return y + lines.length * leading;
  }

  /**
   * A ruled table at (x, y): rows of cells whose widths add up to the same total, framed; `side`
   * is a header column left of all rows, its words stacked top to bottom. Returns the y below it.
   */
  table(x: number, y: number, rows: Row[], side?: { width: number; label: string; size?: number }): number {
    const total = rows[0].cells.reduce((s, c) => s + c.width, 0);
    const height = rows.reduce((s, r) => s + r.height, 0);
    let left = x;
    if (side) {
      this.stacked(side.label, x, y, side.width, height, side.size ?? CELL_SIZE);
      this.line(x + side.width, y, x + side.width, y + height);
      left += side.width;
    }
    let top = y;
    rows.forEach((row, i) => {
      const w = row.cells.reduce((s, c) => s + c.width, 0);
      if (Math.abs(w - total) > 0.01) throw new Error(`table row ${i + 1} is ${w} mm wide, the first ${total} mm`);
      if (i > 0) this.line(left, top, left + total, top);
      let at = left;
      row.cells.forEach((c, j) => {
        if (j > 0) this.line(at, top, at, top + row.height);
        this.cell(c, at, top, row.height);
        at += c.width;
      });
      top += row.height;
    });
    this.rect(x, y, total + (side?.width ?? 0), height, FRAME);
    return top;
  }

  private cell(c: Cell, x: number, y: number, h: number): void {
    const inner = c.width - 2 * PAD;
    if ('label' in c) {
      const size = c.size ?? CELL_SIZE;
      const align = c.align ?? 'center';
      this.label(c.label, x + PAD, y + (h - em(size)) / 2, size, { width: inner, align });
    } else if ('text' in c) {
      const size = c.text.size ?? BODY_SIZE;
      this.text(c.text, x + PAD, y + (h - em(size)) / 2, inner);
    } else if ('multiline' in c) {
      const top = c.firstLineCentred ? (h - em(c.multiline.size ?? BODY_SIZE)) / 2 : 1.8;
      this.multiline(c.multiline, x + PAD, y + top, inner, h - top - (c.firstLineCentred ? 0.6 : 1.4));
    } else if ('date' in c) {
      const size = c.size ?? BODY_SIZE;
      this.date(c.date, x + PAD, y + (h - em(size)) / 2, size);
    } else if (c.caption) {
      this.label(c.caption, x + PAD, y + 2, 10.5, { width: inner, align: 'center' });
    }
  }

  /** A document number under the title: `caption` (编号：) from `x`, the number after it up to `right`. */
  documentNumber(caption: string, spec: DataKey, x: number, y: number, right = RIGHT): void {
    const w = this.label(caption, x, y);
    this.text({ ...spec, minSize: 8 }, x + w, y, right - x - w);
  }

  /** Words stacked one character per line, centred in a box (a table's side header). */
  stacked(text: string, x: number, y: number, width: number, height: number, size = CELL_SIZE): void {
    const chars = [...text];
    const step = em(size) * 1.5;
    const top = y + (height - (chars.length - 1) * step - em(size)) / 2;
    chars.forEach((ch, i) => this.label(ch, x, top + i * step, size, { width, align: 'center' }));
  }

  /** Where the office's seal goes: 登记机关（印章）, the office's name and, when given, the date, centred at the right. */
  seal(y: number, office: DataKey, date?: DataKey, right = RIGHT): number {
    const width = 86;
    const x = right - width;
    this.label('登记机关（印章）', x, y, BODY_SIZE, { width, align: 'center' });
    this.text({ ...office, align: 'center' }, x, y + 9, width);
    if (!date) return y + 9 + em(BODY_SIZE);
    this.date(date, x + (width - DATE_EM * em(BODY_SIZE)) / 2, y + 18);
    return y + 18 + em(BODY_SIZE);
  }

  template(id: string, title: string): Template {
    return { id, title, kind: 'a4', page: A4_PAGE, fields: this.fields, decorations: this.decorations };
  }
}

/** The six particulars of party 1 or 2 (一方 / 另一方), as the certificate names them. */
export function partyKeys(n: 1 | 2): Record<'name' | 'sex' | 'birthDate' | 'nationality' | 'documentType' | 'idNumber', DataKey> {
  const who = n === 1 ? '一方' : '另一方';
  const k = (s: string, label: string): DataKey => ({ key: `party${n}${s}`, label: `${who}${label}` });
  return {
    name: k('Name', '姓名'),
    sex: k('Sex', '性别'),
    birthDate: k('BirthDate', '出生日期'),
    nationality: k('Nationality', '国籍'),
    documentType: k('DocumentType', '身份证件类型'),
    idNumber: k('IdNumber', '身份证件号'),
  };
}
