import type { Workbook, Worksheet } from 'exceljs';

/**
 * The office's look for an exported table, shared by the statistics workbook and the funeral settlement
 * so both reports hand on the same way: a merged title row, a grey subtitle row (range, when it was
 * made), the header row (bold, white on dark blue, frozen), then the rows the caller adds.
 */

export const BODY_FONT = { name: '宋体', size: 11 };
const TITLE_FONT = { name: '宋体', size: 14, bold: true };
const HEADER_FILL = 'FF1F4E79';
const TOTAL_FILL = 'FFDDEBF7';
const THIN = { style: 'thin' as const, color: { argb: 'FFB4C6E7' } };
export const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** The bold, light-blue look of a total row. */
export const TOTAL_STYLE = {
  font: { ...BODY_FONT, bold: true },
  fill: { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: TOTAL_FILL } },
};
/** U+3000, the full-width space Chinese headings are set with. */
export const IDEOGRAPHIC_SPACE = '\u3000';

export interface TableHeading {
  title: string;
  subtitle: string;
}

/** Adds the sheet with its title, subtitle and header rows (rows 1–3); the caller adds the body from row 4. */
export function addTableSheet(
  workbook: Workbook,
  name: string,
  heading: TableHeading,
  columns: readonly { header: string; width: number }[],
  headerHeight: number,
): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.columns = columns.map((c) => ({ width: c.width, style: { font: BODY_FONT } }));
  const span = Math.max(columns.length, 1);

  sheet.mergeCells(1, 1, 1, span);
  const title = sheet.getCell(1, 1);
  title.value = heading.title;
  title.font = TITLE_FONT;
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 28;

  sheet.mergeCells(2, 1, 2, span);
  const subtitle = sheet.getCell(2, 1);
  subtitle.value = heading.subtitle;
  subtitle.font = { ...BODY_FONT, size: 10, color: { argb: 'FF595959' } };
  subtitle.alignment = { horizontal: 'center' };

  const header = sheet.getRow(3);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...BODY_FONT, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  header.height = headerHeight;
  return sheet;
}
