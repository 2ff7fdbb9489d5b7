import { useEffect, useRef } from 'react';

/** Alt + this letter, as a button's label shows it: 登记（Alt+R）. */
export function altLabel(text: string, letter: string | undefined): string {
  return letter ? `${text}（Alt+${letter}）` : text;
}

/** Whether a key event happened inside a dialog: the page's shortcuts wait while one is open. */
function inDialog(event: KeyboardEvent): boolean {
  return event.target instanceof Element && event.target.closest('.ant-modal-wrap, .ant-modal, .ant-drawer') !== null;
}

/**
 * Alt + `letter` anywhere on the page runs `action` (while `enabled`): the counter works from the
 * keyboard. The physical key is matched (event.code), so the layout and IME do not matter.
 */
export function useAltShortcut(letter: string | undefined, action: () => void, enabled = true): void {
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(() => {
    if (!letter || !enabled) return;
    const code = `Key${letter.toUpperCase()}`;
    const onKey = (event: KeyboardEvent): void => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.code !== code || event.repeat) return;
      if (inDialog(event)) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [letter, enabled]);
}
