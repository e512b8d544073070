// A ledger with a `reportIndex` (基本医疗, 外出务工) keeps on each record the household and village its person
// belongs to now, so a county report groups the records by village as it scans one covering index instead
// of looking up 400,000 persons and households and sorting them (docs/reports.md「速度」). The two columns
// are a copy kept by triggers — whichever write path adds a record, gives it another person, moves a person
// to another household or a household to another village — never written by the program itself.
import type { LedgerDef } from './define.ts';

/** The machinery columns a `reportIndex` ledger adds, with their definitions. */
export const REPORT_PLACE_COLUMNS = {
  household: 'report_household_id',
  village: 'report_village_code',
} as const;

const HOUSEHOLD = REPORT_PLACE_COLUMNS.household;
const VILLAGE = REPORT_PLACE_COLUMNS.village;

/** The household and village of the person `personId` names (an SQL expression). */
const placeOf = (personId: string) =>
  `(SELECT h.id, h.village_code FROM persons p JOIN households h ON h.id = p.household_id WHERE p.id = ${personId})`;

export const reportPlaceColumnSql = [`${HOUSEHOLD} INTEGER`, `${VILLAGE} TEXT`] as const;

/**
 * The covering indexes, name → columns: `_report` (年度, village, the tested columns, the summed ones) for
 * grouping the records by village and condition columns as it is scanned; `_report_household` (household,
 * 年度, the columns kept per household, village) for recomputing a household's row of the 户数 summary
 * (report-households.ts) from a few index entries; `_report_person` (年度, person) for the check whether a
 * person has two records in the 年度 (then 人数 must be DISTINCT).
 */
export function reportIndexes(def: LedgerDef): Record<string, string[]> {
  const index = def.reportIndex;
  if (!index) return {};
  const t = `ledger_${def.id}`;
  return {
    [`${t}_report`]: [index.year, VILLAGE, ...index.groupBy, ...(index.sums ?? [])],
    ...(index.households !== undefined && index.households.length > 0
      ? { [`${t}_report_household`]: [HOUSEHOLD, index.year, ...index.households, VILLAGE] }
      : {}),
    [`${t}_report_person`]: [index.year, 'person_id'],
  };
}

export function reportIndexSql(def: LedgerDef): string[] {
  if (!def.reportIndex) return [];
  if (def.subject !== 'person' || def.personOptional === true)
    throw new Error(`ledger ${def.id}: a reportIndex needs a person ledger whose records all have a person`);
  return Object.entries(reportIndexes(def)).map(
    ([name, columns]) => `CREATE INDEX ${name} ON ledger_${def.id} (${columns.join(', ')})`,
  );
}

/** The statement that brings the two columns of the records a file already holds up to date. */
export function reportPlaceFillSql(def: LedgerDef): string[] {
  if (!def.reportIndex) return [];
  const t = `ledger_${def.id}`;
  return [`UPDATE ${t} SET (${HOUSEHOLD}, ${VILLAGE}) = ${placeOf(`${t}.person_id`)}`];
}

/**
 * The triggers that keep the two columns: on the ledger (a new record, another person) and on persons and
 * households (a person moved to another household — 分户, 迁入 —, a household moved to another village).
 * One line each, as `ledger-sql` prints them for a migration.
 */
export function reportPlaceTriggers(def: LedgerDef): string[] {
  if (!def.reportIndex) return [];
  const t = `ledger_${def.id}`;
  const fromPerson = `UPDATE ${t} SET (${HOUSEHOLD}, ${VILLAGE}) = ${placeOf('new.person_id')} WHERE id = new.id;`;
  return [
    `CREATE TRIGGER ${t}_place_insert AFTER INSERT ON ${t} BEGIN ${fromPerson} END`,
    `CREATE TRIGGER ${t}_place_person AFTER UPDATE OF person_id ON ${t} BEGIN ${fromPerson} END`,
    `CREATE TRIGGER ${t}_place_member AFTER UPDATE OF household_id ON persons WHEN old.household_id IS NOT new.household_id BEGIN UPDATE ${t} SET (${HOUSEHOLD}, ${VILLAGE}) = (SELECT h.id, h.village_code FROM households h WHERE h.id = new.household_id) WHERE person_id = new.id; END`,
    `CREATE TRIGGER ${t}_place_household AFTER UPDATE OF village_code ON households WHEN old.village_code IS NOT new.village_code BEGIN UPDATE ${t} SET ${VILLAGE} = new.village_code WHERE person_id IN (SELECT p.id FROM persons p WHERE p.household_id = new.id); END`,
  ];
}
