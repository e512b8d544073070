// How a migrated ledger table is compared with its definition: by shape (columns, types, NOT NULL,
// defaults, each column's CHECK, foreign keys, indexes and their conditions), not by CREATE text, so a
// table grown by ALTER TABLE … ADD COLUMN matches — and any real difference is still found.
// `ledger-sql ID --db FILE` prints exactly the statements a file of an earlier version lacks.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { STATEMENTS as SORT_STATEMENTS } from '../../migrations/2026_12_06_0016_ledger_sort_indexes.ts';
import { openLedger } from '../../main/core/db/open-ledger.ts';
import {
  definitionShape,
  ledgerUpgradeSql,
  shapeDifferences,
  tableShape,
} from '../../main/core/ledgers/table-shape.ts';
import type { LedgerDef, LedgerField } from '../../shared/ledgers/define.ts';
import { ledgerDef } from '../../shared/ledgers/index.ts';
import { reportHouseholdsSql, reportHouseholdsTriggers } from '../../shared/ledgers/report-households.ts';
import { ledgerTableSql } from '../../shared/ledgers/table-sql.ts';
import { runLedgerCli } from '../helpers/run-cli.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';

const migrant = ledgerDef('migrant_work') as LedgerDef;
/** What the latest 外出务工 migration (2026_12_06_0008_migrant_slips) adds to a file of the version before. */
const PREVIOUS = '2026_12_06_0006_export_audit';
const date = (c: string) => `${c} TEXT CHECK (${c} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`;
const NEW_COLUMNS = [
  'ALTER TABLE ledger_migrant_work ADD COLUMN employer_phone TEXT',
  'ALTER TABLE ledger_migrant_work ADD COLUMN slip_serial TEXT',
  `ALTER TABLE ledger_migrant_work ADD COLUMN ${date('filed_date')}`,
  `ALTER TABLE ledger_migrant_work ADD COLUMN ${date('health_check_date')}`,
  'ALTER TABLE ledger_migrant_work ADD COLUMN health_certificate INTEGER CHECK (health_certificate IN (0, 1))',
  'ALTER TABLE ledger_migrant_work ADD COLUMN employment_proof INTEGER CHECK (employment_proof IN (0, 1))',
  `ALTER TABLE ledger_migrant_work ADD COLUMN ${date('receipt_date')}`,
  `ALTER TABLE ledger_migrant_work ADD COLUMN ${date('arrival_date')}`,
  'CREATE UNIQUE INDEX ledger_migrant_work_slip_serial ON ledger_migrant_work (slip_serial) WHERE slip_serial IS NOT NULL',
];

/** And what 2026_12_06_0013_report_places adds to it since (shared/ledgers/report-place.ts). */
const placeOf = (personId: string) =>
  `(SELECT h.id, h.village_code FROM persons p JOIN households h ON h.id = p.household_id WHERE p.id = ${personId})`;
const fromPerson = `UPDATE ledger_migrant_work SET (report_household_id, report_village_code) = ${placeOf('new.person_id')} WHERE id = new.id;`;
const GROUPED = 'planned, planned_destination, status, destination, point_to_point, transport_subsidy';
const REPORT_PLACES = {
  columns: [
    'ALTER TABLE ledger_migrant_work ADD COLUMN report_household_id INTEGER',
    'ALTER TABLE ledger_migrant_work ADD COLUMN report_village_code TEXT',
    `UPDATE ledger_migrant_work SET (report_household_id, report_village_code) = ${placeOf('ledger_migrant_work.person_id')}`,
  ],
  indexes: [
    `CREATE INDEX ledger_migrant_work_report ON ledger_migrant_work (year, report_village_code, ${GROUPED})`,
    // As 2026_12_06_0014_report_households made it again: the 户数 summary's lookup.
    'CREATE INDEX ledger_migrant_work_report_household ON ledger_migrant_work (report_household_id, year, planned, planned_destination, status, destination, report_village_code)',
    'CREATE INDEX ledger_migrant_work_report_person ON ledger_migrant_work (year, person_id)',
  ],
  triggers: [
    `CREATE TRIGGER ledger_migrant_work_place_insert AFTER INSERT ON ledger_migrant_work BEGIN ${fromPerson} END`,
    `CREATE TRIGGER ledger_migrant_work_place_person AFTER UPDATE OF person_id ON ledger_migrant_work BEGIN ${fromPerson} END`,
    'CREATE TRIGGER ledger_migrant_work_place_member AFTER UPDATE OF household_id ON persons WHEN old.household_id IS NOT new.household_id BEGIN UPDATE ledger_migrant_work SET (report_household_id, report_village_code) = (SELECT h.id, h.village_code FROM households h WHERE h.id = new.household_id) WHERE person_id = new.id; END',
    'CREATE TRIGGER ledger_migrant_work_place_household AFTER UPDATE OF village_code ON households WHEN old.village_code IS NOT new.village_code BEGIN UPDATE ledger_migrant_work SET report_village_code = new.village_code WHERE person_id IN (SELECT p.id FROM persons p WHERE p.household_id = new.id); END',
  ],
};
/** And the list order indexes of 2026_12_06_0016_ledger_sort_indexes (one per `sortColumns` field). */
const sortIndexesOf = (table: string) => SORT_STATEMENTS.filter((s) => s.includes(` ON ${table} (`));
/** Everything `ledger-sql migrant_work --db FILE` prints for a file of the version before 0008. */
const UPGRADE = [
  ...NEW_COLUMNS.slice(0, -1),
  ...REPORT_PLACES.columns,
  ...NEW_COLUMNS.slice(-1),
  ...REPORT_PLACES.indexes,
  ...sortIndexesOf('ledger_migrant_work'),
  // And 0014's 户数 summary: its table, index and fill, then its triggers after the places'.
  ...reportHouseholdsSql(migrant),
  ...REPORT_PLACES.triggers,
  ...reportHouseholdsTriggers(migrant),
];

