// One report source (a thematic ledger or the register) as one Kysely query: each measure of that source
// as an aggregate, grouped by the village the record reaches. Distinct 户数 and 人数 add up across
// villages (a household lives in one village), so 小计 and 合计 are sums of these rows.
import {
  expressionBuilder,
  sql,
  type Expression,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely';
import type { LedgerDef } from '../../../shared/ledgers/define.ts';
import { ledgerTableName } from '../../../shared/ledgers/index.ts';
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

/**
 * How rows are read: a ledger's records; the register's households one row each with their number of
 * active members (户数, household columns, and 人数 under household conditions need no DISTINCT and no
 * join there); or the register's members with their household (人数 under member conditions such as
 * 劳动力, and 户数 that depend on a member).
 */
export type Shape = 'records' | 'households' | 'members';

export function registerShape(m: ReportMeasure): Shape {
  const onHousehold = whereList('where' in m ? m.where : undefined).every((w) => w.on === 'household');
  if ((m.kind === 'households' || m.kind === 'persons') && onHousehold) return 'households';
  if (m.kind === 'sum' && m.on === 'household') {
    if (!onHousehold) throw new Error(`${m.key}: a household column summed under a person condition`);
    return 'households';
  }
  return 'members';
}

/** Whose id a distinct person is: outsiders of a personOptional ledger count once per record. */
export const personIdOf = (def: LedgerDef | null): Expression<number> =>
  def === null
    ? sql.ref<number>('p.id')
    : def.personOptional
      ? sql<number>`coalesce(r.person_id, -r.id)`
      : sql.ref<number>('r.person_id');

/** The village a row belongs to (its household's; a region record's own place first). */
export const unitOf = (def: LedgerDef | null): RawBuilder<string> =>
  def === null || def.subject === 'person' || def.subject === 'household'
    ? def?.personOptional
      ? sql<string>`coalesce(h.village_code, substr(r.region_code, 1, 12))`
      : sql.ref<string>('h.village_code')
    : sql<string>`coalesce(substr(r.region_code, 1, 12), h.village_code)`;

/** All the conditions of a measure, or null when it has none. */
export function measureCondition(
  m: ReportMeasure,
  def: LedgerDef | null,
  asOf: string,
): Expression<SqlBool> | null {
  const conds = whereList('where' in m ? m.where : undefined).map((w) => condition(w, def, asOf));
  return conds.length === 0 ? null : eb.and(conds);
}

/** The 年度 counted and the region asked for, on the rows of a source. */
export function sourceFilters(q: Pick<SourceQuery, 'def' | 'region' | 'year'>): Expression<SqlBool>[] {
  const { def } = q;
  const unit = unitOf(def);
  const filters: Expression<SqlBool>[] = [];
  if (def !== null && q.year !== null && q.year.value !== null)
    filters.push(eb(sql.ref(`r.${q.year.column}`), '=', q.year.value));
  if (q.region.level === 'township') {
    const prefix = q.region.code.slice(0, 9);
    if (def === null) filters.push(eb(sql.ref('h.township_code'), '=', q.region.code));
    else filters.push(eb(unit, '>=', prefix), eb(unit, '<', `${prefix}:`));
  } else if (q.region.level === 'village') filters.push(eb(unit, '=', q.region.code));
  return filters;
}

export function runSourceQuery(ledger: Ledger, q: SourceQuery): UnitValues {
  if (q.def !== null) return runShape(ledger, q, 'records');
  const out: UnitValues = new Map();
  for (const shape of ['households', 'members'] as const) {
    const measures = q.measures.filter((m) => registerShape(m) === shape);
    if (measures.length === 0) continue;
    for (const [unit, values] of runShape(ledger, { ...q, measures }, shape))
      out.set(unit, { ...out.get(unit), ...values });
  }
  return out;
}

function runShape(ledger: Ledger, q: SourceQuery, shape: Shape): UnitValues {
  const { def } = q;
  const db = ledger.db.withTables<LedgerTables>();
  const register = def === null;
  const personId = personIdOf(def);
  const unit = unitOf(def);

  const table = (d: LedgerDef) => `${ledgerTableName(d)} as r` as `ledger_${string} as r`;
  const selections = q.measures.map((m, i) => {
    const when = measureCondition(m, def, q.asOf);
    const pick = <T>(value: Expression<T>) =>
      when === null ? value : eb.case().when(when).then(value).end();
    switch (m.kind) {
      case 'records':
        return eb.fn.count(pick(register ? sql.ref<number>('p.id') : sql.ref<number>('r.id'))).as(`m${i}`);
      case 'households': {
        // One row per household (register households): a plain count; otherwise distinct.
        const count = eb.fn.count(pick(sql.ref<number>('h.id')));
        return (shape === 'households' ? count : count.distinct()).as(`m${i}`);
      }
      case 'persons': {
        // Register households: the sum of their active members.
        if (shape === 'households')
          return eb.fn<number>('total', [pick(sql<number>`coalesce(mc.n, 0)`)]).as(`m${i}`);
        const count = eb.fn.count(pick(personId));
        return (shape === 'members' ? count : count.distinct()).as(`m${i}`);
      }
      case 'sum':
        return eb.fn<number>('total', [pick(column(m, register))]).as(`m${i}`);
      case 'rate':
        throw new Error(`rate ${m.key} is not a counted measure`);
    }
  });
  const filters = sourceFilters(q);
  // The same aggregate over whichever tables the shape reads.
  const aggregate = <DBX, TB extends keyof DBX>(base: SelectQueryBuilder<DBX, TB, object>) =>
    base
      .select([unit.as('unit'), ...selections])
      .where(eb.and(filters))
      .groupBy(sql.ref('unit'))
      .compile();

  // Only the tables a shape reads are joined (a join on false would still loop over the whole table).
  const compiled =
    def === null
      ? shape === 'households'
        ? aggregate(
            db
              // Active members per household, counted once from the covering index (materialized: as a
              // correlated subquery SQLite would count again for every measure that reads it).
              .with(
                (cte) => cte('member_counts').materialized(),
                (w) =>
                  w
                    .selectFrom('persons as m')
                    .select((e) => ['m.household_id', e.fn.countAll<number>().as('n')])
                    .where('m.status', '=', 'active')
                    // Only the households of the region asked for (a 乡镇: a few thousand, not the county).
                    .$if(q.region.level !== 'county', (w2) =>
                      w2.where('m.household_id', 'in', (sub) =>
                        sub
                          .selectFrom('households as rh')
                          .select('rh.id')
                          .where(
                            q.region.level === 'township' ? 'rh.township_code' : 'rh.village_code',
                            '=',
                            q.region.code,
                          ),
                      ),
                    )
                    .groupBy('m.household_id'),
              )
              .selectFrom('households as h')
              .leftJoin('member_counts as mc', 'mc.household_id', 'h.id')
              .where('h.status', '=', 'active'),
          )
        : aggregate(
            db
              .selectFrom('persons as p')
              .innerJoin('households as h', 'h.id', 'p.household_id')
              .where('p.status', '=', 'active')
              .where('h.status', '=', 'active'),
          )
      : def.subject === 'person'
        ? aggregate(
            db
              .selectFrom(table(def))
              .leftJoin('persons as p', (j) => j.on(same('p.id', 'r.person_id')))
              .leftJoin('households as h', 'h.id', 'p.household_id'),
          )
        : aggregate(
            db
              .selectFrom(table(def))
              .leftJoin('households as h', (j) => j.on(same('h.id', 'r.household_id'))),
          );

  const rows = ledger.sqlite.prepare(compiled.sql).all(...compiled.parameters) as Record<string, unknown>[];
  const out: UnitValues = new Map();
  for (const row of rows) {
    const values: Record<string, number> = {};
    q.measures.forEach((m, i) => (values[m.key] = Number(row[`m${i}`] ?? 0)));
    out.set(typeof row.unit === 'string' ? row.unit : '', values);
  }
  return out;
}
