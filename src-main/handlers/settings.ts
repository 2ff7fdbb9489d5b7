import { settings } from '../db/schema';
import type { ReadHandler, WriteHandler } from '../core/context';
import type { Queries } from '../core/queries';
import type { OpOutput } from '../contract';

/** Minutes of inactivity before the screen locks; the administrator may change it. */
export const DEFAULT_IDLE_LOCK_MINUTES = 10;

type Settings = OpOutput<'settings.get'>;

/** Each setting's stored form; an office is authorized for nothing beyond mainland residents until told. */
const CODECS: { [K in keyof Settings]: { fallback: Settings[K]; parse: (v: string) => Settings[K]; label: string } } = {
  idleLockMinutes: { fallback: DEFAULT_IDLE_LOCK_MINUTES, parse: Number, label: '空闲锁屏时间' },
  authorizedForeign: { fallback: false, parse: (v) => v === 'true', label: '办理涉外婚姻登记' },
  authorizedHkMacaoTaiwan: { fallback: false, parse: (v) => v === 'true', label: '办理涉港澳台居民婚姻登记' },
};

function read<K extends keyof Settings>(q: Queries, key: K): Settings[K] {
  const row = q.setting.get({ key });
  return row ? CODECS[key].parse(row.value) : CODECS[key].fallback;
}

export function readSettings(q: Queries): Settings {
  return {
    idleLockMinutes: read(q, 'idleLockMinutes'),
    authorizedForeign: read(q, 'authorizedForeign'),
    authorizedHkMacaoTaiwan: read(q, 'authorizedHkMacaoTaiwan'),
  };
}

export function readIdleLockMinutes(q: Queries): number {
  return read(q, 'idleLockMinutes');
}

export const getSettings: ReadHandler<'settings.get'> = (ctx) => readSettings(ctx.q);

export const updateSettings: WriteHandler<'settings.update'> = (ctx, input) => {
  const before = readSettings(ctx.q);
  const at = ctx.now.toISOString();
  const changed = (Object.keys(CODECS) as (keyof Settings)[]).filter((key) => input[key] !== undefined && input[key] !== before[key]);
  for (const key of changed) {
    const value = String(input[key]);
    ctx.db.insert(settings).values({ key, value, updatedAt: at }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } }).run();
  }
  const after = readSettings(ctx.q);
  const show = (v: unknown): string => (typeof v === 'boolean' ? (v ? '是' : '否') : String(v));
  return {
    result: after,
    audit: {
      recordIds: changed.map((key) => `settings:${key}`),
      summary: changed.length ? changed.map((key) => `${CODECS[key].label} ${show(before[key])} → ${show(after[key])}`).join('；') : '设置未改变',
      before,
      after,
    },
  };
};
