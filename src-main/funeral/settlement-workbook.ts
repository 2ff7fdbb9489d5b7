import { Workbook, type Worksheet } from 'exceljs';
import { localDate } from '../calendar/dates';
import { addTableSheet, BODY_FONT, BORDER, IDEOGRAPHIC_SPACE, TOTAL_STYLE } from '../core/xlsx-table';
import type { Fen } from './money';
import { monthLabel, type Settlement, type StoredLine } from './settlement';

/**
 * The month's settlement as the bureau's finance office takes it: 明细 (one row per waiver, each item's
 * waived amount, then one negative row per reversal — 冲销 — with its 更正原因) and 汇总 (by item, then
 * the reversals in one negative row). Money is a number of 元 with two decimals ('#,##0.00'), so the
 * sheet adds up in Excel; every total is summed in 分 first and converted once, so it equals the
 * statement to the fen.
 */

const MONEY = '#,##0.00';

const yuan = (fen: Fen): number => fen / 100;
const GAP = IDEOGRAPHIC_SPACE;

interface Column {
  header: string;
  width: number;
  money?: boolean;
}

type Cell = string | number | null;

function sheetWithTable(
  workbook: Workbook,
  name: string,
  heading: { title: string; subtitle: string },
  columns: Column[],
  rows: Cell[][],
  total: Cell[],
): Worksheet {
  // Body cells take their style from the column (one shared style object, not one per cell: a month is ~1,000 rows).
  const bodyStyles = columns.map((c, i) => ({
    font: BODY_FONT,
    border: BORDER,
    alignment: { horizontal: c.money || (rows[0] !== undefined && typeof rows[0][i] === 'number') ? ('right' as const) : ('left' as const) },
    ...(c.money ? { numFmt: MONEY } : {}),
  }));
  const sheet = addTableSheet(workbook, name, heading, columns, 30);

  for (const values of rows) {
    const row = sheet.addRow(values);
    bodyStyles.forEach((style, i) => {
      row.getCell(i + 1).style = style;
    });
  }
  const totalRow = sheet.addRow(total);
  bodyStyles.forEach((style, i) => {
    totalRow.getCell(i + 1).style = { ...style, ...TOTAL_STYLE };
  });
  return sheet;
}

function sumOf(reversals: Settlement['reversals'], key: 'totalClaimed' | 'totalWaived'): Fen {
  return reversals.reduce((sum, r) => sum + r[key], 0);
}

export function settlementFileName(s: Pick<Settlement, 'funeralHome' | 'month'>): string {
  return `殡葬费用减免结算_${s.funeralHome}_${s.month}.xlsx`.replace(/[\\/:*?"<>|]/g, '_');
}

export async function settlementWorkbook(s: Settlement, madeAt: Date): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'CivReg';
  workbook.created = madeAt;
  workbook.title = `${s.funeralHome}${monthLabel(s.month)}基本殡葬服务费用减免结算`;
  const status = s.closed ? `已提交（${localDate(new Date(s.closed.closedAt))}）` : '未提交';
  const reversed = s.reversals.length ? [`冲销：${s.reversals.length} 笔`] : [];
  const subtitle = [`结算月份：${s.month}`, `状态：${status}`, `减免人数：${s.waivers.length} 人`, ...reversed, `${localDate(madeAt)} 制表`].join(GAP);
  const heading = (what: string) => ({ title: `${s.funeralHome}${GAP}${monthLabel(s.month)}${what}`, subtitle });

  // A reversal's lines count against the month: its amounts are negative here.
  const waived = (lines: readonly StoredLine[], itemId: string): Fen | null => lines.find((l) => l.itemId === itemId)?.waived ?? null;
  const itemTotals = s.items.map(
    (item) =>
      s.waivers.reduce((sum, w) => sum + (waived(w.lines, item.itemId) ?? 0), 0) - s.reversals.reduce((sum, r) => sum + (waived(r.lines, item.itemId) ?? 0), 0),
  );
  const negative = (fen: Fen | null): number | null => (fen === null ? null : -yuan(fen));
  sheetWithTable(
    workbook,
    '明细',
    heading('基本殡葬服务费用减免明细'),
    [
      { header: '编号', width: 20 },
      { header: '逝者', width: 14 },
      { header: '死亡日期', width: 12 },
      ...s.items.map((i) => ({ header: `${i.label}（元）`, width: 13, money: true })),
      { header: '合计（元）', width: 14, money: true },
      { header: '备注', width: 40 },
    ],
    [
      ...s.waivers.map((w) => [
        w.number,
        w.deceasedName,
        w.dateOfDeath,
        ...s.items.map((i) => {
          const fen = waived(w.lines, i.itemId);
          return fen === null ? null : yuan(fen);
        }),
        yuan(w.totalWaived),
        w.replacesNumber ? `更正减免 ${w.replacesNumber}` : null,
      ]),
      ...s.reversals.map((r) => [
        `冲销 ${r.waiverNumber}`,
        r.deceasedName,
        r.dateOfDeath,
        ...s.items.map((i) => negative(waived(r.lines, i.itemId))),
        -yuan(r.totalWaived),
        `原${monthLabel(r.originalMonth)}结算；更正原因：${r.reason}`,
      ]),
    ],
    ['合计', `${s.waivers.length} 人`, '', ...itemTotals.map(yuan), yuan(s.totalWaived), s.reversals.length ? `含冲销 ${s.reversals.length} 笔` : null],
  );

  const reversalRow = s.reversals.length
    ? [[`冲销（${s.reversals.length} 笔）`, null, null, -yuan(sumOf(s.reversals, 'totalClaimed')), -yuan(sumOf(s.reversals, 'totalWaived'))]]
    : [];
  sheetWithTable(
    workbook,
    '汇总',
    heading('基本殡葬服务费用减免结算汇总'),
    [
      { header: '项目', width: 22 },
      { header: '数量', width: 10 },
      { header: '单位', width: 8 },
      { header: '实际收费（元）', width: 16, money: true },
      { header: '减免金额（元）', width: 16, money: true },
    ],
    [...s.items.map((i) => [i.label, i.quantity, i.unit, yuan(i.claimed), yuan(i.waived)]), ...reversalRow],
    ['合计', null, null, yuan(s.totalClaimed), yuan(s.totalWaived)],
  );

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
