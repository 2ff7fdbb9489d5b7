import type { TableColumn, Template } from '../template';
import { A4Form, BODY_SIZE, CELL_SIZE, LEFT, RIGHT, WIDTH, type DataKey, type Row } from './a4-form';

/**
 * The funeral module's A4 documents (惠民殡葬): the waiver's approval form, signed at the funeral home
 * and at the bureau, and the month's settlement statement the bureau pays on. Data comes from the
 * record (handlers/funeral.ts builds it); money is printed as '1,780.00 元'.
 */

const k = (key: string, label: string, optional = false): DataKey => ({ key, label, ...(optional ? { optional: true } : {}) });

/** A table drawn by the renderer under a framed, ruled header row (as the record certificate's). */
function tableField(form: A4Form, key: DataKey, y: number, columns: TableColumn[], rowHeight: number, maxRows: number, size = 10): number {
  const width = columns.reduce((s, c) => s + c.width, 0);
  form.rect(LEFT, y, width, rowHeight, 0.5);
  let x = LEFT;
  for (const c of columns.slice(0, -1)) {
    x += c.width;
    form.line(x, y, x, y + rowHeight);
  }
  form.fields.push({ kind: 'table', key: key.key, label: key.label, x: LEFT, y, columns, size, rowHeight, maxRows });
  return y + (maxRows + 1) * rowHeight;
}

/** `caption` and a rule to sign on, then 日期 with a blank date, on one line. */
function signatureLine(form: A4Form, caption: string, x: number, y: number, width: number): void {
  const end = form.blank(caption, x, y, width);
  const dateX = end + 4;
  form.blankDate(dateX + form.label('日期：', dateX, y), y);
}

export const WAIVER_LINE_COLUMNS: TableColumn[] = [
  { key: 'no', title: '序号', width: 10, align: 'center' },
  { key: 'item', title: '减免项目', width: 54, align: 'left' },
  { key: 'quantity', title: '数量', width: 16, align: 'center' },
  { key: 'claimed', title: '实际收费', width: 30, align: 'right' },
  { key: 'waived', title: '减免金额', width: 30, align: 'right' },
  { key: 'familyPays', title: '家属自付', width: 30, align: 'right' },
];
/** The lines and the 合计 row: each of a version's items is waived at most once (the seeds have at most eight). */
export const WAIVER_LINE_ROWS = 9;

/**
 * 基本殡葬服务费用减免审批表: the deceased, the policy applied, each line with its amounts and the rule
 * behind them, the payer, the review, and the three signatures. Free-text data as long as the contract
 * allows (a 50-character name, a 100-character address) still fits: those cells are full width or wrap.
 */
function waiverForm(): Template {
  const form = new A4Form();
  form.title('基本殡葬服务费用减免审批表', 12, 18);
  const homeW = form.label('殡仪馆：', LEFT, 25);
  form.text(k('funeralHome', '殡仪馆'), LEFT + homeW, 25, 112 - homeW);
  form.documentNumber('编号：', k('number', '减免编号'), 136, 25);

  const L = 28;
  const long = (key: string, label: string): Row['cells'][number] => ({ width: 142, multiline: { ...k(key, label), size: 11, minSize: 6 }, firstLineCentred: true });
  const rows: Row[] = [
    { height: 9, cells: [{ width: L, label: '逝者姓名' }, { width: 142, text: k('deceasedName', '逝者姓名') }] },
    {
      height: 9,
      cells: [
        { width: L, label: '性别' },
        { width: 20, text: { ...k('sex', '逝者性别'), align: 'center' } },
        { width: 22, label: '死亡日期' },
        { width: 40, text: { ...k('dateOfDeath', '死亡日期'), size: 11 } },
        { width: 22, label: '证件类型' },
        { width: 38, text: { ...k('documentType', '逝者身份证件类型'), size: 10 } },
      ],
    },
    {
      height: 9,
      cells: [
        { width: L, label: '证件号码' },
        { width: 50, text: k('idNumber', '逝者身份证件号码') },
        { width: 28, label: '死亡证明编号' },
        { width: 64, text: { ...k('deathCertificateNumber', '死亡证明编号'), size: 11, minSize: 6 } },
      ],
    },
    { height: 10, cells: [{ width: L, label: '户籍地' }, long('hukou', '户籍地')] },
    { height: 10, cells: [{ width: L, label: '死亡地点' }, long('placeOfDeath', '死亡地点')] },
    { height: 9, cells: [{ width: L, label: '减免对象' }, { width: 142, text: { ...k('category', '减免对象类别'), size: 11 } }] },
    { height: 9, cells: [{ width: L, label: '户籍与地点' }, { width: 142, text: { ...k('residence', '户籍与地点'), size: 11 } }] },
    { height: 9, cells: [{ width: L, label: '政策依据' }, { width: 142, text: { ...k('policy', '政策依据'), size: 11 } }] },
    { height: 11, cells: [{ width: L, label: '应备材料' }, { width: 142, multiline: { ...k('proofs', '应备材料'), size: 10, minSize: 6 } }] },
  ];
  let y = form.table(LEFT, 32, rows);

  y = tableField(form, k('lines', '减免明细'), y + 2.5, WAIVER_LINE_COLUMNS, 6, WAIVER_LINE_ROWS);
  form.label('减免依据：', LEFT, y + 1, CELL_SIZE);
  form.multiline({ ...k('rules', '减免依据'), size: 9, minSize: 5.5 }, LEFT, y + 6, WIDTH, 26);
  y += 34;

  y = form.table(LEFT, y, [
    {
      height: 10,
      cells: [
        { width: L, label: '家属经办人' },
        { width: 62, multiline: { ...k('payerName', '家属经办人姓名'), size: 12, minSize: 6 }, firstLineCentred: true },
        { width: 24, label: '与逝者关系' },
        { width: 56, text: { ...k('payerRelation', '与逝者关系'), size: 11 } },
      ],
    },
    {
      height: 9,
      cells: [
        { width: L, label: '经办人证件号码', size: 9 },
        { width: 62, text: k('payerIdNumber', '家属经办人身份证件号码') },
        { width: 24, label: '录入人' },
        { width: 56, text: { ...k('enteredBy', '录入人', true), size: 11 } },
      ],
    },
    {
      height: 9,
      cells: [
        { width: L, label: '审核人' },
        { width: 62, text: { ...k('reviewedBy', '审核人', true), size: 11 } },
        { width: 24, label: '审核日期' },
        { width: 56, text: { ...k('reviewedOn', '审核日期', true), size: 11 } },
      ],
    },
    { height: 12, cells: [{ width: L, label: '审核意见' }, { width: 142, multiline: { ...k('decision', '审核意见', true), size: 11, minSize: 7 } }] },
  ]);

  const sy = y + 5;
  signatureLine(form, '家属经办人签名：', LEFT, sy, 36);
  signatureLine(form, '殡仪馆经办人签名：', LEFT, sy + 9.5, 32);
  signatureLine(form, '民政部门审核人签名：', LEFT, sy + 19, 28);
  return form.template('funeral-waiver-form', '基本殡葬服务费用减免审批表');
}

