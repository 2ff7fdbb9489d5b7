import type { TableColumn, Template } from '../template';
import { A4Form } from './a4-form';

/** Wider than the other forms (15 mm margins): the record table needs the room. */
const LEFT = 15;
const RIGHT = 195;
const WIDTH = RIGHT - LEFT;

/**
 * The record columns. Every record in it is of this office's archive (the certificate says so), so
 * the office is not repeated per row; the spouse's column is wide enough for a 50-character name at
 * the table's smallest size (6 pt).
 */
export const RECORD_COLUMNS: TableColumn[] = [
  { key: 'type', title: '登记类别', width: 16, align: 'center' },
  { key: 'date', title: '登记日期', width: 26, align: 'center' },
  { key: 'certificateNumber', title: '证书字号', width: 30, align: 'center' },
  { key: 'spouse', title: '配偶姓名', width: 108, align: 'center' },
];

export const RECORD_ROWS = 8;
const ROW_HEIGHT = 9;

/** 婚姻登记记录证明: the registrations this office's archive holds for one person. */
function recordCertificate(): Template {
  const form = new A4Form();
  form.title('婚姻登记记录证明', 18);
  form.documentNumber('编号：', { key: 'number', label: '证明编号' }, 125, 32, RIGHT);
  let y = form.table(LEFT, 41, [
    { height: 12, cells: [{ width: 26, label: '姓名' }, { width: 154, text: { key: 'name', label: '姓名' } }] },
    {
      height: 11,
      cells: [
        { width: 26, label: '性别' },
        { width: 26, text: { key: 'sex', label: '性别', align: 'center' } },
        { width: 30, label: '身份证件号码' },
        { width: 98, text: { key: 'idNumber', label: '身份证件号码' } },
      ],
    },
  ]);
  y = form.paragraph(['经查，本机关婚姻登记档案中有下列登记记录：'], LEFT, y + 8, WIDTH);

  // The header row framed and divided; each record row is ruled below by the renderer.
  const top = y + 1;
  form.rect(LEFT, top, WIDTH, ROW_HEIGHT, 0.5);
  let x = LEFT;
  for (const c of RECORD_COLUMNS.slice(0, -1)) {
    x += c.width;
    form.line(x, top, x, top + ROW_HEIGHT);
  }
  form.fields.push({ kind: 'table', key: 'records', label: '登记记录', x: LEFT, y: top, columns: RECORD_COLUMNS, size: 10, rowHeight: ROW_HEIGHT, maxRows: RECORD_ROWS });
  y = top + (RECORD_ROWS + 1) * ROW_HEIGHT + 7;

  const purposeW = form.label('用途：', LEFT, y);
  form.text({ key: 'purpose', label: '用途', optional: true }, LEFT + purposeW, y, WIDTH - purposeW);
  y = form.paragraph(['本证明仅证明本机关的婚姻登记记录，不证明当事人目前的婚姻状况。'], LEFT, y + 10, WIDTH);
  y = form.paragraph(['特此证明。'], LEFT, y, WIDTH);
  form.seal(y + 12, { key: 'office', label: '登记机关' }, { key: 'issuedOn', label: '出具日期' }, RIGHT - 4);
  return form.template('marriage-record-certificate', '婚姻登记记录证明');
}

export const recordCertificateTemplate = recordCertificate();