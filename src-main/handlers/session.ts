import type { ReadHandler } from '../core/context';
import { toUserView } from '../core/users-repo';
import { setupStatus } from './setup';
import { readIdleLockMinutes } from './settings';

export const sessionStatus: ReadHandler<'session.status'> = (ctx, input) => ({
  user: toUserView(ctx.user!),
  locked: ctx.session!.locked,
  station: setupStatus(ctx, input).station!,
  databaseFile: ctx.databaseFile,
  pendingOutbox: ctx.pendingOutbox(),
  idleLockMinutes: readIdleLockMinutes(ctx.q),
});
