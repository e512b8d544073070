// Writes a ledger import plan in ONE transaction as one import batch (import_batches.ledger_id says
// which ledger): new records inserted with the batch id, changed ones updated with an audit entry
// pointing at the batch, unchanged ones not touched. Undo removes what the batch created and restores
// what it changed, refused when a later edit touched the same records.
import type { AuditChange } from '../../../../shared/audit-text.ts';
import type { LedgerDef } from '../../../../shared/ledgers/define.ts';
import { childLedgers, ledgerTableName } from '../../../../shared/ledgers/index.ts';
import { LedgerError } from '../../../../shared/result.ts';
import { writeAudit } from '../../audit/audit-log.ts';
import { auditImport, auditUndoImport } from '../../audit/batch-audit.ts';
import { nowIso } from '../../clock.ts';
import type { Ledger } from '../../db/open-ledger.ts';
import { requireOperator } from '../../ledger/operator.ts';
import { insertRecord, recordLabel } from '../record-write.ts';
import { requireLedger } from '../record-sql.ts';
import { batchRowSummary } from '../../import/row-accounting.ts';
import type { LedgerPlan } from './ledger-plan.ts';

export interface LedgerBatchInfo {
  fileName: string;
  sha256: string;
  sheet: string;
  mapping: unknown;
  operator?: string;
}

export function commitLedgerPlan(ledger: Ledger, plan: LedgerPlan, batch: LedgerBatchInfo) {
  const def = requireLedger(plan.ledgerId);
  const operator = batch.operator ?? requireOperator(ledger);
  const now = nowIso();
  return ledger.sqlite.transaction(() => {
    const batchId = Number(
      ledger
        .prepare(
          `INSERT INTO import_batches (kind, file_name, sha256, sheet, operator, summary, mapping, created_at, ledger_id)
           VALUES ('import', ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          batch.fileName,
          batch.sha256,
          batch.sheet,
          operator,
          JSON.stringify({ records: plan.counts, ...batchRowSummary(plan.account) }),
          JSON.stringify(batch.mapping),
          now,
          def.id,
        ).lastInsertRowid,
    );
    for (const r of plan.records) {
      if (r.existingId === null) {
        // Created rows carry the batch id; the record's history shows the import from there.
        insertRecord(ledger, def, r.subject, r.values, { origin: 'import', batchId, at: now });
      } else if (r.changes.length > 0) {
        ledger
          .prepare(
            `UPDATE ${ledgerTableName(def)} SET ${r.changes.map((c) => `${c.field} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
          )
          .run(...r.changes.map((c) => c.after), now, r.existingId);
        writeAudit(ledger, {
          operator,
          action: 'update',
          entity: 'record',
          entityId: `${def.id}:${r.existingId}`,
          householdId: r.householdId,
          label: recordLabel(def, { ...r.values, s_name: r.label || null }),
          changes: r.changes,
          batchId,
          at: now,
        });
      }
    }
    auditImport(ledger, {
      batchId,
      operator,
      fileName: batch.fileName,
      sha256: batch.sha256,
      at: now,
      tables: [ledgerTableName(def)],
      label: `导入 ${batch.fileName ?? ''} 到${def.name}`,
    });
    return { batchId, counts: plan.counts };
  })();
}

interface AuditRow {
  id: number;
  entity_id: string;
  changes: string;
}

/** Undoes a ledger import batch (called by undoImport for batches with a ledger_id). */
export function undoLedgerImport(ledger: Ledger, batchId: number, def: LedgerDef, operator: string) {
  const db = ledger.sqlite;
  const table = ledgerTableName(def);
  const updates = db
    .prepare(
      `SELECT id, entity_id, changes FROM audit_log WHERE batch_id = ? AND entity = 'record' ORDER BY id`,
    )
    .all(batchId) as AuditRow[];
  const created = db
    .prepare(`SELECT id FROM ${table} WHERE batch_id = ? AND origin = 'import'`)
    .pluck()
    .all(batchId) as number[];
  const keys = [...updates.map((u) => u.entity_id), ...created.map((id) => `${def.id}:${id}`)];
  const lastId = updates.at(-1)?.id ?? 0;
  const later = db.prepare(
    `SELECT operator, at, label FROM audit_log WHERE entity = 'record' AND entity_id = ? AND batch_id IS NOT ? AND id > ?
       AND (batch_id IS NULL OR batch_id NOT IN (SELECT id FROM import_batches WHERE undone_at IS NOT NULL)) LIMIT 1`,
  );
  for (const key of keys) {
    const hit = later.get(key, batchId, created.includes(Number(key.split(':')[1])) ? 0 : lastId) as
      { operator: string; at: string; label: string } | undefined;
    if (hit)
      throw new LedgerError(
        'conflict',
        `不能撤销第 ${batchId} 批导入：${hit.label} 在导入之后又被 ${hit.operator} 于 ${hit.at.slice(0, 10)} 修改过。撤销会覆盖这些修改，请先手工核对。`,
      );
  }
  for (const child of childLedgers(def)) {
    const n = db
      .prepare(
        `SELECT COUNT(*) FROM ${ledgerTableName(child)} WHERE parent_id IN (SELECT id FROM ${table} WHERE batch_id = ? AND origin = 'import')`,
      )
      .pluck()
      .get(batchId) as number;
    if (n > 0)
      throw new LedgerError(
        'conflict',
        `不能撤销：本批导入新建的记录下后来又登记了 ${n} 条“${child.name}”记录。`,
      );
  }
  const now = nowIso();
  for (const u of [...updates].reverse()) {
    const changes = JSON.parse(u.changes) as AuditChange[];
    if (changes.length === 0) continue;
    db.prepare(
      `UPDATE ${table} SET ${changes.map((c) => `${c.field} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
    ).run(...changes.map((c) => c.before), now, Number(u.entity_id.split(':')[1]));
  }
  const removed = db
    .prepare(`DELETE FROM ${table} WHERE batch_id = ? AND origin = 'import'`)
    .run(batchId).changes;
  db.prepare(`UPDATE import_batches SET undone_at = ?, undone_by = ? WHERE id = ?`).run(
    now,
    operator,
    batchId,
  );
  auditUndoImport(ledger, batchId, operator, `撤销第 ${batchId} 批导入（${def.name}）`);
  return { batchId, personsRemoved: 0, householdsRemoved: 0, recordsRemoved: removed };
}
