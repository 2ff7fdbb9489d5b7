import { eq } from 'drizzle-orm';
import type { UserView } from '../contract';
import { maskIdNumber } from '../identity/mask';
import type { Db } from '../db/open';
import { users } from '../db/schema';
import type { Role } from '../contract';

export type UserRow = typeof users.$inferSelect;

export function findUserById(db: Db, id: number): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function findUserByUsername(db: Db, username: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.username, username)).get();
}

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    active: row.active,
    lockedUntil: row.lockedUntil,
    idNumberMasked: maskIdNumber(row.idNumber),
    createdAt: row.createdAt,
  };
}

/** The image of a user that audit digests cover (never the password hash). */
export function auditImage(row: UserRow): Record<string, unknown> {
  return { username: row.username, displayName: row.displayName, role: row.role, active: row.active, idNumber: row.idNumber };
}