export const SETTLEMENT_COLUMNS: TableColumn[] = [
  { key: 'no', title: '序号', width: 14, align: 'center' },
  { key: 'item', title: '项目', width: 58, align: 'left' },
  { key: 'quantity', title: '数量', width: 30, align: 'center' },
  { key: 'waived', title: '减免金额', width: 68, align: 'right' },
];
/** Items, the month's reversals (冲销, one row each while they fit) and the 合计 row. */
export const SETTLEMENT_ROWS = 16;

/**
 * 基本殡葬服务费用减免月度结算汇总表: what the bureau pays the funeral home for the month — the items of
 * its approved waivers, less the reversals of waivers corrected after their month was closed, whose
 * original 减免编号 and 更正原因 the 冲销说明 states.
 */
function settlementStatement(): Template {
  const form = new A4Form();
  form.title('基本殡葬服务费用减免月度结算汇总表', 16, 18);
  const homeW = form.label('殡仪馆：', LEFT, 32);
  form.text(k('funeralHome', '殡仪馆'), LEFT + homeW, 32, 110 - homeW);
  const monthW = form.label('结算月份：', 130, 32);
  form.text(k('month', '结算月份'), 130 + monthW, 32, RIGHT - 130 - monthW);

  let y = tableField(form, k('items', '结算项目'), 41, SETTLEMENT_COLUMNS, 7.5, SETTLEMENT_ROWS, 11);
  y = form.table(LEFT, y + 4, [
    {
      height: 10,
      cells: [
        { width: 36, label: '减免人数' },
        { width: 50, text: { ...k('waiverCount', '减免人数'), align: 'center' } },
        { width: 36, label: '结算状态' },
        { width: 48, text: { ...k('status', '结算状态'), size: 11, align: 'center' } },
      ],
    },
    {
      height: 10,
      cells: [
        { width: 36, label: '减免金额合计' },
        { width: 134, text: k('total', '减免金额合计') },
      ],
    },
    {
      height: 10,
      cells: [
        { width: 36, label: '金额大写' },
        { width: 134, text: k('totalUppercase', '减免金额合计（大写）') },
      ],
    },
    { height: 14, cells: [{ width: 36, label: '冲销说明' }, { width: 134, multiline: { ...k('reversalNotes', '冲销说明'), size: 9, minSize: 6 } }] },
  ]);
  form.label('注：本表根据民政部门审核通过的减免记录汇总，逐人明细见结算明细表（电子表格）。', LEFT, y + 3, 9);

  const top = y + 14;
  const half = WIDTH / 2;
  const block = (x: number, seal: string, who: [string, string]): void => {
    form.label(seal, x, top, BODY_SIZE);
    form.blank(who[0], x, top + 12, 40);
    form.blank(who[1], x, top + 24, 40);
    form.blankDate(x + form.label('日期：', x, top + 36), top + 36);
  };
  block(LEFT, '殡仪馆（盖章）', ['负责人签名：', '经办人签名：']);
  block(LEFT + half + 4, '民政局（盖章）', ['负责人签名：', '审核人签名：']);
  return form.template('funeral-settlement-statement', '基本殡葬服务费用减免月度结算汇总表');
}

export const funeralWaiverFormTemplate = waiverForm();
export const funeralSettlementStatementTemplate = settlementStatement();
