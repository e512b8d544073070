// 导出 is written to the audit log (issue 10: an export carrying full ID numbers must leave a trace with
// the file's SHA-256). SQLite cannot widen a CHECK constraint, so the log is copied into a table that also
// allows action 'export' on entity 'file' (entity_id: the file name; changes: rows, masked, sha256 …).
import { sql, type Kysely } from 'kysely';

const STATEMENTS: readonly string[] = [
  `CREATE TABLE audit_log_new (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    operator TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'cancel', 'restore', 'move-in', 'move-out', 'set-head', 'export')),
    entity TEXT NOT NULL CHECK (entity IN ('household', 'person', 'region', 'record', 'file')),
    entity_id TEXT NOT NULL,
    household_id INTEGER,
    label TEXT NOT NULL,
    batch_id INTEGER REFERENCES import_batches (id),
    changes TEXT NOT NULL DEFAULT '[]'
  ) STRICT`,
  `INSERT INTO audit_log_new SELECT id, at, operator, action, entity, entity_id, household_id, label, batch_id, changes FROM audit_log`,
  `DROP TABLE audit_log`,
  `ALTER TABLE audit_log_new RENAME TO audit_log`,
  `CREATE INDEX audit_entity ON audit_log (entity, entity_id, id)`,
  `CREATE INDEX audit_household ON audit_log (household_id, id) WHERE household_id IS NOT NULL`,
  `CREATE INDEX audit_batch ON audit_log (batch_id) WHERE batch_id IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(trx);
  });
}
