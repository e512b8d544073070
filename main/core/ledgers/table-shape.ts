// The shape of a ledger table as SQLite holds it — each column's type, NOT NULL, default, key and its own
// definition text (where its CHECK lives), the foreign keys and the indexes (columns, unique, partial
// condition) — whatever the column order and however the table was built: one CREATE TABLE, or a CREATE
// TABLE and later ALTER TABLE … ADD COLUMN migrations. The test that checks every migrated table against
// its definition compares these shapes, and `ledger-sql ID --db FILE` prints what a file lacks.
import Database from 'better-sqlite3';
import type { LedgerDef } from '../../../shared/ledgers/define.ts';
import { ledgerTableName } from '../../../shared/ledgers/index.ts';
import {
  REPORT_PLACE_COLUMNS,
  reportPlaceColumnSql,
  reportPlaceFillSql,
  reportPlaceTriggers,
} from '../../../shared/ledgers/report-place.ts';
import {
  reportHouseholdsSql,
  reportHouseholdsTable,
  reportHouseholdsTriggers,
} from '../../../shared/ledgers/report-households.ts';
import { columnSql, ledgerTableSql } from '../../../shared/ledgers/table-sql.ts';

export interface ColumnShape {
  readonly type: string;
  readonly notNull: boolean;
  readonly default: string | null;
  readonly primaryKey: boolean;
  /** The column's definition as written (whitespace collapsed): its type, constraints and CHECK. */
  readonly definition: string;
}

export interface IndexShape {
  readonly unique: boolean;
  readonly columns: readonly string[];
  /** The condition of a partial index (whitespace collapsed), null for a full one. */
  readonly where: string | null;
}

