import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import { AppError, type OpOutput, type OpParsedInput } from '../contract';
import type { ReadContext, WriteContext } from '../core/context';
import { attachments } from '../db/schema';

/**
 * The scans filed with a waiver (死亡证明, 身份证明, 困难证明, 发票…), in `attachments` under
 * `funeral-waiver:<id>` as the divorce scans are: in the database, so a backup holds them, written in the
 * waiver's own transaction.
 */

type Scan = OpParsedInput<'funeral.enterWaiver'>['scans'][number];
type Attachment = OpOutput<'funeral.waiver'>['attachments'][number];

const PREFIX = 'funeral-waiver:';
const recordOf = (waiverId: number): string => `${PREFIX}${waiverId}`;

/** Stores the scans under the waiver; what the audit image records of them (no content: the digest is enough). */
export function storeScans(ctx: WriteContext, waiverId: number, scans: readonly Scan[]): { name: string; sha256: string }[] {
  return scans.map((scan) => {
    const content = Buffer.from(scan.dataBase64, 'base64');
    const sha256 = createHash('sha256').update(content).digest('hex');
    ctx.db
      .insert(attachments)
      .values({ recordId: recordOf(waiverId), name: scan.name, mimeType: scan.mimeType, sha256, content, addedAt: ctx.now.toISOString() })
      .run();
    return { name: scan.name, sha256 };
  });
}

/** The scans of these waivers (one and those it replaces), each with the 减免编号 it was filed with. */
export function scansOf(ctx: ReadContext, waivers: readonly { id: number; number: string }[]): Attachment[] {
  const numbers = new Map(waivers.map((w) => [recordOf(w.id), w.number]));
  return ctx.db
    .select({ id: attachments.id, recordId: attachments.recordId, name: attachments.name, mimeType: attachments.mimeType, size: sql<number>`length(${attachments.content})` })
    .from(attachments)
    .where(inArray(attachments.recordId, [...numbers.keys()]))
    .orderBy(asc(attachments.id))
    .all()
    .map(({ recordId, ...a }) => ({ ...a, waiverNumber: numbers.get(recordId)! }));
}

export function scanContent(ctx: ReadContext, id: number): OpOutput<'funeral.scan'> {
  const row = ctx.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, id), like(attachments.recordId, `${PREFIX}%`)))
    .get();
  if (!row) throw new AppError('NOT_FOUND', `减免扫描件第 ${id} 号不存在`, { id: '不存在' });
  return { name: row.name, mimeType: row.mimeType, dataBase64: row.content.toString('base64') };
}
