// Finds the header of a sheet the way a clerk would: the row that has the most known column names,
// wherever it is (national exports have it on row 3 under two caption rows; village rosters have a title
// row and a 2-row header whose upper row groups columns, e.g. 家庭成员情况 over 姓名/性别/关系…).
// Above the header it picks up the title and the 填报单位/统计时间 lines; below it skips a units row.
import { columnLetter, sheetRowToIndex } from './cell-address.ts';
import { cleanHeaderText, headerKey } from './header-names.ts';
import type { Merge, SheetData } from './types.ts';

export { cleanHeaderText, headerKey, knownHeaderNames } from './header-names.ts';

export interface HeaderColumn {
  /** 0-based column. */
  index: number;
  /** 'A', 'B', … 'AA'. */
  letter: string;
  /** Full name through the header rows: '家庭成员情况/成员姓名'; just '户主' for a one-level column. */
  name: string;
  /** The bottom part: '成员姓名'. */
  leaf: string;
}

export interface HeaderLocation {
  /** Indexes into SheetData.rows (0-based), top to bottom. */
  headerRows: number[];
  /** Named columns only, left to right. */
  columns: HeaderColumn[];
  /** Index into SheetData.rows of the first row after the header (and after a units row). */
  dataStart: number;
  /** A title line above the header, e.g. '榔桥镇黄田村建档立卡贫困户花名册'. */
  title: string | null;
  /** 'key：value' lines above the header ('填报单位', '统计时间', '单位' …). Null-prototype object. */
  meta: Record<string, string>;
}

export interface LocateHeaderOptions {
  /** How many rows from the top may hold the header (default 50). */
  searchRows?: number;
  /** Known names a row needs to count as a header (default 2). */
  minMatches?: number;
}

/** No row looks like a header; the message says so in Chinese. */
export class HeaderNotFoundError extends Error {
  readonly code = 'no-header';
  readonly sheet: string;

  constructor(sheet: string, message: string) {
    super(message);
    this.name = 'HeaderNotFoundError';
    this.sheet = sheet;
  }
}

const MAX_HEADER_DEPTH = 4;
const TITLE_WORDS = /表|册|台账|名单|清单|信息|统计|汇总|登记/;
const UNIT_TOKEN =
  '(?:元|万元|户|人|个|亩|岁|月|年|天|日|次|人次|户次|%|％|平方米|㎡|m2|公里|千米|米|吨|公斤|斤|头|只|间|套|处|项)';
const UNITS_CELL = new RegExp(`^(?:单位[:：].*|${UNIT_TOKEN}(?:[、/,，]${UNIT_TOKEN})*)$`);
const META_PAIR = /([^\s：:，,；;]{1,12})\s*[:：]\s*([^：:]*?)(?=\s+[^\s：:]{1,12}\s*[:：]|$)/g;

const textAt = (rows: string[][], r: number, c: number): string => rows[r]?.[c] ?? '';
const isBlank = (s: string): boolean => s.trim() === '';

