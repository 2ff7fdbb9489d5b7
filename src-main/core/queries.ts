import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { settings, users } from '../db/schema';

/**
 * Statements on the hot path of every command, prepared once per database: building and
 * preparing them per call cost more than the write itself (measured with `npm run bench`).
 */
export function prepareQueries(db: Db) {
  return {
    userById: db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare(),
    userByUsername: db.select().from(users).where(eq(users.username, sql.placeholder('username'))).prepare(),
    setting: db.select({ value: settings.value }).from(settings).where(eq(settings.key, sql.placeholder('key'))).prepare(),
    updateUserProfile: db
      .update(users)
      .set({
        displayName: sql`${sql.placeholder('displayName')}`,
        role: sql`${sql.placeholder('role')}`,
        // SQLite stores the flag as 0/1; a placeholder skips drizzle's boolean mapping.
        active: sql`${sql.placeholder('active')}`,
        updatedAt: sql`${sql.placeholder('updatedAt')}`,
      })
      .where(eq(users.id, sql.placeholder('id')))
      .returning()
      .prepare(),
  };
}

export type Queries = ReturnType<typeof prepareQueries>;
