import path from 'node:path';
import os from 'node:os';
import { AppError, ROLE_LABELS, hasPermission, isOpName, operations, parseInput, type OpInput, type OpName, type OpOutput } from '../contract';
import { AuditAppender, changeDigest } from '../audit/chain';
import { SessionStore, type Session } from '../auth/sessions';
import { isCorruption, openDatabase, type OpenedDatabase } from '../db/open';
import { station } from '../db/schema';
import { OutboxAppender } from '../outbox/outbox';
import { handlers } from '../handlers';
import { readIdleLockMinutes } from '../handlers/settings';
import { PrintService } from '../print/service';
import { PlatformConnection, httpPortFactory, type PortFactory } from '../sync/platform-connection';
import { prepareQueries, type Queries } from './queries';
import type { Actor, CommandOutcome, CommitHandler, ReadContext, ReadHandler, WriteHandler } from './context';
import { logEvent } from './log';
import { DATABASE_FILE } from './paths';
import type { UserRow } from './users-repo';

export type Clock = () => Date;

export interface CivRegOptions {
  dataDir: string;
  clock?: Clock;
  /** How to reach the platform once linked (tests may wrap it); the CivReg protocol over HTTP by default. */
  platformPort?: PortFactory;
}

/**
 * The main-process services: one instance per data folder. Every transport (Electron IPC, the
 * browser-mode HTTP server, the CLI) calls `call`, so validation, authorization and the audited
 * write path are the same whichever way a request arrives.
 */
export class CivReg {
  readonly database: OpenedDatabase;
  readonly sessions = new SessionStore();
  readonly print: PrintService;
  readonly clock: Clock;
  readonly platform: PlatformConnection;
  private readonly audit: AuditAppender;
  private readonly outbox: OutboxAppender;
  private readonly q: Queries;
  /** One immediate transaction per command: taking the write lock up front means the chain head read inside cannot go stale. */
  private readonly inTransaction: (body: () => void) => void;
  private stationIdCache: string | null = null;

  constructor(opts: CivRegOptions) {
    this.clock = opts.clock ?? (() => new Date());
    this.database = openDatabase(path.join(opts.dataDir, DATABASE_FILE), { now: this.clock });
    this.print = new PrintService(opts.dataDir);
    this.audit = new AuditAppender(this.database.sqlite);
    this.outbox = new OutboxAppender(this.database.sqlite);
    this.q = prepareQueries(this.database.db);
    this.platform = new PlatformConnection(this.database.db, () => this.stationId(), opts.platformPort ?? httpPortFactory(this.clock));
    const tx = this.database.sqlite.transaction((body: () => void) => body());
    this.inTransaction = (body) => tx.immediate(body);
  }

  close(): void {
    this.database.close();
  }

  /**
   * Run an operation for the holder of `sessionToken` (none for public operations). Transports use
   * this; operations that render or read files finish asynchronously.
   */
  async callAsync<K extends OpName>(name: K, input: NoInfer<OpInput<K>>, sessionToken?: string): Promise<OpOutput<K>>;
  async callAsync(name: string, input: unknown, sessionToken?: string): Promise<unknown>;
  async callAsync(name: string, input: unknown, sessionToken?: string): Promise<unknown> {
    if (!isOpName(name)) throw new AppError('UNKNOWN_OPERATION', `未知的操作：${name}`);
    const now = this.clock();
    const { session, user } = this.authenticate(name, sessionToken, now);
    const actor: Actor | null = user ? { userId: user.id, username: user.username, role: user.role as Actor['role'] } : null;
    return this.run(name, input, now, actor, user, session);
  }

  /** The same, for operations that complete synchronously (all but printing and fonts). */
  call<K extends OpName>(name: K, input: NoInfer<OpInput<K>>, sessionToken?: string): OpOutput<K>;
  call(name: string, input: unknown, sessionToken?: string): unknown;
  call(name: string, input: unknown, sessionToken?: string): unknown {
    if (!isOpName(name)) throw new AppError('UNKNOWN_OPERATION', `未知的操作：${name}`);
    refuseIfAsync(name);
    const now = this.clock();
    const { session, user } = this.authenticate(name, sessionToken, now);
    const actor: Actor | null = user ? { userId: user.id, username: user.username, role: user.role as Actor['role'] } : null;
    return assertSync(name, this.run(name, input, now, actor, user, session));
  }

  /** Run an operation with file-level authority (the CLI's administration), attributed to the OS user. */
  callAsSystem<K extends OpName>(name: K, input: NoInfer<OpInput<K>>): Promise<OpOutput<K>> {
    return Promise.resolve(this.run(name, input, this.clock(), this.systemActor(), null, null)) as Promise<OpOutput<K>>;
  }

  /** The same, for synchronous operations. */
  callAsSystemSync<K extends OpName>(name: K, input: NoInfer<OpInput<K>>): OpOutput<K> {
    refuseIfAsync(name);
    return assertSync(name, this.run(name, input, this.clock(), this.systemActor(), null, null)) as OpOutput<K>;
  }

  /** Run an operation for the sync service (its bookkeeping ops are held by no role), attributed to it. */
  callAsService<K extends OpName>(name: K, input: NoInfer<OpInput<K>>): OpOutput<K> {
    refuseIfAsync(name);
    return assertSync(name, this.run(name, input, this.clock(), SYNC_SERVICE, null, null)) as OpOutput<K>;
  }

