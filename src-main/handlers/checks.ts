import { AppError, type IsoDate } from '../contract';
import type { ReadContext } from '../core/context';

/** A date that cannot lie ahead (a death, a burial, a cremation, a payment…): refused on its field if it does. */
export function notAfterToday(date: IsoDate, today: IsoDate, field: string, label: string, advice = ''): void {
  if (date > today) throw new AppError('VALIDATION', `${label} ${date} 晚于今天（${today}）${advice}`, { [field]: '不能晚于今天' });
}

/**
 * Four eyes on public money: whoever entered (录入) or received (受理) a claim does not also approve it.
 * Returns the reviewer's user id.
 */
export function requireOtherReviewer(ctx: ReadContext, enteredBy: number | null, subject: string, role: '录入' | '受理'): number | null {
  const reviewer = ctx.actor?.userId ?? null;
  if (enteredBy === reviewer) throw new AppError('FORBIDDEN', `审核人不能是${role}人：${subject} 由您${role}，请由其他审核员审核`, { id: `审核人不能是${role}人` });
  return reviewer;
}
