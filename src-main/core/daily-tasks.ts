import { and, count, eq, lt } from 'drizzle-orm';
import { localDate } from '../calendar/dates';
import { divorceApplications } from '../db/schema';
import type { CivReg } from './civreg';
import { logEvent } from './log';

/**
 * Deadlines that pass by themselves: a divorce application whose certificate window has closed is
 * 视为撤回 whether or not anyone opens it. Checked at start-up and then hourly (the date may change
 * while a station runs for days); written only when something is due, so the audit log stays quiet.
 */
export async function runDueDeadlines(app: CivReg, now: Date): Promise<number[]> {
  const due = app.database.db
    .select({ n: count() })
    .from(divorceApplications)
    .where(and(eq(divorceApplications.status, 'received'), lt(divorceApplications.certificateDeadline, localDate(now))))
    .get()!.n;
  if (due === 0) return [];
  const { lapsed } = await app.callAsSystem('divorce.lapseDue', {});
  logEvent('divorce.lapsed', { count: lapsed.length });
  return lapsed;
}

export function scheduleDeadlines(app: CivReg, clock: () => Date = () => new Date()): () => void {
  const run = (): void => void runDueDeadlines(app, clock()).catch((err: unknown) => logEvent('deadlines.failed', { error: (err as Error).name }));
  run();
  const timer = setInterval(run, 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
