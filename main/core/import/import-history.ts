// The import history screen: every batch with its counts, the rows it did not write (and why) and
// whether it was undone.
import type { Ledger } from '../db/open-ledger.ts';
import type { batchRowSummary } from './row-accounting.ts';

interface Row {
  id: number;
  file_name: string | null;
  sheet: string | null;
  operator: string;
  created_at: string;
  summary: string;
  undone_at: string | null;
  undone_by: string | null;
  ledger_id: string | null;
}

const ZERO = { created: 0, updated: 0, unchanged: 0 };

export function importHistory(ledger: Ledger, limit: number) {
  const rows = ledger.sqlite
    .prepare(
      `SELECT id, file_name, sheet, operator, created_at, summary, undone_at, undone_by, ledger_id FROM import_batches WHERE kind = 'import' ORDER BY id DESC LIMIT ?`,
    )
    .all(limit) as Row[];
  return rows.map((r) => {
    const counts = JSON.parse(r.summary) as {
      households?: typeof ZERO;
      persons?: typeof ZERO;
      records?: typeof ZERO;
    } & Partial<ReturnType<typeof batchRowSummary>>;
    return {
      batchId: r.id,
      fileName: r.file_name,
      sheet: r.sheet,
      operator: r.operator,
      createdAt: r.created_at,
      households: counts.households ?? ZERO,
      persons: counts.persons ?? ZERO,
      into: r.ledger_id,
      records: counts.records ?? ZERO,
      // Batches recorded before rows were accounted for did not keep these.
      dataRows: counts.dataRows ?? null,
      notImported: counts.notImported ?? { count: 0, rows: [] },
      undoneAt: r.undone_at,
      undoneBy: r.undone_by,
    };
  });
}
