import { desc, eq } from 'drizzle-orm';
import { AppError, type OpOutput } from '../contract';
import { drafts, users } from '../db/schema';
import type { ReadContext, ReadHandler, WriteHandler } from '../core/context';

type DraftView = OpOutput<'counter.overview'>['drafts'][number];

const viewColumns = { id: drafts.id, kind: drafts.kind, title: drafts.title, updatedAt: drafts.updatedAt, savedBy: users.displayName };

function draftRows<C extends typeof viewColumns>(ctx: ReadContext, columns: C) {
  return ctx.db.select(columns).from(drafts).leftJoin(users, eq(users.id, drafts.userId));
}

/** Every case saved at this station's counter, newest first: any registrar may resume a colleague's. */
export function listDrafts(ctx: ReadContext): DraftView[] {
  return draftRows(ctx, viewColumns).orderBy(desc(drafts.updatedAt)).limit(200).all();
}

function findDraft(ctx: ReadContext, id: number) {
  const row = draftRows(ctx, { ...viewColumns, data: drafts.data }).where(eq(drafts.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `暂存第 ${id} 号不存在（可能已办结或被删除）`, { id: '不存在' });
  return row;
}

/** A draft holds what was typed so far; it is not checked, only kept. The audit names it, not the people. */
export const saveDraft: WriteHandler<'drafts.save'> = (ctx, input) => {
  const values = { kind: input.kind, title: input.title, data: JSON.stringify(input.data), userId: ctx.actor?.userId ?? null, updatedAt: ctx.now.toISOString() };
  let id = input.id;
  if (id === undefined) {
    id = ctx.db.insert(drafts).values(values).returning({ id: drafts.id }).get().id;
  } else {
    findDraft(ctx, id);
    ctx.db.update(drafts).set(values).where(eq(drafts.id, id)).run();
  }
  const view = draftRows(ctx, viewColumns).where(eq(drafts.id, id)).get()!;
  return { result: view, audit: { recordIds: [`draft:${id}`], summary: `暂存${input.kind === 'marriage' ? '结婚' : '离婚'}登记（第 ${id} 号）` } };
};

export const getDraft: ReadHandler<'drafts.get'> = (ctx, input) => {
  const row = findDraft(ctx, input.id);
  return { ...row, data: JSON.parse(row.data) as Record<string, unknown> };
};

export const deleteDraft: WriteHandler<'drafts.delete'> = (ctx, input) => {
  findDraft(ctx, input.id);
  ctx.db.delete(drafts).where(eq(drafts.id, input.id)).run();
  return { result: { ok: true }, audit: { recordIds: [`draft:${input.id}`], summary: `删除暂存第 ${input.id} 号` } };
};
