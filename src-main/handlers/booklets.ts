import { desc, eq, sql } from 'drizzle-orm';
import { AppError, BOOKLET_KINDS, BOOKLET_KIND_LABELS } from '../contract';
import { bookletBatches, bookletUses } from '../db/schema';
import type { ReadHandler, WriteContext, WriteHandler } from '../core/context';
import { formatSerial, numberInRange, rangeSize, rangesOverlap } from '../marriage/booklet-serials';

type Kind = (typeof BOOKLET_KINDS)[number];
type Batch = typeof bookletBatches.$inferSelect;

/** The batch a serial belongs to, or a Chinese error naming the serial. */
function batchOf(ctx: WriteContext, serial: string): Batch {
  const batch = ctx.db.select().from(bookletBatches).all().find((b) => numberInRange(b, serial) !== null);
  if (!batch) throw new AppError('VALIDATION', `印制编号 ${serial} 不在任何已领入的空白证书批次中`, { serial: '不在台账中' });
  return batch;
}

/**
 * Take one booklet out of stock: printed on (`used`, with the document it carries) or spoiled
 * (`voided`, with the reason). Runs inside the caller's transaction; a booklet leaves stock once.
 */
export function takeBooklet(
  ctx: WriteContext,
  serial: string,
  kind: Kind,
  outcome: { used: string } | { voided: string },
): Batch {
  const batch = batchOf(ctx, serial);
  if (batch.kind !== kind) {
    throw new AppError('VALIDATION', `印制编号 ${serial} 是${BOOKLET_KIND_LABELS[batch.kind]}，不是${BOOKLET_KIND_LABELS[kind]}`, { serial: '证书种类不符' });
  }
  const taken = ctx.db.select().from(bookletUses).where(eq(bookletUses.serial, serial)).get();
  if (taken) {
    throw new AppError('CONFLICT', `印制编号 ${serial} 已${taken.outcome === 'used' ? '用于打印' : '作废'}（${taken.at.slice(0, 10)}），不能再用`, { serial: '已出库' });
  }
  ctx.db
    .insert(bookletUses)
    .values({
      serial,
      batchId: batch.id,
      outcome: 'used' in outcome ? 'used' : 'voided',
      documentKey: 'used' in outcome ? outcome.used : null,
      reason: 'voided' in outcome ? outcome.voided : null,
      at: ctx.now.toISOString(),
      userId: ctx.actor?.userId ?? null,
    })
    .run();
  return batch;
}

export const receiveBooklets: WriteHandler<'booklets.receive'> = (ctx, input) => {
  const range = { prefix: input.prefix, firstNumber: input.firstNumber, lastNumber: input.lastNumber, digits: input.digits };
  const clash = ctx.db.select().from(bookletBatches).all().find((b) => rangesOverlap(b, range));
  if (clash) {
    throw new AppError('CONFLICT', `与已领入的批次 ${formatSerial(clash, clash.firstNumber)}–${formatSerial(clash, clash.lastNumber)} 重叠`, { firstNumber: '号段重叠' });
  }
  const row = ctx.db
    .insert(bookletBatches)
    .values({ kind: input.kind, ...range, receivedAt: ctx.now.toISOString(), note: input.note ?? null })
    .returning()
    .get();
  const first = formatSerial(row, row.firstNumber);
  const last = formatSerial(row, row.lastNumber);
  return {
    result: { batchId: row.id, count: rangeSize(row), first, last },
    audit: {
      recordIds: [`booklet-batch:${row.id}`],
      summary: `领入空白${BOOKLET_KIND_LABELS[row.kind]} ${first}–${last}，共 ${rangeSize(row)} 本`,
      after: row,
    },
  };
};

export const voidBooklet: WriteHandler<'booklets.void'> = (ctx, input) => {
  const batch = takeBooklet(ctx, input.serial, batchOf(ctx, input.serial).kind, { voided: input.reason });
  return {
    result: { ok: true },
    audit: { recordIds: [`booklet:${input.serial}`], summary: `作废空白${BOOKLET_KIND_LABELS[batch.kind]} ${input.serial}：${input.reason}` },
  };
};

export const bookletLedger: ReadHandler<'booklets.ledger'> = (ctx) => {
  const counts = new Map(
    ctx.db
      .select({ batchId: bookletUses.batchId, outcome: bookletUses.outcome, n: sql<number>`count(*)` })
      .from(bookletUses)
      .groupBy(bookletUses.batchId, bookletUses.outcome)
      .all()
      .map((r) => [`${r.batchId}:${r.outcome}`, r.n]),
  );
  const batches = ctx.db
    .select()
    .from(bookletBatches)
    .orderBy(bookletBatches.id)
    .all()
    .map((b) => {
      const used = counts.get(`${b.id}:used`) ?? 0;
      const voided = counts.get(`${b.id}:voided`) ?? 0;
      const received = rangeSize(b);
      return { id: b.id, kind: b.kind, first: formatSerial(b, b.firstNumber), last: formatSerial(b, b.lastNumber), receivedAt: b.receivedAt, note: b.note, received, used, voided, inStock: received - used - voided };
    });
  const totals = BOOKLET_KINDS.map((kind) => {
    const of = batches.filter((b) => b.kind === kind);
    const sum = (k: 'received' | 'used' | 'voided' | 'inStock'): number => of.reduce((n, b) => n + b[k], 0);
    return { kind, received: sum('received'), used: sum('used'), voided: sum('voided'), inStock: sum('inStock') };
  });
  const recent = ctx.db
    .select({ serial: bookletUses.serial, kind: bookletBatches.kind, outcome: bookletUses.outcome, documentKey: bookletUses.documentKey, reason: bookletUses.reason, at: bookletUses.at })
    .from(bookletUses)
    .innerJoin(bookletBatches, eq(bookletBatches.id, bookletUses.batchId))
    // Newest first; entries within the same instant in the order they were written.
    .orderBy(desc(bookletUses.at), desc(sql`${bookletUses}.rowid`))
    .limit(50)
    .all();
  return { totals, batches, recent };
};
