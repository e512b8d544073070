// A code table (字典) in the shape of the national system's AA10: one code, its current label, and
// every older or local label that means the same thing (aliases), so imports of any vintage map to one code.
// Counties extend tables at run time (rows in the code_items table); these are the built-in items.

export interface CodeItem {
  readonly code: string;
  readonly label: string;
  /** Older labels, national-system variants and common local spellings. */
  readonly aliases?: readonly string[];
  /** Kept for reading old data; not offered for new entries. */
  readonly retired?: boolean;
}

export interface CodeTable {
  readonly key: string;
  readonly name: string;
  readonly items: readonly CodeItem[];
  /** Values may hold several codes (健康状况 "残疾,长期慢性病"). */
  readonly multi?: boolean;
  /** Where the list comes from, for the 设置 screen and reviewers. */
  readonly source?: string;
  /**
   * Bare codes as the national system's files write them, when its numbering differs from ours: file
   * code → our code. Set, it replaces our own codes on import (a code not listed is refused), so a file's
   * "03" can never be read with our meaning of 03.
   */
  readonly fileCodes?: Readonly<Record<string, string>>;
  /** Words that look like values but could mean more than one item: refused on import, saying why. */
  readonly ambiguous?: readonly AmbiguousLabel[];
}

export interface AmbiguousLabel {
  readonly labels: readonly string[];
  /** The whole refusal: what the word can mean and what to write instead. */
  readonly message: string;
}

export const defineCodeTable = <const T extends CodeTable>(table: T): T => table;

/** Separator of multi-valued codes as stored ("02,04"). */
export const MULTI_SEPARATOR = ',';
