import { useEffect, useRef } from 'react';

function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  // A ticked checkbox or switch takes no text: shortcuts keep working after clicking one.
  if (el.tagName === 'INPUT' && ['checkbox', 'radio', 'button', 'submit'].includes((el as HTMLInputElement).type)) {
    return false;
  }
  // Only what takes text counts. A closed MUI Select is a `div role="combobox"` that keeps the
  // focus after a filter is picked with the mouse; it takes no typing, so n must still work there
  // (an editable combobox, e.g. Autocomplete, is an INPUT and stays quiet).
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/**
 * The key as the shortcut names it: letters in lower case whatever Shift or Caps Lock did to
 * them ("N" is n), other keys as typed ("?" is Shift+/ on most layouts and must stay "?").
 */
function shortcutKey(e: KeyboardEvent): string {
  return /^[a-z]$/i.test(e.key) ? e.key.toLowerCase() : e.key;
}

/**
 * A page's shortcuts stay quiet while a dialog or menu is open over it (focus is trapped in it),
 * so n cannot leave a half-confirmed decision. MUI puts every modal under `.MuiModal-root`.
 */
function inDialog(target: EventTarget | null): boolean {
  return Boolean((target as HTMLElement | null)?.closest?.('.MuiModal-root, [role="dialog"]'));
}

/**
 * A single-key shortcut (e.g. "n" for next case) that stays out of the way while the user
 * types in a field or holds Ctrl, Alt or Meta, so shortcuts never eat what was meant as text.
 * Shift and Caps Lock do not matter: `key` is the lower-case letter.
 */
export function useHotkey(key: string, handler: () => void, enabled = true) {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (shortcutKey(e) !== key || e.ctrlKey || e.metaKey || e.altKey || typingInField(e.target) || inDialog(e.target))
        return;
      e.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [key, enabled]);
}
