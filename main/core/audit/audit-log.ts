// The audit log: written by every create, update, 注销, restore and move, in the caller's transaction.
import {
  describeAuditEntry,
  localDateTime,
  type AuditChange,
  type AuditEntryView,
} from '../../../shared/audit-text.ts';
import { nowIso } from '../clock.ts';
import {
  AUDIT_CHAIN_START,
  auditEntryHash,
  hasChainedLog,
  type AuditChainEntry,
  type AuditLink,
} from './audit-chain.ts';
import { ledgerDef, ledgerTableName } from '../../../shared/ledgers/index.ts';
import type { Ledger } from '../db/open-ledger.ts';
import type { AuditAction, AuditEntity } from '../db/tables.ts';

export interface AuditWrite {
  operator: string;
  action: AuditAction;
  entity: AuditEntity;
  entityId: string | number;
  householdId: number | null;
  label: string;
  changes: readonly AuditChange[];
  batchId?: number | null;
  /** Timestamp; a bulk import passes one for all its entries. */
  at?: string;
}

type Scalar = string | number | null;

/** Field-by-field differences between two versions of a row (only the listed columns). */
export function diffRows(
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>> | null,
  columns: readonly string[],
): AuditChange[] {
  const changes: AuditChange[] = [];
  for (const field of columns) {
    const b = (before?.[field] ?? null) as Scalar;
    const a = (after?.[field] ?? null) as Scalar;
    if (b !== a) changes.push({ field, before: b, after: a });
  }
  return changes;
}

// Whether the file has the chained log (migration 0011). Only a file opened with an earlier `migrateTo`
// lacks it: the migration tests build such files with today's code.
const chained = new WeakMap<Ledger, boolean>();
const isChained = (ledger: Ledger): boolean => {
  let known = chained.get(ledger);
  if (known === undefined) {
    known = hasChainedLog(ledger.sqlite);
    chained.set(ledger, known);
  }
  return known;
};

