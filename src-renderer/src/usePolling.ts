import { useEffect, useRef } from 'react';

/**
 * Run `refresh` every `ms` while the page is mounted (and `enabled`), for figures that change on their
 * own (the sync service works in the background). Skipped while the window is hidden: nobody is reading it.
 */
export function usePolling(refresh: () => void, ms: number, enabled = true): void {
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  });
  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(() => {
      if (!document.hidden) latest.current();
    }, ms);
    return () => clearInterval(timer);
  }, [ms, enabled]);
}
