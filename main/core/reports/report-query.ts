// One report source (a thematic ledger or the register) as one Kysely query: each measure of that source
// as an aggregate, grouped by the village the record reaches. Distinct 户数 and 人数 add up across
// villages (a household lives in one village), so 小计 and 合计 are sums of these rows.
import {
  expressionBuilder,
  sql,
  type AliasableExpression,
  type CompiledQuery,
  type Expression,
  type RawBuilder,
  type SqlBool,
} from 'kysely';
import type { LedgerDef } from '../../../shared/ledgers/define.ts';
import { ledgerTableName } from '../../../shared/ledgers/index.ts';
import {
  REPORT_HOUSEHOLD_COLUMNS,
  reportHouseholdKeys,
  reportHouseholdsTable,
} from '../../../shared/ledgers/report-households.ts';
import { REPORT_PLACE_COLUMNS } from '../../../shared/ledgers/report-place.ts';
import type { ReportMeasure, ReportWhere } from '../../../shared/reports/define.ts';
import { whereList } from '../../../shared/reports/define.ts';
import type { Ledger } from '../db/open-ledger.ts';
import type { DB } from '../db/tables.ts';
import type { RegionNode } from '../regions/region-tree.ts';

/** A thematic ledger's table as the report queries see it: the machinery's columns and its fields. */
interface RecordTable {
  id: number;
  person_id: number | null;
  household_id: number | null;
  region_code: string | null;
  [field: string]: string | number | null;
}

/** Every ledger table has this shape; the report aliases the one it counts as r. */
type LedgerTables = Record<`ledger_${string}`, RecordTable>;
type ReportDB = DB & LedgerTables;

// Conditions and aggregates name their columns with sql.ref (column names come from the definitions,
// checked against the ledger tables in tests), so one builder serves every source.
const eb = expressionBuilder<ReportDB, never>();

export interface SourceQuery {
  /** The ledger counted, or null for the register. */
  def: LedgerDef | null;
  measures: readonly ReportMeasure[];
  region: RegionNode;
  /** The 年度 field and the 年度 counted (ledgers kept by 年度), else null. */
  year: { column: string; value: number | null } | null;
  asOf: string;
}

/** Village code → measure key → value; '' for records whose place is unknown. */
export type UnitValues = Map<string, Record<string, number>>;

const whose = { record: 'r', household: 'h', person: 'p' } as const;

/** A column of the record, its household or its person (names come from the definitions, never the user). */
export const column = (w: { column: string; on?: 'record' | 'household' | 'person' }, register: boolean) =>
  sql.ref<string | number | null>(`${whose[w.on ?? (register ? 'person' : 'record')]}.${w.column}`);

export function condition(w: ReportWhere, def: LedgerDef | null, asOf: string): Expression<SqlBool> {
  const ref = column(w, def === null);
  if ('positive' in w) return eb(ref, '>', 0);
  if ('byAsOf' in w) return eb(ref, '<=', asOf);
  if ('beforeAsOf' in w) return eb(ref, '<', asOf);
  const given = w.in.filter((v) => v !== '');
  const multi = def?.fields.find((f) => f.column === w.column)?.type === 'codes';
  const parts: Expression<SqlBool>[] = multi
    ? given.map((v) => eb(sql<string>`',' || ${ref} || ','`, 'like', `%,${String(v)},%`))
    : given.length > 0
      ? [eb(ref, 'in', given)]
      : [];
  if (given.length < w.in.length) parts.push(eb(ref, 'is', null));
  return eb.or(parts);
}

/** a = b on two columns, for joins on the aliased ledger table. */
const same = (a: string, b: string) => eb(sql.ref(a), '=', sql.ref(b));

/** The village a row of this source belongs to: its household's; a region record's own place first. */
export function unitOf(def: LedgerDef | null): RawBuilder<string> {
  if (def === null || def.subject === 'person' || def.subject === 'household')
    return def?.personOptional
      ? sql<string>`coalesce(h.village_code, substr(r.region_code, 1, 12))`
      : sql.ref<string>('h.village_code');
  return sql<string>`coalesce(substr(r.region_code, 1, 12), h.village_code)`;
}

