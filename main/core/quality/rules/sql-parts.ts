// SQL fragments the rules share. Fixed text only: values always come as named parameters.

/** Households in the run's scope (filled by the engine: a region, or the households an import touched). */
export const SCOPE = 'h.id IN (SELECT id FROM temp.quality_scope)';
/** Regions (any level) inside the run's region, for records that hang on a region and no household. */
export const REGION_SCOPE = (alias: string) =>
  `${alias}.region_code IN (SELECT code FROM temp.quality_regions)`;

/** Whole years of age at @asof from a YYYY-MM-DD birth date column. */
export const age = (birth: string) =>
  `(CAST(substr(@asof, 1, 4) AS INTEGER) - CAST(substr(${birth}, 1, 4) AS INTEGER) - (substr(@asof, 6, 5) < substr(${birth}, 6, 5)))`;

/** Whole years of age on 1 September of the school year @asof falls in: who is 义务教育适龄 (6–15). */
export const schoolAge = (birth: string) =>
  `(CAST(substr(@school_date, 1, 4) AS INTEGER) - CAST(substr(${birth}, 1, 4) AS INTEGER) - (substr(@school_date, 6, 5) < substr(${birth}, 6, 5)))`;

/** 在校生 from 小学 up (学前教育 and 学龄前儿童 are not students for the labour rules). */
export const IN_SCHOOL = (p: string) =>
  `(${p}.school_status IS NOT NULL AND ${p}.school_status NOT IN ('01', '02', '17'))`;

/** Whether a 'codes' column (comma-separated) holds one code. */
export const hasCode = (column: string, code: string) =>
  `instr(',' || COALESCE(${column}, '') || ',', ',${code},') > 0`;

/** The columns every person rule returns first, from persons p joined to households h. */
export const PERSON_COLUMNS =
  'h.id AS household_id, p.id AS person_id, NULL AS record_id, h.village_code AS region_code, h.household_no, p.name';
export const PERSON_FROM = `persons p JOIN households h ON h.id = p.household_id
  WHERE p.status = 'active' AND h.status = 'active' AND ${SCOPE}`;

export const HOUSEHOLD_COLUMNS =
  'h.id AS household_id, NULL AS person_id, NULL AS record_id, h.village_code AS region_code, h.household_no, h.head_name AS name';

/** A person rule: `select` adds the checked values, `where` the condition (p, h in scope). */
export const personSql = (select: string, where: string, joins = '') =>
  `SELECT ${PERSON_COLUMNS}, ${select} FROM persons p JOIN households h ON h.id = p.household_id ${joins}
   WHERE p.status = 'active' AND h.status = 'active' AND ${SCOPE} AND (${where})`;

/** A record rule over a person ledger `r` (its person p and household h active and in scope). */
export const personRecordSql = (ledger: string, select: string, where: string, joins = '') =>
  `SELECT h.id AS household_id, p.id AS person_id, r.id AS record_id, h.village_code AS region_code, h.household_no, p.name, ${select}
   FROM ledger_${ledger} r JOIN persons p ON p.id = r.person_id JOIN households h ON h.id = p.household_id ${joins}
   WHERE h.status = 'active' AND ${SCOPE} AND (${where})`;

/** A record rule over a household ledger `r` (its household h active and in scope). */
export const householdRecordSql = (ledger: string, select: string, where: string, joins = '') =>
  `SELECT h.id AS household_id, NULL AS person_id, r.id AS record_id, h.village_code AS region_code, h.household_no, h.head_name AS name, ${select}
   FROM ledger_${ledger} r JOIN households h ON h.id = r.household_id ${joins}
   WHERE h.status = 'active' AND ${SCOPE} AND (${where})`;

/** A record rule over a region ledger `r` (records in the run's region, with their household if any). */
export const regionRecordSql = (ledger: string, select: string, where: string) =>
  `SELECT r.household_id AS household_id, NULL AS person_id, r.id AS record_id, r.region_code AS region_code, h.household_no, h.head_name AS name, ${select}
   FROM ledger_${ledger} r LEFT JOIN households h ON h.id = r.household_id
   WHERE ${REGION_SCOPE('r')} AND (${where})`;
