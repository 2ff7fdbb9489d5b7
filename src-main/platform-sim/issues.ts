import type { z } from 'zod';

/**
 * Zod's findings in the words a person at the counter reads: the field's Chinese name, its path in the
 * JSON (so the developer finds it too), and what is wrong. Parse with `{ reportInput: true }`, which is
 * how a missing field (no input) is told from a wrong one.
 */
const FIELD_LABELS: Record<string, string> = {
  events: '事件列表',
  eventId: '事件编号',
  stationSeq: '工作站事件序号',
  eventType: '事件类型',
  recordType: '记录类型',
  recordId: '记录编号',
  occurredAt: '发生时间',
  payload: '事件内容',
  certificateNumber: '证书字号',
  registeredOn: '登记日期',
  authority: '登记机关代码',
  parties: '当事人',
  name: '姓名',
  sex: '性别',
  nationality: '国籍',
  birthDate: '出生日期',
  documentType: '证件类型',
  idNumber: '证件号码',
  number: '减免编号',
  funeralHome: '殡仪馆',
  deceased: '逝者',
  dateOfDeath: '死亡日期',
  blockId: '号段编号',
  prefix: '字号前缀',
  year: '年度',
  first: '起始号',
  last: '终止号',
  requestId: '请求编号',
  size: '申领数量',
  kind: '数据类别',
  data: '数据内容',
};

function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

function problem(issue: z.core.$ZodIssue): string {
  // Our own refinements already speak Chinese.
  if (issue.code === 'custom') return issue.message;
  if (issue.code === 'invalid_type') return issue.input === undefined ? '缺失' : '类型不正确';
  if (issue.code === 'too_small' || issue.code === 'too_big') return issue.origin === 'array' ? '项数不对' : '长度或大小超出范围';
  if (issue.code === 'invalid_value') return '取值不在允许范围内';
  return '格式不正确';
}

/** One issue: `证件号码（parties[1].idNumber）缺失`. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const last = [...issue.path].reverse().find((p) => typeof p === 'string');
  const label = typeof last === 'string' ? FIELD_LABELS[last] : undefined;
  const path = pathText(issue.path);
  if (!path) return issue.code === 'custom' ? issue.message : `内容${problem(issue)}`;
  return `${label ?? '字段'}（${path}）${problem(issue)}`;
}

/** The first few issues, enough to correct the record without a wall of text. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.slice(0, 3).map(describeIssue).join('；');
}