/** Whose id a distinct person is: outsiders of a personOptional ledger count once per record. */
export function personOf(def: LedgerDef | null): RawBuilder<number> {
  if (def === null) return sql.ref<number>('p.id');
  return def.personOptional ? sql<number>`coalesce(r.person_id, -r.id)` : sql.ref<number>('r.person_id');
}

/**
 * How the register is read: its households one row each, grouped first by the household columns the
 * measures test (户数, 人数 as the sum of active members, household sums); or its active members with
 * their household (人数 under member conditions such as 劳动力, and 户数 that depend on a member).
 */
type RegisterShape = 'households' | 'members';
/** How a source's rows are read: a ledger's records, or the register's households or members. */
export type Shape = 'records' | RegisterShape;

export function registerShape(m: ReportMeasure): RegisterShape {
  const onHousehold = whereList('where' in m ? m.where : undefined).every((w) => w.on === 'household');
  if ((m.kind === 'households' || m.kind === 'persons') && onHousehold) return 'households';
  if (m.kind === 'sum' && m.on === 'household') {
    if (!onHousehold) throw new Error(`${m.key}: a household column summed under a person condition`);
    return 'households';
  }
  return 'members';
}

export function runSourceQuery(ledger: Ledger, q: SourceQuery): UnitValues {
  // One snapshot for the repeat checks and the queries that rely on them.
  return ledger.sqlite.transaction(() => {
    if (q.def !== null) return runRecords(ledger, q, q.def);
    const out: UnitValues = new Map();
    const merge = (part: UnitValues) => {
      for (const [unit, values] of part) out.set(unit, { ...out.get(unit), ...values });
    };
    // 人数 (a household's active members) are counted in the members' pass, grouped by the household
    // columns they test, rather than as a member count per household: one pass over persons_report
    // instead of 100,000 correlated counts (基本情况 county: 88 + 56 → see docs/reports.md「速度」).
    const households = q.measures.filter((m) => registerShape(m) === 'households' && m.kind !== 'persons');
    const members = q.measures.filter((m) => registerShape(m) === 'members' || m.kind === 'persons');
    if (households.length > 0) merge(runRegisterHouseholds(ledger, { ...q, measures: households }));
    if (members.length > 0) merge(runRegisterMembers(ledger, { ...q, measures: members }));
    return out;
  })();
}

/** The rows (unit, m0, m1, …) of a compiled query as village → measure → value. */
function read(ledger: Ledger, compiled: CompiledQuery, measures: readonly ReportMeasure[]): UnitValues {
  const rows = ledger.sqlite.prepare(compiled.sql).all(...compiled.parameters) as Record<string, unknown>[];
  const out: UnitValues = new Map();
  for (const row of rows) {
    const values: Record<string, number> = {};
    measures.forEach((m, i) => (values[m.key] = Number(row[`m${i}`] ?? 0)));
    out.set(typeof row.report_unit === 'string' ? row.report_unit : '', values);
  }
  return out;
}

const wheres = (m: ReportMeasure) => whereList('where' in m ? m.where : undefined);

/**
 * The conditions every measure of a query has (the 劳动力 of the register's one member measure): they go
 * into WHERE, so rows that fail them are neither joined nor aggregated (外出务工's 贫困劳动力 over 395,925
 * members: 190 → 85 ms CPU on a busy VM).
 */
function shared(measures: readonly ReportMeasure[]): ReportWhere[] {
  const [first, ...rest] = measures;
  if (!first) return [];
  const key = (w: ReportWhere) => JSON.stringify(w);
  return wheres(first).filter((w) => rest.every((m) => wheres(m).some((x) => key(x) === key(w))));
}

/** A measure's conditions but those in WHERE, as one expression (null: none). */
function when(
  m: ReportMeasure,
  def: LedgerDef | null,
  asOf: string,
  inWhere: readonly ReportWhere[] = [],
): Expression<SqlBool> | null {
  const skip = new Set(inWhere.map((w) => JSON.stringify(w)));
  const conds = wheres(m)
    .filter((w) => !skip.has(JSON.stringify(w)))
    .map((w) => condition(w, def, asOf));
  return conds.length === 0 ? null : eb.and(conds);
}

