// Full-width digits, letters and punctuation (what a Chinese input method types in 全角 mode) to ASCII,
// ideographic spaces to plain ones, runs of white space to one, trimmed. Imports and form inputs share it.

const NEEDS_CLEANING = /[\uff01-\uff5e\u3000]|^\s|\s$|\s\s|[\t\n\r]/;

export function toHalfWidth(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
