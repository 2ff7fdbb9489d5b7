import { settings } from '../db/schema';
import type { ReadHandler, WriteHandler } from '../core/context';
import type { Queries } from '../core/queries';

/** Minutes of inactivity before the screen locks; the administrator may change it. */
export const DEFAULT_IDLE_LOCK_MINUTES = 10;

export function readIdleLockMinutes(q: Queries): number {
  const row = q.setting.get({ key: 'idleLockMinutes' });
  return row ? Number(row.value) : DEFAULT_IDLE_LOCK_MINUTES;
}

export const getSettings: ReadHandler<'settings.get'> = (ctx) => ({ idleLockMinutes: readIdleLockMinutes(ctx.q) });

export const updateSettings: WriteHandler<'settings.update'> = (ctx, input) => {
  const before = { idleLockMinutes: readIdleLockMinutes(ctx.q) };
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
