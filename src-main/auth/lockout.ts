/** Account lockout rule: 5 wrong passwords in a row lock the account for 15 minutes. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;

export function isAccountLocked(lockedUntil: string | null, now: Date): boolean {
  return lockedUntil !== null && new Date(lockedUntil).getTime() > now.getTime();
}

/** After a wrong password: the new failure count, and the lock expiry if this failure locks. */
export function afterFailure(failedAttempts: number, now: Date): { failedAttempts: number; lockedUntil: string | null } {
  const count = failedAttempts + 1;
  if (count >= MAX_FAILED_ATTEMPTS) {
    return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() };
  }
  return { failedAttempts: count, lockedUntil: null };
}
