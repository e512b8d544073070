// XML text for cell values and attributes. User text can hold anything a clerk pasted into Excel or a
// database: control characters and broken UTF-16 would make the whole file unreadable (XML 1.0 forbids
// them), so they are dropped or replaced here, once, on the way out.

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Excel's limit for the text of one cell; longer text makes Excel "repair" the file. */
export const MAX_CELL_TEXT = 32_767;

// Anything that is not plain text in XML, plus the `_xHHHH_` pattern: Excel, WPS and SheetJS decode
// `_x0041_` in cell text as the character U+0041, so a literal one must be escaped to survive.
const NEEDS_WORK =
  // eslint-disable-next-line no-control-regex
  /[&<>"\r\t\n\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
const HEX4 = /^[0-9A-Fa-f]{4}_/;

/**
 * Escapes text for element content (`inAttribute` false) or a double-quoted attribute. Control
 * characters other than tab and line feed are removed (they are invisible in Excel anyway); a lone
 * surrogate or U+FFFE/U+FFFF becomes U+FFFD, the usual mark for a broken character. CR LF and a lone
 * CR become LF, which is what Excel uses for a line break inside a cell.
 */
function escape(s: string, inAttribute: boolean): string {
  if (!NEEDS_WORK.test(s)) return s;
  let out = '';
  let start = 0; // start of the pending run of characters copied unchanged
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const ch = s.charCodeAt(i);
    let rep: string | null = null;
    if (ch === 0x26) rep = '&amp;';
    else if (ch === 0x3c) rep = '&lt;';
    else if (ch === 0x3e) rep = '&gt;';
    else if (ch === 0x22) rep = inAttribute ? '&quot;' : null;
    else if (ch === 0x0a) rep = inAttribute ? '&#10;' : null;
    else if (ch === 0x09) rep = inAttribute ? '&#9;' : null;
    else if (ch === 0x0d) {
      if (s.charCodeAt(i + 1) === 0x0a) rep = '';
      else rep = inAttribute ? '&#10;' : '\n';
    } else if (ch < 0x20) rep = '';
    else if (ch >= 0xd800 && ch <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff)
        i++; // a valid pair: keep both halves
      else rep = '\uFFFD';
    } else if ((ch >= 0xdc00 && ch <= 0xdfff) || ch === 0xfffe || ch === 0xffff) rep = '\uFFFD';
    else if (ch === 0x5f && s.charCodeAt(i + 1) === 0x78 && HEX4.test(s.slice(i + 2, i + 7))) {
      rep = '_x005F_';
    }
    if (rep !== null) {
      out += s.slice(start, i) + rep;
      start = i + 1;
    }
  }
  return out + s.slice(start);
}

export const escapeText = (s: string): string => escape(s, false);
export const escapeAttr = (s: string): string => escape(s, true);

/** Cuts text to Excel's cell limit without splitting a surrogate pair. */
export function clipCellText(s: string): string {
  if (s.length <= MAX_CELL_TEXT) return s;
  const last = s.charCodeAt(MAX_CELL_TEXT - 1);
  return s.slice(0, last >= 0xd800 && last <= 0xdbff ? MAX_CELL_TEXT - 1 : MAX_CELL_TEXT);
}

/** `<t>` for a string cell; leading or trailing blanks need xml:space or Excel trims them. */
export function textElement(s: string): string {
  const text = escapeText(clipCellText(s));
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first <= 0x20 || last <= 0x20 ? `<t xml:space="preserve">${text}</t>` : `<t>${text}</t>`;
}
