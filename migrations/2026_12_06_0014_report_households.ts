// 报表 at county scale (issue 10, docs/reports.md「速度」): 外出务工's 户数 — a household once in each 去向
// column it has a member in — walked the 63,150 households of the sample county's 年度 one by one (≈ 9 ms a
// column, 10 columns). This keeps one row per household and 年度 beside the ledger: its village and the
// distinct (计划外出, 计划去向类别, 务工状态, 去向类别) its records hold, as a sorted JSON array; households
// with the same tuples in a village are counted as one group. The rows are filled here for the records a
// file already holds and kept by triggers on the ledger (a record added, changed, given another person or
// household — the place triggers of 0013 update those — moved to another village, deleted). The index
// _report_household becomes (household, 年度, the kept columns, village): what recomputing one household's
// row reads. The statements are what shared/ledgers/report-households.ts and report-place.ts generate;
// tests/integration/report-place.test.ts compares a migrated file with them.
import { sql, type Kysely } from 'kysely';

const T = 'ledger_migrant_work';
const S = 'ledger_migrant_work_report_households';
const TUPLE = 'json_array(planned, planned_destination, status, destination)';

/** The row(s) of (household, 年度) the records meeting `where` make. */
const rowsOf = (where: string) =>
  `SELECT year, report_household_id, max(report_village_code), '[' || group_concat(DISTINCT ${TUPLE} ORDER BY ${TUPLE}) || ']' FROM ${T} WHERE ${where} GROUP BY year, report_household_id`;

const recompute = (year: string, household: string, only = '') =>
  `DELETE FROM ${S} WHERE year = ${year} AND household_id = ${household}${only}; ` +
  `INSERT INTO ${S} (year, household_id, village_code, report_keys) ${rowsOf(`year = ${year} AND report_household_id = ${household}${only}`)};`;

const SEEN = [
  'year',
  'report_household_id',
  'report_village_code',
  'planned',
  'planned_destination',
  'status',
  'destination',
];
const LEFT = ' AND (old.year IS NOT new.year OR old.report_household_id IS NOT new.report_household_id)';

/** Exported for the test that compares them with `ledger-sql migrant_work --db` on a file of 0013. */
export const STATEMENTS: readonly string[] = [
  `DROP INDEX ${T}_report_household`,
  `CREATE INDEX ${T}_report_household ON ${T} (report_household_id, year, planned, planned_destination, status, destination, report_village_code)`,
  `CREATE TABLE ${S} (year INTEGER NOT NULL, household_id INTEGER NOT NULL, village_code TEXT, report_keys TEXT NOT NULL, PRIMARY KEY (year, household_id)) STRICT, WITHOUT ROWID`,
  `CREATE INDEX ${S}_report ON ${S} (year, village_code, report_keys)`,
  `INSERT INTO ${S} (year, household_id, village_code, report_keys) ${rowsOf('year IS NOT NULL AND report_household_id IS NOT NULL')}`,
  `CREATE TRIGGER ${T}_households_insert AFTER INSERT ON ${T} WHEN new.report_household_id IS NOT NULL BEGIN ${recompute('new.year', 'new.report_household_id')} END`,
  `CREATE TRIGGER ${T}_households_update AFTER UPDATE OF ${SEEN.join(', ')} ON ${T} WHEN ${SEEN.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')} BEGIN ${recompute('old.year', 'old.report_household_id', LEFT)} ${recompute('new.year', 'new.report_household_id')} END`,
  `CREATE TRIGGER ${T}_households_delete AFTER DELETE ON ${T} BEGIN ${recompute('old.year', 'old.report_household_id')} END`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(trx);
  });
}
