import type { MaritalStatusResponse } from '../platform/protocol';

/**
 * What the platform's records mean for a registration: the rules, apart from any I/O. The platform's
 * `status` is its summary; the records behind it decide.
 */

const STATUS_LABELS: Record<MaritalStatusResponse['status'], string> = {
  married: '已婚',
  divorced: '离婚',
  widowed: '丧偶',
  unmarried: '未婚',
  unknown: '无记录',
};

/** Marriages on the platform not dissolved by a divorce on record, except `own` (this registration). */
function undissolved(answer: MaritalStatusResponse, own: string | null, onOrBefore: string | null): MaritalStatusResponse['records'] {
  const upTo = (r: { registeredOn: string }) => onOrBefore === null || r.registeredOn <= onOrBefore;
  const others = answer.records.filter((r) => r.kind === 'marriage' && r.certificateNumber !== own && upTo(r));
  const divorces = answer.records.filter((r) => r.kind === 'divorce' && upTo(r)).length;
  // The platform does not pair a divorce with its marriage here; each divorce dissolves one earlier marriage.
  return others.slice(0, Math.max(0, others.length - divorces));
}

/** A reason to refuse, when the platform shows the person married elsewhere; null when it does not. */
export function platformProblem(who: string, name: string, answer: MaritalStatusResponse): string | null {
  const open = undissolved(answer, null, null);
  if (answer.status !== 'married' && open.length === 0) return null;
  const where = open.map((r) => `${r.certificateNumber}，${r.registeredOn} 在登记机关 ${r.authority}`).join('；');
  return `省级平台记录${who}（${name}）现为已婚${where ? `（${where}）` : ''}，不予登记（民法典第一千零四十二条）`;
}

export function platformFinding(who: string, name: string, answer: MaritalStatusResponse): string {
  return `${who}${name}：省级平台婚姻状况为“${STATUS_LABELS[answer.status]}”`;
}

/**
 * The later re-check of a registration made without the platform's answer: a conflict is another
 * marriage of either party, registered on or before this one and not dissolved by then.
 */
export function recheckConflict(certificateNumber: string, registeredOn: string, answers: { who: string; answer: MaritalStatusResponse }[]): string | null {
  const found = answers.flatMap(({ who, answer }) => undissolved(answer, certificateNumber, registeredOn).map((r) => `${who}已于 ${r.registeredOn} 在登记机关 ${r.authority} 登记结婚（${r.certificateNumber}）`));
  return found.length ? `${certificateNumber}：${found.join('；')}` : null;
}
