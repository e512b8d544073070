// 报表 at county scale (issue 10, docs/reports.md「速度」): the register reports group the active
// households by 乡镇, village and the household columns they count by before evaluating any measure. This
// covering index holds those columns in that order, so SQLite groups 100,000 households as it scans the
// index — no sort, no table row read — and a 乡镇 report reads only its own range (sample county,
// 建档立卡贫困人口基本情况汇总表: county 160 → 100 ms CPU, one 乡镇 15 → 10 ms).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX households_report ON households (status, township_code, village_code, poverty_attribute, poverty_status, monitor_category, main_cause)`.execute(
    db,
  );
}