/** Merges translated to row indexes, limited to the rows the header search looks at. */
interface IndexedMerge {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

function mergesInWindow(data: SheetData, window: number): IndexedMerge[] {
  const out: IndexedMerge[] = [];
  const lastSheetRow = data.rowNumbers === undefined ? window - 1 : (data.rowNumbers[window - 1] ?? 0) - 1;
  for (const m of data.merges) {
    if (m.s.r > lastSheetRow + 1) continue;
    const top = sheetRowToIndex(data, m.s.r);
    if (top < 0 || top >= window) continue;
    out.push({ top, bottom: bottomIndex(data, m), left: m.s.c, right: m.e.c });
  }
  return out;
}

function bottomIndex(data: SheetData, m: Merge): number {
  const direct = sheetRowToIndex(data, m.e.r);
  if (direct >= 0) return direct;
  // The merge ends in a dropped empty run: the last kept row inside it.
  let i = sheetRowToIndex(data, m.s.r);
  while (i + 1 < data.rows.length && (data.rowNumbers?.[i + 1] ?? i + 2) - 1 <= m.e.r) i++;
  return i;
}

export function locateHeader(
  data: SheetData,
  knownNames: Iterable<string>,
  options: LocateHeaderOptions = {},
): HeaderLocation {
  const total = data.rows.length;
  const window = Math.min(total, options.searchRows ?? 50);
  // The rows the search can reach, as arrays: the window, a header up to MAX_HEADER_DEPTH rows deep
  // starting in it, and the units and column-number rows under it.
  const rows = Array.from({ length: Math.min(total, window + MAX_HEADER_DEPTH + 2) }, (_, r) =>
    data.rows.cells(r),
  );
  const minMatches = options.minMatches ?? 2;
  const known = new Set<string>();
  for (const name of knownNames) {
    const key = headerKey(name);
    if (key !== '') known.add(key);
  }
  const merges = mergesInWindow(data, window);
  const mergeAt = (r: number, c: number): IndexedMerge | undefined =>
    merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  /** Cell text as the eye sees it: a cell inside a merge shows the merge's top-left value. */
  const shown = (r: number, c: number): string => {
    const m = mergeAt(r, c);
    return m === undefined ? textAt(rows, r, c) : textAt(rows, m.top, m.left);
  };
  const matches = (r: number): number => {
    let n = 0;
    for (const cell of rows[r] ?? []) if (cell !== '' && known.has(headerKey(cell))) n++;
    return n;
  };

  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < window; r++) {
    const score = matches(r);
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best < 0 || bestScore < minMatches) {
    throw new HeaderNotFoundError(
      data.sheet,
      `工作表“${data.sheet}”的前 ${window} 行中找不到表头：没有一行含有至少 ${minMatches} 个可识别的列名（如“姓名”“证件号码”“户编号”）。请确认选择了正确的工作表，或把表头改为标准列名后再导入`,
    );
  }

  const nonEmptyColumns = (r: number): number[] => {
    const out: number[] = [];
    (rows[r] ?? []).forEach((cell, c) => {
      if (!isBlank(cell)) out.push(c);
    });
    return out;
  };
  const isMetaRow = (r: number): boolean => {
    const cells = nonEmptyColumns(r).map((c) => textAt(rows, r, c));
    return cells.length > 0 && cells.every((t) => /[:：]/.test(t) || /盖章|签字/.test(t));
  };
  /** A merge starting in row r that reaches down into `below`: the header continues. */
  const spansInto = (r: number, below: number): boolean =>
    merges.some((m) => m.top === r && m.bottom >= below);
  /**
   * Row r groups columns: a merge across 2+ columns in r only, with named cells under it in `below`,
   * and narrower than the header (a title merged across the whole table is not a group).
   */
  const groupsOver = (r: number, below: number): boolean => {
    const named = nonEmptyColumns(below);
    const span = named.length === 0 ? 0 : (named[named.length - 1] ?? 0) - (named[0] ?? 0) + 1;
    return merges.some(
      (m) =>
        m.top === r &&
        m.bottom === r &&
        m.right > m.left &&
        m.right - m.left + 1 < span &&
        named.some((c) => c >= m.left && c <= m.right),
    );
  };

  let top = best;
  while (top > 0 && best - top + 1 < MAX_HEADER_DEPTH) {
    const r = top - 1;
    if (nonEmptyColumns(r).length === 0 || isMetaRow(r)) break;
    const overlap = nonEmptyColumns(r).filter((c) => !isBlank(textAt(rows, top, c))).length;
    if (spansInto(r, top) || groupsOver(r, top) || (matches(r) >= 2 && overlap <= 1)) top = r;
    else break;
  }
  let bottom = best;
  while (bottom + 1 < total && bottom - top + 1 < MAX_HEADER_DEPTH) {
    const s = bottom + 1;
    if (nonEmptyColumns(s).length === 0 || isUnitsRow(rows[s] ?? [])) break;
    // Every named cell of s must sit under a group of the rows above, or under a merge reaching it.
    const underHeader = nonEmptyColumns(s).every((c) => {
      const m = mergeAt(bottom, c);
      return m !== undefined && (m.right > m.left || m.bottom >= s);
    });
    if ((spansInto(bottom, s) || groupsOver(bottom, s)) && underHeader && !looksLikeData(rows[s] ?? []))
      bottom = s;
    else break;
  }

  const headerRows: number[] = [];
  for (let r = top; r <= bottom; r++) headerRows.push(r);

