// antd's Modal locks focus inside the dialog and, on opening, moves it to the first focusable element —
// the × button — before an input's autoFocus can win; Enter would then close the dialog. Dialogs put
// the cursor into their first field once they are open instead.
//
// "Once open" is after the opening animation, which on a slow or busy PC ends long after the dialog
// appeared: the clerk has often clicked into a field and started typing by then. Moving the cursor at
// that moment sent the rest of his typing into another field (a 物资's name typed into the region
// picker's search, gone when it closed), so the cursor is only placed while he has not placed it himself.

/** An element the clerk types or picks in (inputs, text areas, antd's selects and pickers). */
const TYPING_TARGET = 'input, textarea, select, [contenteditable="true"], [role="combobox"]';

/** True when the clerk already has the cursor in a field of the dialog that holds `el`. */
export function clerkIsInDialogField(el: HTMLElement): boolean {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active === document.body) return false;
  const dialog = el.closest('.ant-modal');
  return dialog !== null && dialog.contains(active) && active.matches(TYPING_TARGET);
}

export function focusOnOpen(elementId: string): (open: boolean) => void {
  return (open) => {
    if (!open) return;
    window.requestAnimationFrame(() => {
      const el = document.getElementById(elementId);
      if (el !== null && !el.contains(document.activeElement) && !clerkIsInDialogField(el)) el.focus();
    });
  };
}

/**
 * Puts the cursor on a page's main button when nothing has it — the page has just opened, or a dialog
 * has closed — so the clerk goes on with Enter instead of the mouse (新增户 saved → Enter → 新增成员).
 */
export function takeIdleFocus(el: HTMLElement | null): void {
  if (el === null) return;
  const active = document.activeElement;
  if (active === null || active === document.body) el.focus({ preventScroll: true });
}
