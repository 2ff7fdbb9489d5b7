import { AppError, type StationView } from '../contract';
import type { Db } from '../db/open';
import { hashPassword } from '../auth/password';
import { signingKeys, station, users } from '../db/schema';
import { newStationKeyPair } from '../print/qr-signature';
import type { ReadHandler, WriteHandler } from '../core/context';

export function stationView(db: Db): StationView | null {
  const row = db.select().from(station).get();
  return row ? { stationId: row.stationId, officeName: row.officeName, divisionCode: row.divisionCode } : null;
}

/** The station, for a command that cannot work without one (all but first-run setup). */
export function requireStation(db: Db): StationView {
  const view = stationView(db);
  if (!view) throw new AppError('CONFLICT', '本工作站尚未初始化');
  return view;
}

export const setupStatus: ReadHandler<'setup.status'> = (ctx) => {
  const view = stationView(ctx.db);
  return { initialized: view !== null, station: view };
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
  // The key that signs this station's certificate QR codes; verifiers learn its public half.
  const keys = newStationKeyPair();
  ctx.db.insert(signingKeys).values({ stationId: input.stationId, ...keys, createdAt: at }).run();
  const view = { stationId: input.stationId, officeName: input.officeName, divisionCode: input.divisionCode };
  return {
    result: { ok: true },
    audit: {
      recordIds: [`station:${input.stationId}`, `user:${admin.id}`],
      summary: `初始化工作站 ${input.stationId}（${input.officeName}），创建管理员 ${input.adminUsername}`,
      after: { station: view, admin: input.adminUsername },
      actor: { userId: admin.id, username: input.adminUsername, role: 'admin' },
    },
    events: [{ eventType: 'station.initialized', recordType: 'station', recordId: input.stationId, payload: { ...view, signingPublicKey: keys.publicKey } }],
  };
};
