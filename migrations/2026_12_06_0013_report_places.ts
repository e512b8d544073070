// 报表 at county scale (issue 10, docs/reports.md「速度」): 基本医疗 and 外出务工 records keep their person's
// household and village (report_household_id, report_village_code), filled here for the records a file
// already holds and kept from now on by triggers on the ledger, persons and households; a covering index
// (年度, village and the columns the reports test) lets a county report group 400,000 records as it scans it
// (基本医疗参保情况表 on the sample county: 517 → ~100 ms CPU), another (年度, village, household …) count
// 外出务工's households one after another, and (年度, person) check whether a person has two records.
// persons_report covers the member columns the register reports test (劳动技能, 享受低保) beside the household.
// The statements are what shared/ledgers (table-sql.ts, report-place.ts) generate for the two
// definitions; tests/integration/report-place.test.ts compares a migrated file with them.
import { sql, type Kysely } from 'kysely';

const placeOf = (personId: string) =>
  `(SELECT h.id, h.village_code FROM persons p JOIN households h ON h.id = p.household_id WHERE p.id = ${personId})`;

const columns = (t: string) => [
  `ALTER TABLE ${t} ADD COLUMN report_household_id INTEGER`,
  `ALTER TABLE ${t} ADD COLUMN report_village_code TEXT`,
  `UPDATE ${t} SET (report_household_id, report_village_code) = ${placeOf(`${t}.person_id`)}`,
];

const triggers = (t: string) => {
  const fromPerson = `UPDATE ${t} SET (report_household_id, report_village_code) = ${placeOf('new.person_id')} WHERE id = new.id;`;
  return [
    `CREATE TRIGGER ${t}_place_insert AFTER INSERT ON ${t} BEGIN ${fromPerson} END`,
    `CREATE TRIGGER ${t}_place_person AFTER UPDATE OF person_id ON ${t} BEGIN ${fromPerson} END`,
    `CREATE TRIGGER ${t}_place_member AFTER UPDATE OF household_id ON persons WHEN old.household_id IS NOT new.household_id BEGIN UPDATE ${t} SET (report_household_id, report_village_code) = (SELECT h.id, h.village_code FROM households h WHERE h.id = new.household_id) WHERE person_id = new.id; END`,
    `CREATE TRIGGER ${t}_place_household AFTER UPDATE OF village_code ON households WHEN old.village_code IS NOT new.village_code BEGIN UPDATE ${t} SET report_village_code = new.village_code WHERE person_id IN (SELECT p.id FROM persons p WHERE p.household_id = new.id); END`,
  ];
};

const STATEMENTS: readonly string[] = [
  ...columns('ledger_medical_insurance'),
  `CREATE INDEX ledger_medical_insurance_report ON ledger_medical_insurance (year, report_village_code, insured, employee_insured, subsidy_category, not_insured_reason, chronic_card, critical_illness, family_doctor, subsidy_amount)`,
  `CREATE INDEX ledger_medical_insurance_report_person ON ledger_medical_insurance (year, person_id)`,
  ...triggers('ledger_medical_insurance'),
  ...columns('ledger_migrant_work'),
  `CREATE INDEX ledger_migrant_work_report ON ledger_migrant_work (year, report_village_code, planned, planned_destination, status, destination, point_to_point, transport_subsidy)`,
  `CREATE INDEX ledger_migrant_work_report_household ON ledger_migrant_work (year, report_village_code, report_household_id, planned, planned_destination, status, destination, point_to_point, transport_subsidy)`,
  `CREATE INDEX ledger_migrant_work_report_person ON ledger_migrant_work (year, person_id)`,
  ...triggers('ledger_migrant_work'),
  `CREATE INDEX persons_report ON persons (household_id, status, labor_skill, dibao)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(trx);
  });
}
