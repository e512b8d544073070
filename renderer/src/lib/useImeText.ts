// Search-as-you-type with a Chinese input method: while the clerk is still composing (拼音 "guo'fang"
// before 国防 is chosen) the box shows what he types but nothing is searched; the search starts with
// the characters he commits (compositionend). Every search box that answers while typing uses this.
import { useRef, useState, type CompositionEvent } from 'react';

export interface ImeText {
  /** What the box shows: the text being composed, or the value. */
  value: string;
  /** The box's text changed (an input's onChange, a select's onSearch). */
  change: (text: string) => void;
  /** For the input, or an element around it (composition events bubble: a select's inner input). */
  composition: {
    onCompositionStart: () => void;
    onCompositionEnd: (e: CompositionEvent<HTMLElement>) => void;
  };
}

export function useImeText(value: string, onChange: (text: string) => void): ImeText {
  const composing = useRef(false);
  const [composed, setComposed] = useState<string | null>(null);
  return {
    value: composed ?? value,
    change: (text) => {
      if (composing.current) {
        setComposed(text);
        return;
      }
      setComposed(null);
      onChange(text);
    },
    composition: {
      onCompositionStart: () => {
        composing.current = true;
      },
      onCompositionEnd: (e) => {
        composing.current = false;
        setComposed(null);
        const input = e.target;
        if (input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement) onChange(input.value);
      },
    },
  };
}
