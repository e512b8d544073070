// Every thematic ledger, from its definition and its example rows (tests/fixtures/ledger-samples): the
// migrated table is the one the definition calls for (columns, types, constraints, indexes), a workbook built here imports into it (and again
// without duplicating), and each example of bad input is refused at the right Excel column.
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_DEFS, ledgerTableName } from '../../shared/ledgers/index.ts';
import type { LedgerDef } from '../../shared/ledgers/define.ts';
import { definitionShape, shapeDifferences, tableShape } from '../../main/core/ledgers/table-shape.ts';
import { analyzeFile, commitAnalysis } from '../../main/core/import/analyze-file.ts';
import { columnLetter } from '../../main/core/xlsx-write/index.ts';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';
import { tempDir } from '../helpers/temp-ledger.ts';
import type { LedgerSample } from '../fixtures/ledger-samples/types.ts';

XLSX.set_fs(fs);

const defs = LEDGER_DEFS as readonly LedgerDef[];
let client: TestClient;
const dir = tempDir('ledger-samples-');
const values: Record<string, string> = {};

async function sampleOf(id: string): Promise<LedgerSample> {
  return ((await import(`../fixtures/ledger-samples/${id}.ts`)) as { sample: LedgerSample }).sample;
}

function fill(text: string): string {
  return text.replace(/\{\{([a-z-]+)(?::(\d+))?\}\}/g, (_, name: string, n?: string) => {
    const v = values[n === undefined ? name : `${name}:${n}`];
    if (v === undefined) throw new Error(`unknown placeholder {{${name}${n ? `:${n}` : ''}}}`);
    return v;
  });
}

/** A workbook with a title row, the header, then the rows (cells as text, as clerks' files have them). */
function workbook(name: string, rows: Array<Record<string, string>>): { file: string; headers: string[] } {
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const aoa = [[`${name}台账`], headers, ...rows.map((r) => headers.map((h) => fill(r[h] ?? '')))];
  const sheet = XLSX.utils.aoa_to_sheet(aoa);
  for (const key of Object.keys(sheet)) {
    const cell = sheet[key] as XLSX.CellObject | undefined;
    if (!key.startsWith('!') && cell) cell.t = 's';
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Sheet1');
  const file = path.join(dir, `${name}-${Math.random().toString(36).slice(2)}.xlsx`);
  XLSX.writeFile(book, file);
  return { file, headers };
}

beforeAll(async () => {
  client = await openTestClient();
  await client.ok('ledger.loadDemo', { households: 40, seed: 11 });
  await client.ok('settings.setOperator', { name: '测试员' });
  const db = client.core.ledger.sqlite;
  const persons = db
    .prepare(`SELECT name, id_number FROM persons WHERE status = 'active' ORDER BY id LIMIT 10`)
    .all() as Array<{ name: string; id_number: string }>;
  persons.forEach((p, i) => {
    values[`person:${i}`] = p.id_number;
    values[`person-name:${i}`] = p.name;
  });
  const households = db
    .prepare(
      `SELECT h.household_no, h.head_id_number, t.name AS township, v.name AS village FROM households h
       JOIN regions t ON t.code = h.township_code JOIN regions v ON v.code = h.village_code ORDER BY h.id LIMIT 5`,
    )
    .all() as Array<{ household_no: string; head_id_number: string; township: string; village: string }>;
  households.forEach((h, i) => {
    values[`household:${i}`] = h.household_no;
    values[`head-id:${i}`] = h.head_id_number;
  });
  values.township = households[0]?.township ?? '';
  values.village = households[0]?.village ?? '';
});

afterAll(async () => {
  await client.close();
});

describe.each(defs.map((d) => [d.id, d] as const))('专项台账 %s', (id, def) => {
  it('has the STRICT table its definition calls for (the migrations are up to date)', () => {
    // Columns, types, constraints, foreign keys and indexes — not the CREATE text, which a later
    // ALTER TABLE … ADD COLUMN migration changes without changing the table.
    const db = client.core.ledger.sqlite;
    expect(
      shapeDifferences(definitionShape(def), tableShape(db, ledgerTableName(def))),
      `migration for ${id} missing or out of date: npm run ledger -- ledger-sql ${id} --db FILE`,
    ).toEqual([]);
    expect(tableShape(db, ledgerTableName(def))?.strict).toBe(true);
  });

  it('imports its example workbook, and a second import changes nothing', async () => {
    const sample = await sampleOf(id);
    expect(sample.valid.length).toBeGreaterThanOrEqual(2);
    const { file } = workbook(def.name, sample.valid);
    const ledger = client.core.ledger;
    const first = await analyzeFile(ledger, file, { into: id });
    const errors = first.plan.issues.filter((i) => i.level === 'error');
    expect(errors, JSON.stringify(errors)).toEqual([]);
    const done = commitAnalysis(ledger, first, false, { operator: '测试员' });
    expect(done.records.created).toBe(sample.valid.length);
    const count = ledger.sqlite
      .prepare(`SELECT COUNT(*) FROM ${ledgerTableName(def)}`)
      .pluck()
      .get();
    expect(count).toBe(sample.valid.length);
    if (def.key.length > 0) {
      const again = await analyzeFile(ledger, file, { into: id });
      expect(again.ledgerPlan?.counts).toEqual({ created: 0, updated: 0, unchanged: sample.valid.length });
    }
    const listed = await client.ok('ledgers.records', { ledgerId: id });
    expect(listed.total).toBe(sample.valid.length);
    // Every measure of the 汇总 runs; the plain counts count these records, per township and in all.
    const summary = await client.ok('ledgers.summary', { ledgerId: id });
    for (const m of def.measures.filter((x) => x.kind === 'count' && !x.where))
      expect(summary.total.values[m.key], m.label).toBe(sample.valid.length);
    for (const m of def.measures)
      expect(summary.rows.reduce((n, r) => n + (r.values[m.key] ?? 0), 0)).toBeCloseTo(
        summary.total.values[m.key] ?? 0,
      );
  });

  it('refuses each example of bad input at its Excel column, writing nothing', async () => {
    const sample = await sampleOf(id);
    expect(sample.invalid.length).toBeGreaterThanOrEqual(2);
    const ledger = client.core.ledger;
    const before = ledger.sqlite
      .prepare(`SELECT COUNT(*) FROM ${ledgerTableName(def)}`)
      .pluck()
      .get();
    for (const bad of sample.invalid) {
      const { file, headers } = workbook(def.name, [bad.row]);
      const a = await analyzeFile(ledger, file, { into: id });
      const errors = a.plan.issues.filter((i) => i.level === 'error');
      const letter = columnLetter(headers.indexOf(bad.header));
      expect(headers).toContain(bad.header);
      expect(
        errors.some((e) => e.column === letter && e.row === 3 && e.message.includes(bad.message)),
        `${bad.header} (${letter}) “${bad.message}” in ${JSON.stringify(errors)}`,
      ).toBe(true);
      expect(() => commitAnalysis(ledger, a, false, { operator: '测试员' })).toThrow(/未导入任何数据/);
    }
    expect(
      ledger.sqlite
        .prepare(`SELECT COUNT(*) FROM ${ledgerTableName(def)}`)
        .pluck()
        .get(),
    ).toBe(before);
  });
});
