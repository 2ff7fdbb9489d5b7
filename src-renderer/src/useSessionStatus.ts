import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../src-main/contract';
import { call } from './api/client';
import type { SessionStatus } from './currentSession';
import { asAppError } from './formErrors';

/** session.status does not count as activity on the server, so polling it never keeps a session awake. */
const POLL_MS = 15_000;

/**
 * The session's status, re-read every 15 s so the status bar stays current (待上报 count) and a lock
 * the server applied on its own (idle past the limit) reaches the screen. `onLocked` runs whenever the
 * server reports the session locked.
 */
export function useSessionStatus(onLocked: () => void) {
  const [status, setStatus] = useState<SessionStatus | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [generation, setGeneration] = useState(0);
  const onLockedRef = useRef(onLocked);
  useEffect(() => {
    onLockedRef.current = onLocked;
  });

  useEffect(() => {
    let active = true;
    const load = async (): Promise<void> => {
      try {
        const next = await call('session.status', {});
        if (!active) return;
        setStatus(next);
        setError(null);
        if (next.locked) onLockedRef.current();
      } catch (err) {
        if (active) setError(asAppError(err));
      }
    };
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [generation]);

  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  return { status, error, refresh };
}
