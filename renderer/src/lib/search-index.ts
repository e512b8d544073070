// Type-ahead for code-table fields and region pickers: an option matches by its label, an alias, its code,
// the pinyin initials of the label or an alias (`dbpk` → 低保贫困户) or the start of their full pinyin.
// The pinyin is computed once per option (tables load once per session), never per keystroke.
import { pinyin } from 'pinyin-pro';

export interface SearchSource {
  value: string;
  label: string;
  aliases?: readonly string[];
  /** Matched exactly or as a prefix (the code of a code-table item). */
  code?: string;
}

export interface SearchKeys {
  /** Label and aliases, normalised (no spaces, lower case, half-width brackets). */
  texts: string[];
  /** Pinyin initials of each text, e.g. 'dbpkh'. */
  initials: string[];
  /** Full pinyin of each text without tones, e.g. 'dibaopinkunhu'. */
  full: string[];
  code: string;
}

export const normalizeSearch = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');

const HAS_HAN = /\p{Script=Han}/u;

function pinyinOf(text: string, first: boolean): string {
  if (!HAS_HAN.test(text)) return text;
  const parts = pinyin(
    text,
    first ? { pattern: 'first', toneType: 'none', type: 'array' } : { toneType: 'none', type: 'array' },
  );
  return normalizeSearch(parts.join('').replace(/ü/g, 'v'));
}

export function searchKeys(source: SearchSource): SearchKeys {
  const raw = [source.label, ...(source.aliases ?? [])].filter((t) => t !== '');
  const texts = raw.map(normalizeSearch);
  return {
    texts,
    initials: raw.map((t) => pinyinOf(t, true)),
    full: raw.map((t) => pinyinOf(t, false)),
    code: normalizeSearch(source.code ?? ''),
  };
}

/**
 * How well a typed query matches (lower is better), or null for no match. The label beats aliases,
 * and exact code or prefix matches come first, so `01` or `dbpk` then Enter picks the expected item.
 */
export function matchRank(query: string, keys: SearchKeys): number | null {
  const q = normalizeSearch(query);
  if (q === '') return 0;
  if (keys.code !== '' && keys.code === q) return 0;
  const [label = '', ...aliases] = keys.texts;
  if (label.startsWith(q)) return 1;
  if (keys.initials[0]?.startsWith(q)) return 2;
  if (label.includes(q)) return 3;
  if (keys.code !== '' && keys.code.startsWith(q)) return 4;
  if (aliases.some((a) => a.includes(q))) return 5;
  if (keys.initials.some((i) => i.startsWith(q))) return 6;
  if (keys.full.some((f) => f.startsWith(q))) return 7;
  if (keys.initials.some((i) => i.includes(q))) return 8;
  return null;
}

export interface IndexedOption {
  value: string;
  label: string;
  /** Shown in grey beside the label in the dropdown (the code). */
  hint?: string;
  keys: SearchKeys;
  disabled?: boolean;
}

export function indexOptions(sources: readonly SearchSource[]): IndexedOption[] {
  return sources.map((s) => ({
    value: s.value,
    label: s.label,
    ...(s.code !== undefined ? { hint: s.code } : {}),
    keys: searchKeys(s),
  }));
}
