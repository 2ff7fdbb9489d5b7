import dayjs from 'dayjs';
import { ROLE_LABELS, ROLES, type Role } from '../../src-main/contract';

/** Stored times are ISO text in UTC; the counter reads them in local time. */
export function formatDateTime(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm:ss');
}

/** A recent moment, short: HH:mm on the station's `today`, with the date in front on any other day. */
export function formatRecentTime(iso: string, today: string): string {
  const t = dayjs(iso);
  return t.format(t.format('YYYY-MM-DD') === today ? 'HH:mm' : 'YYYY-MM-DD HH:mm');
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Role label for display; audit entries may also carry `system` for actions taken by no user. */
export function roleLabel(role: string): string {
  if (isRole(role)) return ROLE_LABELS[role];
  return role === 'system' ? '系统' : role;
}
