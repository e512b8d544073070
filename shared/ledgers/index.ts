// The thematic ledgers as the rest of the app sees them: every definition, looked up by id, their code
// tables, and what the machinery adds to each (the subject columns, the table name, validation).
import { addCodeTables, CODE_TABLES } from '../code-tables/index.ts';
import type { FieldDef } from '../fields/define.ts';
import { checkFieldValues, type CodeTables } from '../rules/value-rules.ts';
import type { Issue } from '../rules/issue.ts';
import type { DeriveContext, LedgerDef, LedgerField, LedgerValue, LedgerValues } from './define.ts';
import { LEDGER_DEFS } from './defs/index.ts';

export type { LedgerDef, LedgerField, LedgerValues, LedgerValue, LedgerSubject } from './define.ts';
export { LEDGER_DEFS };

const byId = new Map<string, LedgerDef>(LEDGER_DEFS.map((d) => [d.id, d]));

/** Every ledger in menu order: the built-in definitions and any registered at run time. */
export const allLedgers = (): readonly LedgerDef[] => [...byId.values()];

/**
 * Adds a ledger defined outside shared/ledgers/defs (its table must exist: a migration, or in tests
 * the statements of table-sql.ts). Its code tables join CODE_TABLES.
 */
export function registerLedger(def: LedgerDef): void {
  if (byId.has(def.id)) throw new Error(`ledger ${def.id} is already defined`);
  addCodeTables(def.codeTables ?? []);
  byId.set(def.id, def);
}

export const isLedgerId = (id: string): boolean => byId.has(id);

export function ledgerDef(id: string): LedgerDef | undefined {
  return byId.get(id);
}

/** The SQLite table of a ledger. Ids are snake_case by definition (checked in tests). */
export const ledgerTableName = (def: Pick<LedgerDef, 'id'>): string => `ledger_${def.id}`;

/** Columns every ledger table has besides its fields (the machinery's own). */
export const MACHINERY_COLUMNS = [
  'id',
  'person_id',
  'person_name',
  'person_id_number',
  'household_id',
  'region_code',
  'parent_id',
  // A reportIndex's copy of its person's household and village (report-place.ts).
  'report_household_id',
  'report_village_code',
  'origin',
  'batch_id',
  'created_at',
  'updated_at',
] as const;

/** A ledger field where the shared field machinery (normalising, rules, inputs) wants a FieldDef. */
export const asFieldDef = (f: LedgerField): FieldDef => f as FieldDef;

/** Fields a clerk enters or imports (everything but the derived ones). */
export const enteredFields = (def: LedgerDef): readonly LedgerField[] => def.fields.filter((f) => !f.derived);

/** The children of a ledger (入库/出库 of a 物资). */
export const childLedgers = (def: Pick<LedgerDef, 'id'>): readonly LedgerDef[] =>
  allLedgers().filter((d) => d.parent?.ledger === def.id);

/** Every field of the ledger with its value in `source` (missing ones null), nothing else. */
export function fieldValues(def: LedgerDef, source: Readonly<Record<string, unknown>>): LedgerValues {
  const out: LedgerValues = {};
  for (const f of def.fields) out[f.column] = (source[f.column] as LedgerValue | undefined) ?? null;
  return out;
}

/** The values with what the ledger's `derive` computes from them (the same on save, import and form). */
export function withDerived(
  def: LedgerDef,
  values: Readonly<LedgerValues>,
  ctx: DeriveContext,
): LedgerValues {
  const all = fieldValues(def, values);
  return { ...all, ...(def.derive?.(all, ctx) ?? {}) };
}

/** Field rules (required, code tables, ranges, phones) and the ledger's own cross-field rules. */
export function checkLedgerValues(
  def: LedgerDef,
  values: Readonly<LedgerValues>,
  tables: CodeTables = CODE_TABLES,
): Issue[] {
  return [
    ...checkFieldValues(enteredFields(def).map(asFieldDef), values, tables),
    ...requiredUnlessIssues(def, values),
    ...(def.check?.(values) ?? []),
  ];
}

const blank = (v: unknown) => v === null || v === undefined || v === '';

/** `requiredUnless`: a field left empty while none of the fields that stand in for it is given. */
function requiredUnlessIssues(def: LedgerDef, values: Readonly<LedgerValues>): Issue[] {
  return def.fields.flatMap((f) =>
    f.requiredUnless && blank(values[f.column]) && f.requiredUnless.every((c) => blank(values[c]))
      ? [
          {
            field: f.column,
            level: 'error' as const,
            message: `${f.label}不能为空（或填写${f.requiredUnless.map((c) => `“${ledgerFieldLabel(def, c)}”`).join('、')}）`,
          },
        ]
      : [],
  );
}

/**
 * Fields an import file cannot do without, given which fields it has columns for: the required ones (other
 * than those with an `initial` value) and the `requiredUnless` ones when none of their stand-ins has a
 * column either — a planned-workers sheet without 务工状态 but with 是否计划外出务工 lacks nothing.
 */
export function missingRequiredFields(def: LedgerDef, hasColumn: (column: string) => boolean): LedgerField[] {
  return enteredFields(def).filter((f) =>
    hasColumn(f.column)
      ? false
      : f.requiredUnless
        ? !f.requiredUnless.some(hasColumn)
        : f.required === true && f.initial === undefined,
  );
}

/** Values a new record starts with where nothing is given (`initial`: 年度 = `year`). */
export function withInitialValues(
  def: LedgerDef,
  values: Readonly<LedgerValues>,
  year: number,
): LedgerValues {
  const out: LedgerValues = { ...values };
  for (const f of def.fields) if (f.initial === 'current-year' && blank(out[f.column])) out[f.column] = year;
  return out;
}

/** Label of a ledger field, or of a machinery column, for history and messages. */
export function ledgerFieldLabel(def: LedgerDef, column: string): string {
  return def.fields.find((f) => f.column === column)?.label ?? SUBJECT_LABELS[column] ?? column;
}

const SUBJECT_LABELS: Record<string, string> = {
  person_id: '人员',
  person_name: '姓名',
  person_id_number: '证件号码',
  household_id: '户',
  region_code: '所在区划',
  parent_id: '所属记录',
};

/** What the subject of a ledger is called in its forms and lists. */
export function subjectLabel(def: LedgerDef): string {
  switch (def.subject) {
    case 'person':
      return '人员';
    case 'household':
      return '户';
    case 'region':
      return '所在区划';
    case 'none':
      return '所在地';
  }
}