  let width = 0;
  for (const r of headerRows) width = Math.max(width, rows[r]?.length ?? 0);
  for (const m of merges) if (m.top >= top && m.top <= bottom) width = Math.max(width, m.right + 1);
  const columns: HeaderColumn[] = [];
  for (let c = 0; c < width; c++) {
    // The continuation of a leaf cell merged across columns is not a column of its own.
    const leafMerge = mergeAt(bottom, c);
    if (leafMerge !== undefined && leafMerge.left < c && leafMerge.top >= top) continue;
    const parts: string[] = [];
    for (const r of headerRows) {
      const text = cleanHeaderText(shown(r, c));
      if (text !== '' && parts[parts.length - 1] !== text) parts.push(text);
    }
    if (parts.length === 0) continue;
    columns.push({
      index: c,
      letter: columnLetter(c),
      name: parts.join('/'),
      leaf: parts[parts.length - 1] ?? '',
    });
  }

  let dataStart = bottom + 1;
  for (let k = 0; k < 2 && dataStart < total; k++) {
    const cells = rows[dataStart] ?? [];
    if (isUnitsRow(cells) || isNumberingRow(cells)) dataStart++;
    else break;
  }

  const { title, meta } = titleAndMeta(rows, top);
  return { headerRows, columns, dataStart, title, meta };
}

/**
 * Whether a cell's first character past spaces and opening brackets is an ASCII digit: such a cell is
 * never a unit (no unit, nor 单位, starts with one, and NFKC keeps digits), so a data row — its 户编号 or
 * 序号 first — is told apart without normalising the cell (400,000 rows: 0.17 s → a few ms).
 */
function startsWithDigit(cell: string): boolean {
  for (let i = 0; i < cell.length; i++) {
    const ch = cell.charCodeAt(i);
    if (ch === 0x20 || ch === 0x3000 || ch === 0x28 || ch === 0xff08 || (ch >= 9 && ch <= 13)) continue;
    return ch >= 0x30 && ch <= 0x39;
  }
  return false;
}

/** A non-blank cell of a units row: '单位：户、人', '（元）', '人' … */
export function isUnitsCell(cell: string): boolean {
  if (startsWithDigit(cell)) return false;
  const t = cell
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^\((.*)\)$/, '$1');
  return UNITS_CELL.test(t);
}

/** '单位：户、人', '（元）', '人' … in every non-empty cell. */
export function isUnitsRow(cells: readonly string[]): boolean {
  let n = 0;
  for (const cell of cells) {
    if (isBlank(cell)) continue;
    if (!isUnitsCell(cell)) return false;
    n++;
  }
  return n > 0;
}

/** The column-number row of statistical forms: 1, 2, 3 … (optionally after 甲, 乙, 丙). */
export function isNumberingRow(cells: readonly string[]): boolean {
  const texts = cells.map((c) => c.trim()).filter((c) => c !== '');
  if (texts.length < 3) return false;
  let i = 0;
  while (i < texts.length && '甲乙丙丁戊'.includes(texts[i] ?? 'x') && texts[i] === '甲乙丙丁戊'[i]) i++;
  let expected = 1;
  for (; i < texts.length; i++) {
    if (texts[i] !== String(expected)) return false;
    expected++;
  }
  return true;
}

/** A row with an ID-like or long number is data, never a sub-header. */
function looksLikeData(cells: readonly string[]): boolean {
  return cells.some((c) => /^\s*[\d.,+\-Ee]{5,}\s*$/.test(c));
}

function titleAndMeta(
  rows: string[][],
  headerTop: number,
): { title: string | null; meta: Record<string, string> } {
  const meta = Object.create(null) as Record<string, string>;
  const candidates: string[] = [];
  for (let r = 0; r < headerTop; r++) {
    const free: string[] = [];
    for (const cell of rows[r] ?? []) {
      const text = cell.replace(/\u3000/g, ' ').trim();
      if (text === '') continue;
      let rest = text;
      for (const m of text.matchAll(META_PAIR)) {
        const key = cleanHeaderText(m[1] ?? '');
        const value = (m[2] ?? '').trim();
        if (key !== '' && !(key in meta)) meta[key] = value;
        rest = rest.replace(m[0], '');
      }
      if (rest.trim() !== '' && rest.length === text.length) free.push(text);
    }
    if (free.length === 1 && free[0] !== undefined && !/盖章|签字/.test(free[0])) candidates.push(free[0]);
  }
  const title = candidates.find((t) => TITLE_WORDS.test(t)) ?? candidates[0] ?? null;
  return { title, meta };
}
