/**
 * Exponential backoff with full jitter: attempt n waits a random time in [0, min(cap, base·2ⁿ)), so
 * stations that lost the platform together do not all come back at the same instant.
 */
export function backoffDelay(attempt: number, random: () => number, baseMs = 1000, capMs = 5 * 60 * 1000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.max(baseMs / 4, Math.floor(random() * ceiling));
}
