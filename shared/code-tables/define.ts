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
}

export const defineCodeTable = <const T extends CodeTable>(table: T): T => table;

/** Separator of multi-valued codes as stored ("02,04"). */
export const MULTI_SEPARATOR = ',';
