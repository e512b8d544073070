// Keyboard rules of every form: Enter saves (not while a dropdown is open, in a text area, or while the
// input method is composing), Esc cancels — an open dropdown takes Esc first.
import type { ReactNode } from 'react';
import { enterSaves, isComposing } from '../lib/keys.ts';

export interface KeyboardFormProps {
  onSave: () => void;
  /** Pages pass this; in a modal the Modal itself closes on Esc. */
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
        if (enterSaves(e)) {
          e.preventDefault();
          e.stopPropagation();
          onSave();
        }
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || isComposing(e)) return;
        const target = e.target as HTMLElement;
        if (target.getAttribute('aria-expanded') === 'true') {
          e.stopPropagation(); // the dropdown closes; the dialog stays
          return;
        }
        if (onCancel !== undefined) {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      {children}
    </div>
  );
}
