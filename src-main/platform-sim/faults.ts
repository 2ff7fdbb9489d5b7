import { randomInt } from 'node:crypto';
import { z } from 'zod';

/**
 * What can go wrong between a station and the platform, injected on purpose so the station's sync is
 * tested against it: slow answers, errors, dropped connections, answers lost after the commit, requests
 * delivered twice, events processed out of order, a platform clock that is off, a platform that is down.
 * Every random choice comes from one seeded generator, so a failing run can be replayed with its seed.
 */
const rate = z.number().min(0).max(1);

export type FaultKind = 'error' | 'drop' | 'lostResponse' | 'duplicate' | 'reorder';

const RATE_KEYS = ['errorRate', 'dropRate', 'lostResponseRate', 'duplicateRate', 'reorderRate'] as const;
type RateKey = (typeof RATE_KEYS)[number];
const KIND_OF: Record<RateKey, FaultKind> = {
  errorRate: 'error',
  dropRate: 'drop',
  lostResponseRate: 'lostResponse',
  duplicateRate: 'duplicate',
  reorderRate: 'reorder',
};

function resolvedRate(s: Partial<Record<RateKey | 'faultRate', number>>, key: RateKey): number {
  return s[key] ?? (s.faultRate ?? 0) / RATE_KEYS.length;
}

export const faultSettingsSchema = z
  .strictObject({
    /** Added before each /v1 answer: fixed, or uniform between min and max. */
    latencyMs: z.union([z.number().min(0), z.strictObject({ min: z.number().min(0), max: z.number().min(0) }).refine((l) => l.min <= l.max, '最小延迟不能大于最大延迟')]).optional(),
    /** Answer 500 or 503 without processing. */
    errorRate: rate.optional(),
    /** Close the connection without processing and without answering. */
    dropRate: rate.optional(),
    /** Process and commit, then close the connection: the station never hears the answer. */
    lostResponseRate: rate.optional(),
    /** Process the request a second time after the first (as a retry would): the answer is the first pass's. */
    duplicateRate: rate.optional(),
    /** Process a push's events in shuffled order; the answer stays in request order. */
    reorderRate: rate.optional(),
    /** Sets each of the five rates above that is not given to a fifth of this: about this share of requests meets a fault. */
    faultRate: rate.optional(),
    /** The platform's clock runs this far ahead (negative: behind) of the given clock. */
    clockSkewMs: z.number().int().optional(),
    /** Every /v1 connection is closed at once (the admin API still answers, so the platform can be brought back). */
    down: z.boolean().optional(),
    /** Seeds the generator; without it the generator keeps its state (or, at start, takes a random seed). */
    seed: z.number().int().optional(),
  })
  .refine((s) => RATE_KEYS.reduce((sum, k) => sum + resolvedRate(s, k), 0) <= 1 + 1e-9, '各故障率之和不能超过 1');

export type FaultSettings = z.input<typeof faultSettingsSchema>;

/** mulberry32: small, fast and good enough to pick faults (and a test's kill points); the point is that it is seeded. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private settings: FaultSettings = {};
  private random: () => number;
  private seed: number;

  constructor(settings: FaultSettings = {}) {
    this.seed = settings.seed ?? randomInt(2 ** 31);
    this.random = seededRandom(this.seed);
    this.set(settings);
  }

  /** Replaces every setting (what is not given is off); throws a ZodError on invalid settings. */
  set(settings: FaultSettings): void {
    const parsed = faultSettingsSchema.parse(settings);
    if (parsed.seed !== undefined) {
      this.seed = parsed.seed;
      this.random = seededRandom(this.seed);
    }
    this.settings = parsed;
  }

  /** The settings in force, with the seed the generator started from (to replay a run). */
  current(): FaultSettings {
    return { ...this.settings, seed: this.seed };
  }

  get down(): boolean {
    return this.settings.down ?? false;
  }

  get clockSkewMs(): number {
    return this.settings.clockSkewMs ?? 0;
  }

  latencyMs(): number {
    const l = this.settings.latencyMs;
    if (l === undefined) return 0;
    if (typeof l === 'number') return l;
    return l.min + this.random() * (l.max - l.min);
  }

  /** At most one fault per request, each with its rate. */
  pick(): FaultKind | null {
    const r = this.random();
    let upTo = 0;
    for (const key of RATE_KEYS) {
      upTo += resolvedRate(this.settings, key);
      if (r < upTo) return KIND_OF[key];
    }
    return null;
  }

  errorStatus(): 500 | 503 {
    return this.random() < 0.5 ? 500 : 503;
  }

  /** A shuffled order of 0..n-1 (Fisher–Yates). */
  permutation(n: number): number[] {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    return order;
  }
}
