// One report source (a thematic ledger or the register) as one Kysely query: each measure of that source
// as an aggregate, grouped by the village the record reaches. Distinct 户数 and 人数 add up across
// villages (a household lives in one village), so 小计 and 合计 are sums of these rows.
import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
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
  /** 年度 counted (ledgers with a 年度 field), else null. */
  year: number | null;
  asOf: string;
}

/** Village code → measure key → value; '' for records whose place is unknown. */
export type UnitValues = Map<string, Record<string, number>>;

const whose = { record: 'r', household: 'h', person: 'p' } as const;

/** A column of the record, its household or its person (names come from the definitions, never the user). */
const column = (w: { column: string; on?: 'record' | 'household' | 'person' }, register: boolean) =>
  sql.ref<string | number | null>(`${whose[w.on ?? (register ? 'person' : 'record')]}.${w.column}`);

function condition(w: ReportWhere, def: LedgerDef | null, asOf: string): Expression<SqlBool> {
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

export function runSourceQuery(ledger: Ledger, q: SourceQuery): UnitValues {
  const { def } = q;
  const db = ledger.db.withTables<LedgerTables>();
  const table = def === null ? null : (`${ledgerTableName(def)} as r` as `ledger_${string} as r`);
  const register = def === null;
  // Whose id a distinct person is: outsiders of a personOptional ledger count once per record.
  const personId = register
    ? sql.ref<number>('p.id')
    : def.personOptional
      ? sql<number>`coalesce(r.person_id, -r.id)`
      : sql.ref<number>('r.person_id');
  // The village a row belongs to (its household's; a region record's own place first).
  const unit = register
    ? sql.ref<string>('h.village_code')
    : def.subject === 'person' || def.subject === 'household'
      ? def.personOptional
        ? sql<string>`coalesce(h.village_code, substr(r.region_code, 1, 12))`
        : sql.ref<string>('h.village_code')
      : sql<string>`coalesce(substr(r.region_code, 1, 12), h.village_code)`;

  const base = register
    ? db
        .selectFrom('households as h')
        .leftJoin('persons as p', (j) => j.onRef('p.household_id', '=', 'h.id').on('p.status', '=', 'active'))
        .where('h.status', '=', 'active')
    : def.subject === 'person'
      ? db
          .selectFrom(table as `ledger_${string} as r`)
          .leftJoin('persons as p', (j) => j.on(same('p.id', 'r.person_id')))
          .leftJoin('households as h', 'h.id', 'p.household_id')
      : db
          .selectFrom(table as `ledger_${string} as r`)
          .leftJoin('persons as p', (j) => j.on(sql.lit(false)))
          .leftJoin('households as h', (j) => j.on(same('h.id', 'r.household_id')));

  let query = base.select(unit.as('unit')).groupBy('unit');
  query = query.select(
    q.measures.map((m, i) => {
      const conds = whereList('where' in m ? m.where : undefined).map((w) => condition(w, def, q.asOf));
      const when = conds.length === 0 ? null : eb.and(conds);
      const pick = <T>(value: Expression<T>) =>
        when === null ? value : eb.case().when(when).then(value).end();
      switch (m.kind) {
        case 'records':
          return eb.fn.count(pick(register ? sql.ref<number>('p.id') : sql.ref<number>('r.id'))).as(`m${i}`);
        case 'households':
          return eb.fn
            .count(pick(sql.ref<number>('h.id')))
            .distinct()
            .as(`m${i}`);
        case 'persons':
          return eb.fn.count(pick(personId)).distinct().as(`m${i}`);
        case 'sum':
          return eb.fn<number>('total', [pick(column(m, register))]).as(`m${i}`);
        case 'rate':
          throw new Error(`rate ${m.key} is not a counted measure`);
      }
    }),
  );
  if (!register && q.year !== null && def.summaryYear)
    query = query.where(sql.ref(`r.${def.summaryYear}`), '=', q.year);
  if (q.region.level === 'township') {
    const prefix = q.region.code.slice(0, 9);
    query = register
      ? query.where('h.township_code', '=', q.region.code)
      : query.where(unit, '>=', prefix).where(unit, '<', `${prefix}:`);
  } else if (q.region.level === 'village') {
    query = register
      ? query.where('h.village_code', '=', q.region.code)
      : query.where(unit, '=', q.region.code);
  }

  const compiled = query.compile();
  const rows = ledger.sqlite.prepare(compiled.sql).all(...compiled.parameters) as Record<string, unknown>[];
  const out: UnitValues = new Map();
  for (const row of rows) {
    const values: Record<string, number> = {};
    q.measures.forEach((m, i) => (values[m.key] = Number(row[`m${i}`] ?? 0)));
    out.set(typeof row.unit === 'string' ? row.unit : '', values);
  }
  return out;
}
