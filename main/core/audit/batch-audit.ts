// Imports and their undo in the audit log: one entry per batch naming the file (and its SHA-256) and
// the rows the import created as id ranges — a county-size import would otherwise add half a million
// entries. The entry's entity_id is the batch number; batch_id stays empty so undo, which replays the
// entries carrying the batch id, does not see it.
import type { Ledger } from '../db/open-ledger.ts';
import { writeAudit } from './audit-log.ts';

/** 1,2,3,7,8 → "1-3,7-8". */
export function idRanges(ids: readonly number[]): string {
  const parts: string[] = [];
  let start: number | null = null;
  let last = 0;
  for (const id of ids) {
    if (start !== null && id === last + 1) {
      last = id;
      continue;
    }
    if (start !== null) parts.push(start === last ? `${start}` : `${start}-${last}`);
    start = last = id;
  }
  if (start !== null) parts.push(start === last ? `${start}` : `${start}-${last}`);
  return parts.join(',');
}

export interface BatchAudit {
  batchId: number;
  operator: string;
  fileName: string | null;
  sha256: string | null;
  at: string;
  /** Tables whose rows carry this batch id when the import created them. */
  tables: readonly string[];
  label: string;
  /**
   * The ids the import inserted into each of `tables`, ascending, when the caller kept them: the same
   * as reading them back (400,000 persons: 0.11 s), which is done for a table not given here.
   */
  createdIds?: Readonly<Record<string, readonly number[]>>;
}

const created = (ledger: Ledger, table: string, batchId: number): number[] =>
  ledger
    .prepare(`SELECT id FROM ${table} WHERE batch_id = ? AND origin = 'import' ORDER BY id`)
    .pluck()
    .all(batchId) as number[];

export function auditImport(ledger: Ledger, b: BatchAudit): void {
  writeAudit(ledger, {
    operator: b.operator,
    action: 'import',
    entity: 'batch',
    entityId: b.batchId,
    householdId: null,
    label: b.label,
    at: b.at,
    changes: [
      { field: 'file', before: null, after: b.fileName },
      { field: 'sha256', before: null, after: b.sha256 },
      ...b.tables.map((t) => ({
        field: `created:${t}`,
        before: null,
        after: idRanges(b.createdIds?.[t] ?? created(ledger, t, b.batchId)),
      })),
    ],
  });
}

export function auditUndoImport(ledger: Ledger, batchId: number, operator: string, label: string): void {
  writeAudit(ledger, {
    operator,
    action: 'undo-import',
    entity: 'batch',
    entityId: batchId,
    householdId: null,
    label,
    changes: [],
  });
}