const picker =
  (cond: Expression<SqlBool> | null) =>
  <T>(value: Expression<T>): Expression<T | null> =>
    cond === null ? value : eb.case().when(cond).then(value).end();

const total = (value: Expression<unknown>) => eb.fn<number>('total', [value]);

/** The region asked for, on the village a row belongs to (the register: its household's places). */
function regionFilter(
  q: Pick<SourceQuery, 'def' | 'region'>,
  unit: Expression<string>,
): Expression<SqlBool>[] {
  if (q.region.level === 'township') {
    if (q.def === null) return [eb(sql.ref('h.township_code'), '=', q.region.code)];
    const prefix = q.region.code.slice(0, 9);
    return [eb(unit, '>=', prefix), eb(unit, '<', `${prefix}:`)];
  }
  if (q.region.level === 'village') return [eb(unit, '=', q.region.code)];
  return [];
}

/**
 * The register's households, grouped first by village and the household columns the measures test: each
 * measure's CASE then runs once per group (a few thousand) instead of once per household (100,000 in the
 * sample county: 217 → ~110 ms for 基本情况, docs/reports.md). A household's active members are counted
 * from the covering index persons (household_id, status), once per household.
 */
function runRegisterHouseholds(ledger: Ledger, q: SourceQuery): UnitValues {
  const unit = unitOf(null);
  const keys = [
    ...new Set(q.measures.flatMap((m) => whereList('where' in m ? m.where : undefined).map((w) => w.column))),
  ];
  const sums = [...new Set(q.measures.flatMap((m) => (m.kind === 'sum' ? [m.column] : [])))];
  const grouped = ledger.db
    .selectFrom('households as h')
    .select([
      unit.as('report_unit'),
      ...keys.map((k) => sql.ref(`h.${k}`).as(k)),
      eb.fn.countAll<number>().as('households'),
      ...sums.map((c) => total(sql.ref(`h.${c}`)).as(`sum_${c}`)),
    ])
    .where('h.status', '=', 'active')
    .where(eb.and(regionFilter(q, unit)))
    // 乡镇 first (a village lies in one): the order of the covering index households_report
    // (migration 0010), so SQLite groups as it scans instead of sorting 100,000 rows.
    .groupBy([sql.ref('h.township_code'), sql.ref('h.village_code'), ...keys.map((k) => sql.ref(`h.${k}`))]);
  // The outer query sees the groups as h, with the household's column names: the conditions read them as
  // they would read a household's.
  const selections = q.measures.map((m, i) => {
    const pick = picker(when(m, null, q.asOf));
    switch (m.kind) {
      case 'households':
        return total(pick(sql.ref<number>('h.households'))).as(`m${i}`);
      case 'sum':
        return total(pick(sql.ref<number>(`h.sum_${m.column}`))).as(`m${i}`);
      default:
        throw new Error(`${m.key}: not a measure of the register's households`);
    }
  });
  const compiled = ledger.db
    .selectFrom(grouped.as('h'))
    .select([sql.ref<string>('h.report_unit').as('report_unit'), ...selections])
    .groupBy(sql.ref('h.report_unit'))
    .compile();
  return read(ledger, compiled, q.measures);
}

/** Each measure as an aggregate over rows that are records (or members), each with its household h. */
function rowSelections(
  q: SourceQuery,
  def: LedgerDef | null,
  inWhere: readonly ReportWhere[],
  ids: {
    record: Expression<number>;
    person: Expression<number>;
    distinctPersons: boolean;
    distinctHouseholds: boolean;
  },
) {
  return q.measures.map((m, i) => {
    const pick = picker(when(m, def, q.asOf, inWhere));
    const count = (id: Expression<number>, distinct: boolean) => {
      const c = eb.fn.count(pick(id));
      return (distinct ? c.distinct() : c).as(`m${i}`);
    };
    switch (m.kind) {
      case 'records':
        return count(ids.record, false);
      case 'persons':
        return count(ids.person, ids.distinctPersons);
      case 'households':
        return count(sql.ref<number>('h.id'), ids.distinctHouseholds);
      case 'sum':
        return total(pick(column(m, def === null))).as(`m${i}`);
      case 'rate':
        throw new Error(`rate ${m.key} is not a counted measure`);
    }
  });
}

