import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { operations, isOpName } from '../contract';
import { verifyChain } from '../audit/chain';
import { lastConfirmedAnchor } from '../audit/anchor';
import { auditLog } from '../db/schema';
import type { ReadHandler } from '../core/context';

/** Start of the day after `date` (YYYY-MM-DD), in the station's local time, as stored ISO text. */
function dayStart(date: string, addDays = 0): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d + addDays).toISOString();
}

export const listAudit: ReadHandler<'audit.list'> = (ctx, input) => {
  const where: SQL[] = [];
  if (input.username) where.push(eq(auditLog.username, input.username));
  if (input.operation) where.push(eq(auditLog.operation, input.operation));
  if (input.from) where.push(gte(auditLog.at, dayStart(input.from)));
  if (input.to) where.push(lt(auditLog.at, dayStart(input.to, 1)));
  if (input.beforeSeq) where.push(lt(auditLog.seq, input.beforeSeq));
  const rows = ctx.db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.seq))
    .limit(input.limit + 1)
    .all();
  return {
    hasMore: rows.length > input.limit,
    entries: rows.slice(0, input.limit).map((r) => ({
      seq: r.seq,
      at: r.at,
      username: r.username,
      role: r.role,
      stationId: r.stationId,
      operation: r.operation,
      operationTitle: isOpName(r.operation) ? operations[r.operation].title : r.operation,
      recordIds: JSON.parse(r.recordIds) as string[],
      summary: r.summary,
      hash: r.hash,
    })),
  };
};

export const verifyAudit: ReadHandler<'audit.verify'> = (ctx) => {
  const anchor = lastConfirmedAnchor(ctx.sqlite);
  const local = anchor && ctx.sqlite.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE seq = ?').get(anchor.seq);
  const chain = verifyChain(ctx.sqlite);
  const matches = !anchor || local?.hash === anchor.hash;
  return { ...chain, ok: chain.ok && matches, anchor: anchor && { ...anchor, matches } };
};
