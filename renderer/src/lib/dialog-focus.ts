// antd's Modal locks focus inside the dialog and, on opening, moves it to the first focusable element —
// the × button — before an input's autoFocus can win; Enter would then close the dialog. Dialogs put
// the cursor into their first field once they are open instead.
export function focusOnOpen(elementId: string): (open: boolean) => void {
  return (open) => {
    if (!open) return;
    window.requestAnimationFrame(() => {
      const el = document.getElementById(elementId);
      if (el !== null && !el.contains(document.activeElement)) el.focus();
    });
  };
}
