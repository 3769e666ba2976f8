import { useEffect, useRef } from 'react';

function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  // A ticked checkbox or switch takes no text: shortcuts keep working after clicking one.
  if (el.tagName === 'INPUT' && ['checkbox', 'radio', 'button', 'submit'].includes((el as HTMLInputElement).type)) {
    return false;
  }
  return (
    el.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) ||
    el.getAttribute('role') === 'combobox'
  );
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
 * types in a field or holds a modifier, so shortcuts never eat what was meant as text.
 */
export function useHotkey(key: string, handler: () => void, enabled = true) {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== key || e.ctrlKey || e.metaKey || e.altKey || typingInField(e.target) || inDialog(e.target)) return;
      e.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [key, enabled]);
}