/**
 * The register's active members with their household (a person once, no DISTINCT), grouped first by village
 * and the household columns the measures test: inside a group each measure's member conditions are counted
 * (人数), its households counted distinct (a household lies in one group) or its column summed; the outer
 * query then applies the household conditions once per group, as runRegisterHouseholds does.
 */
function runRegisterMembers(ledger: Ledger, q: SourceQuery): UnitValues {
  const unit = unitOf(null);
  const common = shared(q.measures);
  const key = (w: ReportWhere) => JSON.stringify(w);
  const inWhere = new Set(common.map(key));
  const rest = (m: ReportMeasure) => wheres(m).filter((w) => !inWhere.has(key(w)));
  const onHousehold = (w: ReportWhere) => w.on === 'household';
  const keys = [
    ...new Set(
      q.measures.flatMap((m) =>
        rest(m)
          .filter(onHousehold)
          .map((w) => w.column),
      ),
    ),
  ];
  // One inner aggregate per distinct (kind, member conditions, column).
  const inner = new Map<string, { alias: string; value: AliasableExpression<unknown> }>();
  const aggregateOf = (m: ReportMeasure): string => {
    const member = rest(m).filter((w) => !onHousehold(w));
    const id = JSON.stringify([m.kind, member, m.kind === 'sum' ? m.column : null]);
    const found = inner.get(id);
    if (found) return found.alias;
    const pick = picker(member.length === 0 ? null : eb.and(member.map((w) => condition(w, null, q.asOf))));
    const alias = `report_a${inner.size}`;
    const value =
      m.kind === 'households'
        ? eb.fn.count(pick(sql.ref<number>('h.id'))).distinct()
        : m.kind === 'sum'
          ? total(pick(column(m, true)))
          : member.length === 0
            ? eb.fn.countAll()
            : eb.fn.count(pick(sql.ref<number>('p.id')));
    inner.set(id, { alias, value });
    return alias;
  };
  const measured = q.measures.map((m) => {
    if (m.kind === 'rate') throw new Error(`rate ${m.key} is not a counted measure`);
    return { m, alias: aggregateOf(m) };
  });
  const grouped = ledger.db
    .selectFrom('persons as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .select([
      unit.as('report_unit'),
      ...keys.map((k) => sql.ref(`h.${k}`).as(k)),
      ...[...inner.values()].map((a) => a.value.as(a.alias)),
    ])
    .where('p.status', '=', 'active')
    .where('h.status', '=', 'active')
    .where(eb.and([...regionFilter(q, unit), ...common.map((w) => condition(w, null, q.asOf))]))
    // In the order of households_report, as the households are read: no sort.
    .groupBy([sql.ref('h.township_code'), sql.ref('h.village_code'), ...keys.map((k) => sql.ref(`h.${k}`))]);
  // The groups as h, with the household's column names: the household conditions read them as a household's.
  const compiled = ledger.db
    .selectFrom(grouped.as('h'))
    .select([
      sql.ref<string>('h.report_unit').as('report_unit'),
      ...measured.map(({ m, alias }, i) => {
        const household = rest(m).filter(onHousehold);
        const cond = household.length === 0 ? null : eb.and(household.map((w) => condition(w, null, q.asOf)));
        return total(picker(cond)(sql.ref<number>(`h.${alias}`))).as(`m${i}`);
      }),
    ])
    .groupBy(sql.ref('h.report_unit'))
    .compile();
  return read(ledger, compiled, q.measures);
}

/**
 * Whether some person (or household) has more than one record of this ledger in the 年度 counted: only
 * then must 人数 (户数) be counted DISTINCT. A person ledger's households repeat (a household's members)
 * and are not checked. Measured on the sample county's 基本医疗 (395,925 records, one per person and
 * 年度): the check costs one pass over the person index, and counting without DISTINCT halves the query.
 */
