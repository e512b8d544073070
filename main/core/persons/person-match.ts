// Which persons a search box text finds: 姓名, full or partial 证件号码 (e.g. its last 4–6 digits) or
// phone. Three or more characters go through the trigram index (person_search); shorter names use the
// name index as a prefix ("张三" finds 张三 and 张三丰). Returns a subquery yielding person ids.

export interface PersonMatch {
  /** `SELECT id FROM …` (person ids), to be used as `IN (…)`. */
  sql: string;
  params: string[];
  /** The normalised text, for households' own columns (户编号, 户电话). */
  text: string;
  digits: boolean;
}

export function normalizeSearchText(raw: string): string {
  return raw
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase();
}

const ftsPhrase = (text: string) => `"${text.replaceAll('"', '""')}"`;
// The largest code point: a prefix range [q, q + MAX) holds every string that starts with q.
const MAX_CHAR = String.fromCodePoint(0x10ffff);

export function personMatch(raw: string): PersonMatch | null {
  const text = normalizeSearchText(raw);
  if (text === '') return null;
  const digits = /^[0-9X]+$/.test(text);
  if (digits) {
    if (text.length === 18)
      return { sql: 'SELECT id FROM persons WHERE id_number = ?', params: [text], text, digits };
    if (text.length < 3) return { sql: 'SELECT id FROM persons WHERE 0', params: [], text, digits };
    return {
      sql: 'SELECT rowid AS id FROM person_search WHERE person_search MATCH ?',
      params: [`{id_number phone} : ${ftsPhrase(text)}`],
      text,
      digits,
    };
  }
  if ([...text].length >= 3) {
    return {
      sql: 'SELECT rowid AS id FROM person_search WHERE person_search MATCH ?',
      params: [`name : ${ftsPhrase(text)}`],
      text,
      digits,
    };
  }
  return {
    sql: 'SELECT id FROM persons WHERE name >= ? AND name < ?',
    params: [text, text + MAX_CHAR],
    text,
    digits,
  };
}
