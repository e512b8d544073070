// The accounting every "skip the rows with errors" import must satisfy (issue 9): each data row is
// written or listed with its row number and a reason, and the dry run / preview promises exactly what
// the real run then does.
import { expect } from 'vitest';

interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

const total = (c: Counts) => c.created + c.updated + c.unchanged;

/** The CLI's `import --json` output (register or `--into` a ledger). */
export interface CliImportOut {
  households: Counts;
  persons: Counts;
  records?: Counts | null;
  rows: number;
  written: number;
  skipped: Array<{ row: number; kind: string; reason: string; name?: string | null }>;
  nothingWritten: string | null;
  batchId: number | null;
}

/** Persons (or ledger records) written + distinct data rows listed = data rows; every listed row has a reason. */
export function expectEveryRowAccounted(out: CliImportOut): void {
  const listed = out.skipped.filter((s) => s.kind !== 'not-data');
  for (const s of listed) {
    expect(s.row, JSON.stringify(s)).toBeGreaterThan(0);
    expect(s.reason, JSON.stringify(s)).not.toBe('');
  }
  const distinct = new Set(listed.map((s) => s.row)).size;
  expect(distinct, 'a data row listed twice').toBe(listed.length);
  const written = out.records ? total(out.records) : total(out.persons);
  expect(written, 'written count').toBe(out.written);
  expect(written + distinct, 'written + listed = data rows').toBe(out.rows);
}

/** The dry run (or preview) said what the real run did: the same counts and the same rows listed. */
export function expectDryRunMatches(dry: CliImportOut, real: CliImportOut): void {
  expectEveryRowAccounted(dry);
  expectEveryRowAccounted(real);
  const shape = (o: CliImportOut) => ({
    households: o.households,
    persons: o.persons,
    records: o.records ?? null,
    rows: o.rows,
    written: o.written,
    skipped: o.skipped.map((s) => ({ row: s.row, kind: s.kind, reason: s.reason })),
  });
  expect(shape(real)).toEqual(shape(dry));
}

/** The contract's preview and the job's result (import.status), as the UI reads them. */
export interface PreviewLike {
  rows: number;
  written: number;
  households: Counts;
  persons: Counts;
  records: Counts;
  into: string | null;
  notImported: Array<{ row: number; reason: string }>;
  notImportedCount: number;
}
export interface ResultLike {
  households: Counts;
  persons: Counts;
  records: Counts;
  written: number;
  notImported: { count: number; rows: Array<{ row: number; reason: string }> };
}

export function expectPreviewMatchesResult(preview: PreviewLike, result: ResultLike): void {
  const written = preview.into === null ? total(preview.persons) : total(preview.records);
  expect(written + new Set(preview.notImported.map((u) => u.row)).size).toBe(preview.rows);
  expect(preview.notImportedCount).toBe(preview.notImported.length);
  expect({
    households: result.households,
    persons: result.persons,
    records: result.records,
    written: result.written,
    notImported: result.notImported.rows.map((u) => [u.row, u.reason]),
    count: result.notImported.count,
  }).toEqual({
    households: preview.households,
    persons: preview.persons,
    records: preview.records,
    written: preview.written,
    notImported: preview.notImported.map((u) => [u.row, u.reason]),
    count: preview.notImportedCount,
  });
}

/** A plan made in-process (planImport): persons written + rows listed = data rows. */
export function expectPlanAccounted(plan: {
  counts: { persons: Counts };
  account: { dataRows: number; written: number; unwritten: Array<{ row: number; reason: string }> };
}): void {
  const { account } = plan;
  expect(total(plan.counts.persons)).toBe(account.written);
  const distinct = new Set(account.unwritten.map((u) => u.row)).size;
  expect(distinct).toBe(account.unwritten.length);
  expect(account.unwritten.every((u) => u.reason !== '')).toBe(true);
  expect(account.written + distinct).toBe(account.dataRows);
}