function repeats(ledger: Ledger, q: SourceQuery, def: LedgerDef, who: 'person' | 'household'): boolean {
  // Below the county the DISTINCT counts few rows; the check would still read the whole 年度 (but for a
  // ledger with a reportIndex, whose (年度, person) index makes it a short scan that spares the DISTINCT).
  if (q.region.level !== 'county' && !def.reportIndex) return true;
  if (who === 'household' && def.subject === 'person') return true;
  if (who === 'person' && def.subject !== 'person') return true;
  const key = sql.ref<number>(who === 'person' ? 'r.person_id' : 'r.household_id');
  const compiled = ledger.db
    .withTables<LedgerTables>()
    .selectFrom(`${ledgerTableName(def)} as r` as `ledger_${string} as r`)
    .select(key.as('key'))
    .where(key, 'is not', null)
    .$if(q.year !== null && q.year.value !== null, (b) =>
      b.where(sql.ref(`r.${q.year?.column ?? ''}`), '=', q.year?.value ?? null),
    )
    .groupBy(key)
    .having((e) => e.fn.countAll(), '>', 1)
    .limit(1)
    .compile();
  return ledger.sqlite.prepare(compiled.sql).get(...compiled.parameters) !== undefined;
}

/** A thematic ledger's records, each with the village of its household (or its own place). */
function runRecords(ledger: Ledger, q: SourceQuery, def: LedgerDef): UnitValues {
  const needs = (kind: ReportMeasure['kind']) => q.measures.some((m) => m.kind === kind);
  const personsRepeat = needs('persons') && repeats(ledger, q, def, 'person');
  const indexed = indexedRecords(ledger, q, def, personsRepeat);
  if (indexed !== null) return indexed;
  const householdsRepeat = needs('households') && repeats(ledger, q, def, 'household');
  const unit = unitOf(def);
  const common = shared(q.measures);
  const selections = rowSelections(q, def, common, {
    record: sql.ref<number>('r.id'),
    person: personOf(def),
    distinctPersons: personsRepeat,
    distinctHouseholds: householdsRepeat,
  });
  const filters: Expression<SqlBool>[] = [
    ...regionFilter(q, unit),
    ...common.map((w) => condition(w, def, q.asOf)),
  ];
  if (q.year !== null && q.year.value !== null)
    filters.push(eb(sql.ref(`r.${q.year.column}`), '=', q.year.value));
  const db = ledger.db.withTables<LedgerTables>();
  const table = `${ledgerTableName(def)} as r` as `ledger_${string} as r`;
  const base =
    def.subject === 'person'
      ? db
          .selectFrom(table)
          .leftJoin('persons as p', (j) => j.on(same('p.id', 'r.person_id')))
          .leftJoin('households as h', 'h.id', 'p.household_id')
      : db.selectFrom(table).leftJoin('households as h', (j) => j.on(same('h.id', 'r.household_id')));
  const compiled = base
    .select([unit.as('report_unit'), ...selections])
    .where(eb.and(filters))
    .groupBy(sql.ref('report_unit'))
    .compile();
  return read(ledger, compiled, q.measures);
}

/**
 * A ledger with a `reportIndex` (基本医疗, 外出务工) read from its covering indexes alone: the records of the
 * 年度 in village order, each carrying its village and household (kept by triggers, report-place.ts), so no
 * person or household is looked up and nothing is sorted. 人数, 记录数 and sums: the records grouped by
 * village and the tested columns first, each measure's CASE run once per group (a few thousand, not
 * 400,000). 户数 (外出务工): each household's records in turn, a household once in each column its records
 * reach, summed per village. Null when the report asks what the indexes do not hold (another column or
 * 年度 field, a person with two records in the 年度): the general query answers.
 */
