import { Workbook, type Worksheet } from 'exceljs';
import {
  DIVORCE_OUTCOMES,
  STATS_GRANULARITY_LABELS,
  STATS_MEASURES,
  type DivorceOutcome,
  type MarriageStatsView,
  type StatsGranularity,
  type StatsPeriodView,
} from '../contract';
import { addTableSheet, BORDER, type TableHeading, IDEOGRAPHIC_SPACE, TOTAL_STYLE } from '../core/xlsx-table';

interface Column<R> {
  header: string;
  width: number;
  value: (row: R) => string | number;
  /** Excel number format, e.g. 0.0% for a share. */
  numFmt?: string;
}

/**
 * One table per sheet: a merged title row (the office and what the table is), a row with the range
 * and when it was made, the header row (bold, white on dark blue, frozen), the rows, and a total row.
 */
function addTable<R>(
  workbook: Workbook,
  name: string,
  heading: TableHeading,
  columns: Column<R>[],
  rows: R[],
  total?: R,
): Worksheet {
  const sheet = addTableSheet(workbook, name, heading, columns, 22);

  const put = (row: R, bold: boolean): void => {
    const added = sheet.addRow(columns.map((c) => c.value(row)));
    columns.forEach((c, i) => {
      const cell = added.getCell(i + 1);
      cell.border = BORDER;
      if (bold) {
        cell.font = TOTAL_STYLE.font;
        cell.fill = TOTAL_STYLE.fill;
      }
      if (c.numFmt) cell.numFmt = c.numFmt;
      cell.alignment = { horizontal: i === 0 ? 'left' : 'right' };
    });
  };
  for (const row of rows) put(row, false);
  if (total) put(total, true);
  return sheet;
}

const PERIOD_HEADER: Record<StatsGranularity, string> = { day: '日期', month: '月份' };

function periodColumns(granularity: StatsGranularity): Column<StatsPeriodView>[] {
  return [
    { header: PERIOD_HEADER[granularity], width: 14, value: (r) => r.period },
    ...(Object.keys(STATS_MEASURES) as (keyof typeof STATS_MEASURES)[]).map((key) => ({
      header: `${STATS_MEASURES[key]}（件）`,
      width: 14,
      value: (r: StatsPeriodView) => r[key],
    })),
    { header: '其中跨省通办结婚登记（件）', width: 18, value: (r) => r.crossProvince },
  ];
}

function totalOf(periods: StatsPeriodView[]): StatsPeriodView {
  const total = { period: '合计', marriages: 0, divorces: 0, reissues: 0, refusals: 0, crossProvince: 0 };
  for (const p of periods) {
    total.marriages += p.marriages;
    total.divorces += p.divorces;
    total.reissues += p.reissues;
    total.refusals += p.refusals;
    total.crossProvince += p.crossProvince;
  }
  return total;
}

export function statsFileName(stats: Pick<MarriageStatsView, 'from' | 'to'>): string {
  return `婚姻登记统计_${stats.from}_${stats.to}.xlsx`;
}

/**
 * The workbook a supervisor hands on: figures by day and by month (the chosen granularity first),
 * 跨省通办, 不予登记 by reason, and 协议离婚 applications by outcome.
 */
export async function statsWorkbook(byGranularity: Record<StatsGranularity, MarriageStatsView>, first: StatsGranularity, madeAt: Date): Promise<Buffer> {
  const main = byGranularity[first];
  const workbook = new Workbook();
  workbook.creator = 'CivReg';
  workbook.created = madeAt;
  workbook.title = `${main.officeName}婚姻登记统计`;
  const made = `${main.today} 制表`;
  const range = `统计区间：${main.from} 至 ${main.to}`;
  const heading = (what: string) => ({ title: `${main.officeName}${IDEOGRAPHIC_SPACE}${what}`, subtitle: `${range}${IDEOGRAPHIC_SPACE.repeat(2)}${made}` });

  const order: StatsGranularity[] = first === 'day' ? ['day', 'month'] : ['month', 'day'];
  for (const g of order) {
    const s = byGranularity[g];
    addTable(workbook, STATS_GRANULARITY_LABELS[g], heading(`婚姻登记统计（${STATS_GRANULARITY_LABELS[g]}）`), periodColumns(g), s.periods, totalOf(s.periods));
  }

  const monthly = byGranularity.month;
  const share = (marriages: number, cross: number): number => (marriages ? cross / marriages : 0);
  addTable(
    workbook,
    '跨省通办',
    heading('跨省通办结婚登记'),
    [
      { header: '月份', width: 14, value: (r: StatsPeriodView) => r.period },
      { header: '结婚登记（件）', width: 16, value: (r) => r.marriages },
      { header: '其中跨省通办（件）', width: 18, value: (r) => r.crossProvince },
      { header: '跨省通办占比', width: 14, value: (r) => share(r.marriages, r.crossProvince), numFmt: '0.0%' },
    ],
    monthly.periods,
    totalOf(monthly.periods),
  );

  const refusals = main.refusalsByReason;
  const refusalTotal = refusals.reduce((t, r) => t + r.count, 0);
  addTable(
    workbook,
    '不予登记原因',
    heading('不予结婚登记原因'),
    [
      { header: '不予登记的情形', width: 30, value: (r: { label: string; count: number }) => r.label },
      { header: '件数', width: 12, value: (r) => r.count },
      { header: '占比', width: 12, value: (r) => (refusalTotal ? r.count / refusalTotal : 0), numFmt: '0.0%' },
    ],
    refusals,
    { label: '合计', count: refusalTotal },
  );

  addTable(
    workbook,
    '离婚登记申请',
    heading('协议离婚登记申请'),
    [
      { header: '情况', width: 20, value: (r: { key: DivorceOutcome }) => DIVORCE_OUTCOMES[r.key] },
      { header: '件数', width: 12, value: (r) => main.divorceOutcomes[r.key] },
    ],
    (Object.keys(DIVORCE_OUTCOMES) as DivorceOutcome[]).map((key) => ({ key })),
  );

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
