import { addDays, daysBetween, type OpOutput } from '../../../../src-main/contract';

export type DivorceApplication = OpOutput<'counter.overview'>['divorces'][number];

export type DivorceStage = 'cooling-off' | 'awaiting' | 'overdue' | 'withdrawn' | 'lapsed' | 'registered';

export const STAGE_LABELS: Record<DivorceStage, string> = {
  'cooling-off': '冷静期',
  awaiting: '待领证',
  overdue: '已逾期',
  withdrawn: '已撤回',
  lapsed: '视为撤回',
  registered: '已离婚',
};

export const STAGE_COLORS: Record<DivorceStage, string> = {
  'cooling-off': 'gold',
  awaiting: 'blue',
  overdue: 'red',
  withdrawn: 'default',
  lapsed: 'default',
  registered: 'green',
};

/** Where an application stands on `today` (the station's date, from counter.overview). */
export function divorceStage(a: DivorceApplication, today: string): DivorceStage {
  if (a.status !== 'received') return a.status;
  if (today <= a.coolingOffEnds) return 'cooling-off';
  // Past the window but not yet marked: the hourly check will mark it 视为撤回.
  return today <= a.certificateDeadline ? 'awaiting' : 'overdue';
}

/** What the registrar needs to know about an application today, in a few words. */
export function divorceHint(a: DivorceApplication, today: string): string {
  const stage = divorceStage(a, today);
  switch (stage) {
    case 'cooling-off': {
      const left = daysBetween(today, a.coolingOffEnds);
      const opens = addDays(a.coolingOffEnds, 1);
      return left === 0 ? `冷静期今日届满，${opens} 起可领证` : `冷静期还剩 ${left} 天，任何一方可撤回；${opens} 起可领证`;
    }
    case 'awaiting': {
      const lapse = daysBetween(today, addDays(a.certificateDeadline, 1));
      return lapse === 1 ? '今日为领证最后一天，明日起视为撤回' : `${lapse} 天后视为撤回（双方须共同到场领证）`;
    }
    case 'overdue':
      return `领证期限已于 ${a.certificateDeadline} 届满，视为撤回`;
    case 'withdrawn':
      return `${a.endedOn ?? ''} 撤回`;
    case 'lapsed':
      return `${a.endedOn ?? ''} 视为撤回`;
    case 'registered':
      return `${a.endedOn ?? ''} 登记离婚${a.certificateNumber ? `，${a.certificateNumber}` : ''}`;
  }
}

/** Soonest action first: those waiting for the certificate, then in cooling-off, then what has ended. */
export const STAGE_ORDER: DivorceStage[] = ['overdue', 'awaiting', 'cooling-off', 'registered', 'withdrawn', 'lapsed'];
