// 户数 at county scale (外出务工: a household once in each 去向 column it has a member in, once in 合计). A
// `reportIndex` with `households` keeps one row per household and 年度 beside the ledger: its village and
// the distinct value tuples its records hold in those columns (`report_keys`, a sorted JSON array such as
// [[1,"01","01","01"],[1,"04",null,null]]). Households with the same tuples in a village are one group, so
// a county report counts a column's households as Σ over (village, tuples) groups of those whose tuples
// meet the condition — a few thousand groups instead of 60,000 households' records walked one by one
// (docs/reports.md「速度」). The rows are a copy kept by triggers on the ledger table: every write path that
// changes a record's 年度, household, village or tested columns (a new record, an edit, a delete, a record
// given another person, 合户/分户 and a household moved to another village through the place triggers of
// report-place.ts, import and its undo) recomputes the two (household, 年度) pairs it touches.
import type { LedgerDef } from './define.ts';
import { REPORT_PLACE_COLUMNS } from './report-place.ts';

const HOUSEHOLD = REPORT_PLACE_COLUMNS.household;
const VILLAGE = REPORT_PLACE_COLUMNS.village;

/** The summary table of a ledger and its columns (the 年度 column keeps the ledger's name for it). */
export const reportHouseholdsTable = (def: Pick<LedgerDef, 'id'>): string =>
  `ledger_${def.id}_report_households`;
export const REPORT_HOUSEHOLD_COLUMNS = {
  household: 'household_id',
  village: 'village_code',
  keys: 'report_keys',
} as const;
const H = REPORT_HOUSEHOLD_COLUMNS;

/** The columns a ledger keeps per household, or [] when its reports count no households this way. */
export const reportHouseholdKeys = (def: LedgerDef): readonly string[] => def.reportIndex?.households ?? [];

/** The row of household `household` in 年度 `year` as the ledger's records make it (none without records). */
function rowsOf(def: LedgerDef, where: string): string {
  const index = def.reportIndex;
  if (!index) throw new Error(`ledger ${def.id}: no reportIndex`);
  const t = `ledger_${def.id}`;
  const tuple = `json_array(${reportHouseholdKeys(def).join(', ')})`;
  return (
    `SELECT ${index.year}, ${HOUSEHOLD}, max(${VILLAGE}), '[' || group_concat(DISTINCT ${tuple} ORDER BY ${tuple}) || ']' ` +
    `FROM ${t} WHERE ${where} GROUP BY ${index.year}, ${HOUSEHOLD}`
  );
}

/** The table, its report index and its rows for the records a file already holds. */
export function reportHouseholdsSql(def: LedgerDef): string[] {
  const index = def.reportIndex;
  if (!index || reportHouseholdKeys(def).length === 0) return [];
  const s = reportHouseholdsTable(def);
  return [
    `CREATE TABLE ${s} (${index.year} INTEGER NOT NULL, ${H.household} INTEGER NOT NULL, ${H.village} TEXT, ${H.keys} TEXT NOT NULL, PRIMARY KEY (${index.year}, ${H.household})) STRICT, WITHOUT ROWID`,
    // In the order the report groups them: 年度, village, the tuples.
    `CREATE INDEX ${s}_report ON ${s} (${index.year}, ${H.village}, ${H.keys})`,
    `INSERT INTO ${s} (${index.year}, ${H.household}, ${H.village}, ${H.keys}) ${rowsOf(def, `${index.year} IS NOT NULL AND ${HOUSEHOLD} IS NOT NULL`)}`,
  ];
}

/**
 * The triggers that keep the rows: after a record is added, changed in a way the rows see, or deleted, the
 * rows of its old and new (household, 年度) are recomputed from the ledger. The place triggers
 * (report-place.ts) update a record's household and village, which fires these.
 */
export function reportHouseholdsTriggers(def: LedgerDef): string[] {
  const index = def.reportIndex;
  const keys = reportHouseholdKeys(def);
  if (!index || keys.length === 0) return [];
  const t = `ledger_${def.id}`;
  const s = reportHouseholdsTable(def);
  const y = index.year;
  const recompute = (year: string, household: string, only = '') =>
    `DELETE FROM ${s} WHERE ${y} = ${year} AND ${H.household} = ${household}${only}; ` +
    `INSERT INTO ${s} (${y}, ${H.household}, ${H.village}, ${H.keys}) ${rowsOf(def, `${y} = ${year} AND ${HOUSEHOLD} = ${household}${only}`)};`;
  // The old pair only when the record left it (another 年度 or household): else the new pair is the same.
  const left = ` AND (old.${y} IS NOT new.${y} OR old.${HOUSEHOLD} IS NOT new.${HOUSEHOLD})`;
  const seen = [y, HOUSEHOLD, VILLAGE, ...keys];
  const changed = seen.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ');
  return [
    // A record inserted with its place already given (none of the program's paths: the place trigger sets
    // it with an UPDATE, which fires the next trigger — once per new record, whichever runs first).
    `CREATE TRIGGER ${t}_households_insert AFTER INSERT ON ${t} WHEN new.${HOUSEHOLD} IS NOT NULL BEGIN ${recompute('new.' + y, 'new.' + HOUSEHOLD)} END`,
    `CREATE TRIGGER ${t}_households_update AFTER UPDATE OF ${seen.join(', ')} ON ${t} WHEN ${changed} BEGIN ${recompute('old.' + y, 'old.' + HOUSEHOLD, left)} ${recompute('new.' + y, 'new.' + HOUSEHOLD)} END`,
    `CREATE TRIGGER ${t}_households_delete AFTER DELETE ON ${t} BEGIN ${recompute('old.' + y, 'old.' + HOUSEHOLD)} END`,
  ];
}
