import { AppError, type IsoDate } from '../contract';

/** A date that cannot lie ahead (a death, a burial, a cremation, a payment…): refused on its field if it does. */
export function notAfterToday(date: IsoDate, today: IsoDate, field: string, label: string, advice = ''): void {
  if (date > today) throw new AppError('VALIDATION', `${label} ${date} 晚于今天（${today}）${advice}`, { [field]: '不能晚于今天' });
}
