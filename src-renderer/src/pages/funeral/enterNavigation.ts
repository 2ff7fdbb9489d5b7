import type { KeyboardEvent } from 'react';

const FIELDS = 'input, textarea, [role="switch"], [role="combobox"]';

function usable(el: HTMLElement): boolean {
  if (el.matches(':disabled, [type="hidden"], [aria-disabled="true"]')) return false;
  // A select's input is read-only when it does not search: it is still where the select takes keys.
  if (el.matches('[readonly]') && el.getAttribute('role') !== 'combobox') return false;
  if (el.tabIndex < 0) return false;
  // Hidden (a collapsed section, a display:none cell) has no layout box.
  return el.getClientRects().length > 0;
}

/** The fields in document order, one stop per radio group (its checked radio, else its first). */
function stops(container: HTMLElement): HTMLElement[] {
  const seenRadioGroups = new Set<string>();
  const result: HTMLElement[] = [];
  for (const el of Array.from(container.querySelectorAll<HTMLElement>(FIELDS))) {
    if (!usable(el)) continue;
    if (el instanceof HTMLInputElement && el.type === 'radio') {
      if (seenRadioGroups.has(el.name)) continue;
      seenRadioGroups.add(el.name);
      const checked = container.querySelector<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(el.name)}"]:checked`);
      result.push(checked && usable(checked) ? checked : el);
      continue;
    }
    result.push(el);
  }
  return result;
}

/** Move the focus to the field after `from` (or to `[data-enter-last]`, the submit button, after the last one). */
export function focusNextField(container: HTMLElement, from: HTMLElement): void {
  const list = stops(container);
  const at = list.findIndex((el) => el === from || el.contains(from) || from.contains(el));
  const next = at >= 0 ? list[at + 1] : undefined;
  const target = next ?? container.querySelector<HTMLElement>('[data-enter-last]');
  target?.focus();
  if (target instanceof HTMLInputElement && (target.type === 'text' || target.type === '')) target.select();
}

/**
 * The counter's keyboard on a long form: Enter moves to the next field (as Tab, but where the hand
 * already is), Ctrl+Enter submits from anywhere. Enter keeps its own meaning in a text area, on a
 * button, in an open drop-down (it picks the option) and while an IME composes.
 * Use as the form wrapper's onKeyDownCapture.
 */
export function enterNavigation(submit: () => void) {
  return (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      event.stopPropagation();
      submit();
      return;
    }
    if (event.altKey || event.shiftKey) return;
    const target = event.target as HTMLElement;
    if (target instanceof HTMLTextAreaElement) return;
    if (target instanceof HTMLButtonElement && target.getAttribute('role') !== 'switch') return;
    if (target.closest('.ant-select-open, .ant-picker-dropdown, .ant-select-dropdown')) return;
    event.preventDefault();
    event.stopPropagation();
    focusNextField(event.currentTarget, target);
  };
}
