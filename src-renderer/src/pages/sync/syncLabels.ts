import { CERTIFICATE_PREFIX_LABELS, CERTIFICATE_PREFIXES, type OutboxEventView } from '../../../../src-main/contract';

export type OutboxStatus = OutboxEventView['status'];

/** Tag colours: what needs a person (退回, 等待) stands out from what is under way or done. */
export const STATUS_COLORS: Record<OutboxStatus, string> = {
  pending: 'processing',
  delivered: 'success',
  parked: 'error',
  held: 'warning',
  superseded: 'default',
};

/** The link as the status bar and the sync page show it: `online` is null until the first attempt since start-up. */
export function linkState(online: boolean | null): { dot: 'processing' | 'success' | 'error'; text: string } {
  if (online === null) return { dot: 'processing', text: '正在连接…' };
  return online ? { dot: 'success', text: '在线' } : { dot: 'error', text: '离线' };
}

/** The 字号 prefixes whose serials the platform leases to the station (the stock comes back as plain strings). */
export const SERIAL_PREFIX_LABELS: Record<string, string> = CERTIFICATE_PREFIX_LABELS;

const PREFIX_ORDER: readonly string[] = CERTIFICATE_PREFIXES;

/** Serial stock in reading order: by year, then as the prefixes are listed above. */
export function bySerialOrder(a: { prefix: string; year: number }, b: { prefix: string; year: number }): number {
  return a.year - b.year || PREFIX_ORDER.indexOf(a.prefix) - PREFIX_ORDER.indexOf(b.prefix);
}

/** The records a supervisor meets on this page by name; others show their code. */
const EVENT_LABELS: Record<string, string> = {
  'marriage.registered': '结婚登记',
  'marriage.corrected': '更正结婚登记',
  'marriage.refused': '不予结婚登记',
  'divorce.registered': '离婚登记',
  'certificate.reissued': '补发婚姻登记证',
  'serialBlock.returned': '归还字号号段',
  'funeral.waiver.entered': '录入殡葬费用减免',
  'funeral.waiver.approved': '殡葬费用减免审核通过',
  'funeral.waiver.rejected': '殡葬费用减免退回',
  'funeral.waiver.corrected': '更正殡葬费用减免',
  'funeral.waiver.reversed': '殡葬费用减免冲正',
  'funeral.settlement.closed': '提交月度结算',
  'ecoBurial.subsidy.applied': '受理生态安葬奖补',
  'ecoBurial.subsidy.approved': '生态安葬奖补批准',
  'ecoBurial.subsidy.rejected': '生态安葬奖补不予补贴',
  'ecoBurial.subsidy.paid': '生态安葬奖补发放',
  'calendar.loaded': '载入节假日安排',
  'station.initialized': '工作站初始化',
  'user.created': '新建用户',
  'user.updated': '修改用户',
};

export function eventLabel(eventType: string): string {
  return EVENT_LABELS[eventType] ?? eventType;
}
