// What a form holds while the clerk types: every field as text ('' = empty), so a half-typed date or
// year stays on screen as typed. Converting to a record (the contract's entry shape) reports what
// cannot be read, in Chinese, like the shared rules do.
import type { FieldDef } from '../../../shared/fields/define.ts';
import { parseDateInput } from '../../../shared/date-input.ts';
import { parseNumberText, unitOfLabel } from '../../../shared/number-text.ts';
import type { Issue } from '../../../shared/rules/issue.ts';

export type Draft = Readonly<Record<string, string>>;
export type EntryValue = string | number | null;
export type EntryRecord = Record<string, EntryValue>;

export function emptyDraft(
  fields: readonly FieldDef[],
  defaults: Readonly<Record<string, string>> = {},
): Draft {
  const draft: Record<string, string> = {};
  for (const f of fields) draft[f.column] = defaults[f.column] ?? '';
  return draft;
}

export function draftFromEntry(fields: readonly FieldDef[], entry: Readonly<Record<string, unknown>>): Draft {
  const draft: Record<string, string> = {};
  for (const f of fields) {
    const v = entry[f.column];
    draft[f.column] = v === null || v === undefined ? '' : String(v);
  }
  return draft;
}

const INT = /^-?\d+$/;

/** One field's text as its stored value, or an issue when it cannot be read. */
export function parseDraftValue(f: FieldDef, text: string): { value: EntryValue; issue?: Issue } {
  const t = f.type === 'text' ? text.trim() : text.replace(/[\s\u3000]+/g, '');
  if (t === '') return { value: null };
  switch (f.type) {
    case 'date': {
      const iso = parseDateInput(t);
      if (iso !== null) return { value: iso };
      return {
        value: null,
        issue: {
          field: f.column,
          level: 'error',
          message: `${f.label}“${text.trim()}”不是有效日期（可输入 19850307、1985.3.7 或 1985-03-07）`,
        },
      };
    }
    case 'int':
    case 'year':
      if (INT.test(t)) return { value: Number(t) };
      return { value: null, issue: { field: f.column, level: 'error', message: `${f.label}应为整数` } };
    case 'decimal': {
      const n = parseNumberText(t, unitOfLabel(f.label), f.label);
      if (n.ok) return { value: n.value };
      return { value: null, issue: { field: f.column, level: 'error', message: n.message } };
    }
    case 'bool':
      if (t === '1' || t === '0') return { value: Number(t) };
      return { value: null, issue: { field: f.column, level: 'error', message: `${f.label}应为“是”或“否”` } };
    case 'codes':
      return {
        value: t
          .split(',')
          .filter((c) => c !== '')
          .join(','),
      };
    default:
      return { value: t };
  }
}

export function draftToEntry(
  fields: readonly FieldDef[],
  draft: Draft,
): { entry: EntryRecord; issues: Issue[] } {
  const entry: EntryRecord = {};
  const issues: Issue[] = [];
  for (const f of fields) {
    const { value, issue } = parseDraftValue(f, draft[f.column] ?? '');
    entry[f.column] = value;
    if (issue !== undefined) issues.push(issue);
  }
  return { entry, issues };
}

/** The fields whose value differs from `before` (what `*.update` takes as its patch). */
export function entryPatch(
  fields: readonly FieldDef[],
  before: Readonly<Record<string, unknown>>,
  after: EntryRecord,
): EntryRecord {
  const patch: EntryRecord = {};
  for (const f of fields) {
    const a = after[f.column] ?? null;
    const b = before[f.column] ?? null;
    if (a !== b) patch[f.column] = a;
  }
  return patch;
}
