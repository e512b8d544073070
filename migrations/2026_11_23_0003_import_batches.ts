// Excel import: what each batch was (mapping, counts), whether it was undone, and saved column mappings.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const run = (statement: string) => sql.raw(statement).execute(trx);
    await run(`ALTER TABLE import_batches ADD COLUMN mapping TEXT NOT NULL DEFAULT '[]'`);
    await run(`ALTER TABLE import_batches ADD COLUMN undone_at TEXT`);
    await run(`ALTER TABLE import_batches ADD COLUMN undone_by TEXT`);
    // Keyed by the header signature (normalised header names in order): the same kind of file gets
    // the same mapping offered next time.
    await run(`CREATE TABLE import_templates (
      signature TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      mapping TEXT NOT NULL,
      created_at TEXT NOT NULL,
      used_at TEXT NOT NULL
    ) STRICT`);
  });
}
