import type { Db } from '../db/open';
import { platformLink } from '../db/schema';
import { HttpPlatform } from '../platform/http-platform';
import type { PlatformPort } from '../platform/port';
import type { FuneralWaiverResponse, MaritalStatusResponse } from '../platform/protocol';

/** How long an answer stands for the command that follows the check (registration, waiver entry). */
const ANSWER_VALID_MS = 15 * 60 * 1000;

/** The platform's answers a later command relies on, by the question asked. */
interface Answers {
  marital: MaritalStatusResponse;
  waiver: FuneralWaiverResponse;
}

export type PortFactory = (link: { url: string; secret: string; stationId: string }) => PlatformPort;

/**
 * This station's connection to the platform, as the handlers and the sync worker see it: the port (built
 * from the stored link; none for a standalone station), whether the last attempt got through, and the
 * platform's recent marital-status answers — kept here in the main process, so a registration can rely
 * on the check that preceded it without trusting anything the screen sends.
 */
export class PlatformConnection {
  online: boolean | null = null;
  lastFailureAt: string | null = null;
  lastError: string | null = null;
  nextAttemptAt: string | null = null;
  private cached: { key: string; port: PlatformPort } | null = null;
  private readonly answers = new Map<string, { answer: Answers[keyof Answers]; at: number }>();
  private readonly listeners = new Set<(force: boolean) => void>();

  constructor(
    private readonly db: Db,
    private readonly stationId: () => string,
    private readonly makePort: PortFactory,
  ) {}

  /** The platform port, or null when this station is not linked to a platform. */
  port(): PlatformPort | null {
    const link = this.db.select().from(platformLink).get();
    if (!link) return null;
    const key = `${link.url}\u0000${link.secret}`;
    if (this.cached?.key !== key) this.cached = { key, port: this.makePort({ url: link.url, secret: link.secret, stationId: this.stationId() }) };
    return this.cached.port;
  }

  succeeded(): void {
    this.online = true;
    this.lastError = null;
    this.nextAttemptAt = null;
  }

  /** The worker sets `nextAttemptAt` once it has chosen its backoff; until then there is none. */
  failed(now: Date, message: string): void {
    this.online = false;
    this.lastFailureAt = now.toISOString();
    this.lastError = message;
    this.nextAttemptAt = null;
  }

  rememberAnswer<K extends keyof Answers>(question: K, idNumber: string, answer: Answers[K], now: Date): void {
    // Expired answers go as new ones come, so a station running for months does not keep everyone it asked about.
    for (const [key, hit] of this.answers) if (now.getTime() - hit.at > ANSWER_VALID_MS) this.answers.delete(key);
    this.answers.set(`${question}:${idNumber}`, { answer, at: now.getTime() });
  }

  /** The platform's answer about this person from a check in the last quarter hour, if any. */
  recentAnswer<K extends keyof Answers>(question: K, idNumber: string, now: Date): Answers[K] | null {
    const hit = this.answers.get(`${question}:${idNumber}`);
    if (!hit || now.getTime() - hit.at > ANSWER_VALID_MS || hit.at > now.getTime()) return null;
    return hit.answer as Answers[K];
  }

  /** Something was written for the platform (or a person asked to sync now): wake the worker if one runs. */
  notify(force = false): void {
    for (const l of this.listeners) l(force);
  }

  onNotify(listener: (force: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const httpPortFactory = (clock: () => Date): PortFactory => (link) => new HttpPlatform({ ...link, clock });
