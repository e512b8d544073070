// The STRICT SQLite table a ledger definition calls for. Migrations do not call this at run time: a
// landed migration must never change, so `npm run ledger -- ledger-sql ID` prints these statements to
// paste into a new migration file (with `--db FILE`: only the ALTER TABLE … ADD COLUMN and CREATE INDEX
// statements that file lacks), and tests/integration/ledgers-all.test.ts checks every migrated table's
// columns, types, constraints and indexes against the definitions (main/core/ledgers/table-shape.ts).
import type { LedgerDef, LedgerField } from './define.ts';
import { reportIndexSql, reportPlaceColumnSql } from './report-place.ts';

const quoteList = (values: readonly (string | number)[]) => values.map((v) => `'${v}'`).join(', ');

/** One field's column definition (its name, type and CHECK), as in CREATE TABLE and ADD COLUMN. */
export function columnSql(f: LedgerField): string {
  const c = f.column;
  switch (f.type) {
    case 'int':
    case 'year':
      return `${c} INTEGER${f.min !== undefined && f.max !== undefined ? ` CHECK (${c} BETWEEN ${f.min} AND ${f.max})` : ''}`;
    case 'bool':
      return `${c} INTEGER CHECK (${c} IN (0, 1))`;
    case 'decimal':
      return `${c} REAL${f.min !== undefined ? ` CHECK (${c} >= ${f.min})` : ''}`;
    case 'date':
      return `${c} TEXT CHECK (${c} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`;
    default:
      return `${c} TEXT`;
  }
}

/**
 * The list order indexes (column, id), one per `sortColumns` field, name → statement: a list sorted by it
 * pages by key, and the key at any offset is read from the index alone (docs/lists.md).
 */
export function sortIndexSql(def: LedgerDef): string[] {
  const table = `ledger_${def.id}`;
  return def.sortColumns.map((c) => `CREATE INDEX ${table}_sort_${c} ON ${table} (${c}, id)`);
}

/** CREATE TABLE and CREATE INDEX statements for one ledger. */
export function ledgerTableSql(def: LedgerDef, parentTable?: string): string[] {
  const table = `ledger_${def.id}`;
  const cols: string[] = ['id INTEGER PRIMARY KEY'];
  const indexes: string[] = [];
  if (def.subject === 'person') {
    cols.push(`person_id INTEGER${def.personOptional ? '' : ' NOT NULL'} REFERENCES persons (id)`);
    indexes.push(`CREATE INDEX ${table}_person ON ${table} (person_id)`);
    if (def.personOptional) {
      // People outside the register keep their own name, ID and place on the record.
      cols.push('person_name TEXT', 'person_id_number TEXT', 'region_code TEXT REFERENCES regions (code)');
      indexes.push(`CREATE INDEX ${table}_id_number ON ${table} (person_id_number)`);
    }
    if (def.reportIndex) cols.push(...reportPlaceColumnSql);
  } else if (def.subject === 'household') {
    cols.push('household_id INTEGER NOT NULL REFERENCES households (id)');
    indexes.push(`CREATE INDEX ${table}_household ON ${table} (household_id)`);
  } else {
    cols.push(
      `region_code TEXT${def.subject === 'region' ? ' NOT NULL' : ''} REFERENCES regions (code)`,
      'household_id INTEGER REFERENCES households (id)',
    );
    indexes.push(`CREATE INDEX ${table}_region ON ${table} (region_code)`);
    indexes.push(`CREATE INDEX ${table}_household ON ${table} (household_id) WHERE household_id IS NOT NULL`);
  }
  if (def.parent) {
    cols.push(`parent_id INTEGER NOT NULL REFERENCES ${parentTable ?? `ledger_${def.parent.ledger}`} (id)`);
    indexes.push(`CREATE INDEX ${table}_parent ON ${table} (parent_id)`);
  }
  for (const f of def.fields) {
    cols.push(columnSql(f));
    if (f.unique === true)
      indexes.push(
        `CREATE UNIQUE INDEX ${table}_${f.column} ON ${table} (${f.column}) WHERE ${f.column} IS NOT NULL`,
      );
  }
  cols.push(
    `origin TEXT NOT NULL CHECK (origin IN (${quoteList(['manual', 'import', 'demo'])}))`,
    'batch_id INTEGER REFERENCES import_batches (id)',
    'created_at TEXT NOT NULL',
    'updated_at TEXT NOT NULL',
  );
  indexes.push(`CREATE INDEX ${table}_batch ON ${table} (batch_id) WHERE batch_id IS NOT NULL`);
  indexes.push(...reportIndexSql(def), ...sortIndexSql(def));
  return [`CREATE TABLE ${table} (\n  ${cols.join(',\n  ')}\n) STRICT`, ...indexes];
}

/**
 * Columns that lead an index other than a sort index (a unique key, the reports' 年度): a list filter on
 * them may take that index, as before the sort indexes (main/core/ledgers/record-read.ts).
 */
export function leadingIndexColumns(def: LedgerDef): ReadonlySet<string> {
  const sorts = new Set(sortIndexSql(def));
  return new Set(
    ledgerTableSql(def)
      .slice(1)
      .filter((s) => !sorts.has(s))
      .map((s) => /\((\w+)/.exec(s)?.[1] ?? ''),
  );
}
