// Keyboard rules shared by every form, as in Excel/WPS entry: Enter moves to the next field (Shift+Enter
// back), Enter in the last field or Ctrl+Enter anywhere saves. Enter is left alone while a dropdown is
// open (it picks the option), in a text area (a new line) and while the input method is composing.
import type { KeyboardEvent } from 'react';

export function isComposing(e: KeyboardEvent): boolean {
  return e.nativeEvent.isComposing || e.keyCode === 229;
}

export type EnterAction = 'save' | 'next' | 'previous' | null;

/** What Enter in this element does in a form (null: the element handles it itself). */
export function enterAction(e: KeyboardEvent): EnterAction {
  if (e.key !== 'Enter' || e.altKey || isComposing(e)) return null;
  const target = e.target as HTMLElement;
  if (target.closest('[data-enter-ignore]') !== null) return null;
  // Ctrl+Enter saves from anywhere in the form, a text area or an open dropdown included.
  if (e.ctrlKey || e.metaKey) return 'save';
  if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON' || target.tagName === 'A') return null;
  // An open select (single or multiple) uses Enter to pick the active option.
  if (target.getAttribute('aria-expanded') === 'true') return null;
  return e.shiftKey ? 'previous' : 'next';
}

/** Inputs Enter does not stop at. */
const NOT_ENTRY = new Set(['hidden', 'button', 'submit', 'reset', 'checkbox', 'radio', 'file', 'image']);

/**
 * The fields of a form Enter moves between, in screen (document) order: inputs, text areas and antd's
 * selects; not disabled or read-only ones (derived values), not those out of the Tab order (clear
 * buttons) and not hidden ones.
 */
export function entryFields(root: HTMLElement): HTMLElement[] {
  const found = root.querySelectorAll<HTMLElement>('input, textarea, [role="combobox"]');
  const fields: HTMLElement[] = [];
  for (const el of found) {
    if (fields.includes(el)) continue;
    if (el instanceof HTMLInputElement && NOT_ENTRY.has(el.type)) continue;
    if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && el.disabled) continue;
    if (el.getAttribute('aria-disabled') === 'true' || el.tabIndex < 0) continue;
    // A select's search input is read-only until searched in; a derived value's input is read-only for good.
    const readOnly = (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && el.readOnly;
    if (readOnly && el.getAttribute('role') !== 'combobox') continue;
    if (el.closest('[data-enter-skip]') !== null || el.getClientRects().length === 0) continue;
    fields.push(el);
  }
  return fields;
}

/**
 * Moves the cursor from `from` to the field `step` places on (−1: back), selecting a text field's value
 * so typing replaces it, as in a spreadsheet. From an element that is not a stop itself (a choice's
 * radio, a read-only value) it goes to the nearest field after (or before) it. 'last': there is no field
 * after `from` — Enter there saves.
 */
export function moveToField(root: HTMLElement, from: HTMLElement, step: 1 | -1): 'moved' | 'last' {
  const fields = entryFields(root);
  const at = fields.findIndex((f) => f === from || f.contains(from));
  const follows = (f: HTMLElement) =>
    (from.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  const next =
    at >= 0
      ? fields[at + step]
      : step === 1
        ? fields.find(follows)
        : fields.filter((f) => !follows(f)).at(-1);
  if (next === undefined) return step === 1 ? 'last' : 'moved';
  next.scrollIntoView({ block: 'nearest' });
  next.focus({ preventScroll: true });
  if (next instanceof HTMLInputElement && next.type === 'text' && next.getAttribute('role') !== 'combobox')
    next.select();
  return 'moved';
}
