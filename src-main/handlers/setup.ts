import { AppError } from '../contract';
import { hashPassword } from '../auth/password';
import { station, users } from '../db/schema';
import type { ReadHandler, WriteHandler } from '../core/context';

export const setupStatus: ReadHandler<'setup.status'> = (ctx) => {
  const row = ctx.db.select().from(station).get();
  return {
    initialized: Boolean(row),
    station: row ? { stationId: row.stationId, officeName: row.officeName, divisionCode: row.divisionCode } : null,
  };
};

/** First run: the station's identity and its administrator, once. */
export const initialize: WriteHandler<'setup.initialize'> = (ctx, input) => {
  if (ctx.db.select().from(station).get()) throw new AppError('CONFLICT', '本工作站已经初始化，不能重复设置');
  const at = ctx.now.toISOString();
  const stationRow = { id: 1, stationId: input.stationId, officeName: input.officeName, divisionCode: input.divisionCode, createdAt: at };
  ctx.db.insert(station).values(stationRow).run();
  const admin = ctx.db
    .insert(users)
    .values({
      username: input.adminUsername,
      displayName: input.adminDisplayName,
      role: 'admin',
      passwordHash: hashPassword(input.adminPassword),
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: users.id })
    .get();
  const stationView = { stationId: input.stationId, officeName: input.officeName, divisionCode: input.divisionCode };
  return {
    result: { ok: true },
    audit: {
      recordIds: [`station:${input.stationId}`, `user:${admin.id}`],
      summary: `初始化工作站 ${input.stationId}（${input.officeName}），创建管理员 ${input.adminUsername}`,
      after: { station: stationView, admin: input.adminUsername },
      actor: { userId: admin.id, username: input.adminUsername, role: 'admin' },
    },
    events: [{ eventType: 'station.initialized', recordType: 'station', recordId: input.stationId, payload: stationView }],
  };
};