function indexedRecords(
  ledger: Ledger,
  q: SourceQuery,
  def: LedgerDef,
  personsRepeat: boolean,
): UnitValues | null {
  const index = def.reportIndex;
  if (!index || q.year === null || q.year.value === null || q.year.column !== index.year) return null;
  const grouped = new Set(index.groupBy);
  const kept = new Set(reportHouseholdKeys(def));
  if (q.measures.some((m) => m.kind === 'households') && kept.size === 0) return null;
  const covered = new Set([...index.groupBy, ...(index.sums ?? [])]);
  const fits = q.measures.every((m) => {
    if (!wheres(m).every((w) => (w.on ?? 'record') === 'record' && grouped.has(w.column))) return false;
    switch (m.kind) {
      case 'records':
        return true;
      case 'persons':
        return !personsRepeat;
      case 'households':
        return wheres(m).every((w) => kept.has(w.column));
      case 'sum':
        return (m.on ?? 'record') === 'record' && covered.has(m.column);
      case 'rate':
        return false;
    }
  });
  if (!fits) return null;
  const unit = sql.ref<string>(`r.${REPORT_PLACE_COLUMNS.village}`);
  const common = shared(q.measures);
  const records = () =>
    ledger.db
      .withTables<LedgerTables>()
      .selectFrom(`${ledgerTableName(def)} as r` as `ledger_${string} as r`)
      .where(sql.ref(`r.${index.year}`), '=', q.year?.value ?? null)
      .where(eb.and([...regionFilter(q, unit), ...common.map((w) => condition(w, def, q.asOf))]));
  const out: UnitValues = new Map();
  const merge = (part: UnitValues) => {
    for (const [u, values] of part) out.set(u, { ...out.get(u), ...values });
  };

  const counted = q.measures.filter((m) => m.kind !== 'households');
  if (counted.length > 0) {
    const key = (w: ReportWhere) => JSON.stringify(w);
    const inWhere = new Set(common.map(key));
    const rest = (m: ReportMeasure) => wheres(m).filter((w) => !inWhere.has(key(w)));
    // A column only ever tested for an amount or a date (交通补贴 > 0) is not grouped by — its values are
    // many (17,297 groups instead of ~6,000 for 外出务工) — but tested inside each group.
    const inside = new Set(
      index.groupBy.filter((c) => {
        const tests = counted.flatMap((m) => rest(m).filter((w) => w.column === c));
        return tests.length > 0 && tests.every((w) => !('in' in w));
      }),
    );
    const keys = index.groupBy.filter((c) => !inside.has(c));
    const isInside = (w: ReportWhere) => inside.has(w.column);
    // One aggregate per distinct (sum column, conditions tested inside the group).
    const aggregates = new Map<string, { alias: string; value: AliasableExpression<unknown> }>();
    const aggregateOf = (m: ReportMeasure): string => {
      const conds = rest(m).filter(isInside);
      const summed = m.kind === 'sum' ? m.column : null;
      const id = JSON.stringify([summed, conds]);
      const found = aggregates.get(id);
      if (found) return found.alias;
      const pick = picker(conds.length === 0 ? null : eb.and(conds.map((w) => condition(w, def, q.asOf))));
      const alias = `report_a${aggregates.size}`;
      const value =
        summed !== null
          ? total(pick(sql.ref<number>(`r.${summed}`)))
          : conds.length === 0
            ? eb.fn.countAll()
            : eb.fn.count(pick(sql.lit(1)));
      aggregates.set(id, { alias, value });
      return alias;
    };
    const measured = counted.map((m) => ({ m, alias: aggregateOf(m) }));
    // In the order of the index after the 年度: village, then the tested columns — grouped as scanned.
    const groups = records()
      .select([
        unit.as('report_unit'),
        ...keys.map((c) => sql.ref(`r.${c}`).as(c)),
        ...[...aggregates.values()].map((a) => a.value.as(a.alias)),
      ])
      .groupBy([unit, ...keys.map((c) => sql.ref(`r.${c}`))]);
    // The outer query sees each group as r, with the record's column names: conditions read them as a record's.
    const compiled = ledger.db
      .selectFrom(groups.as('r'))
      .select([
        sql.ref<string>('r.report_unit').as('report_unit'),
        ...measured.map(({ m, alias }, i) => {
          const conds = rest(m).filter((w) => !isInside(w));
          const pick = picker(
            conds.length === 0 ? null : eb.and(conds.map((w) => condition(w, def, q.asOf))),
          );
          return total(pick(sql.ref<number>(`r.${alias}`))).as(`m${i}`);
        }),
      ])
      .groupBy(sql.ref('r.report_unit'))
      .compile();
    merge(read(ledger, compiled, counted));
  }

  const households = q.measures.filter((m) => m.kind === 'households');
  if (households.length > 0) merge(summaryHouseholds(ledger, q, def, households));
  return out;
}

