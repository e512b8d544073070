// Upgrading a ledger file that holds data: a file built with the previous schema (migrations up to 0004
// only), its register filled by the sample-county generator and its 外出务工 records written as the
// previous program wrote them, is opened by the current program. The file is copied aside first; every
// row comes through unchanged with a 年度 (the local year of its last change), every table keeps its row
// count, the person search index still finds people and their records, the table is the one the
// definition calls for, and a year-less re-import of this year updates the record instead of adding one.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../main/core/api/handlers.ts';
import { MIGRATIONS } from '../../migrations/index.ts';
import { MIGRATION_TABLE, openLedger, SCHEMA_VERSION } from '../../main/core/db/open-ledger.ts';
import { analyzeFile, commitAnalysis } from '../../main/core/import/analyze-file.ts';
import { definitionShape, shapeDifferences, tableShape } from '../../main/core/ledgers/table-shape.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { ledgerDef } from '../../shared/ledgers/index.ts';
import type { LedgerDef } from '../../shared/ledgers/define.ts';
import { writeWorkbook } from '../fixtures/workbooks.ts';
import { openTestClient } from '../helpers/core-client.ts';
import {
  reportPlaceOf,
  summaryRowsAfterMigration,
  tableCounts,
  tableRows,
} from '../helpers/ledger-tables.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';

const PREVIOUS = '2026_11_24_0004_thematic_ledgers';
const MIGRATION = '2026_12_06_0005_migrant_work_plans';

/** The 外出务工 columns of the previous version, as its program wrote them. */
const OLD_COLUMNS = ['person_id', 'willing', 'status', 'work_place', 'work_place_code', 'destination', 'employer', 'industry', 'channel', 'start_date', 'end_date', 'monthly_income', 'point_to_point', 'transport_subsidy', 'training', 'remark', 'origin', 'batch_id', 'created_at', 'updated_at'] as const; // prettier-ignore
type OldRow = Partial<Record<(typeof OLD_COLUMNS)[number], string | number | null>>;

const allRows = (db: Database.Database) => tableRows(db, 'ledger_migrant_work');
const searchIds = (db: Database.Database, text: string) =>
  db
    .prepare(`SELECT rowid FROM person_search WHERE person_search MATCH ? ORDER BY rowid`)
    .pluck()
    .all(`"${text}"`);
const localYear = (iso: string) => new Date(iso).getFullYear();

// A clerk's machine in China: 20:00 UTC on 31 December is already the next year there.
process.env.TZ = 'Asia/Shanghai';

