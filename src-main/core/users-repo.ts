import { inArray } from 'drizzle-orm';
import type { Role, UserView } from '../contract';
import { maskIdNumber } from '../identity/mask';
import { users } from '../db/schema';
import type { ReadContext } from './context';

export type UserRow = typeof users.$inferSelect;

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    active: row.active,
    lockedUntil: row.lockedUntil,
    idNumberMasked: maskIdNumber(row.idNumber),
    mustChangePassword: row.mustChangePassword,
    createdAt: row.createdAt,
  };
}

/** The image of a user that audit digests cover (never the password hash). */
export function auditImage(row: UserRow): Record<string, unknown> {
  // The masked number only: the digest is unsalted, and a full ID number is guessable from it.
  return { username: row.username, displayName: row.displayName, role: row.role, active: row.active, idNumber: maskIdNumber(row.idNumber) };
}

/** Display names of the given users in one query (null ids skipped), for views that name who did what. */
export function displayNames(ctx: ReadContext, ids: (number | null)[]): Map<number, string> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  return new Map(
    ctx.db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(inArray(users.id, wanted))
      .all()
      .map((u) => [u.id, u.name]),
  );
}
