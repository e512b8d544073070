// Issue 14 (item 12): 查人 at county scale. A one-character name (王: ~37,000 of 396,000 persons) was counted
// by reading every match's person row and household (~110 ms CPU). The index (name, status) holds the
// order 查人 lists in — name, then 正常 before 已注销, then id — so the total is a range count over the
// index alone, the key of the page at any offset is read from it without the rows, and a page seeks from
// that key and joins only its own rows (main/core/persons/person-search.ts).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX persons_name_status ON persons (name, status)`.execute(db);
}