/** Appends one entry, chained to the newest (in the caller's transaction: one writer, no gap). */
export function writeAudit(ledger: Ledger, entry: AuditWrite): void {
  if (!isChained(ledger)) {
    // Before 0011 the log took no imports, undo or settings (nor exports before 0006).
    if (['import', 'undo-import', 'setting'].includes(entry.action)) return;
    ledger
      .prepare(
        `INSERT INTO audit_log (at, operator, action, entity, entity_id, household_id, label, batch_id, changes)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.at ?? nowIso(),
        entry.operator,
        entry.action,
        entry.entity,
        String(entry.entityId),
        entry.householdId,
        entry.label,
        entry.batchId ?? null,
        JSON.stringify(entry.changes),
      );
    return;
  }
  const head = ledger.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    AuditLink | undefined;
  const row: AuditChainEntry = {
    id: (head?.id ?? 0) + 1,
    at: entry.at ?? nowIso(),
    operator: entry.operator,
    action: entry.action,
    entity: entry.entity,
    entity_id: String(entry.entityId),
    household_id: entry.householdId,
    label: entry.label,
    batch_id: entry.batchId ?? null,
    changes: JSON.stringify(entry.changes),
  };
  ledger
    .prepare(
      `INSERT INTO audit_log (id, at, operator, action, entity, entity_id, household_id, label, batch_id, changes, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      row.id,
      row.at,
      row.operator,
      row.action,
      row.entity,
      row.entity_id,
      row.household_id,
      row.label,
      row.batch_id,
      row.changes,
      auditEntryHash(head?.hash ?? AUDIT_CHAIN_START, row),
    );
}

/** A history row: the queries below read only entries about households, persons and records. */
interface AuditRow {
  id: number;
  at: string;
  operator: string;
  action: AuditEntryView['action'];
  entity: AuditEntryView['entity'];
  entity_id: string;
  label: string;
  changes: string;
}

interface ImportedRow {
  entity: 'household' | 'person' | 'record';
  id: number;
  label: string;
  batch_id: number;
  operator: string;
  at: string;
  file_name: string | null;
}

/** Rows an import created have no audit entry of their own: their origin and batch tell the story. */
function importedRows(
  ledger: Ledger,
  target: { householdId?: number; personId?: number; recordKey?: string },
): ImportedRow[] {
  const batch = `JOIN import_batches b ON b.id = x.batch_id AND b.kind = 'import' AND b.undone_at IS NULL`;
  const columns = `x.id, x.batch_id, b.operator, b.created_at AS at, b.file_name`;
  if (target.recordKey !== undefined) {
    const [ledgerId = '', id = ''] = target.recordKey.split(':');
    const def = ledgerDef(ledgerId);
    if (!def) return [];
    return ledger
      .prepare(
        `SELECT 'record' AS entity, ? AS label, ${columns} FROM ${ledgerTableName(def)} x ${batch} WHERE x.id = ? AND x.origin = 'import'`,
      )
      .all(def.name, Number(id)) as ImportedRow[];
  }
  if (target.householdId !== undefined) {
    const h = ledger
      .prepare(
        `SELECT 'household' AS entity, x.household_no AS label, ${columns} FROM households x ${batch} WHERE x.id = ? AND x.origin = 'import'`,
      )
      .all(target.householdId) as ImportedRow[];
    const p = ledger
      .prepare(
        `SELECT 'person' AS entity, x.name AS label, ${columns} FROM persons x ${batch} WHERE x.household_id = ? AND x.origin = 'import'`,
      )
      .all(target.householdId) as ImportedRow[];
    return [...h, ...p];
  }
  return ledger
    .prepare(
      `SELECT 'person' AS entity, x.name AS label, ${columns} FROM persons x ${batch} WHERE x.id = ? AND x.origin = 'import'`,
    )
    .all(target.personId ?? 0) as ImportedRow[];
}

/**
 * Newest first. A household's history includes what happened to its members; a person's shows a move
 * once (the move-in entry; both entries say from where to where).
 */
export function listAudit(
  ledger: Ledger,
  target: { householdId?: number; personId?: number; recordKey?: string },
  limit: number,
) {
  const rows = (
    target.recordKey !== undefined
      ? ledger.sqlite
          .prepare(
            `SELECT id, at, operator, action, entity, entity_id, label, changes FROM audit_log
             WHERE entity = 'record' AND entity_id = ? ORDER BY id DESC LIMIT ?`,
          )
          .all(target.recordKey, limit)
      : target.householdId !== undefined
        ? ledger.sqlite
            .prepare(
              `SELECT id, at, operator, action, entity, entity_id, label, changes FROM audit_log
             WHERE household_id = ? ORDER BY id DESC LIMIT ?`,
            )
            .all(target.householdId, limit)
        : ledger.sqlite
            .prepare(
              `SELECT id, at, operator, action, entity, entity_id, label, changes FROM audit_log
             WHERE entity = 'person' AND entity_id = ? AND action <> 'move-out' ORDER BY id DESC LIMIT ?`,
            )
            .all(String(target.personId), limit)
  ) as AuditRow[];
  const entries = rows.map((r) => {
    const view: AuditEntryView = {
      at: r.at,
      operator: r.operator,
      action: r.action,
      entity: r.entity,
      label: r.label,
      changes: JSON.parse(r.changes) as AuditChange[],
      ...(r.entity === 'record' ? { ledgerId: r.entity_id.split(':')[0] ?? '' } : {}),
    };
    // On a person's own page their name is implied; on the household page it is not.
    const subject = target.householdId !== undefined && r.entity === 'person';
    return {
      id: r.id,
      at: r.at,
      operator: r.operator,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      label: r.label,
      lines: describeAuditEntry(view, subject),
    };
  });
  for (const r of importedRows(ledger, target)) {
    const noun = r.entity === 'household' ? '户' : r.entity === 'record' ? '这条记录' : '成员';
    const subject = target.householdId !== undefined ? ` ${r.label}` : '';
    entries.push({
      id: 0,
      at: r.at,
      operator: r.operator,
      action: 'create',
      entity: r.entity,
      entityId: r.entity === 'record' ? (target.recordKey ?? '') : String(r.id),
      label: r.label,
      lines: [
        `${localDateTime(r.at)} ${r.operator} 导入新增了${noun}${subject}（第 ${r.batch_id} 批导入${r.file_name ? `，文件 ${r.file_name}` : ''}）`,
      ],
    });
  }
  // Newest first; synthesized import entries sort by their batch time.
  return entries.sort((a, b) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1)).slice(0, limit);
}
