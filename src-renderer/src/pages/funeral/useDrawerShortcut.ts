import { useEffect, useRef } from 'react';

/**
 * Alt + `letter` while a drawer is open (the page's own Alt shortcuts wait while the focus is in a
 * drawer; the drawer's buttons need theirs there). A dialog opened over the drawer takes its keys.
 */
export function useDrawerShortcut(letter: string, action: () => void, enabled = true): void {
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(() => {
    if (!enabled) return;
    const code = `Key${letter.toUpperCase()}`;
    const onKey = (event: KeyboardEvent): void => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.code !== code || event.repeat) return;
      if (event.target instanceof Element && event.target.closest('.ant-modal-wrap, .ant-modal')) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [letter, enabled]);
}
