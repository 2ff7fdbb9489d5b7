import type Database from 'better-sqlite3';
import type { AppError, OpName, OpOutput, OpParsedInput, Operations, Role } from '../contract';
import type { Session, SessionStore } from '../auth/sessions';
import type { Db } from '../db/open';
import type { OutboxEvent } from '../outbox/outbox';
import type { PrintService } from '../print/service';
import type { PlatformConnection } from '../sync/platform-connection';
import type { Queries } from './queries';
import type { UserRow } from './users-repo';

/** Who an operation is attributed to. `system` is the CLI acting with file-level authority. */
export interface Actor {
  userId: number | null;
  username: string;
  role: Role | 'system';
}

export interface ReadContext {
  db: Db;
  sqlite: Database.Database;
  /** Prepared statements for the lookups every command makes. */
  q: Queries;
  now: Date;
  actor: Actor | null;
  user: UserRow | null;
  session: Session | null;
  sessions: SessionStore;
  databaseFile: string;
  print: PrintService;
  stationId(): string;
  pendingOutbox(): number;
  blockedOutbox(): number;
  platform: PlatformConnection;
}

export type WriteContext = ReadContext;

/** What a write handler hands back to the write path, which records it in the same transaction. */
export interface CommandOutcome<O> {
  result: O;
  audit: {
    recordIds: string[];
    summary: string;
    before?: unknown;
    after?: unknown;
    /** Attribute to someone other than the session user (login, first-run setup). */
    actor?: Actor;
  };
  events?: OutboxEvent[];
  /** Effects outside the database (sessions, the printer) that must happen only once the transaction has committed. */
  afterCommit?: () => void | Promise<void>;
  /** Commit the audit trail of a refused attempt (a wrong password), then report this error. */
  failure?: AppError;
}

export type ReadHandler<K extends OpName> = (ctx: ReadContext, input: OpParsedInput<K>) => OpOutput<K> | Promise<OpOutput<K>>;
export type CommitHandler<K extends OpName, P = undefined> = (ctx: WriteContext, input: OpParsedInput<K>, prepared: P) => CommandOutcome<OpOutput<K>>;

/**
 * A write whose slow part (rendering a PDF, reading a font file) runs before the transaction:
 * `prepare` outside it, then `commit` inside it, as for any write.
 */
export interface PreparedWrite<K extends OpName, P> {
  prepare(ctx: WriteContext, input: OpParsedInput<K>): Promise<P>;
  commit: CommitHandler<K, P>;
}

export type WriteHandler<K extends OpName> = CommitHandler<K> | PreparedWrite<K, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type Handlers = {
  [K in OpName]: Operations[K]['kind'] extends 'write' ? WriteHandler<K> : ReadHandler<K>;
};
