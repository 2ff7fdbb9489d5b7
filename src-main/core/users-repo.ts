import type { Role, UserView } from '../contract';
import { maskIdNumber } from '../identity/mask';
import type { users } from '../db/schema';

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
