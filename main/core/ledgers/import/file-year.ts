// The 年度 of rows that do not give one (a planned-workers list without a 年度 column): the year the
// file states in its title or sheet name ('2020年计划外出务工人员名单'), else the current year on the clock
// (main/core/clock.ts). Always said in a warning, so a list of another year is never filed silently: the
// clerk adds a 年度 column, or renames the sheet, and imports again.
import type { LedgerDef, LedgerValues } from '../../../../shared/ledgers/define.ts';

const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/g;

/** The first year between `min` and `max` written in `text` ('2020年', '2020年度', '2020'). */
export function yearIn(text: string | null, min = 2000, max = 2100): number | null {
  for (const m of (text ?? '').matchAll(YEAR)) {
    const y = Number(m[1]);
    if (y >= min && y <= max) return y;
  }
  return null;
}

export interface FileYearNote {
  readonly column: string;
  readonly label: string;
  readonly message: string;
}

/**
 * Puts the file's year into every row's `initial: 'current-year'` fields left empty, and says so once per
 * field. `hasColumn` tells whether the file has a column for the field.
 */
export function fillFileYear(
  def: LedgerDef,
  source: { readonly title: string | null; readonly sheet: string },
  rows: ReadonlyArray<{ record: LedgerValues }>,
  hasColumn: (column: string) => boolean,
  thisYear: number,
): FileYearNote[] {
  const notes: FileYearNote[] = [];
  for (const f of def.fields) {
    if (f.initial !== 'current-year') continue;
    const empty = rows.filter((r) => r.record[f.column] === undefined || r.record[f.column] === null);
    if (empty.length === 0) continue;
    const fromTitle = yearIn(source.title, f.min, f.max);
    const fromSheet = fromTitle === null ? yearIn(source.sheet, f.min, f.max) : null;
    const year = fromTitle ?? fromSheet ?? thisYear;
    const why =
      fromTitle !== null
        ? `标题“${source.title ?? ''}”中的年份`
        : fromSheet !== null
          ? `工作表名“${source.sheet}”中的年份`
          : '当前年份';
    for (const r of empty) r.record[f.column] = year;
    notes.push({
      column: f.column,
      label: f.label,
      message: hasColumn(f.column)
        ? `${empty.length} 行没有填“${f.label}”，记为 ${year} 年（${why}）`
        : `表中没有“${f.label}”列：全部记为 ${year} 年（${why}）。如果不是 ${year} 年的名单，请加一列“${f.label}”后重新导入，以免改动 ${year} 年的记录`,
    });
  }
  return notes;
}
