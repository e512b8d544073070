// antd 6 draws the "clear" × of inputs and selects as a <button>, so Tab stops on it after every
// filled field and Enter there empties the field — wrong for keyboard-first entry. The × stays for
// the mouse; keyboard users clear with Delete/Backspace (see CodeSelect) or by selecting the text.
const CLEAR_BUTTONS = '.ant-select-clear, .ant-input-clear-icon';

function untab(root: ParentNode & Node): void {
  if (root instanceof Element && root.matches(CLEAR_BUTTONS)) root.setAttribute('tabindex', '-1');
  for (const el of root.querySelectorAll(CLEAR_BUTTONS)) el.setAttribute('tabindex', '-1');
}

export function keepClearButtonsOutOfTabOrder(root: HTMLElement = document.body): () => void {
  untab(root);
  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) {
      for (const node of m.addedNodes) if (node instanceof Element) untab(node);
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
