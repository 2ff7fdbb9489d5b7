import { localDate } from '../calendar/dates';
import type { ReadHandler } from '../core/context';
import { toUserView } from '../core/users-repo';
import { requireStation } from './setup';
import { readIdleLockMinutes } from './settings';
import { syncSummaryOf } from './sync';

export const sessionStatus: ReadHandler<'session.status'> = (ctx) => ({
  user: toUserView(ctx.user!),
  locked: ctx.session!.locked,
  station: requireStation(ctx.db),
  databaseFile: ctx.databaseFile,
  sync: syncSummaryOf(ctx),
  idleLockMinutes: readIdleLockMinutes(ctx.q),
  today: localDate(ctx.now),
});