  private systemActor(): Actor {
    return { userId: null, username: `命令行:${os.userInfo().username}`, role: 'system' };
  }

  private authenticate(name: OpName, token: string | undefined, now: Date): { session: Session | null; user: UserRow | null } {
    const def = operations[name];
    if (def.access === 'public') return { session: null, user: null };
    const session = this.sessions.get(token, now, readIdleLockMinutes(this.q));
    if (!session) throw new AppError('UNAUTHENTICATED', '请先登录');
    const user = this.q.userById.get({ id: session.userId });
    if (!user || !user.active) {
      this.sessions.delete(session.token);
      throw new AppError('UNAUTHENTICATED', '账户已停用或不存在，请重新登录');
    }
    if (session.locked && !def.allowWhenLocked) throw new AppError('LOCKED', '屏幕已锁定，请输入密码解锁');
    if (user.mustChangePassword && !def.allowWithInitialPassword) {
      throw new AppError('FORBIDDEN', '请先修改初始密码（或管理员重置后的密码），再进行其他操作');
    }
    if (def.access !== 'session' && !hasPermission(user.role as keyof typeof ROLE_LABELS, def.access)) {
      throw new AppError('FORBIDDEN', `${ROLE_LABELS[user.role as keyof typeof ROLE_LABELS]}无权${def.title}`);
    }
    // Status polling and lock/unlock are not the user's activity: they must not postpone the idle lock.
    if (!def.allowWhenLocked) this.sessions.touch(session, now);
    return { session, user };
  }

  private run(name: OpName, rawInput: unknown, now: Date, actor: Actor | null, user: UserRow | null, session: Session | null): unknown {
    const def = operations[name];
    const input = parseInput(def.input, rawInput);
    const ctx: ReadContext = {
      db: this.database.db,
      sqlite: this.database.sqlite,
      q: this.q,
      now,
      actor,
      user,
      session,
      sessions: this.sessions,
      databaseFile: this.database.file,
      print: this.print,
      stationId: () => this.stationId(),
      pendingOutbox: () => this.outbox.pendingCount(),
      blockedOutbox: () => this.outbox.blockedCount(),
      platform: this.platform,
    };
    const fail = (err: unknown): never => {
      if (err instanceof AppError) throw err;
      logEvent('operation.failed', { operation: name, error: (err as Error).name });
      if (isCorruption(err)) {
        throw new AppError('INTERNAL', `数据库文件已损坏，操作“${def.title}”未能完成。请停止使用本工作站并从备份恢复。`);
      }
      throw new AppError('INTERNAL', `操作“${def.title}”未能完成，未写入任何数据。请重试或联系管理员。`);
    };
    try {
      const handler = handlers[name] as ReadHandler<OpName> | WriteHandler<OpName>;
      let result: unknown;
      if (def.kind === 'read') result = (handler as ReadHandler<OpName>)(ctx, input as never);
      else if (typeof handler === 'function') result = this.commit(name, ctx, input, handler as CommitHandler<OpName, unknown>, undefined);
      else result = handler.prepare(ctx, input as never).then((prepared: unknown) => this.commit(name, ctx, input, handler.commit, prepared));
      return result instanceof Promise ? result.catch(fail) : result;
    } catch (err) {
      return fail(err);
    }
  }

  /** validate → authorize (done) → one transaction: the change, its audit entry, its outbox events. */
  private commit(name: OpName, ctx: ReadContext, input: unknown, handler: CommitHandler<OpName, unknown>, prepared: unknown): unknown {
    let outcome!: CommandOutcome<unknown>;
    const at = ctx.now.toISOString();
    this.inTransaction(() => {
      outcome = handler(ctx, input as never, prepared);
      const actor = outcome.audit.actor ?? ctx.actor;
      if (!actor) throw new Error('write without an actor');
      const { seq } = this.audit.append({
        at,
        userId: actor.userId,
        username: actor.username,
        role: actor.role,
        stationId: this.stationId(),
        operation: name,
        recordIds: outcome.audit.recordIds,
        summary: outcome.audit.summary,
        changeDigest: changeDigest(outcome.audit.before, outcome.audit.after),
      });
      for (const event of outcome.events ?? []) this.outbox.append(event, seq, at);
    });
    if (outcome.events?.length) this.platform.notify();
    const finish = (): unknown => {
      if (outcome.failure) throw outcome.failure;
      return outcome.result;
    };
    const after = outcome.afterCommit?.();
    return after instanceof Promise ? after.then(finish) : finish();
  }

  private stationId(): string {
    if (this.stationIdCache === null) {
      const row = this.database.db.select({ id: station.stationId }).from(station).get();
      if (!row) return '-';
      this.stationIdCache = row.id;
    }
    return this.stationIdCache;
  }
}

const SYNC_SERVICE: Actor = { userId: null, username: '同步服务', role: 'system' };

/** A prepared write would commit after `call` had returned: refuse it before anything runs. */
function refuseIfAsync(name: OpName): void {
  if (typeof (handlers[name] as { prepare?: unknown }).prepare === 'function') {
    throw new AppError('INTERNAL', `操作 ${name} 需异步调用（callAsync）`);
  }
}

/** `call` is for synchronous operations; the others go through `callAsync`. */
function assertSync(name: string, result: unknown): unknown {
  if (result instanceof Promise) {
    result.catch(() => undefined);
    throw new AppError('INTERNAL', `操作 ${name} 需异步调用（callAsync）`);
  }
  return result;
}
