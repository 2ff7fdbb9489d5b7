import type { Decoration, Field, Template } from '../template';

/** 结婚证 / 离婚证 inner data page (9.5 × 12.8 cm), printed onto the pre-printed booklet (套打). */
export const BOOKLET_PAGE = { width: 95, height: 128 };

const LABEL_X = 8;
const VALUE_X = 27;
const VALUE_W = 60;
const SIZE = 11;

function label(text: string, x: number, y: number, size = 9): Decoration {
  return { kind: 'label', text, x, y: y + 0.8, size };
}

/** One party's five lines: 姓名 性别 / 国籍 出生日期 / 身份证件号. */
function party(n: 1 | 2, top: number): { fields: Field[]; decorations: Decoration[] } {
  const k = (s: string): string => `party${n}${s}`;
  const who = n === 1 ? '一方' : '另一方';
  return {
    fields: [
      // Two lines at most: a 25-character minority name with its ·separators fits at 6 pt.
      { kind: 'multiline', key: k('Name'), label: `${who}姓名`, x: VALUE_X, y: top, width: 36, height: 7, size: SIZE, minSize: 6 },
      { kind: 'text', key: k('Sex'), label: `${who}性别`, x: 76, y: top, width: 10, size: SIZE },
      { kind: 'text', key: k('Nationality'), label: `${who}国籍`, x: VALUE_X, y: top + 8, width: 22, size: SIZE, minSize: 7 },
      { kind: 'text', key: k('BirthDate'), label: `${who}出生日期`, x: 64, y: top + 8, width: 26, size: 9, minSize: 7 },
      { kind: 'text', key: k('IdNumber'), label: `${who}身份证件号`, x: 32, y: top + 16, width: 55, size: 10, minSize: 7 },
    ],
    decorations: [
      label('姓名', LABEL_X, top),
      label('性别', 66, top),
      label('国籍', LABEL_X, top + 8),
      label('出生日期', 49, top + 8),
      label('身份证件号', LABEL_X, top + 16),
      { kind: 'line', x: LABEL_X, y: top + 22.5, to: { x: 88, y: top + 22.5 }, thickness: 0.3 },
    ],
  };
}

export function certificateBooklet(id: string, title: string, numberLabel: string, booklet: 'marriage' | 'divorce'): Template {
  const p1 = party(1, 50);
  const p2 = party(2, 75);
  const fields: Field[] = [
    { kind: 'text', key: 'holder', label: '持证人', x: VALUE_X, y: 10, width: VALUE_W, size: 12, minSize: 6 },
    {
      kind: 'date',
      key: 'registrationDate',
      label: '登记日期',
      size: SIZE,
      parts: { year: { x: VALUE_X, y: 18, width: 13 }, month: { x: 45, y: 18, width: 8 }, day: { x: 58, y: 18, width: 8 } },
    },
    { kind: 'text', key: 'certificateNumber', label: numberLabel, x: VALUE_X, y: 26, width: VALUE_W, size: 10, minSize: 7 },
    { kind: 'multiline', key: 'remarks', label: '备注', x: VALUE_X, y: 34, width: VALUE_W, height: 12, size: 9, minSize: 6, optional: true },
    ...p1.fields,
    ...p2.fields,
    { kind: 'text', key: 'office', label: '登记机关', x: VALUE_X, y: 102, width: 44, size: 9, minSize: 6 },
    { kind: 'text', key: 'registrar', label: '婚姻登记员', x: VALUE_X + 4, y: 111, width: 30, size: 10, minSize: 7 },
    {
      kind: 'qr',
      x: 73,
      y: 100,
      size: 17,
      payload: { certificateNumber: 'certificateNumber', names: ['party1Name', 'party2Name'], date: 'registrationDate', office: 'office' },
    },
  ];
  const decorations: Decoration[] = [
    { kind: 'rect', x: 2, y: 2, width: BOOKLET_PAGE.width - 4, height: BOOKLET_PAGE.height - 4, thickness: 0.6 },
    label('持证人', LABEL_X, 10),
    label('登记日期', LABEL_X, 18),
    label('年', 41, 18),
    label('月', 54, 18),
    label('日', 67, 18),
    label(numberLabel, LABEL_X, 26),
    label('备注', LABEL_X, 34),
    ...p1.decorations,
    ...p2.decorations,
    label('登记机关', LABEL_X, 102),
    label('婚姻登记员', LABEL_X, 111),
    label('（登记机关印）', 40, 119, 8),
  ];
  return { id, title, kind: 'overlay', booklet, page: BOOKLET_PAGE, fields, decorations };
}
