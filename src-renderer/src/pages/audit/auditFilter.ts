import type { Dayjs } from 'dayjs';
import { OP_NAMES, operations, type OpInput, type OpName } from '../../../../src-main/contract';

export type AuditFilter = Pick<OpInput<'audit.list'>, 'username' | 'operation' | 'from' | 'to'>;

export interface AuditFilterValues {
  username?: string;
  operation?: OpName;
  range?: [Dayjs, Dayjs] | null;
}

/** Only writes are audited, so only they can be looked for in the log. */
export const OPERATION_OPTIONS = OP_NAMES.filter((name) => operations[name].kind === 'write').map((name) => ({
  value: name,
  label: operations[name].title,
}));

/** The form's values as the audit.list input: blanks left out, dates as the YYYY-MM-DD the contract takes. */
export function toAuditFilter(values: AuditFilterValues): AuditFilter {
  const filter: AuditFilter = {};
  const username = values.username?.trim();
  if (username) filter.username = username;
  if (values.operation) filter.operation = values.operation;
  if (values.range) {
    filter.from = values.range[0].format('YYYY-MM-DD');
    filter.to = values.range[1].format('YYYY-MM-DD');
  }
  return filter;
}
