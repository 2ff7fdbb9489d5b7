import { useEffect } from 'react';
import { useQuery } from '../useQuery';

/** Components showing the reader's state, told to load it again after a read, a placed card or a new setting. */
const listeners = new Set<() => void>();

/** Call after anything that changes the reader: a card read or placed, `identity.configureReader`. */
export function notifyCardReaderChanged(): void {
  for (const listener of listeners) listener();
}

/** The station's reader (`identity.reader`): which kind, its address, how many training cards wait. */
export function useCardReader() {
  const query = useQuery('identity.reader', {});
  const { reload } = query;
  useEffect(() => {
    listeners.add(reload);
    return () => {
      listeners.delete(reload);
    };
  }, [reload]);
  return query;
}
