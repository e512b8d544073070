// Every built-in code table, keyed by its `key`. Fields point at tables by key.
import type { CodeItem, CodeTable } from './define.ts';
import * as household from './household-tables.ts';
import * as person from './person-tables.ts';
import * as record from './record-tables.ts';
import { LEDGER_CODE_TABLES } from '../ledgers/code-tables.ts';

export type { AmbiguousLabel, CodeItem, CodeTable } from './define.ts';
export { MULTI_SEPARATOR } from './define.ts';
export { RELATION_IMPLIED_SEX } from './person-tables.ts';
export { CANCEL_REASONS_NEEDING_NOTE } from './record-tables.ts';

const all = [
  person.sex,
  person.idType,
  person.ethnicity,
  person.relation,
  person.education,
  person.schoolStatus,
  person.health,
  person.laborSkill,
  person.politicalStatus,
  person.yesNo,
  household.povertyAttribute,
  household.householdType,
  household.monitorCategory,
  household.povertyStatus,
  household.povertyCause,
  household.identificationStandard,
  record.cancelReason,
] as const;

/** Keys of the built-in tables; the thematic ledgers' own tables (shared/ledgers) are served too, under
 * keys their definitions name as plain strings. */
export type CodeTableKey = (typeof all)[number]['key'];

const byKey: Record<string, CodeTable> = {};
for (const t of [...all, ...LEDGER_CODE_TABLES]) byKey[t.key] = t;
export const CODE_TABLES = byKey as Readonly<Record<CodeTableKey, CodeTable>>;

export const CODE_TABLE_KEYS = Object.keys(byKey) as CodeTableKey[];

/** Tables of a ledger registered at run time (shared/ledgers registerLedger); existing keys are kept. */
export function addCodeTables(tables: readonly CodeTable[]): void {
  for (const t of tables) {
    if (Object.hasOwn(byKey, t.key)) continue;
    byKey[t.key] = t;
    CODE_TABLE_KEYS.push(t.key as CodeTableKey);
  }
}

export const isCodeTableKey = (key: string): key is CodeTableKey => Object.hasOwn(CODE_TABLES, key);

/** Label of a code, or the code itself when unknown (so nothing silently disappears). */
export function codeLabel(table: CodeTable, code: string | null | undefined): string {
  if (code == null || code === '') return '';
  return table.items.find((i) => i.code === code)?.label ?? code;
}

const normalizeLabel = (s: string): string =>
  s
    .trim()
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');

// Lookups run for every coded cell of an import (millions at county scale): one map per table.
const lookups = new WeakMap<CodeTable, Map<string, CodeItem>>();

function lookupOf(table: CodeTable): Map<string, CodeItem> {
  let map = lookups.get(table);
  if (map) return map;
  map = new Map();
  // Aliases first, then labels, then codes: a code or label wins over an alias that happens to equal it.
  for (const i of table.items)
    for (const a of i.aliases ?? []) if (!map.has(normalizeLabel(a))) map.set(normalizeLabel(a), i);
  for (const i of table.items) map.set(normalizeLabel(i.label), i);
  if (table.fileCodes) {
    for (const [fileCode, code] of Object.entries(table.fileCodes)) {
      const item = table.items.find((i) => i.code === code);
      if (item) map.set(fileCode, item);
    }
  } else for (const i of table.items) map.set(i.code, i);
  lookups.set(table, map);
  return map;
}

/** Why a word is refused for this table, when it is one of the table's known ambiguous words. */
export function ambiguityOf(table: CodeTable, text: string): string | null {
  const want = normalizeLabel(text);
  return table.ambiguous?.find((a) => a.labels.some((l) => normalizeLabel(l) === want))?.message ?? null;
}

/** Finds the code for a label, an old label or the code itself. */
export function findCode(table: CodeTable, text: string): CodeItem | undefined {
  const want = normalizeLabel(text);
  if (want === '') return undefined;
  return lookupOf(table).get(want);
}

/** Merges county-added items (from the database) into a built-in table; built-in codes win. */
export function extendTable(table: CodeTable, extra: readonly CodeItem[]): CodeTable {
  const known = new Set(table.items.map((i) => i.code));
  return { ...table, items: [...table.items, ...extra.filter((i) => !known.has(i.code))] };
}
