// 数据质量 (issue 12): the findings of the last check, one row per rule and record, with its 豁免 (a clerk's
// 已核实无误 with reason, operator and date, valid while the fingerprint of the values the rule looked at is
// unchanged) and the 问题整改 record it was turned into (closed when the finding stops firing).
import { sql, type Kysely } from 'kysely';

const STATEMENTS: readonly string[] = [
  `CREATE TABLE quality_findings (
    id INTEGER PRIMARY KEY,
    rule_id TEXT NOT NULL,
    subject_key TEXT NOT NULL,
    household_id INTEGER REFERENCES households (id),
    person_id INTEGER REFERENCES persons (id),
    record_ledger TEXT,
    record_id INTEGER,
    region_code TEXT REFERENCES regions (code),
    township_code TEXT REFERENCES regions (code),
    message TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    first_found TEXT NOT NULL,
    last_found TEXT NOT NULL,
    exempt_reason TEXT,
    exempt_by TEXT,
    exempt_at TEXT,
    exempt_fingerprint TEXT,
    rectification_id INTEGER,
    UNIQUE (rule_id, subject_key)
  ) STRICT`,
  `CREATE INDEX quality_findings_household ON quality_findings (household_id) WHERE household_id IS NOT NULL`,
  `CREATE INDEX quality_findings_region ON quality_findings (township_code, region_code)`,
  // When each region was last checked, so a screen can say how fresh its figures are.
  `CREATE TABLE quality_runs (
    id INTEGER PRIMARY KEY,
    region_code TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    households INTEGER NOT NULL,
    findings INTEGER NOT NULL,
    new_findings INTEGER NOT NULL,
    closed_rectifications INTEGER NOT NULL
  ) STRICT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(trx);
  });
}
