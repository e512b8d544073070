// The audit log becomes append-only and chained (issue 13): every entry carries the SHA-256 of itself
// and of the entry before it (main/core/audit/audit-chain.ts), triggers refuse UPDATE and DELETE and an
// INSERT without a hash, and the log also takes imports, import undo and settings changes. SQLite cannot
// widen a CHECK constraint or add a NOT NULL column without a default, so the log is copied into a new
// table; the entries written before this migration are hashed here in their order.
import { sql, type Kysely } from 'kysely';
import { AUDIT_CHAIN_START, auditEntryHash, type AuditChainEntry } from '../main/core/audit/audit-chain.ts';

const CREATE = `CREATE TABLE audit_log_new (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    operator TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'cancel', 'restore', 'move-in', 'move-out', 'set-head', 'export', 'import', 'undo-import', 'setting')),
    entity TEXT NOT NULL CHECK (entity IN ('household', 'person', 'region', 'record', 'file', 'batch', 'setting')),
    entity_id TEXT NOT NULL,
    household_id INTEGER,
    label TEXT NOT NULL,
    batch_id INTEGER REFERENCES import_batches (id),
    changes TEXT NOT NULL DEFAULT '[]',
    hash TEXT NOT NULL CHECK (length(hash) = 64)
  ) STRICT`;

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

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql.raw(CREATE).execute(trx);
    const { rows } = await sql<AuditChainEntry>`
      SELECT id, at, operator, action, entity, entity_id, household_id, label, batch_id, changes
      FROM audit_log ORDER BY id`.execute(trx);
    // Renumbered 1, 2, 3 … in their order (ids had no gaps, nothing was ever deleted; this makes sure).
    let previous = AUDIT_CHAIN_START;
    let id = 0;
    for (const row of rows) {
      id += 1;
      const entry = { ...row, id };
      const hash = auditEntryHash(previous, entry);
      await sql`INSERT INTO audit_log_new (id, at, operator, action, entity, entity_id, household_id, label, batch_id, changes, hash)
        VALUES (${id}, ${entry.at}, ${entry.operator}, ${entry.action}, ${entry.entity}, ${entry.entity_id},
                ${entry.household_id}, ${entry.label}, ${entry.batch_id}, ${entry.changes}, ${hash})`.execute(
        trx,
      );
      previous = hash;
    }
    for (const statement of AFTER) await sql.raw(statement).execute(trx);
  });
}
