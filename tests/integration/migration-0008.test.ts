// Upgrading a ledger file that holds data to 2026_12_06_0008_migrant_slips: a file of the previous version
// (its register from the sample-county generator, 外出务工 records of two years written as the previous
// program wrote them) is opened by the current program. The file is copied aside first; every row comes
// through unchanged with the 三联单 columns empty (nothing was ever printed), every table keeps its rows,
// the table is the one the definition calls for, and the old records get serials from 00001 when printed.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../migrations/index.ts';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../main/core/api/handlers.ts';
import { MIGRATION_TABLE, openLedger } from '../../main/core/db/open-ledger.ts';
import { definitionShape, shapeDifferences, tableShape } from '../../main/core/ledgers/table-shape.ts';
import { assignSlipSerials } from '../../main/core/migrant-slips/assign-serials.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { ledgerDef } from '../../shared/ledgers/index.ts';
import type { LedgerDef } from '../../shared/ledgers/define.ts';
import { openTestClient } from '../helpers/core-client.ts';
import {
  reportPlaceOf,
  summaryRowsAfterMigration,
  tableCounts,
  tableRows,
} from '../helpers/ledger-tables.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';

const PREVIOUS = '2026_12_06_0007_household_plans';
const MIGRATION = '2026_12_06_0008_migrant_slips';
const SLIP_COLUMNS = ['employer_phone', 'slip_serial', 'filed_date', 'health_check_date', 'health_certificate', 'employment_proof', 'receipt_date', 'arrival_date']; // prettier-ignore

const allRows = (db: Database.Database) => tableRows(db, 'ledger_migrant_work');

describe(`upgrading a ledger with data to ${MIGRATION}`, () => {
  it('keeps every row and count, adds empty 三联单 columns and the counter, and backs the file up first', async () => {
    const file = tempLedgerPath();
    const old = await openLedger(file, { migrateTo: PREVIOUS });
    loadDemo(old, () => getRegionCatalog(), 30, 11);
    const db = old.sqlite;
    const people = db
      .prepare(`SELECT id FROM persons WHERE status = 'active' ORDER BY id LIMIT 4`)
      .pluck()
      .all() as number[];
    const insert = db.prepare(
      `INSERT INTO ledger_migrant_work (person_id, year, willing, planned, planned_place, planned_destination, status, work_place, work_place_code, destination, employer, start_date, monthly_income, origin, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const at = '2025-04-01T02:00:00.000Z';
    insert.run(
      people[0],
      2025,
      1,
      1,
      '广东深圳',
      '04',
      '01',
      '广东省深圳市宝安区',
      '440306',
      '04',
      '深圳某电子厂',
      '2025-03-05',
      4500,
      'manual',
      at,
      at,
    );
    insert.run(
      people[0],
      2026,
      1,
      1,
      '广东深圳',
      '04',
      '04',
      null,
      null,
      null,
      null,
      null,
      null,
      'import',
      at,
      at,
    );
    insert.run(people[1], 2026, 1, 0, null, null, '03', null, null, null, null, null, null, 'demo', at, at);
    insert.run(
      people[2],
      2026,
      null,
      1,
      '浙江义乌',
      '04',
      '04',
      null,
      null,
      null,
      '义乌某商贸公司',
      null,
      null,
      'manual',
      at,
      at,
    );
    const rowsBefore = allRows(db);
    const countsBefore = tableCounts(db);
    expect(Object.keys(rowsBefore[0] ?? {})).not.toContain('slip_serial');
    await old.close();

    const client = await openTestClient(file);
    try {
      const now = client.core.ledger.sqlite;
      expect(now.prepare(`SELECT name FROM ${MIGRATION_TABLE}`).pluck().all()).toContain(MIGRATION);

      const backup = `${file}.before-${MIGRATION}.bak`;
      expect(fs.existsSync(backup)).toBe(true);
      const copy = new Database(backup, { readonly: true });
      try {
        expect(copy.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`).pluck().all().at(-1)).toBe(
          PREVIOUS,
        );
        expect(allRows(copy)).toEqual(rowsBefore);
      } finally {
        copy.close();
      }

      const empty = Object.fromEntries(SLIP_COLUMNS.map((c) => [c, null]));
      expect(allRows(now)).toEqual(
        rowsBefore.map((r) => ({ ...r, ...empty, ...reportPlaceOf(now, r.person_id) })),
      );
      // Every table keeps its rows; the counter (and any table a later migration adds) starts empty.
      const countsAfter = tableCounts(now);
      const added = Object.keys(countsAfter).filter((t) => !(t in countsBefore));
      expect(added).toContain('migrant_slip_counters');
      expect(countsAfter).toEqual({
        ...countsBefore,
        ...Object.fromEntries(added.map((t) => [t, 0])),
        ...summaryRowsAfterMigration(now),
        [MIGRATION_TABLE]:
          (countsBefore[MIGRATION_TABLE] ?? 0) + Object.keys(MIGRATIONS).filter((m) => m > PREVIOUS).length,
      });
      const def = ledgerDef('migrant_work') as LedgerDef;
      expect(shapeDifferences(definitionShape(def), tableShape(now, 'ledger_migrant_work'))).toEqual([]);

      // The old records print with the first numbers of their 乡镇 and 年度.
      const ids = (
        now.prepare(`SELECT id FROM ledger_migrant_work ORDER BY id`).pluck().all() as number[]
      ).slice(0, 2);
      const serials = assignSlipSerials(client.core.ledger, ids, { operator: '测试员' });
      expect([...serials.values()].map((s) => s.slice(4))).toEqual(['2025-00001', '2026-00001']);
    } finally {
      await client.close();
    }
  });
});
