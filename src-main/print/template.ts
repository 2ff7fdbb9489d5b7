import { z } from 'zod';
import { isCalendarDate } from '../contract/calendar-dates';

/** Where things go, in millimetres from the page's top-left corner. */
export interface Point {
  x: number;
  y: number;
}

export type Align = 'left' | 'center' | 'right';

interface Labelled {
  /** The data key this field prints. */
  key: string;
  /** Its Chinese name, for error messages. */
  label: string;
  optional?: boolean;
}

/** One line; shrinks from `size` down to `minSize` (pt) to fit `width` mm. */
export interface TextField extends Labelled, Point {
  kind: 'text';
  width: number;
  size: number;
  minSize?: number;
  align?: Align;
}

/** Wrapped text in a box; shrinks to fit `height` too. */
export interface MultilineField extends Labelled, Point {
  kind: 'multiline';
  width: number;
  height: number;
  size: number;
  minSize?: number;
}

/** A YYYY-MM-DD date: on a booklet its year, month and day each go after their pre-printed 年/月/日. */
export interface DateField extends Labelled {
  kind: 'date';
  size: number;
  parts: { year: Point & { width: number }; month: Point & { width: number }; day: Point & { width: number } };
}

/** A list of lines in large type (`a4-text`, font checks). */
export interface LinesField extends Labelled, Point {
  kind: 'lines';
  width: number;
  size: number;
  minSize?: number;
  lineGap: number;
  maxLines: number;
}

export interface TableColumn {
  key: string;
  title: string;
  width: number;
  align?: Align;
}

/** Rows of a statement or list; a header row, then one row per item. */
export interface TableField extends Labelled, Point {
  kind: 'table';
  columns: TableColumn[];
  size: number;
  rowHeight: number;
  maxRows: number;
}

/** The station-signed verification QR code; its payload is made from the data keys named here. */
export interface QrField extends Point {
  kind: 'qr';
  size: number;
  payload: { certificateNumber: string; names: string[]; date: string; office: string };
}

/** A PNG or JPEG given as a data: URL. */
export interface ImageField extends Labelled, Point {
  kind: 'image';
  width: number;
  height: number;
}

export type Field = TextField | MultilineField | DateField | LinesField | TableField | QrField | ImageField;

/** Fixed text and lines: printed on A4 forms; on overlays only drawn in the preview (the booklet has them). */
export type Decoration =
  | ({ kind: 'label'; text: string; size: number; width?: number; align?: Align } & Point)
  | ({ kind: 'line'; to: Point; thickness?: number } & Point)
  | ({ kind: 'rect'; width: number; height: number; thickness?: number } & Point);

export interface Template {
  id: string;
  title: string;
  /** `a4`: a whole document. `overlay` (套打): only the data, onto a pre-printed booklet page. */
  kind: 'a4' | 'overlay';
  /** Offered in the document list (the calibration page has a screen of its own). */
  listed?: boolean;
  /** Printed onto a controlled blank booklet of this kind: each print takes one out of stock. */
  booklet?: 'marriage' | 'divorce';
  page: { width: number; height: number };
  fields: Field[];
  /** A4: printed. Overlay: the booklet's own printing, drawn in the preview only. */
  decorations: Decoration[];
  /** Printed like fields (and moved by the printer's calibration): rulers and cross-hairs. */
  marks?: Decoration[];
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;


/** A template with a signed QR code is a certificate. */
export function isCertificate(t: Template): boolean {
  return t.fields.some((f) => f.kind === 'qr');
}

/** Line breaks, tabs and other control or format characters have no glyph and break the layout. */
const CONTROL = /[\p{Cc}\p{Cf}]/u;

const schemas = new WeakMap<Template, z.ZodType<Record<string, unknown>>>();

/** The data a template takes, as a strict schema: a missing or extra field is named in Chinese. */
export function dataSchema(t: Template): z.ZodType<Record<string, unknown>> {
  let schema = schemas.get(t);
  if (!schema) {
    schema = buildDataSchema(t);
    schemas.set(t, schema);
  }
  return schema;
}

function buildDataSchema(t: Template): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const f of t.fields) {
    let s: z.ZodType;
    switch (f.kind) {
      case 'qr':
        continue;
      case 'text':
        s = z
          .string({ error: `缺少字段“${f.label}”（${f.key}）` })
          .min(1, `字段“${f.label}”不能为空`)
          .refine((v) => !CONTROL.test(v), `字段“${f.label}”含有换行、制表符等控制字符`);
        break;
      case 'multiline':
        s = z
          .string({ error: `缺少字段“${f.label}”（${f.key}）` })
          .min(1, `字段“${f.label}”不能为空`)
          .transform((v) => v.replace(/\r\n?/g, '\n'))
          .refine((v) => !CONTROL.test(v.replace(/\n/g, '')), `字段“${f.label}”含有制表符等控制字符（只允许换行）`);
        break;
      case 'date':
        s = z
          .string({ error: `缺少字段“${f.label}”（${f.key}）` })
          .regex(isoDate, `字段“${f.label}”应为 YYYY-MM-DD 日期`)
          .refine(isCalendarDate, `字段“${f.label}”不是实际存在的日期`);
        break;
      case 'lines':
        s = z
          .array(
            z.string({ error: `“${f.label}”的每一行都应是文字` }).refine((v) => !CONTROL.test(v), `“${f.label}”含有换行、制表符等控制字符`),
            { error: `缺少字段“${f.label}”（${f.key}），应为文字行的列表` },
          )
          .min(1, `“${f.label}”至少要有一行`)
          .max(f.maxLines, `“${f.label}”最多 ${f.maxLines} 行`);
        break;
      case 'table':
        s = z
          .array(z.record(z.string(), z.union([z.string(), z.number()])), { error: `缺少字段“${f.label}”（${f.key}），应为表格行的列表` })
          .max(f.maxRows, `“${f.label}”最多 ${f.maxRows} 行`);
        break;
      case 'image':
        s = z.string({ error: `缺少字段“${f.label}”（${f.key}）` }).regex(/^data:image\/(png|jpeg);base64,/, `字段“${f.label}”应为 PNG 或 JPEG 图片`);
        break;
    }
    shape[f.key] = (f.optional ? s.optional() : s).meta({ title: f.label });
  }
  return z.strictObject(shape);
}
