import type { StatsGranularity } from '../contract';
import type { ReadContext, ReadHandler } from '../core/context';
import { marriageStats, resolveRange, type StatsRange } from '../stats/marriage-stats';
import { statsFileName, statsWorkbook } from '../stats/workbook';
import { requireStation } from './setup';

function figures(ctx: ReadContext, range: StatsRange) {
  return marriageStats(ctx.sqlite, requireStation(ctx.db), range, ctx.now);
}

export const marriageStatistics: ReadHandler<'stats.marriage'> = (ctx, input) => figures(ctx, resolveRange(input, ctx.now));

/** The xlsx carries both granularities, the one on screen first. */
export const exportStatistics: ReadHandler<'stats.export'> = async (ctx, input) => {
  const range = resolveRange(input, ctx.now);
  const both = {} as Record<StatsGranularity, ReturnType<typeof figures>>;
  for (const granularity of ['day', 'month'] as const) both[granularity] = figures(ctx, { ...range, granularity });
  const xlsx = await statsWorkbook(both, range.granularity, ctx.now);
  return { fileName: statsFileName(range), xlsxBase64: xlsx.toString('base64') };
};