const withFields = (fields: readonly LedgerField[]): LedgerDef => ({
  ...migrant,
  fields,
  sortColumns: migrant.sortColumns.filter((c) => fields.some((f) => f.column === c)),
});
const tableOf = (def: LedgerDef) => {
  const db = new Database(':memory:');
  for (const s of ledgerTableSql(def)) db.exec(s);
  return db;
};

describe('ledger table shape', () => {
  it('matches a table built by CREATE TABLE plus ADD COLUMN, in another column order', () => {
    const added = NEW_COLUMNS.map((s) => /ADD COLUMN (\w+)/.exec(s)?.[1]);
    const old = withFields(migrant.fields.filter((f) => !added.includes(f.column)));
    const db = tableOf(old);
    for (const s of NEW_COLUMNS) db.exec(s);
    // The sort indexes of the added columns came with migration 0016.
    for (const s of sortIndexesOf('ledger_migrant_work'))
      if (added.some((c) => s.includes(`(${c}, id)`))) db.exec(s);
    expect(
      db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'ledger_migrant_work'`).pluck().get(),
    ).not.toBe(ledgerTableSql(migrant)[0]);
    expect(shapeDifferences(definitionShape(migrant), tableShape(db, 'ledger_migrant_work'))).toEqual([]);
  });

  it('finds a changed CHECK, a changed type, a missing or extra column and a missing index', () => {
    const db = tableOf(migrant);
    const actual = tableShape(db, 'ledger_migrant_work');
    const change = (column: string, patch: Partial<LedgerField>) =>
      withFields(migrant.fields.map((f) => (f.column === column ? { ...f, ...patch } : f)));
    expect(shapeDifferences(definitionShape(change('year', { max: 2099 })), actual)).toEqual([
      expect.stringMatching(/^column year: expected .*2099/),
    ]);
    expect(shapeDifferences(definitionShape(change('planned', { type: 'text' })), actual)).toEqual([
      expect.stringMatching(/^column planned: /),
    ]);
    expect(
      shapeDifferences(
        definitionShape(withFields([...migrant.fields, { column: 'serial', label: '编号', type: 'text' }])),
        actual,
      ),
    ).toEqual(['column serial missing']);
    expect(
      shapeDifferences(
        definitionShape(withFields(migrant.fields.filter((f) => f.column !== 'remark'))),
        actual,
      ),
    ).toEqual(['column remark not in the definition']);
    db.exec('DROP INDEX ledger_migrant_work_batch');
    expect(shapeDifferences(definitionShape(migrant), tableShape(db, 'ledger_migrant_work'))).toEqual([
      'index ledger_migrant_work_batch missing',
    ]);
    expect(shapeDifferences(definitionShape(migrant), null)).toEqual(['table missing']);
  });

  it('prints what a file of the previous version lacks: the migration’s statements', async () => {
    const file = tempLedgerPath();
    const old = await openLedger(file, { migrateTo: PREVIOUS });
    expect(ledgerUpgradeSql(old.sqlite, migrant)).toEqual(UPGRADE);
    expect(ledgerUpgradeSql(old.sqlite, ledgerDef('public_welfare_jobs') as LedgerDef)).toEqual(
      sortIndexesOf('ledger_public_welfare_jobs'),
    );
    old.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await old.close();
    const r = runLedgerCli(['ledger-sql', 'migrant_work', '--db', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(UPGRADE.map((s) => `${s};`));
    // Read only: the file is still of the previous version.
    const after = await openLedger(file, {
      migrateTo: PREVIOUS,
      backupBeforeMigrate: false,
    });
    expect(ledgerUpgradeSql(after.sqlite, migrant)).toEqual(UPGRADE);
    await after.close();
  });
});
