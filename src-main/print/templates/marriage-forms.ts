import type { Template } from '../template';
import { A4Form, LEFT, paragraphLines, partyKeys, WIDTH, type Inline, type Row } from './a4-form';

/** The declaration each party signs (婚姻登记条例; 婚姻登记工作规范), word for word. */
export const DECLARATION_TEXT =
  '本人与对方均无配偶，没有直系血亲和三代以内旁系血亲关系，了解对方的身体健康状况，现依照《中华人民共和国民法典》和《婚姻登记条例》的规定，自愿结婚。本人上述声明完全真实，如有虚假，愿承担法律责任。';

/** Where a refused applicant may turn (行政复议法 第二十条; 行政诉讼法 第四十六条). */
export const REMEDY_TEXT =
  '如对本决定不服，可以自收到本告知书之日起六十日内依法申请行政复议，或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼。';

/** One party's block of the declaration: particulars, the declaration, signature and fingerprint. */
function declarationParty(form: A4Form, n: 1 | 2, top: number): number {
  const p = partyKeys(n);
  const side = 12;
  const inner = WIDTH - side;
  const x = LEFT + side;
  const statement: Inline[] = [DECLARATION_TEXT];
  const textWidth = inner - 8;
  const leading = 7.5;
  const statementHeight = paragraphLines(statement, textWidth) * leading + 5;
  const sign = 34;
  const finger = 34;
  const rows: Row[] = [
    { height: 13, cells: [{ width: 24, label: '姓名' }, { width: 134, text: p.name }] },
    {
      height: 12,
      cells: [
        { width: 24, label: '性别' },
        { width: 14, text: { ...p.sex, align: 'center' } },
        { width: 24, label: '出生日期' },
        { width: 40, text: p.birthDate },
        { width: 18, label: '国籍' },
        { width: 38, text: p.nationality },
      ],
    },
    {
      height: 12,
      cells: [
        { width: 24, label: '证件类型' },
        { width: 54, text: p.documentType },
        { width: 24, label: '证件号码' },
        { width: 56, text: p.idNumber },
      ],
    },
    { height: statementHeight, cells: [{ width: inner, blank: true }] },
    { height: sign, cells: [{ width: inner - finger, blank: true }, { width: finger, blank: true, caption: '指纹' }] },
  ];
  const bottom = form.table(LEFT, top, rows, { width: side, label: n === 1 ? '一方' : '另一方' });
  const statementTop = top + 13 + 12 + 12;
  form.paragraph(statement, x + 4, statementTop + 3.4, textWidth, { leading });
  const signTop = statementTop + statementHeight;
  form.blank('声明人签名：', x + 4, signTop + 9, 70);
  const dateX = x + 4 + form.label('日　　期：', x + 4, signTop + 22);
  form.blankDate(dateX, signTop + 22);
  return bottom;
}

/** 申请结婚登记声明书: both parties' particulars and declarations, signed and fingerprinted before the registrar. */
function marriageDeclaration(): Template {
  const form = new A4Form();
  form.title('申请结婚登记声明书', 16);
  const w = form.label('登记机关：', LEFT, 31);
  form.text({ key: 'office', label: '登记机关' }, LEFT + w, 31, 110);
  const first = declarationParty(form, 1, 39);
  const second = declarationParty(form, 2, first + 7);
  const y = second + 10;
  const end = form.blank('监誓婚姻登记员签名：', LEFT, y, 50);
  const dateX = end + 8;
  form.blankDate(dateX + form.label('日期：', dateX, y), y);
  form.label('注：声明人须在婚姻登记员面前亲自签名并按指纹；声明不实的，依法承担法律责任。', LEFT, y + 11, 10.5);
  return form.template('marriage-declaration', '申请结婚登记声明书');
}

