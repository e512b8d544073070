// Issue 13 (the import's speed): what a county's first import builds after its rows, made smaller without
// slowing a screen (each measured on the 400,000-person ledger, BENCHMARKS.md "`import` speed, session 9"):
// - persons_household (household_id, status) is the leading part of persons_report (household_id, status,
//   labor_skill, dibao) of migration 0013: every lookup of a household's members uses that one (0.13 s).
// - persons_name_household (name, household_id; a name prefix's households) and persons_name_status (name,
//   status; 查人's order) become one index (name, status, household_id): the households of a name prefix
//   are read from it alone as before, and 查人 lists in its order — name, 正常 before 已注销, household, id
//   (main/core/persons/person-search.ts). One sort of 400,000 names instead of two (0.3 s).
// - The trigram indexes keep no per-row column sizes (`columnsize=0`): nothing ranks matches (no bm25),
//   a MATCH reads only the index; filling 400,000 persons 0.95 → 0.80 s. An FTS5 table's options cannot
//   be changed, so both are made again and rebuilt from their content tables; their triggers name them
//   and stay as they are.
import { sql, type Kysely } from 'kysely';

const SEARCH_TABLES = [
  { table: 'person_search', columns: 'name, id_number, phone', content: 'persons' },
  { table: 'household_search', columns: 'household_no, phone', content: 'households' },
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`DROP INDEX persons_household`.execute(trx);
    await sql`DROP INDEX persons_name_household`.execute(trx);
    await sql`DROP INDEX persons_name_status`.execute(trx);
    await sql`CREATE INDEX persons_name ON persons (name, status, household_id)`.execute(trx);
    for (const s of SEARCH_TABLES) {
      await sql`DROP TABLE ${sql.table(s.table)}`.execute(trx);
      await sql
        .raw(
          `CREATE VIRTUAL TABLE ${s.table} USING fts5(
            ${s.columns}, content = '${s.content}', content_rowid = 'id', tokenize = 'trigram', columnsize = 0
          )`,
        )
        .execute(trx);
      await sql.raw(`INSERT INTO ${s.table} (${s.table}) VALUES ('rebuild')`).execute(trx);
    }
  });
}
