// Issue 14 (items 9 and 12). The audit log takes a new action, 'reveal': a clerk asked for the full
// 证件号码 or phone of one person (docs/ledgers.md「完整号码」). SQLite cannot widen a CHECK, so the log is
// copied into a new table once more — rows, ids and hashes as they are (the hash covers the entry's
// content, not the table's constraints, so the chain and the anchor stay valid) — and its indexes and its
// three guard triggers are created again exactly as migration 0011 made them. DROP TABLE fires no DELETE
// trigger (SQLite drops a table's triggers before it empties it).
//
// The list order indexes: the household list pages by key (main/core/households/list-page.ts) in the
// order of (status, sort column, id). One index per sortable column lets a page at any depth, and the
// key at any offset (a jump to page 900), be read from an index instead of sorting 100,000 households
// (offset 90,000: 113 → a few ms). A name prefix of one or two characters finds households through
// (name, household_id) without reading the person rows; it replaces persons_name (same leading column).
import { sql, type Kysely } from 'kysely';

const CREATE = `CREATE TABLE audit_log_new (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    operator TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'cancel', 'restore', 'move-in', 'move-out', 'set-head', 'export', 'import', 'undo-import', 'setting', 'reveal')),
    entity TEXT NOT NULL CHECK (entity IN ('household', 'person', 'region', 'record', 'file', 'batch', 'setting')),
    entity_id TEXT NOT NULL,
    household_id INTEGER,
    label TEXT NOT NULL,
    batch_id INTEGER REFERENCES import_batches (id),
    changes TEXT NOT NULL DEFAULT '[]',
    hash TEXT NOT NULL CHECK (length(hash) = 64)
  ) STRICT`;

const COPY = `INSERT INTO audit_log_new (id, at, operator, action, entity, entity_id, household_id, label, batch_id, changes, hash)
  SELECT id, at, operator, action, entity, entity_id, household_id, label, batch_id, changes, hash FROM audit_log ORDER BY id`;

const AFTER: readonly string[] = [
  `DROP TABLE audit_log`,
  `ALTER TABLE audit_log_new RENAME TO audit_log`,
  `CREATE INDEX audit_entity ON audit_log (entity, entity_id, id)`,
  `CREATE INDEX audit_household ON audit_log (household_id, id) WHERE household_id IS NOT NULL`,
  `CREATE INDEX audit_batch ON audit_log (batch_id) WHERE batch_id IS NOT NULL`,
  `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
   BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能修改'); END`,
  `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
   BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能删除'); END`,
  `CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
   WHEN NEW.id IS NULL OR NEW.id <> coalesce((SELECT max(id) FROM audit_log), 0) + 1
   BEGIN SELECT RAISE(ABORT, '审计日志只能由本程序按顺序追加'); END`,
];

/** The household list's sortable columns (HOUSEHOLD_SORT_COLUMNS at the time of this migration). */
const LIST_ORDER_COLUMNS = [
  'household_no',
  'head_name',
  'village_code',
  'group_code',
  'poverty_attribute',
  'household_type',
  'monitor_category',
  'poverty_status',
  'main_cause',
  'member_count',
  'exit_year',
  'updated_at',
] as const;

const INDEXES: readonly string[] = [
  ...LIST_ORDER_COLUMNS.map((c) => `CREATE INDEX households_order_${c} ON households (status, ${c})`),
  `CREATE INDEX persons_name_household ON persons (name, household_id)`,
  `DROP INDEX persons_name`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql.raw(CREATE).execute(trx);
    await sql.raw(COPY).execute(trx);
    for (const statement of [...AFTER, ...INDEXES]) await sql.raw(statement).execute(trx);
  });
}
