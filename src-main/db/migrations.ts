import path from 'node:path';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { resourcesDir } from '../core/paths';

/**
 * The drizzle-kit migrations committed under resources/migrations. The schema version of a
 * database is the number of them applied, kept in SQLite's header (PRAGMA user_version) so
 * that it can be read without opening the file through SQLite.
 */
export function loadMigrations(folder = path.join(resourcesDir(), 'migrations')): MigrationMeta[] {
  return readMigrationFiles({ migrationsFolder: folder });
}
