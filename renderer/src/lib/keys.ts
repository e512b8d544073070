// Keyboard rules shared by every form: Enter saves unless a dropdown is open, a text area has the focus
// or the clerk is still composing Chinese in the input method.
import type { KeyboardEvent } from 'react';

export function isComposing(e: KeyboardEvent): boolean {
  return e.nativeEvent.isComposing || e.keyCode === 229;
}

/** True when Enter in this element should save the form. */
export function enterSaves(e: KeyboardEvent): boolean {
  if (e.key !== 'Enter' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || isComposing(e)) return false;
  const target = e.target as HTMLElement;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON' || target.tagName === 'A') return false;
  // An open select (single or multiple) uses Enter to pick the active option.
  if (target.getAttribute('aria-expanded') === 'true') return false;
  if (target.closest('[data-enter-ignore]') !== null) return false;
  return true;
}
