// 查看明细: the households, persons or records behind one number of a report — the same source, the same
// conditions (report-query.ts's condition, 年度 and region pieces), the same region rule (the village a
// record reaches) as the measure, so the list's length is the number. A rate drills to its numerator;
// a sum lists what it adds up with each value. Paged (offset/limit), in the order of the report's rows.
import { expressionBuilder, sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { drillResult } from '../../../shared/contract/reports.ts';
import { shortRegionName } from '../../../shared/region-name.ts';
import type { LedgerDef } from '../../../shared/ledgers/define.ts';
import { ledgerTableName } from '../../../shared/ledgers/index.ts';
import { maskIdNumber } from '../../../shared/mask.ts';
import type { ReportMeasure } from '../../../shared/reports/define.ts';
import { isMeasure, reportMeasures } from '../../../shared/reports/define.ts';
import { LedgerError } from '../../../shared/result.ts';
import type { Ledger } from '../db/open-ledger.ts';
import type { DB } from '../db/tables.ts';
import { placeNamer, toView } from '../ledgers/record-read.ts';
import { recordSql, requireLedger } from '../ledgers/record-sql.ts';
import { findRegion, type RegionNode } from '../regions/region-tree.ts';
import {
  column,
  measureCondition,
  personIdOf,
  registerShape,
  sourceFilters,
  type Shape,
} from './report-query.ts';
import { reportScope, type ReportParams } from './run-report.ts';

export type DrillResult = z.output<typeof drillResult>;

export interface DrillParams extends ReportParams {
  /** The row: the report's region (合计), a 乡镇 (小计) or a village. */
  rowRegionCode: string;
  measure: string;
  offset: number;
  limit: number;
}

const eb = expressionBuilder<DB, never>();
type Row = Record<string, string | number | null>;

/** The measure's group labels and its own, as the header shows them. */
function measurePath(columns: Parameters<typeof reportMeasures>[0]['columns'], key: string): string[] {
  for (const c of columns) {
    if (isMeasure(c)) {
      if (c.key === key) return [c.label];
    } else {
      const below = measurePath(c.children, key);
      if (below.length > 0) return [c.label, ...below];
    }
  }
  return [];
}

/** The row's region must be the report's or inside it (a 乡镇 of the county, a village of either). */
function rowRegion(ledger: Ledger, report: RegionNode, code: string): RegionNode {
  const row = findRegion(ledger, code);
  const inside =
    row.code === report.code ||
    (report.level === 'county' && (row.level === 'township' || row.level === 'village')) ||
    (report.level === 'township' && row.level === 'village' && row.parentCode === report.code);
  if (!inside) throw new LedgerError('bad-request', `${row.name}不在这张报表的区划（${report.name}）内。`);
  return row;
}

/** Whose rows a drill lists: households, persons (register members or a ledger's people), or records. */
function listOf(m: ReportMeasure, def: LedgerDef | null, shape: Shape): DrillResult['list'] {
  if (m.kind === 'households') return 'households';
  if (def === null) return shape === 'households' && m.kind === 'sum' ? 'households' : 'persons';
  if (m.kind === 'persons') {
    if (def.subject !== 'person') throw new Error(`${m.key}: persons of a ${def.subject} ledger`);
    return 'persons';
  }
  return 'records';
}

export function drillReport(ledger: Ledger, id: string, p: DrillParams): DrillResult {
  const { def: report, region, asOf, yearOf } = reportScope(ledger, id, p);
  const measures = reportMeasures(report);
  const asked = measures.find((m) => m.key === p.measure);
  if (!asked) throw new LedgerError('not-found', `“${report.title}”没有编号为“${p.measure}”的指标。`);
  const m = asked.kind === 'rate' ? measures.find((x) => x.key === asked.of) : asked;
  if (!m || m.kind === 'rate') throw new Error(`${asked.key}: its numerator is not a counted measure`);
  const row = rowRegion(ledger, region, p.rowRegionCode);

  const source = m.source ?? report.source;
  const def = source === 'register' ? null : requireLedger(source.ledger);
  const measured: Shape = def === null ? registerShape(m) : 'records';
  const list = listOf(m, def, measured);
  // 人数 of register households (their active members) are listed from the members themselves.
  const shape: Shape = measured === 'households' && list === 'persons' ? 'members' : measured;

  // The rows the measure reads, with its conditions, its 年度 and the row's region: as report-query.ts.
  const from: RawBuilder<unknown> =
    def === null
      ? shape === 'households'
        ? sql`households h`
        : sql`persons p JOIN households h ON h.id = p.household_id`
      : def.subject === 'person'
        ? sql`${sql.table(ledgerTableName(def))} r LEFT JOIN persons p ON p.id = r.person_id LEFT JOIN households h ON h.id = p.household_id`
        : sql`${sql.table(ledgerTableName(def))} r LEFT JOIN households h ON h.id = r.household_id`;
  const conds: Expression<SqlBool>[] = [...sourceFilters({ def, region: row, year: yearOf(source) })];
  const when = measureCondition(m, def, asOf);
  if (when !== null) conds.push(when);
  if (def === null) {
    conds.push(eb(sql.ref('h.status'), '=', 'active'));
    if (shape === 'members') conds.push(eb(sql.ref('p.status'), '=', 'active'));
  }
  const where = conds.length === 0 ? sql<SqlBool>`1` : eb.and(conds);
  const idOf =
    list === 'households'
      ? sql.ref<number>('h.id')
      : list === 'persons'
        ? personIdOf(def)
        : sql.ref<number>('r.id');
  const value = m.kind === 'sum' ? column(m, def === null) : sql<null>`NULL`;

  const run = (query: RawBuilder<unknown>) => {
    const c = query.compile(ledger.db);
    return ledger.sqlite.prepare(c.sql).all(...c.parameters) as Row[];
  };
  // Register households and members one row each are the listed rows themselves: the page walks the
  // households' index in order with the measure's conditions, the totals are one count. Anything else
  // (distinct households or persons of records, a ledger's records) goes through the ids behind the
  // number, read once per statement: the total, the sum and the page all come from them.
  const streamed = def === null && (list === 'households' ? shape === 'households' : shape === 'members');
  const unique = streamed || m.kind === 'sum' || list === 'records';
  const ids = sql`WITH ids(id, v) AS MATERIALIZED (
    SELECT ${unique ? sql`` : sql`DISTINCT`} ${idOf}, ${unique ? value : sql`NULL`} FROM ${from}
    WHERE ${where} AND ${idOf} IS NOT NULL)`;
  const counts = sql`(SELECT count(*) FROM ids) AS drill_total, (SELECT total(v) FROM ids) AS drill_sum`;
  const place = placeNamer(ledger);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  /** The page's rows and the totals (carried by the rows, else read on their own). */
  const paged = (query: RawBuilder<unknown>) => {
    const rows = run(query);
    const first = streamed
      ? run(sql`SELECT count(*) AS drill_total, total(${value}) AS drill_sum FROM ${from} WHERE ${where}`)[0]
      : (rows[0] ?? run(sql`${ids} SELECT ${counts}`)[0]);
    return { rows, total: Number(first?.drill_total ?? 0), sum: Number(first?.drill_sum ?? 0) };
  };
  const page = sql`LIMIT ${p.limit} OFFSET ${p.offset}`;
  const head = (total: number, sum: number) => ({
    measure: { key: m.key, label: m.label, kind: m.kind, path: measurePath(report.columns, m.key) },
    rate:
      asked.kind === 'rate'
        ? {
            key: asked.key,
            label: asked.label,
            kind: asked.kind,
            path: measurePath(report.columns, asked.key),
          }
        : null,
    // As the report's row says it (run-report.ts): the short name.
    rowLabel:
      row.code === region.code
        ? '合计'
        : row.level === 'township'
          ? `${shortRegionName(row.name)}小计`
          : shortRegionName(row.name),
    regionCode: row.code,
    total,
    sum: m.kind === 'sum' ? Math.round(sum * 100) / 100 : null,
    valueLabel: m.kind === 'sum' ? valueLabel(def, m) : null,
    offset: p.offset,
  });

  const householdColumns = sql`h.id, h.household_no, h.head_name, h.head_id_number,
    coalesce(h.group_code, h.village_code) AS place,
    (SELECT count(*) FROM persons m WHERE m.household_id = h.id AND m.status = 'active') AS members`;
  const personColumns = sql`p.id, p.household_id, p.name, p.id_number, p.relation, h.household_no,
    coalesce(h.group_code, h.village_code) AS place`;

  if (list === 'households') {
    // In the order of the report's rows (village, 户编号), walking the index on both and keeping the ids'.
    const got = paged(
      streamed
        ? sql`SELECT ${householdColumns}, ${value} AS value FROM ${from} WHERE ${where}
            ORDER BY h.village_code, h.household_no, h.id ${page}`
        : sql`${ids} SELECT ${householdColumns}, NULL AS value, ${counts}
            FROM households h WHERE +h.id IN (SELECT id FROM ids)
            ORDER BY h.village_code, h.household_no, h.id ${page}`,
    );
    return {
      list,
      ...head(got.total, got.sum),
      rows: got.rows.map((r) => ({
        id: Number(r.id),
        householdNo: String(r.household_no),
        headName: str(r.head_name),
        headIdNumber: r.head_id_number === null ? null : maskIdNumber(String(r.head_id_number)),
        place: place(str(r.place)),
        members: Number(r.members),
        value: m.kind === 'sum' ? num(r.value) : null,
      })),
    };
  }

  if (list === 'persons') {
    // Register members by village and household; then people outside the register (a ledger's), by record.
    const members = paged(
      streamed
        ? sql`SELECT ${personColumns}, ${value} AS value
            FROM households h CROSS JOIN persons p ON p.household_id = h.id WHERE ${where}
            ORDER BY h.village_code, h.household_no, h.id, p.id ${page}`
        : sql`${ids} SELECT ${personColumns}, NULL AS value,
            (SELECT count(*) FROM ids WHERE id > 0) AS drill_members, ${counts}
            FROM households h CROSS JOIN persons p ON p.household_id = h.id WHERE +p.id IN (SELECT id FROM ids)
            ORDER BY h.village_code, h.household_no, h.id, p.id ${page}`,
    );
    const rows: Extract<DrillResult, { list: 'persons' }>['rows'] = members.rows.map((r) => ({
      id: Number(r.id),
      personId: Number(r.id),
      householdId: num(r.household_id),
      recordId: null,
      name: str(r.name),
      idNumber: r.id_number === null ? null : maskIdNumber(String(r.id_number)),
      relation: str(r.relation),
      householdNo: str(r.household_no),
      place: place(str(r.place)),
      outsideRegister: false,
      value: m.kind === 'sum' ? num(r.value) : null,
    }));
    if (def?.personOptional === true && rows.length < p.limit) {
      const registered = Number(
        members.rows[0]?.drill_members ??
          run(sql`${ids} SELECT count(*) AS n FROM ids WHERE id > 0`)[0]?.n ??
          0,
      );
      const outsiders = run(sql`${ids}
        SELECT r.id, r.person_name, r.person_id_number, r.region_code FROM ${sql.table(ledgerTableName(def))} r
        WHERE r.id IN (SELECT -id FROM ids WHERE id < 0) ORDER BY r.id
        LIMIT ${p.limit - rows.length} OFFSET ${Math.max(0, p.offset - registered)}`);
      for (const r of outsiders)
        rows.push({
          id: -Number(r.id),
          personId: null,
          householdId: null,
          recordId: Number(r.id),
          name: str(r.person_name),
          idNumber: r.person_id_number === null ? null : maskIdNumber(String(r.person_id_number)),
          relation: null,
          householdNo: null,
          place: place(str(r.region_code)),
          outsideRegister: true,
          value: null,
        });
    }
    return { list, ...head(members.total, members.sum), rows };
  }

  if (def === null) throw new Error(`${m.key}: register records are listed as persons`);
  // The records as the ledger's own list shows them (masked), in the order they were entered.
  const s = recordSql(def);
  const got = paged(
    sql`${ids}
    SELECT r.*, ${sql.raw(s.subject)}${sql.raw(s.rollups)}, ${value} AS drill_value, ${counts}
    FROM ${sql.raw(s.from)} WHERE r.id IN (SELECT id FROM ids)
    ORDER BY r.id ${page}`,
  );
  return {
    list,
    ...head(got.total, got.sum),
    ledgerId: def.id,
    rows: got.rows.map((r) => ({ ...toView(def, r, place), value: num(r.drill_value) })),
  };
}

/** The label of the summed column (补助资金, 家庭人口数 …). */
function valueLabel(def: LedgerDef | null, m: Extract<ReportMeasure, { kind: 'sum' }>): string {
  if (def !== null && (m.on ?? 'record') === 'record')
    return def.fields.find((f) => f.column === m.column)?.label ?? m.label;
  return m.label;
}
