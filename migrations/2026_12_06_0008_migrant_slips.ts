// 外出务工三联单 (一对接两负责, domain.md §4.6): the columns for 三联单编号 (unique, assigned when first printed),
// 备案日期, 体检日期, 健康证明, 用工证明, 用工单位联系电话, 回执日期 and 到岗日期 (printed by `npm run ledger --
// ledger-sql migrant_work --db FILE` against a file of the previous version), and the counter each
// 乡镇 and 年度 numbers its slips from. The counter, not the largest serial in the table, says what comes
// next, so the serial of a deleted record is never issued again. Existing records get no serial: they have
// never been printed.
import { sql, type Kysely } from 'kysely';

const STATEMENTS: readonly string[] = [
  `ALTER TABLE ledger_migrant_work ADD COLUMN employer_phone TEXT`,
  `ALTER TABLE ledger_migrant_work ADD COLUMN slip_serial TEXT`,
  `ALTER TABLE ledger_migrant_work ADD COLUMN filed_date TEXT CHECK (filed_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`,
  `ALTER TABLE ledger_migrant_work ADD COLUMN health_check_date TEXT CHECK (health_check_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`,
  `ALTER TABLE ledger_migrant_work ADD COLUMN health_certificate INTEGER CHECK (health_certificate IN (0, 1))`,
  `ALTER TABLE ledger_migrant_work ADD COLUMN employment_proof INTEGER CHECK (employment_proof IN (0, 1))`,
  `ALTER TABLE ledger_migrant_work ADD COLUMN receipt_date TEXT CHECK (receipt_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`,
  `ALTER TABLE ledger_migrant_work ADD COLUMN arrival_date TEXT CHECK (arrival_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`,
  `CREATE UNIQUE INDEX ledger_migrant_work_slip_serial ON ledger_migrant_work (slip_serial) WHERE slip_serial IS NOT NULL`,
  // prefix '101-2026' (乡镇代码后3位-年度) → the last number issued under it.
  `CREATE TABLE migrant_slip_counters (
    prefix TEXT PRIMARY KEY CHECK (prefix GLOB '[0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'),
    last_number INTEGER NOT NULL CHECK (last_number BETWEEN 1 AND 99999)
  ) STRICT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(trx);
  });
}
