// Keyboard rules of every form (lib/keys.ts): Enter moves to the next field and saves in the last one,
// Ctrl+Enter saves anywhere (Enter is left alone while a dropdown is open, in a text area, or while the
// input method is composing), Esc cancels — an open dropdown takes Esc first. A form with changes asks
// before Esc throws them away (useConfirmDiscard): pages through onCancel, dialogs through their Modal's
// onCancel.
import type { ReactNode } from 'react';
import { enterAction, isComposing, moveToField } from '../lib/keys.ts';

export interface KeyboardFormProps {
  onSave: () => void;
  /** Pages pass this; in a modal the Modal itself handles Esc (its onCancel). */
  onCancel?: () => void;
  children: ReactNode;
  className?: string;
  testId?: string;
}

export function KeyboardForm({ onSave, onCancel, children, className, testId }: KeyboardFormProps) {
  return (
    <div
      className={className}
      data-testid={testId}
      onKeyDownCapture={(e) => {
        const action = enterAction(e);
        if (action === null) return;
        const moved =
          action === 'save'
            ? 'last'
            : moveToField(e.currentTarget, e.target as HTMLElement, action === 'next' ? 1 : -1);
        e.preventDefault();
        e.stopPropagation();
        if (moved === 'last') onSave();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || isComposing(e)) return;
        const target = e.target as HTMLElement;
        if (target.getAttribute('aria-expanded') === 'true') {
          e.stopPropagation(); // the dropdown closes; the dialog stays
          return;
        }
        if (onCancel !== undefined) {
          // The page handles this Esc: it must not reach antd's window listener, which would close
          // the 放弃？ question onCancel just opened with the very same key press.
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      {children}
    </div>
  );
}

/** The keys of a form, under its fields. */
export function FormKeysHint() {
  return <div className="form-keys-hint">Enter 下一项 · Ctrl+Enter 保存 · Esc 取消</div>;
}
