import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { settings } from '../db/schema';
import type { ReadHandler, WriteHandler } from '../core/context';

/** Minutes of inactivity before the screen locks; the administrator may change it. */
export const DEFAULT_IDLE_LOCK_MINUTES = 10;

export function readIdleLockMinutes(db: Db): number {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'idleLockMinutes')).get();
  return row ? Number(row.value) : DEFAULT_IDLE_LOCK_MINUTES;
}

export const getSettings: ReadHandler<'settings.get'> = (ctx) => ({ idleLockMinutes: readIdleLockMinutes(ctx.db) });

export const updateSettings: WriteHandler<'settings.update'> = (ctx, input) => {
  const before = { idleLockMinutes: readIdleLockMinutes(ctx.db) };
  const at = ctx.now.toISOString();
  ctx.db
    .insert(settings)
    .values({ key: 'idleLockMinutes', value: String(input.idleLockMinutes), updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value: String(input.idleLockMinutes), updatedAt: at } })
    .run();
  return {
    result: { idleLockMinutes: input.idleLockMinutes },
    audit: { recordIds: ['settings:idleLockMinutes'], summary: `空闲锁屏时间 ${before.idleLockMinutes} → ${input.idleLockMinutes} 分钟`, before, after: input },
  };
};
