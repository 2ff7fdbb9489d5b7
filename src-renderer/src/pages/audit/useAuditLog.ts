import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, AuditEntryView } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { asAppError } from '../../formErrors';
import type { AuditFilter } from './auditFilter';

const PAGE_SIZE = 100;

/** The audit log, newest first, a page at a time under the current filter. */
export function useAuditLog() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [entries, setEntries] = useState<AuditEntryView[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<AppError | null>(null);
  // Each request takes a number; the answer to one that a newer query has overtaken is dropped.
  const latest = useRef(0);

  const fetchPage = useCallback(async (next: AuditFilter, beforeSeq?: number): Promise<void> => {
    const request = ++latest.current;
    try {
      const page = await call('audit.list', { ...next, ...(beforeSeq ? { beforeSeq } : {}), limit: PAGE_SIZE });
      if (request !== latest.current) return;
      setFilter(next);
      setEntries((shown) => (beforeSeq ? [...shown, ...page.entries] : page.entries));
      setHasMore(page.hasMore);
      setError(null);
    } finally {
      if (request === latest.current) setLoading(false);
    }
  }, []);

  // The first page; `loading` starts out true for it.
  useEffect(() => {
    fetchPage({}).catch((err: unknown) => setError(asAppError(err)));
  }, [fetchPage]);

  /** A new query; rejects so the filter form can show what was wrong with it. */
  const search = (next: AuditFilter): Promise<void> => {
    setLoading(true);
    return fetchPage(next);
  };

  const loadMore = (): void => {
    setLoading(true);
    fetchPage(filter, entries.at(-1)?.seq).catch((err: unknown) => setError(asAppError(err)));
  };

  return { entries, hasMore, loading, error, search, loadMore };
}
