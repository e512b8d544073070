// 一户一策 帮扶计划: the plan of a household for one 年度 and its 帮扶措施 (一人一措施 where a measure names a
// member), as shared/ledgers/defs/household-plans.ts defines them (printed by `npm run ledger -- ledger-sql
// household_plans household_plan_measures`). New tables only: no existing row changes.
import { sql, type Kysely } from 'kysely';

const STATEMENTS: readonly string[] = [
  `CREATE TABLE ledger_household_plans (
    id INTEGER PRIMARY KEY,
    household_id INTEGER NOT NULL REFERENCES households (id),
    year INTEGER CHECK (year BETWEEN 2014 AND 2100),
    labor_count INTEGER CHECK (labor_count BETWEEN 0 AND 30),
    causes TEXT,
    risks TEXT,
    risk_note TEXT,
    income_base REAL CHECK (income_base >= 0),
    income_target REAL CHECK (income_target >= 0),
    goal TEXT,
    helper TEXT,
    helper_unit TEXT,
    resident_team TEXT,
    plan_date TEXT CHECK (plan_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    signed_date TEXT CHECK (signed_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    reviewed_date TEXT CHECK (reviewed_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    remark TEXT,
    origin TEXT NOT NULL CHECK (origin IN ('manual', 'import', 'demo')),
    batch_id INTEGER REFERENCES import_batches (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX ledger_household_plans_household ON ledger_household_plans (household_id)`,
  `CREATE INDEX ledger_household_plans_batch ON ledger_household_plans (batch_id) WHERE batch_id IS NOT NULL`,
  `CREATE TABLE ledger_household_plan_measures (
    id INTEGER PRIMARY KEY,
    household_id INTEGER NOT NULL REFERENCES households (id),
    parent_id INTEGER NOT NULL REFERENCES ledger_household_plans (id),
    category TEXT,
    measure TEXT,
    member TEXT,
    responsible TEXT,
    deadline TEXT CHECK (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    expected_income REAL CHECK (expected_income >= 0),
    progress TEXT,
    progress_note TEXT,
    source TEXT,
    remark TEXT,
    origin TEXT NOT NULL CHECK (origin IN ('manual', 'import', 'demo')),
    batch_id INTEGER REFERENCES import_batches (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX ledger_household_plan_measures_household ON ledger_household_plan_measures (household_id)`,
  `CREATE INDEX ledger_household_plan_measures_parent ON ledger_household_plan_measures (parent_id)`,
  `CREATE INDEX ledger_household_plan_measures_batch ON ledger_household_plan_measures (batch_id) WHERE batch_id IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(trx);
  });
}
