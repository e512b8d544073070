// HTML for printed forms, escaped by construction: `html\`<td>${name}</td>\`` escapes every interpolated
// string (a name like “<b>” or “&” prints as typed); only SafeHtml (what `html` itself returns, or a
// trusted constant passed through `raw`) goes in unescaped. Arrays are joined, null/undefined/false print
// nothing.

export class SafeHtml {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  toString(): string {
    return this.text;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

function render(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof SafeHtml) return v.text;
  if (Array.isArray(v)) return (v as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** A trusted constant (CSS of a template), never user data. */
export const raw = (text: string): SafeHtml => new SafeHtml(text);

/** Text, or a dash-free blank cell when empty (paper forms leave it for the pen). */
export const cell = (v: string | number | null | undefined): string =>
  v === null || v === undefined ? '' : String(v);
