// 撤销本次导入: rows the batch created are removed, rows it changed get their old values back — refused
// when a later edit touched any of them, because undoing would then destroy that edit.
import { LedgerError } from '../../../shared/result.ts';
import type { AuditChange } from '../../../shared/audit-text.ts';
import { nowIso } from '../clock.ts';
import { auditUndoImport } from '../audit/batch-audit.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { refreshHousehold } from '../households/derived.ts';
import { requireOperator } from '../ledger/operator.ts';
import { undoLedgerImport } from '../ledgers/import/ledger-commit.ts';
import { allLedgers, ledgerTableName } from '../../../shared/ledgers/index.ts';
import { requireLedger } from '../ledgers/record-sql.ts';

interface AuditRow {
  id: number;
  action: string;
  entity: 'household' | 'person' | 'region';
  entity_id: string;
  household_id: number | null;
  label: string;
  changes: string;
}

export function undoImport(ledger: Ledger, batchId: number) {
  const operator = requireOperator(ledger);
  const db = ledger.sqlite;
  return db.transaction(() => {
    const batch = db
      .prepare(`SELECT id, kind, file_name, undone_at, ledger_id FROM import_batches WHERE id = ?`)
      .get(batchId) as
      | {
          id: number;
          kind: string;
          file_name: string | null;
          undone_at: string | null;
          ledger_id: string | null;
        }
      | undefined;
    if (!batch || batch.kind !== 'import')
      throw new LedgerError('not-found', `没有编号为 ${batchId} 的导入批次。`);
    if (batch.undone_at)
      throw new LedgerError(
        'validation',
        `第 ${batchId} 批导入（${batch.file_name}）已于 ${batch.undone_at.slice(0, 10)} 撤销。`,
      );
    if (batch.ledger_id !== null)
      return undoLedgerImport(ledger, batchId, requireLedger(batch.ledger_id), operator);
    const entries = db
      .prepare(
        `SELECT id, action, entity, entity_id, household_id, label, changes FROM audit_log WHERE batch_id = ? ORDER BY id`,
      )
      .all(batchId) as AuditRow[];
    const lastId = entries.at(-1)?.id ?? 0;
    // Anything written after this batch about the same records blocks the undo.
    // (Entries of batches already undone no longer count: their effect is gone.)
    const later = db.prepare(
      `SELECT operator, at, label FROM audit_log
       WHERE id > ? AND entity = ? AND entity_id = ? AND batch_id IS NOT ?
         AND (batch_id IS NULL OR batch_id NOT IN (SELECT id FROM import_batches WHERE undone_at IS NOT NULL))
       LIMIT 1`,
    );
    for (const e of entries) {
      const hit = later.get(lastId, e.entity, e.entity_id, batchId) as
        { operator: string; at: string; label: string } | undefined;
      if (hit) {
        throw new LedgerError(
          'conflict',
          `不能撤销第 ${batchId} 批导入：${hit.label} 在导入之后又被 ${hit.operator} 于 ${hit.at.slice(0, 10)} 修改过。撤销会覆盖这些修改，请先手工核对。`,
        );
      }
    }
    // Rows the batch created have no audit entries of their own: any later entry about them blocks too.
    const laterOnCreated = db
      .prepare(
        `SELECT a.operator, a.at, a.label FROM audit_log a
         WHERE a.batch_id IS NOT ?
           AND (a.batch_id IS NULL OR a.batch_id NOT IN (SELECT id FROM import_batches WHERE undone_at IS NOT NULL))
           AND (
           (a.entity = 'person' AND a.entity_id IN (SELECT CAST(id AS TEXT) FROM persons WHERE batch_id = ? AND origin = 'import'))
           OR (a.entity = 'household' AND a.entity_id IN (SELECT CAST(id AS TEXT) FROM households WHERE batch_id = ? AND origin = 'import')))
         LIMIT 1`,
      )
      .get(batchId, batchId, batchId) as { operator: string; at: string; label: string } | undefined;
    if (laterOnCreated) {
      throw new LedgerError(
        'conflict',
        `不能撤销第 ${batchId} 批导入：${laterOnCreated.label} 在导入之后又被 ${laterOnCreated.operator} 于 ${laterOnCreated.at.slice(0, 10)} 修改过。撤销会覆盖这些修改，请先手工核对。`,
      );
    }
    // Thematic-ledger records about people or households this batch created would lose their subject.
    for (const def of allLedgers()) {
      const column = def.subject === 'person' ? 'person_id' : 'household_id';
      const source = def.subject === 'person' ? 'persons' : 'households';
      const n = db
        .prepare(
          `SELECT COUNT(*) FROM ${ledgerTableName(def)} WHERE ${column} IN (SELECT id FROM ${source} WHERE batch_id = ? AND origin = 'import')`,
        )
        .pluck()
        .get(batchId) as number;
      if (n > 0)
        throw new LedgerError(
          'conflict',
          `不能撤销第 ${batchId} 批导入：它新建的${def.subject === 'person' ? '人员' : '户'}已有 ${n} 条“${def.name}”记录。请先删除这些记录。`,
        );
    }
    const households = new Set<number>();
    // Changed rows first get their old values back (newest first, so the oldest value wins).
    for (const e of [...entries].reverse()) {
      if (e.action !== 'update' || e.entity === 'region') continue;
      const changes = JSON.parse(e.changes) as AuditChange[];
      if (changes.length === 0) continue;
      const table = e.entity === 'household' ? 'households' : 'persons';
      const sets = changes.map((c) =>
        c.field === 'village_code'
          ? "village_code = ?, township_code = substr(?, 1, 9) || '000'"
          : `${c.field} = ?`,
      );
      const values = changes.flatMap((c) => (c.field === 'village_code' ? [c.before, c.before] : [c.before]));
      db.prepare(`UPDATE ${table} SET ${sets.join(', ')}, updated_at = ? WHERE id = ?`).run(
        ...values,
        nowIso(),
        Number(e.entity_id),
      );
      if (e.household_id !== null) households.add(e.household_id);
    }
    const persons = db
      .prepare(`DELETE FROM persons WHERE batch_id = ? AND origin = 'import'`)
      .run(batchId).changes;
    for (const e of entries)
      if (e.entity === 'person' && e.household_id !== null) households.add(e.household_id);
    const createdHouseholds = db
      .prepare(`SELECT id FROM households WHERE batch_id = ? AND origin = 'import'`)
      .pluck()
      .all(batchId) as number[];
    const blocking = db.prepare(`SELECT COUNT(*) FROM persons WHERE household_id = ?`).pluck();
    for (const id of createdHouseholds) {
      if ((blocking.get(id) as number) > 0)
        throw new LedgerError('conflict', '不能撤销：导入新建的户中后来又加入了成员。');
      db.prepare('DELETE FROM households WHERE id = ?').run(id);
      households.delete(id);
    }
    db.prepare(
      `DELETE FROM regions WHERE level = 'group' AND origin = 'import' AND code IN (SELECT entity_id FROM audit_log WHERE batch_id = ? AND entity = 'region') AND NOT EXISTS (SELECT 1 FROM households WHERE group_code = regions.code)`,
    ).run(batchId);
    for (const id of households) refreshHousehold(ledger, id);
    db.prepare(`UPDATE import_batches SET undone_at = ?, undone_by = ? WHERE id = ?`).run(
      nowIso(),
      operator,
      batchId,
    );
    auditUndoImport(ledger, batchId, operator, `撤销第 ${batchId} 批导入（${batch.file_name ?? ''}）`);
    return {
      batchId,
      personsRemoved: persons,
      householdsRemoved: createdHouseholds.length,
      recordsRemoved: 0,
    };
  })();
}
