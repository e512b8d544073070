// The core ledger: settings, code-table extensions, the region tree, import batches,
// households and persons. Frozen once landed: later changes go into new migrations.
import { sql, type Kysely } from 'kysely';

// Kysely's Migrator does not wrap SQLite migrations in a transaction (no transactional DDL
// support declared for SQLite), so each migration opens its own.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const run = (statement: string) => sql.raw(statement).execute(trx);

    await run(`CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`);

    // County-added code-table items; built-in items live in shared/code-tables.
    await run(`CREATE TABLE code_items (
      table_key TEXT NOT NULL,
      code TEXT NOT NULL,
      label TEXT NOT NULL,
      aliases TEXT NOT NULL DEFAULT '[]',
      retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
      created_at TEXT NOT NULL,
      PRIMARY KEY (table_key, code)
    ) STRICT`);

    await run(`CREATE TABLE import_batches (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('import', 'demo')),
      file_name TEXT,
      sha256 TEXT,
      sheet TEXT,
      operator TEXT NOT NULL,
      summary TEXT NOT NULL DEFAULT '{}',
      created_at TEXT NOT NULL
    ) STRICT`);

    // county → township → village → group. Official 12-digit codes for county/township/village
    // (the county and township padded to 12 digits); groups get '<village code>-NN'.
    await run(`CREATE TABLE regions (
      code TEXT PRIMARY KEY,
      parent_code TEXT REFERENCES regions (code),
      level TEXT NOT NULL CHECK (level IN ('county', 'township', 'village', 'group')),
      name TEXT NOT NULL,
      official_name TEXT,
      sort_order INTEGER NOT NULL DEFAULT 0,
      origin TEXT NOT NULL CHECK (origin IN ('official', 'manual', 'import', 'demo')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`);
    await run(`CREATE INDEX regions_parent ON regions (parent_code, sort_order)`);

    await run(`CREATE TABLE households (
      id INTEGER PRIMARY KEY,
      household_no TEXT NOT NULL UNIQUE,
      township_code TEXT NOT NULL REFERENCES regions (code),
      village_code TEXT NOT NULL REFERENCES regions (code),
      group_code TEXT REFERENCES regions (code),
      head_name TEXT,
      head_id_number TEXT,
      poverty_attribute TEXT,
      household_type TEXT,
      monitor_category TEXT,
      poverty_status TEXT,
      exit_year INTEGER,
      main_cause TEXT,
      other_causes TEXT,
      member_count INTEGER NOT NULL DEFAULT 0,
      phone TEXT,
      address TEXT,
      identification_standard TEXT,
      first_identified_year INTEGER,
      year INTEGER NOT NULL,
      status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
      cancel_reason TEXT,
      cancel_note TEXT,
      cancel_date TEXT,
      origin TEXT NOT NULL CHECK (origin IN ('manual', 'import', 'demo')),
      batch_id INTEGER REFERENCES import_batches (id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`);
    await run(`CREATE INDEX households_village ON households (village_code, status)`);
    await run(`CREATE INDEX households_township ON households (township_code, status)`);
    await run(`CREATE INDEX households_batch ON households (batch_id) WHERE batch_id IS NOT NULL`);

    await run(`CREATE TABLE persons (
      id INTEGER PRIMARY KEY,
      household_id INTEGER NOT NULL REFERENCES households (id),
      name TEXT NOT NULL,
      id_type TEXT NOT NULL DEFAULT '01',
      id_number TEXT NOT NULL UNIQUE,
      id_flagged INTEGER NOT NULL DEFAULT 0 CHECK (id_flagged IN (0, 1)),
      sex TEXT NOT NULL,
      birth_date TEXT,
      ethnicity TEXT,
      relation TEXT NOT NULL,
      education TEXT,
      school_status TEXT,
      health TEXT,
      labor_skill TEXT,
      work_months INTEGER CHECK (work_months BETWEEN 0 AND 12),
      political_status TEXT,
      medical_insurance INTEGER CHECK (medical_insurance IN (0, 1)),
      serious_illness_insurance INTEGER CHECK (serious_illness_insurance IN (0, 1)),
      pension_insurance INTEGER CHECK (pension_insurance IN (0, 1)),
      dibao INTEGER CHECK (dibao IN (0, 1)),
      tekun INTEGER CHECK (tekun IN (0, 1)),
      phone TEXT,
      year INTEGER NOT NULL,
      status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
      cancel_reason TEXT,
      cancel_note TEXT,
      cancel_date TEXT,
      origin TEXT NOT NULL CHECK (origin IN ('manual', 'import', 'demo')),
      batch_id INTEGER REFERENCES import_batches (id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`);
    await run(`CREATE INDEX persons_household ON persons (household_id, status)`);
    await run(`CREATE INDEX persons_name ON persons (name)`);
    await run(`CREATE INDEX persons_batch ON persons (batch_id) WHERE batch_id IS NOT NULL`);
  });
}
