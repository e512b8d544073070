// Small XML helpers for the .xlsx parts. The big parts (sheets, shared strings) are scanned as bytes in
// xlsx-sheet-scanner.ts; the small ones (workbook, rels, styles) are parsed here with regular
// expressions. No DOM: a DOM of a 400 MB sheet would not fit, and these parts are flat lists.

const ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g;
/** OOXML escapes characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for a carriage return). */
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

function entity(_match: string, body: string): string {
  switch (body) {
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'amp':
      return '&';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
    ? String.fromCodePoint(code)
    : '\uFFFD';
}

/** Decodes XML entities and OOXML _xHHHH_ escapes in element text. */
export function decodeXmlText(s: string): string {
  let out = s.indexOf('&') < 0 ? s : s.replace(ENTITY, entity);
  if (out.indexOf('_x') >= 0)
    out = out.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return out;
}

/** Decodes an attribute value (entities only; _xHHHH_ is for element text). */
export const decodeXmlAttribute = (s: string): string => (s.indexOf('&') < 0 ? s : s.replace(ENTITY, entity));

/**
 * Attributes of one start tag, keyed by local name (prefixes dropped: r:id → id). A Map, not an object,
 * so a name like __proto__ in a hostile file cannot reach a prototype.
 */
export function parseAttributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m !== null; m = re.exec(tag)) {
    const name = m[1] ?? '';
    const local = name.includes(':') && !name.startsWith('xmlns') ? name.slice(name.indexOf(':') + 1) : name;
    if (!attrs.has(local)) attrs.set(local, decodeXmlAttribute(m[2] ?? m[3] ?? ''));
  }
  return attrs;
}

/** The attribute text of every start (or empty) tag with this local name, any namespace prefix. */
export function* startTags(xml: string, localName: string): Generator<string> {
  const re = new RegExp(`<(?:[\\w.-]+:)?${localName}(?=[\\s/>])([^>]*)>`, 'g');
  for (let m = re.exec(xml); m !== null; m = re.exec(xml)) yield m[1] ?? '';
}

/** The text between <x …> and </x> of the first element with this local name, or null. */
export function elementBody(xml: string, localName: string): string | null {
  const open = new RegExp(`<((?:[\\w.-]+:)?${localName})(?=[\\s/>])[^>]*?(/?)>`).exec(xml);
  if (open === null) return null;
  if (open[2] === '/') return '';
  const start = open.index + open[0].length;
  const end = xml.indexOf(`</${open[1] ?? localName}>`, start);
  return end < 0 ? null : xml.slice(start, end);
}

const PHONETIC_RUN = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g;
const TEXT_ELEMENT = /<(?:[\w.-]+:)?t(?:\s[^>]*)?(?<!\/)>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g;

/**
 * The text of a string item (<si> or <is>): every <t> concatenated, rich-text runs included, phonetic
 * guides (<rPh>, furigana that Excel adds for CJK input) left out as Excel does when it shows the cell.
 */
export function richText(xml: string): string {
  const body = xml.includes('rPh') ? xml.replace(PHONETIC_RUN, '') : xml;
  let out = '';
  for (const m of body.matchAll(TEXT_ELEMENT)) out += m[1] ?? '';
  return decodeXmlText(out);
}