/**
 * 户数 from the ledger's household summary (report-households.ts): the households of the 年度 grouped by
 * village and the tuples their records hold, as the summary's index is scanned; each distinct set of tuples
 * tested once per measure (its tuples read as records r, so the conditions are the records' own); a group
 * adds its households to every column one of its tuples meets. A household counts once per column however
 * many of its records meet it, as `COUNT(DISTINCT household)` over the records would.
 */
function summaryHouseholds(
  ledger: Ledger,
  q: SourceQuery,
  def: LedgerDef,
  measures: readonly ReportMeasure[],
): UnitValues {
  const index = def.reportIndex;
  if (!index) throw new Error(`ledger ${def.id}: no reportIndex`);
  const K = REPORT_HOUSEHOLD_COLUMNS;
  const unit = sql.ref<string>(`g.${K.village}`);
  const db = ledger.db.withTables<Record<string, Record<string, string | number | null>>>();
  const groups = db
    .selectFrom(`${reportHouseholdsTable(def)} as g`)
    .select([
      unit.as('report_unit'),
      sql.ref(`g.${K.keys}`).as('report_keys'),
      eb.fn.countAll().as('report_households'),
    ])
    .where(sql.ref(`g.${index.year}`), '=', q.year?.value ?? null)
    .where(eb.and(regionFilter(q, unit)))
    .groupBy([unit, sql.ref(`g.${K.keys}`)]);
  // A set of tuples as the records it stands for, with the record's column names.
  const tuples = sql`(SELECT ${sql.join(
    reportHouseholdKeys(def).map((c, i) => sql`value ->> ${sql.lit(i)} AS ${sql.ref(c)}`),
  )} FROM json_each(k.report_keys))`;
  const meets = (m: ReportMeasure) => {
    const cond = when(m, def, q.asOf);
    const rows = eb.selectFrom(tuples.as('r')).select(sql.lit(1).as('one'));
    return eb.exists(cond === null ? rows : rows.where(cond));
  };
  // Each distinct set once (a few hundred in a county), not once per village.
  const flags = db
    .selectFrom(db.selectFrom('report_groups').select('report_keys').distinct().as('k'))
    .select([sql.ref('k.report_keys').as('report_keys'), ...measures.map((m, i) => meets(m).as(`f${i}`))]);
  const compiled = db
    .with(
      (w) => w('report_groups').materialized(),
      () => groups,
    )
    .with(
      (w) => w('report_flags').materialized(),
      () => flags,
    )
    .selectFrom('report_groups as g')
    .innerJoin('report_flags as f', 'f.report_keys', 'g.report_keys')
    .select([
      sql.ref<string>('g.report_unit').as('report_unit'),
      ...measures.map((_, i) =>
        total(sql<number>`${sql.ref('g.report_households')} * ${sql.ref(`f.f${i}`)}`).as(`m${i}`),
      ),
    ])
    .groupBy(sql.ref('g.report_unit'))
    .compile();
  return read(ledger, compiled, measures);
}

// For 查看明细 (report-drill.ts): the same pieces, so a drill lists exactly what a number counts.

/** Whose id a distinct person is (personOf under the name the drill uses). */
export const personIdOf = personOf;

/** All the conditions of a measure as one expression, or null when it has none. */
export const measureCondition = (m: ReportMeasure, def: LedgerDef | null, asOf: string) => when(m, def, asOf);

/** The 年度 counted and the region asked for, on the rows of a source. */
export function sourceFilters(q: Pick<SourceQuery, 'def' | 'region' | 'year'>): Expression<SqlBool>[] {
  const filters: Expression<SqlBool>[] = [];
  if (q.def !== null && q.year !== null && q.year.value !== null)
    filters.push(eb(sql.ref(`r.${q.year.column}`), '=', q.year.value));
  return [...filters, ...regionFilter(q, unitOf(q.def))];
}
