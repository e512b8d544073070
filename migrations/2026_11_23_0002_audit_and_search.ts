// 户籍台账: the audit log (who changed what, before and after) and the person search index.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const run = (statement: string) => sql.raw(statement).execute(trx);

    // Written in the same transaction as the change it records. `changes` is JSON:
    // [{ "field": "<column>", "before": <value|null>, "after": <value|null> }].
    await run(`CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      operator TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('create', 'update', 'cancel', 'restore', 'move-in', 'move-out', 'set-head')),
      entity TEXT NOT NULL CHECK (entity IN ('household', 'person', 'region')),
      entity_id TEXT NOT NULL,
      household_id INTEGER,
      label TEXT NOT NULL,
      batch_id INTEGER REFERENCES import_batches (id),
      changes TEXT NOT NULL DEFAULT '[]'
    ) STRICT`);
    await run(`CREATE INDEX audit_entity ON audit_log (entity, entity_id, id)`);
    await run(`CREATE INDEX audit_household ON audit_log (household_id, id) WHERE household_id IS NOT NULL`);
    await run(`CREATE INDEX audit_batch ON audit_log (batch_id) WHERE batch_id IS NOT NULL`);

    // Substring search over names, ID numbers and phones (trigram: any 3+ characters, e.g. the last
    // 4–6 digits of an ID), kept in step with persons by triggers. Bulk loads (sample data, imports)
    // drop the insert triggers inside their transaction, index their new rows in one statement and
    // re-create the triggers before committing (main/core/persons/search-index.ts).
    await run(`CREATE VIRTUAL TABLE person_search USING fts5(
      name, id_number, phone, content = 'persons', content_rowid = 'id', tokenize = 'trigram'
    )`);
    await run(`CREATE TRIGGER persons_search_insert AFTER INSERT ON persons BEGIN
      INSERT INTO person_search (rowid, name, id_number, phone) VALUES (new.id, new.name, new.id_number, new.phone);
    END`);
    await run(`CREATE TRIGGER persons_search_delete AFTER DELETE ON persons BEGIN
      INSERT INTO person_search (person_search, rowid, name, id_number, phone)
      VALUES ('delete', old.id, old.name, old.id_number, old.phone);
    END`);
    await run(`CREATE TRIGGER persons_search_update AFTER UPDATE OF name, id_number, phone ON persons BEGIN
      INSERT INTO person_search (person_search, rowid, name, id_number, phone)
      VALUES ('delete', old.id, old.name, old.id_number, old.phone);
      INSERT INTO person_search (rowid, name, id_number, phone) VALUES (new.id, new.name, new.id_number, new.phone);
    END`);
    await run(`INSERT INTO person_search (person_search) VALUES ('rebuild')`);

    // The same for a household's own 户编号 and phone (members' phones are in person_search).
    await run(`CREATE VIRTUAL TABLE household_search USING fts5(
      household_no, phone, content = 'households', content_rowid = 'id', tokenize = 'trigram'
    )`);
    await run(`CREATE TRIGGER households_search_insert AFTER INSERT ON households BEGIN
      INSERT INTO household_search (rowid, household_no, phone) VALUES (new.id, new.household_no, new.phone);
    END`);
    await run(`CREATE TRIGGER households_search_delete AFTER DELETE ON households BEGIN
      INSERT INTO household_search (household_search, rowid, household_no, phone)
      VALUES ('delete', old.id, old.household_no, old.phone);
    END`);
    await run(`CREATE TRIGGER households_search_update AFTER UPDATE OF household_no, phone ON households BEGIN
      INSERT INTO household_search (household_search, rowid, household_no, phone)
      VALUES ('delete', old.id, old.household_no, old.phone);
      INSERT INTO household_search (rowid, household_no, phone) VALUES (new.id, new.household_no, new.phone);
    END`);
    await run(`INSERT INTO household_search (household_search) VALUES ('rebuild')`);

    // Households are listed by region and sorted by any column; these cover the common orders.
    await run(`CREATE INDEX households_village_no ON households (village_code, household_no)`);
    await run(`CREATE INDEX households_head_name ON households (head_name)`);
    await run(`CREATE INDEX persons_phone ON persons (phone) WHERE phone IS NOT NULL`);
  });
}
