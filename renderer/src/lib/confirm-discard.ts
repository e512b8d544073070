// Esc, × and 取消 never throw typed work away without asking: a form with changes asks 放弃？ first
// (Enter or Esc on the question keeps the form); one without changes closes at once.
import { useCallback, useRef } from 'react';
import { App } from 'antd';
import { testIdProps } from './test-id.ts';

export interface DiscardQuestion {
  title?: string;
  content?: string;
}

/** `(dirty, close)`: closes at once when nothing was changed, otherwise asks first. */
export function useConfirmDiscard(
  question: DiscardQuestion = {},
): (dirty: boolean, close: () => void) => void {
  const { modal } = App.useApp();
  const asking = useRef(false);
  const { title = '放弃已填写的内容？', content = '关闭后，刚才填写或修改的内容不会保存。' } = question;
  return useCallback(
    (dirty, close) => {
      if (!dirty) return close();
      if (asking.current) return; // a second Esc or click while the question is up
      asking.current = true;
      modal.confirm({
        title,
        content,
        okText: '放弃',
        cancelText: '继续填写',
        autoFocusButton: 'cancel',
        okButtonProps: { danger: true, ...testIdProps('discard-confirm') },
        cancelButtonProps: testIdProps('discard-keep'),
        onOk: close,
        afterClose: () => {
          asking.current = false;
        },
      });
    },
    [modal, title, content],
  );
}
