import { randomBytes } from 'node:crypto';

export interface Session {
  token: string;
  userId: number;
  lastActivity: number;
  locked: boolean;
}

/**
 * Logged-in sessions of this process. A session idle longer than the idle-lock setting is locked
 * here, whatever the window does, so a forgotten counter cannot be used by the next person.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  /** A new session, not yet valid: `add` it once the login has been committed. */
  open(userId: number, now: Date): Session {
    return { token: randomBytes(24).toString('base64url'), userId, lastActivity: now.getTime(), locked: false };
  }

  add(session: Session): void {
    this.sessions.set(session.token, session);
  }

  /** Look up a session, locking it first if it has been idle past the limit. */
  get(token: string | undefined, now: Date, idleLockMinutes: number): Session | undefined {
    const session = token ? this.sessions.get(token) : undefined;
    if (session && now.getTime() - session.lastActivity > idleLockMinutes * 60_000) session.locked = true;
    return session;
  }

  touch(session: Session, now: Date): void {
    session.lastActivity = now.getTime();
  }

  delete(token: string): void {
    this.sessions.delete(token);
  }

  /** End the user's sessions, except `keep` (the one that changed the password). */
  deleteForUser(userId: number, keep?: string): void {
    for (const [token, s] of this.sessions) if (s.userId === userId && token !== keep) this.sessions.delete(token);
  }
}