/** 婚姻登记审查处理表（结婚登记）: particulars, what the registrar checked, the decision. */
function marriageReview(): Template {
  const form = new A4Form();
  form.title('婚姻登记审查处理表', 16);
  form.label('（结婚登记）', 0, 27, 14, { width: 210, align: 'center' });
  const p1 = partyKeys(1);
  const p2 = partyKeys(2);
  const both = (label: string, height: number, pick: (p: typeof p1) => Row['cells'][number]): Row => ({
    height,
    cells: [{ width: 30, label }, pick(p1), pick(p2)],
  });
  const value = (k: keyof typeof p1) => (p: typeof p1) => ({ width: 70, text: p[k] });
  const rows: Row[] = [
    { height: 10, cells: [{ width: 30, label: '项目' }, { width: 70, label: '一方' }, { width: 70, label: '另一方' }] },
    both('姓名', 13, (p) => ({ width: 70, multiline: p.name, firstLineCentred: true })),
    both('性别', 10, (p) => ({ width: 70, text: p.sex })),
    both('出生日期', 10, value('birthDate')),
    both('国籍', 10, value('nationality')),
    both('身份证件类型', 10, value('documentType')),
    both('身份证件号码', 10, value('idNumber')),
    { height: 11, cells: [{ width: 30, label: '申请日期' }, { width: 140, date: { key: 'applicationDate', label: '申请日期' } }] },
    { height: 64, cells: [{ width: 30, label: '审查情况' }, { width: 140, multiline: { key: 'checks', label: '审查情况', minSize: 7 } }] },
    { height: 26, cells: [{ width: 30, label: '审查意见' }, { width: 140, multiline: { key: 'decision', label: '审查意见', minSize: 7 } }] },
    { height: 11, cells: [{ width: 30, label: '结婚证字号' }, { width: 140, text: { key: 'certificateNumber', label: '结婚证字号', optional: true } }] },
    {
      height: 13,
      cells: [
        { width: 30, label: '婚姻登记员' },
        { width: 60, text: { key: 'registrar', label: '婚姻登记员' } },
        { width: 20, label: '签名' },
        { width: 60, blank: true },
      ],
    },
    { height: 11, cells: [{ width: 30, label: '登记机关' }, { width: 140, text: { key: 'office', label: '登记机关' } }] },
  ];
  const bottom = form.table(LEFT, 36, rows);
  form.label('注：本表由婚姻登记员填写，与声明书、身份证件复印件等一并归入婚姻登记档案。', LEFT, bottom + 5, 10.5);
  return form.template('marriage-review', '婚姻登记审查处理表（结婚登记）');
}

/** 不予办理结婚登记告知书: whom, what was applied for, why not, the remedies, the office's seal. */
function marriageRefusalNotice(): Template {
  const form = new A4Form();
  form.title('不予办理结婚登记告知书', 18);
  form.documentNumber('编号：', { key: 'noticeNumber', label: '编号' }, 120, 32);
  const name = (n: 1 | 2, label: string): Row => ({ height: 12, cells: [{ width: 38, label }, { width: 132, text: partyKeys(n).name }] });
  let y = form.table(LEFT, 41, [name(1, '申请人（一方）'), name(2, '申请人（另一方）')]);
  y = form.paragraph(
    [
      '你们于',
      { date: { key: 'applicationDate', label: '申请日期' } },
      '向本机关申请办理结婚登记。经审查，你们的申请不符合结婚登记的法定条件，本机关决定不予办理结婚登记。理由及依据如下：',
    ],
    LEFT,
    y + 8,
    WIDTH,
  );
  y = form.table(LEFT, y + 1, [
    { height: 46, cells: [{ width: 30, label: '理由' }, { width: 140, multiline: { key: 'reason', label: '不予登记的理由' } }] },
    { height: 26, cells: [{ width: 30, label: '法律依据' }, { width: 140, multiline: { key: 'legalBasis', label: '法律依据', optional: true } }] },
  ]);
  y = form.paragraph([REMEDY_TEXT], LEFT, y + 8, WIDTH);
  form.paragraph(['特此告知。'], LEFT, y, WIDTH);
  const sealEnd = form.seal(y + 16, { key: 'office', label: '登记机关' }, { key: 'decisionDate', label: '决定日期' });
  const signY = sealEnd + 16;
  const end = form.blank('当事人签收：', LEFT, signY, 56);
  const dateX = end + 8;
  form.blankDate(dateX + form.label('签收日期：', dateX, signY), signY);
  return form.template('marriage-refusal-notice', '不予办理结婚登记告知书');
}

export const marriageDeclarationTemplate = marriageDeclaration();
export const marriageReviewTemplate = marriageReview();
export const marriageRefusalNoticeTemplate = marriageRefusalNotice();
