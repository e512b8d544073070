// Issue 14 (item 12): a 专项台账's record list sorted by one of its columns pages by key like the
// newest-first list (main/core/households/list-page.ts): one index (column, id) per field its definition
// declares sortable (`sortColumns`: dates, years, codes, amounts, names), so the first page after choosing
// a sort column reads 100 entries of an index instead of sorting every record (外出务工 at 100,000
// households: 93,777 records), and the key at any offset is read from the index alone. The column lists
// are the definitions' `sortColumns` at the time of this migration; tests/integration/migration-0016.test.ts
// compares the statements with what `ledger-sql --db` prints for a file of 0015.
import { sql, type Kysely } from 'kysely';

/** Each ledger table's sortable columns (LedgerDef.sortColumns when this migration was written). */
const SORT_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  ledger_migrant_work: [
    'year',
    'status',
    'planned_destination',
    'destination',
    'employer',
    'start_date',
    'monthly_income',
    'slip_serial',
    'receipt_date',
  ],
  ledger_public_welfare_jobs: [
    'job_type',
    'fund_source',
    'start_date',
    'end_date',
    'months',
    'monthly_subsidy',
    'annual_paid',
  ],
  ledger_enterprises: ['type', 'leader', 'employees', 'poor_employees', 'resume_status'],
  ledger_enterprise_workers: ['employment_form', 'status', 'hire_date', 'monthly_wage'],
  ledger_housing_renovation: [
    'target_category',
    'danger_level',
    'method',
    'progress',
    'subsidy_standard',
    'paid_amount',
  ],
  ledger_medical_insurance: ['year', 'subsidy_category', 'subsidy_amount', 'not_insured_reason'],
  ledger_compulsory_education: ['school', 'grade', 'attendance', 'dropout_reason', 'return_date'],
  ledger_dropout_persuasion: ['date', 'method', 'result'],
  ledger_drinking_water: ['source_type', 'measure', 'solved_date'],
  ledger_micro_credit: [
    'contract_no',
    'borrower_name',
    'amount',
    'bank',
    'loan_date',
    'due_date',
    'balance',
    'status',
  ],
  ledger_poverty_projects: [
    'project_no',
    'name',
    'type',
    'status',
    'fund_total',
    'paid_amount',
    'beneficiary_poor_households',
  ],
  ledger_relapse_monitoring: ['category', 'identified_date', 'helper', 'eliminate_method', 'eliminated_date'],
  ledger_basic_assistance: [
    'dibao_category',
    'dibao_monthly',
    'tekun_mode',
    'disability_category',
    'disability_grade',
  ],
  ledger_temporary_relief: ['relief_date', 'reason', 'cash', 'goods_value'],
  ledger_relocation: ['relocation_year', 'relocation_mode', 'settlement_mode', 'site_name'],
  ledger_returnee_screening: [
    'risk_level',
    'return_date',
    'health_code',
    'control',
    'control_end',
    'case_status',
  ],
  ledger_helpers: ['name', 'role', 'unit', 'days_on_duty'],
  ledger_helper_visits: ['visit_date', 'visitor', 'mode', 'fix_deadline'],
  ledger_household_plans: ['year', 'labor_count', 'helper', 'plan_date', 'signed_date', 'reviewed_date'],
  ledger_household_plan_measures: ['category', 'responsible', 'deadline', 'expected_income', 'progress'],
  ledger_rectification: [
    'found_date',
    'source',
    'category',
    'resp_person',
    'deadline',
    'status',
    'closed_date',
  ],
  ledger_consumption_aid: ['product', 'seller', 'quantity', 'channel', 'amount'],
  ledger_epidemic_supplies: ['name', 'category', 'keeper'],
  ledger_supply_movements: ['direction', 'movement_date', 'quantity', 'handler'],
  ledger_recovered_health: ['case_type', 'discharge_date', 'doctor', 'responsible', 'manage_end'],
  ledger_recovered_followups: ['followup_date', 'follower', 'temperature', 'test_result'],
  ledger_special_care: ['guardian_name', 'guardian_relation', 'caretaker'],
  ledger_care_visits: ['visit_date', 'visitor', 'mode'],
  ledger_unregistered_persons: [
    'name',
    'sex',
    'birth_date',
    'host_name',
    'reason',
    'progress',
    'settle_date',
  ],
  ledger_petitions: ['source', 'petition_date', 'petitioner', 'category', 'truth', 'status'],
};

/** Exported for the test that compares them with `ledger-sql ID --db` on a file of 0015. */
export const STATEMENTS: readonly string[] = Object.entries(SORT_COLUMNS).flatMap(([table, columns]) =>
  columns.map((c) => `CREATE INDEX ${table}_sort_${c} ON ${table} (${c}, id)`),
);

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(trx);
  });
}
