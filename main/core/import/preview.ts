// The preview the clerk reads before anything is written (and the CLI prints as JSON).
import type { ImportQuality } from '../quality/after-import.ts';
import { fieldLabel } from '../../../shared/fields/entry-fields.ts';
import { ledgerDef, ledgerFieldLabel } from '../../../shared/ledgers/index.ts';
import type { Analysis, AnalysisCommit } from './analyze-file.ts';
import type { ErrorReportInput } from '../xlsx-write/error-report.ts';
import type { ImportIssue } from './import-types.ts';
import { nothingWrittenReason } from './row-accounting.ts';

const MAX_LISTED_ISSUES = 2000;
const MAX_LISTED_ROWS = 2000;
const MAX_LISTED_CHANGES = 500;

/** Columns that name the person (or household) of a row, most telling first. */
const NAME_TARGETS = ['person.name', 'link.name', 'link.head_name'];

/** 姓名 of the given rows as the file has them (null where the file has none). */
export function rowNames(a: Analysis, rows: Iterable<number>): Map<number, string | null> {
  const wanted = new Set(rows);
  const names = new Map<number, string | null>();
  const column = NAME_TARGETS.map((t) => a.mapping.find((m) => m.target === t)).find((m) => m !== undefined);
  const table = a.table.rows;
  for (let i = 0; i < table.length; i++) {
    const row = table.row(i);
    if (!wanted.has(row)) continue;
    const text = column === undefined ? '' : table.cell(i, column.index).trim();
    names.set(row, text === '' ? null : text);
  }
  return names;
}

/** What the clerk does about an issue the import screen itself can fix. */
export const SCREEN_FIX_HINTS: Record<NonNullable<ImportIssue['fix']>, string> = {
  region: '请在上方选择所属村（或组）',
};

/** "没有写入任何记录" and why: the fix on this screen when there is one, else the first row's reason. */
function nothingWrittenText(issues: readonly ImportIssue[], account: Analysis['plan']['account']): string {
  const fixable = issues.find((i) => i.level === 'error' && i.fix !== undefined);
  return fixable?.fix
    ? `没有写入任何记录：${fixable.message}：${SCREEN_FIX_HINTS[fixable.fix]}`
    : `没有写入任何记录：${nothingWrittenReason(account)}`;
}

export function previewOf(a: Analysis) {
  const { plan } = a;
  const { account } = plan;
  const errors = plan.issues.filter((i) => i.level === 'error');
  const warnings = plan.issues.filter((i) => i.level === 'warning');
  const listedIssues = [...errors, ...warnings].slice(0, MAX_LISTED_ISSUES);
  const listedRows = account.unwritten.slice(0, MAX_LISTED_ROWS);
  const names = rowNames(a, [...listedIssues.map((i) => i.row), ...listedRows.map((u) => u.row)]);
  const invalidRows = account.unwritten.filter((u) => u.kind === 'error').length;
  const changes: Array<{
    kind: 'household' | 'person' | 'record';
    label: string;
    row: number;
    fields: string[];
  }> = [];
  const def = a.into === null ? undefined : ledgerDef(a.into);
  for (const r of a.ledgerPlan?.records ?? []) {
    if (changes.length >= MAX_LISTED_CHANGES || !def) break;
    if (r.existingId !== null && r.changes.length > 0)
      changes.push({
        kind: 'record',
        label: r.label,
        row: r.row,
        fields: r.changes.map((c) => ledgerFieldLabel(def, c.field)),
      });
  }
  for (const h of plan.households) {
    if (changes.length >= MAX_LISTED_CHANGES) break;
    if (h.existing && h.changes.length > 0) {
      changes.push({
        kind: 'household',
        label: h.existing.household_no,
        row: h.parsed.firstRow,
        fields: h.changes.map((c) => fieldLabel('household', c.field)),
      });
    }
    for (const p of h.persons) {
      if (p.existing && p.changes.length > 0 && !p.invalid) {
        changes.push({
          kind: 'person',
          label: p.existing.name,
          row: p.parsed.row,
          fields: p.changes.map((c) => fieldLabel('person', c.field)),
        });
      }
    }
  }
  return {
    fileName: a.fileName,
    sheet: a.sheet,
    sheets: a.sheets.map((s) => ({ name: s.name, rowCount: s.rowCount, hidden: s.hidden === true })),
    title: a.title,
    mapping: a.mapping,
    constants: a.constants,
    templateUsed: a.templateUsed,
    regionCode: a.regionCode,
    rows: account.dataRows,
    /** Data rows that would be written (created, changed or unchanged); the rest are in `notImported`. */
    written: account.written,
    households: plan.counts.households,
    persons: plan.counts.persons,
    into: a.into,
    records: a.ledgerPlan?.counts ?? { created: 0, updated: 0, unchanged: 0 },
    skipped: a.table.skipped,
    // Errors first, then warnings, each with the row's 姓名; the counts say how many there are in all.
    errors: listedIssues.map((i) => ({
      ...i,
      message: i.fix ? `${i.message}：${SCREEN_FIX_HINTS[i.fix]}` : i.message,
      name: names.get(i.row) ?? null,
    })),
    errorCount: errors.length,
    warningCount: warnings.length,
    invalidRows,
    /** Data rows not written, each with why (the first MAX_LISTED_ROWS; notImportedCount is exact). */
    notImported: listedRows.map((u) => ({ ...u, name: u.name ?? names.get(u.row) ?? null })),
    notImportedCount: account.unwritten.length,
    heldRows: account.unwritten.length - invalidRows,
    /** Set when no row would be written: why ("没有写入任何记录"). */
    nothingWritten: account.written === 0 ? nothingWrittenText(plan.issues, account) : null,
    newGroups: plan.newGroups.map((g) => g.split('|')[1] ?? g),
    changes,
  };
}

export type ImportPreview = ReturnType<typeof previewOf>;

/** What a commit did, as the result screen (and the CLI) shows it: counts and the rows not written. */
export function commitResultOf(a: Analysis, r: AnalysisCommit) {
  const { account } = r.plan;
  const rows = account.unwritten.slice(0, MAX_LISTED_ROWS);
  const names = rowNames(
    a,
    rows.map((u) => u.row),
  );
  return {
    batchId: r.batchId,
    households: r.counts.households,
    persons: r.counts.persons,
    records: r.records,
    written: account.written,
    notImported: {
      count: account.unwritten.length,
      rows: rows.map((u) => ({ ...u, name: u.name ?? names.get(u.row) ?? null })),
    },
    nothingWritten: r.nothingWritten,
  };
}

/** With what the 数据质量 check of the batch's households found (null when it did not run). */
export type ImportCommitResult = ReturnType<typeof commitResultOf> & { quality?: ImportQuality | null };

/** The header as a row aligned with the source columns (issues name columns by letter). */
function headerByIndex(a: Analysis): string[] {
  const row: string[] = [];
  for (const c of a.columns) row[c.index] = c.name;
  return Array.from(row, (v) => v ?? '');
}

/** The 错误报告 of an analysis: every source row, its errors and hints, and the rows held back. */
export function errorReportInput(a: Analysis): ErrorReportInput {
  return {
    sheetName: a.sheet,
    headerRows: [headerByIndex(a)],
    rows: Array.from({ length: a.table.rows.length }, (_, i) => ({
      row: a.table.rows.row(i),
      cells: a.table.rows.cells(i),
    })),
    issues: a.plan.issues,
    held: a.plan.account.unwritten.filter((u) => u.kind === 'held'),
    title: a.title,
  };
}
