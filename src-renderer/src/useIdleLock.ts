import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['mousemove', 'keydown', 'mousedown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 1000;

/**
 * Call `onIdle` once nobody has touched mouse, keyboard or screen for `minutes`; null switches the
 * watch off (not logged in yet, or already locked).
 *
 * A periodic check against Date.now() rather than one timer re-armed on every mouse move: it costs
 * nothing per event, and it still fires after the computer has slept, when a long timer would be late.
 */
export function useIdleLock(minutes: number | null, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  });

  useEffect(() => {
    if (minutes === null) return;
    const limitMs = minutes * 60_000;
    let lastActivity = Date.now();
    const markActive = (): void => {
      lastActivity = Date.now();
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, markActive, { capture: true, passive: true });
    const timer = setInterval(() => {
      if (Date.now() - lastActivity < limitMs) return;
      clearInterval(timer);
      onIdleRef.current();
    }, CHECK_EVERY_MS);
    return () => {
      clearInterval(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, markActive, { capture: true });
    };
  }, [minutes]);
}
