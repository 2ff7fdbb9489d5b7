import { describe, expect, it } from 'vitest';
import { LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS, afterFailure, isAccountLocked } from '../../src-main/auth/lockout';

const T0 = new Date('2025-03-10T01:00:00.000Z');
const FIFTEEN_MIN = 15 * 60_000;
const at = (ms: number): Date => new Date(T0.getTime() + ms);

describe('account lockout', () => {
  it('the rule is 5 attempts, 15 minutes', () => {
    expect(MAX_FAILED_ATTEMPTS).toBe(5);
    expect(LOCKOUT_MINUTES).toBe(15);
  });

  it('the first four wrong passwords in a row count up without locking', () => {
    let state = { failedAttempts: 0, lockedUntil: null as string | null };
    for (let i = 1; i <= 4; i++) {
      state = afterFailure(state.failedAttempts, T0);
      expect(state).toEqual({ failedAttempts: i, lockedUntil: null });
    }
  });

  it('the fifth wrong password in a row locks for exactly 15 minutes and resets the count', () => {
    let state = { failedAttempts: 0, lockedUntil: null as string | null };
    for (let i = 0; i < 5; i++) state = afterFailure(state.failedAttempts, T0);
    expect(state.failedAttempts).toBe(0);
    expect(state.lockedUntil).toBe('2025-03-10T01:15:00.000Z');
    expect(new Date(state.lockedUntil!).getTime() - T0.getTime()).toBe(FIFTEEN_MIN);
  });

  it('the lock runs from the instant of the fifth failure', () => {
    const fifth = at(123_456);
    expect(afterFailure(4, fifth).lockedUntil).toBe(new Date(fifth.getTime() + FIFTEEN_MIN).toISOString());
  });

  it('is locked up to, but not at, the expiry instant', () => {
    const { lockedUntil } = afterFailure(4, T0);
    expect(isAccountLocked(lockedUntil, T0)).toBe(true);
    expect(isAccountLocked(lockedUntil, at(1))).toBe(true);
    expect(isAccountLocked(lockedUntil, at(14 * 60_000))).toBe(true);
    expect(isAccountLocked(lockedUntil, at(FIFTEEN_MIN - 1))).toBe(true);
    expect(isAccountLocked(lockedUntil, at(FIFTEEN_MIN))).toBe(false);
    expect(isAccountLocked(lockedUntil, at(FIFTEEN_MIN + 1))).toBe(false);
    expect(isAccountLocked(lockedUntil, at(60 * 60_000))).toBe(false);
  });

  it('an account that never locked is not locked', () => {
    expect(isAccountLocked(null, T0)).toBe(false);
  });
});
