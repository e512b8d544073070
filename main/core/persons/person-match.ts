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
  /**
   * The same persons as a condition on a `persons p` row, for a household's matching member: a name
   * prefix tests the row itself instead of building the set of every person it matches (王: 37,000).
   */
  onPerson: { sql: string; params: string[] };
  /**
   * `SELECT household_id FROM …`: the households of those persons. A name prefix reads them from the
   * (name, household_id) index alone.
   */
  households: { sql: string; params: string[] };
  /** A one-character name: matches a large share of the county (王: 19 % of households). */
  broad: boolean;
  /** A name prefix, a range of the name indexes (otherwise a set of person ids from an index lookup). */
  byName: boolean;
}

const viaIds = (
  m: Pick<PersonMatch, 'sql' | 'params' | 'text' | 'digits'>,
): Pick<PersonMatch, 'onPerson' | 'households' | 'broad' | 'byName'> => ({
  broad: false,
  byName: false,
  onPerson: { sql: `p.id IN (${m.sql})`, params: m.params },
  households: { sql: `SELECT household_id FROM persons WHERE id IN (${m.sql})`, params: m.params },
});

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
    if (text.length === 18) {
      const m = { sql: 'SELECT id FROM persons WHERE id_number = ?', params: [text], text, digits };
      return { ...m, ...viaIds(m) };
    }
    if (text.length < 3) {
      const m = { sql: 'SELECT id FROM persons WHERE 0', params: [], text, digits };
      return { ...m, ...viaIds(m) };
    }
    const m = {
      sql: 'SELECT rowid AS id FROM person_search WHERE person_search MATCH ?',
      params: [`{id_number phone} : ${ftsPhrase(text)}`],
      text,
      digits,
    };
    return { ...m, ...viaIds(m) };
  }
  if ([...text].length >= 3) {
    const m = {
      sql: 'SELECT rowid AS id FROM person_search WHERE person_search MATCH ?',
      params: [`name : ${ftsPhrase(text)}`],
      text,
      digits,
    };
    return { ...m, ...viaIds(m) };
  }
  const range = [text, text + MAX_CHAR];
  return {
    sql: 'SELECT id FROM persons WHERE name >= ? AND name < ?',
    params: range,
    text,
    digits,
    onPerson: { sql: 'p.name >= ? AND p.name < ?', params: range },
    households: { sql: 'SELECT household_id FROM persons WHERE name >= ? AND name < ?', params: range },
    broad: [...text].length === 1,
    byName: true,
  };
}
