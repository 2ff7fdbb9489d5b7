import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, OutboxEventView } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { asAppError } from '../../formErrors';

const PAGE_SIZE = 50;

interface History {
  /** Newest first, as loaded so far: the first page and whatever 加载更多 added. */
  events: OutboxEventView[];
  /** Older events exist beyond the last one loaded. */
  more: boolean;
}

/**
 * Every outbox event, newest first, a page at a time. `refresh` re-reads the newest page and keeps the
 * older pages already loaded, so polling does not throw away what the reader paged back to.
 */
export function useEventHistory() {
  const [history, setHistory] = useState<History>({ events: [], more: false });
  const [loaded, setLoaded] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const showFirstPage = useCallback((page: History): void => {
    if (!mounted.current) return;
    setHistory((h) => {
      // Events are only ever added, with rising numbers: what lies below the new first page is unchanged in place.
      const oldest = page.events.at(-1)?.id;
      const older = oldest === undefined ? [] : h.events.filter((e) => e.id < oldest);
      return { events: [...page.events, ...older], more: older.length > 0 ? h.more : page.more };
    });
    setError(null);
    setLoaded(true);
  }, []);
  const fail = useCallback((err: unknown): void => {
    if (!mounted.current) return;
    setError(asAppError(err));
    setLoaded(true);
  }, []);

  const refresh = useCallback(() => call('sync.events', { limit: PAGE_SIZE }).then(showFirstPage, fail), [showFirstPage, fail]);

  const loadMore = useCallback(async (): Promise<void> => {
    const last = history.events.at(-1);
    if (!last) return;
    setLoadingMore(true);
    try {
      const page = await call('sync.events', { beforeId: last.id, limit: PAGE_SIZE });
      if (!mounted.current) return;
      setHistory((h) => {
        const tail = h.events.at(-1)?.id ?? Number.MAX_SAFE_INTEGER;
        return { events: [...h.events, ...page.events.filter((e) => e.id < tail)], more: page.more };
      });
      setError(null);
    } catch (err) {
      if (mounted.current) setError(asAppError(err));
    } finally {
      if (mounted.current) setLoadingMore(false);
    }
  }, [history.events]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { ...history, loading: !loaded, loadingMore, error, refresh, loadMore };
}