export interface TableShape {
  readonly strict: boolean;
  readonly columns: Readonly<Record<string, ColumnShape>>;
  /** 'column → table (column)', sorted. */
  readonly foreignKeys: readonly string[];
  readonly indexes: Readonly<Record<string, IndexShape>>;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The comma-separated parts inside the outermost parentheses of a CREATE TABLE statement. */
function definitionParts(createSql: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (const ch of createSql) {
    if (quote !== null) {
      if (ch === quote) quote = null;
      if (depth > 0) current += ch;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    if (ch === '(') {
      depth += 1;
      if (depth === 1) continue;
    } else if (ch === ')') {
      depth -= 1;
      if (depth === 0) break;
    } else if (ch === ',' && depth === 1) {
      parts.push(collapse(current));
      current = '';
      continue;
    }
    if (depth > 0) current += ch;
  }
  if (current.trim() !== '') parts.push(collapse(current));
  return parts;
}

/** The shape of `table` in `db`, or null when there is no such table. */
export function tableShape(db: Database.Database, table: string): TableShape | null {
  const createSql = db
    .prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .pluck()
    .get(table) as string | undefined;
  if (createSql === undefined) return null;
  const definitions = new Map(
    definitionParts(createSql).map((part) => [part.split(' ')[0]?.replace(/["`]/g, '') ?? '', part]),
  );
  const info = db
    .prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)`)
    .all(table) as Array<{
    name: string;
    type: string;
    notnull: number;
    dflt_value: string | null;
    pk: number;
  }>;
  const columns = Object.fromEntries(
    info.map((c) => [
      c.name,
      {
        type: c.type,
        notNull: c.notnull === 1,
        default: c.dflt_value,
        primaryKey: c.pk > 0,
        definition: definitions.get(c.name) ?? '',
      },
    ]),
  );
  const foreignKeys = (
    db.prepare(`SELECT "from", "table", "to" FROM pragma_foreign_key_list(?)`).all(table) as Array<{
      from: string;
      table: string;
      to: string | null;
    }>
  )
    .map((k) => `${k.from} → ${k.table} (${k.to ?? ''})`)
    .sort();
  const indexes = Object.fromEntries(
    (
      db
        .prepare(
          `SELECT l.name, l."unique", m.sql FROM pragma_index_list(?) l LEFT JOIN sqlite_master m ON m.name = l.name WHERE l.origin = 'c'`,
        )
        .all(table) as Array<{ name: string; unique: number; sql: string | null }>
    ).map((ix) => {
      const where = ix.sql === null ? null : (/\sWHERE\s([\s\S]*)$/i.exec(ix.sql)?.[1] ?? null);
      const cols = db
        .prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`)
        .pluck()
        .all(ix.name) as string[];
      return [
        ix.name,
        { unique: ix.unique === 1, columns: cols, where: where === null ? null : collapse(where) },
      ];
    }),
  );
  const strict = db.prepare(`SELECT strict FROM pragma_table_list WHERE name = ?`).pluck().get(table) === 1;
  return { strict, columns, foreignKeys, indexes };
}

/** The shape the ledger's definition calls for: its statements run in an empty in-memory database. */
export function definitionShape(def: LedgerDef): TableShape {
  const db = new Database(':memory:');
  try {
    for (const statement of ledgerTableSql(def)) db.exec(statement);
    const shape = tableShape(db, ledgerTableName(def));
    if (shape === null) throw new Error(`ledger ${def.id}: its statements made no table`);
    return shape;
  } finally {
    db.close();
  }
}

/** What differs between the shape a definition calls for and the table a file holds, one line each. */
export function shapeDifferences(expected: TableShape, actual: TableShape | null): string[] {
  if (actual === null) return ['table missing'];
  const out: string[] = [];
  if (expected.strict !== actual.strict) out.push(`STRICT: expected ${expected.strict}`);
  for (const [name, c] of Object.entries(expected.columns)) {
    const a = actual.columns[name];
    if (a === undefined) out.push(`column ${name} missing`);
    else if (JSON.stringify(a) !== JSON.stringify(c))
      out.push(`column ${name}: expected ${JSON.stringify(c)}, found ${JSON.stringify(a)}`);
  }
  for (const name of Object.keys(actual.columns))
    if (!(name in expected.columns)) out.push(`column ${name} not in the definition`);
  if (JSON.stringify(expected.foreignKeys) !== JSON.stringify(actual.foreignKeys))
    out.push(
      `foreign keys: expected ${expected.foreignKeys.join('; ')}, found ${actual.foreignKeys.join('; ')}`,
    );
  for (const [name, ix] of Object.entries(expected.indexes)) {
    const a = actual.indexes[name];
    if (a === undefined) out.push(`index ${name} missing`);
    else if (JSON.stringify(a) !== JSON.stringify(ix))
      out.push(`index ${name}: expected ${JSON.stringify(ix)}, found ${JSON.stringify(a)}`);
  }
  for (const name of Object.keys(actual.indexes))
    if (!(name in expected.indexes)) out.push(`index ${name} not in the definition`);
  return out;
}

/**
 * The statements that bring a file's table up to its definition, for a new migration: the whole table when
 * it is missing, else ALTER TABLE … ADD COLUMN for each missing field, the missing indexes and (a
 * `reportIndex`) the place columns with their fill and triggers. What ADD
 * COLUMN cannot do (a changed or removed column) is named in a comment: it needs the table rebuilt.
 */
export function ledgerUpgradeSql(db: Database.Database, def: LedgerDef): string[] {
  const table = ledgerTableName(def);
  const actual = tableShape(db, table);
  if (actual === null) return [...ledgerTableSql(def), ...reportKeeping(def)];
  const expected = definitionShape(def);
  const out: string[] = [];
  for (const f of def.fields)
    if (!(f.column in actual.columns)) out.push(`ALTER TABLE ${table} ADD COLUMN ${columnSql(f)}`);
  // A reportIndex's place columns, filled for the records the file holds (report-place.ts).
  if (def.reportIndex && !(REPORT_PLACE_COLUMNS.village in actual.columns))
    out.push(
      ...reportPlaceColumnSql.map((c) => `ALTER TABLE ${table} ADD COLUMN ${c}`),
      ...reportPlaceFillSql(def),
    );
  const [, ...indexes] = ledgerTableSql(def);
  for (const statement of indexes) {
    const name = /^CREATE (?:UNIQUE )?INDEX (\S+)/.exec(statement)?.[1] ?? '';
    const wanted = expected.indexes[name];
    if (!(name in actual.indexes)) out.push(statement);
    // An index whose columns the definition changed (0014: _report_household) is made again.
    else if (JSON.stringify(actual.indexes[name]) !== JSON.stringify(wanted))
      out.push(`DROP INDEX ${name}`, statement);
  }
  // A reportIndex's 户数 summary (report-households.ts): the table with its rows, made after the indexes
  // its fill reads.
  const summary = reportHouseholdsSql(def);
  if (summary.length > 0 && tableShape(db, reportHouseholdsTable(def)) === null) out.push(...summary);
  const triggers = new Set(
    db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).pluck().all() as string[],
  );
  for (const statement of [...reportPlaceTriggers(def), ...reportHouseholdsTriggers(def)])
    if (!triggers.has(/^CREATE TRIGGER (\S+)/.exec(statement)?.[1] ?? '')) out.push(statement);
  const rest = shapeDifferences(expected, actual).filter(
    (d) => !/^column \S+ missing$|^index \S+ missing$|^index [^\s:]+: expected /.test(d),
  );
  for (const d of rest) out.push(`-- needs the table rebuilt: ${d}`);
  return out;
}

/**
 * What keeps a reportIndex ledger's copies for the reports beside its table: the place triggers, the 户数
 * summary table and its triggers (none for other ledgers).
 */
export const reportKeeping = (def: LedgerDef): string[] => [
  ...reportHouseholdsSql(def),
  ...reportPlaceTriggers(def),
  ...reportHouseholdsTriggers(def),
];
