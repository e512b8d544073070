// Shapes passed between the import stages.
import type { IdKind } from '../../../shared/id-number.ts';
import type { ImportConstants } from '../../../shared/import/constants.ts';
import type { ColumnMapping } from '../../../shared/import/map-columns.ts';
import type { TableRows } from './table-rows.ts';

/** Data rows of one sheet after the header was found and merged cells filled down. */
export interface ImportTable {
  fileName: string;
  sheet: string;
  /** Stored by column (table-rows.ts); `isNumber` tells the cells the file stored as numbers. */
  rows: TableRows;
  skipped: Array<{ row: number; reason: string }>;
  title: string | null;
}

/** One problem, placed as Excel shows it: sheet, row number, column letter. */
export interface ImportIssue {
  sheet: string;
  row: number;
  column: string | null;
  field: string | null;
  message: string;
  level: 'error' | 'warning';
  /** A setting on the import screen fixes it: 'region' = choose 所属村 (CLI: --region). */
  fix?: 'region';
}

export type Values = Record<string, string | number | null>;

export interface ParsedPerson {
  row: number;
  /** Mapped person fields with a value (empty cells are "not given", never "clear"). */
  values: Values;
  /** Target key → column letter (shared by every row of the sheet). */
  columns: Record<string, string>;
  invalid: boolean;
  /** parseIdNumber of the stored 证件号码 (null without a valid one): the commit's 证件类型 and flag. */
  idKind: IdKind | null;
  idFlagged: boolean;
}

export interface ParsedHousehold {
  /** 户编号 from the file, or null (then matched by members' 证件号码, else numbered on commit). */
  householdNo: string | null;
  firstRow: number;
  values: Values;
  villageCode: string | null;
  groupCode: string | null;
  newGroup: string | null;
  persons: ParsedPerson[];
  invalid: boolean;
  /** The first household-level error (values that disagree, an unknown place), if any. */
  problem: { row: number; message: string } | null;
}

export interface ImportSettings {
  mapping: ColumnMapping[];
  /** The village or group for files without 村/组 columns. */
  regionCode: string | null;
  /** 整列填同一个值: target key → the value every row gets (targets no column feeds). */
  constants?: ImportConstants;
}

/** An issue list for one sheet and the function that adds to it. */
export function issueCollector(sheet: string) {
  const issues: ImportIssue[] = [];
  const issue = (
    row: number,
    column: string | null,
    field: string | null,
    message: string,
    level: 'error' | 'warning' = 'error',
    fix?: ImportIssue['fix'],
  ) => issues.push({ sheet, row, column, field, message, level, ...(fix ? { fix } : {}) });
  return { issues, issue, missingColumns: missingColumnsOf(issues, sheet) };
}

/**
 * Required fields the file has no column for: rows that need one are counted, and one error per field
 * says so at the top of the list (not one per row).
 */
function missingColumnsOf(issues: ImportIssue[], sheet: string) {
  const rows = new Map<string, number>();
  return {
    count: (label: string) => rows.set(label, (rows.get(label) ?? 0) + 1),
    report: () =>
      issues.unshift(
        ...[...rows].map(([label, n]) => ({
          sheet,
          row: 0,
          column: null,
          field: label,
          message: `文件中没有“${label}”列（${n} 行需要）：请在“列对应”中指定哪一列是${label}，或给它整列填同一个值`,
          level: 'error' as const,
        })),
      ),
  };
}