describe(`upgrading a ledger with data to ${MIGRATION}`, () => {
  it('keeps every row, count and search entry, gives old records a 年度, and backs the file up first', async () => {
    // Later migrations (0006 copies the audit log) run too: every count must still come through.
    expect(SCHEMA_VERSION >= MIGRATION).toBe(true);
    const file = tempLedgerPath();

    // 1. A file of the previous version, with a register and 外出务工 records.
    const old = await openLedger(file, { migrateTo: PREVIOUS });
    loadDemo(old, () => getRegionCatalog(), 30, 9);
    const db = old.sqlite;
    const people = db
      .prepare(`SELECT id, id_number FROM persons WHERE status = 'active' ORDER BY id LIMIT 5`)
      .all() as Array<{ id: number; id_number: string }>;
    const [p0, p1, p2, p3, p4] = people;
    if (!p0 || !p1 || !p2 || !p3 || !p4) throw new Error('no persons');
    const batch = Number(
      db
        .prepare(
          `INSERT INTO import_batches (kind, file_name, sha256, sheet, operator, created_at, ledger_id) VALUES ('import', '务工.xlsx', 'x', 'Sheet1', '测试员', '2025-12-31T20:00:00.000Z', 'migrant_work')`,
        )
        .run().lastInsertRowid,
    );
    const now = new Date().toISOString();
    const olds: OldRow[] = [
      { person_id: p0.id, status: '01', work_place: '广东省深圳市宝安区', work_place_code: '440306', destination: '04', employer: '深圳某电子厂', industry: '制造', channel: '01', start_date: '2020-03-05', end_date: '2020-12-20', monthly_income: 4500.5, point_to_point: 1, transport_subsidy: 300, training: '电工', remark: '第一行\n第二行', origin: 'manual', created_at: '2020-03-06T02:00:00.000Z', updated_at: '2020-03-06T02:00:00.000Z' },
      // Written late on 31 Dec (UTC): its 年度 is the local year, as the clock gives new records.
      { person_id: p1.id, willing: 1, status: '03', origin: 'import', batch_id: batch, created_at: '2025-12-31T20:00:00.000Z', updated_at: '2025-12-31T20:00:00.000Z' },
      // Two records of one person (the form allowed it): both kept, no UNIQUE index to break the upgrade.
      { person_id: p2.id, status: '02', destination: '01', origin: 'manual', created_at: '2024-05-01T00:00:00.000Z', updated_at: '2024-05-01T00:00:00.000Z' },
      { person_id: p2.id, status: '02', destination: '01', origin: 'manual', created_at: '2024-06-01T00:00:00.000Z', updated_at: '2024-06-01T00:00:00.000Z' },
      // A year the column cannot hold (a clock set wrong) stays empty rather than failing the upgrade.
      { person_id: p3.id, status: '03', origin: 'demo', created_at: '2001-01-01T00:00:00.000Z', updated_at: '2001-01-01T00:00:00.000Z' },
      { person_id: p4.id, status: '01', work_place: '浙江省杭州市', work_place_code: '330100', destination: '04', origin: 'manual', created_at: now, updated_at: now },
    ]; // prettier-ignore
    const insert = db.prepare(
      `INSERT INTO ledger_migrant_work (${OLD_COLUMNS.join(', ')}) VALUES (${OLD_COLUMNS.map(() => '?').join(', ')})`,
    );
    for (const r of olds) insert.run(...OLD_COLUMNS.map((c) => r[c] ?? null));
    db.prepare(
      `INSERT INTO audit_log (at, operator, action, entity, entity_id, label, changes) VALUES (?, '测试员', 'create', 'record', 'migrant_work:1', '外出务工', '[]')`,
    ).run(now);
    const rowsBefore = allRows(db);
    const countsBefore = tableCounts(db);
    const tail = p4.id_number.slice(-6);
    const searchBefore = searchIds(db, tail);
    expect(searchBefore).toContain(p4.id);
    expect(Object.keys(rowsBefore[0] ?? {})).not.toContain('year');
    await old.close();

    // 2. Opened by the current program.
    const client = await openTestClient(file);
    try {
      const now2 = client.core.ledger.sqlite;
      expect(now2.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`).pluck().all()).toContain(
        MIGRATION,
      );

      // The copy made before migrating is the previous version, whole.
      const backup = `${file}.before-${MIGRATION}.bak`;
      expect(fs.existsSync(backup)).toBe(true);
      const copy = new Database(backup, { readonly: true });
      try {
        expect(copy.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`).pluck().all().at(-1)).toBe(
          PREVIOUS,
        );
        expect(allRows(copy)).toEqual(rowsBefore);
        expect(tableCounts(copy)).toEqual(countsBefore);
      } finally {
        copy.close();
      }

      // Every row, with its 年度 and empty plan columns (and the columns later migrations add, empty).
      const later = Object.fromEntries(
        Object.keys(allRows(now2)[0] ?? {})
          .filter((c) => !(c in (rowsBefore[0] ?? {})))
          .map((c) => [c, null]),
      );
      const expected = rowsBefore.map((r) => {
        const y = localYear(String(r.updated_at));
        return {
          ...later,
          ...r,
          year: y >= 2014 && y <= 2100 ? y : null,
          planned: null,
          planned_place: null,
          planned_destination: null,
          ...reportPlaceOf(now2, r.person_id),
        };
      });
      expect(allRows(now2)).toEqual(expected);
      expect(allRows(now2).map((r) => r.year)).toEqual([2020, 2026, 2024, 2024, null, localYear(now)]);

      // Every table keeps its rows (the migration table gains one per migration after PREVIOUS); tables a
      // later migration adds (数据质量 in 0009, …) start empty.
      const added = Object.keys(tableCounts(now2)).filter((t) => !(t in countsBefore));
      expect(added).toEqual(expect.arrayContaining(['quality_findings', 'quality_runs']));
      expect(tableCounts(now2)).toEqual({
        ...countsBefore,
        ...Object.fromEntries(added.map((t) => [t, 0])),
        ...summaryRowsAfterMigration(now2),
        [MIGRATION_TABLE]:
          (countsBefore[MIGRATION_TABLE] ?? 0) + Object.keys(MIGRATIONS).filter((m) => m > PREVIOUS).length,
      });

      // The search index is sound and finds the person and his record.
      expect(() =>
        now2.prepare(`INSERT INTO person_search (person_search) VALUES ('integrity-check')`).run(),
      ).not.toThrow();
      expect(searchIds(now2, tail)).toEqual(searchBefore);
      const found = await client.ok('ledgers.records', { ledgerId: 'migrant_work', search: tail });
      expect(found.rows.map((r) => r.values.work_place)).toContain('浙江省杭州市');

      // The upgraded table is the one the definition calls for.
      const def = ledgerDef('migrant_work') as LedgerDef;
      expect(shapeDifferences(definitionShape(def), tableShape(now2, 'ledger_migrant_work'))).toEqual([]);

      // This year's record is updated by a year-less sheet of this year, not doubled.
      const sheet = writeWorkbook(path.join(path.dirname(file), '务工.xlsx'), [
        {
          name: 'Sheet1',
          rows: [
            ['外出务工台账'],
            ['证件号码', '务工状态', '务工所在地', '月收入'],
            [p4.id_number, '已外出', '浙江省杭州市', '5200'],
          ],
        },
      ]);
      const a = await analyzeFile(client.core.ledger, sheet, { into: 'migrant_work' });
      expect(a.plan.issues.filter((i) => i.level === 'error')).toEqual([]);
      const done = commitAnalysis(client.core.ledger, a, false, { operator: '测试员' });
      expect(done.records).toEqual({ created: 0, updated: 1, unchanged: 0 });
      expect(
        now2.prepare(`SELECT COUNT(*) FROM ledger_migrant_work WHERE person_id = ?`).pluck().get(p4.id),
      ).toBe(1);
    } finally {
      await client.close();
    }
  });
});
