// 外出务工 holds plans as well as departures, one record per person and 年度: the columns for 年度,
// 是否计划外出务工, 计划务工地点 and 计划去向类别 (printed by `npm run ledger -- ledger-sql migrant_work --db
// FILE` against a file of the previous version). Records written before this migration get the 年度 of
// their last change (local time, as the clock gives the 年度 of new records), so re-importing the same
// year-less sheet this year updates them instead of adding a second record per person.
import { sql, type Kysely } from 'kysely';

const STATEMENTS: readonly string[] = [
  `ALTER TABLE ledger_migrant_work ADD COLUMN year INTEGER CHECK (year BETWEEN 2014 AND 2100)`,
  `ALTER TABLE ledger_migrant_work ADD COLUMN planned INTEGER CHECK (planned IN (0, 1))`,
  `ALTER TABLE ledger_migrant_work ADD COLUMN planned_place TEXT`,
  `ALTER TABLE ledger_migrant_work ADD COLUMN planned_destination TEXT`,
  // A year outside the column's range (a machine clock set wrong) stays empty for the clerk to fill.
  `UPDATE ledger_migrant_work SET year = (
    SELECT CASE WHEN y BETWEEN 2014 AND 2100 THEN y END
    FROM (SELECT CAST(strftime('%Y', updated_at, 'localtime') AS INTEGER) AS y)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(trx);
  });
}
