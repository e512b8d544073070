// 查看明细: the households, persons or records behind one number of a report — the same source, the same
// conditions (report-query.ts's condition, 年度 and region pieces), the same region rule (the village a
// record reaches) as the measure, so the list's length is the number. A rate drills to its numerator;
// a sum lists what it adds up with each value. Paged (offset/limit), in the order of the report's rows.
import { expressionBuilder, sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { drillResult } from '../../../shared/contract/reports.ts';
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
  const counted = run(
    sql`SELECT count(DISTINCT ${idOf}) AS n, total(${value}) AS s FROM ${from} WHERE ${where}`,
  )[0];
  const page = sql`LIMIT ${p.limit} OFFSET ${p.offset}`;
  const place = placeNamer(ledger);
  const head = {
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
    rowLabel: row.code === region.code ? '合计' : row.level === 'township' ? `${row.name}小计` : row.name,
    regionCode: row.code,
    total: Number(counted?.n ?? 0),
    sum: m.kind === 'sum' ? Math.round(Number(counted?.s ?? 0) * 100) / 100 : null,
    valueLabel: m.kind === 'sum' ? valueLabel(def, m) : null,
    offset: p.offset,
  };
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

  if (list === 'households') {
    // The households in the order of the list (village, 户编号), read through the index on both.
    const rows = run(sql`
      SELECT h.id, h.household_no, h.head_name, h.head_id_number, coalesce(h.group_code, h.village_code) AS place,
        (SELECT count(*) FROM persons m WHERE m.household_id = h.id AND m.status = 'active') AS members,
        ${shape === 'households' ? value : sql`NULL`} AS value
      FROM households h
      WHERE h.id IN (SELECT ${idOf} FROM ${from} WHERE ${where})
      ORDER BY h.village_code, h.household_no, h.id ${page}`);
    return {
      list,
      ...head,
      rows: rows.map((r) => ({
        id: Number(r.id),
        householdNo: String(r.household_no),
        headName: str(r.head_name),
        headIdNumber: r.head_id_number === null ? null : maskIdNumber(String(r.head_id_number)),
        place: place(str(r.place)),
        members: Number(r.members),
        value: num(r.value),
      })),
    };
  }

  if (list === 'persons') {
    const own = def?.personOptional === true;
    const rows = run(
      def === null
        ? sql`
          SELECT p.id, p.id AS person_id, p.household_id, NULL AS record_id, p.name, p.id_number, p.relation,
            h.household_no, coalesce(h.group_code, h.village_code) AS place, ${value} AS value
          FROM ${from} WHERE ${where}
          ORDER BY h.village_code, h.household_no, p.id ${page}`
        : // A person once (their first record); the value summed over their records.
          sql`
          SELECT ${idOf} AS id, r.person_id, p.household_id, min(r.id) AS record_id,
            ${own ? sql`coalesce(p.name, r.person_name)` : sql`p.name`} AS name,
            ${own ? sql`coalesce(p.id_number, r.person_id_number)` : sql`p.id_number`} AS id_number,
            p.relation, h.household_no,
            ${own ? sql`coalesce(h.group_code, h.village_code, r.region_code)` : sql`coalesce(h.group_code, h.village_code)`} AS place,
            ${m.kind === 'sum' ? sql`total(${value})` : sql`NULL`} AS value
          FROM ${from} WHERE ${where} AND ${idOf} IS NOT NULL
          GROUP BY ${idOf}
          ORDER BY h.village_code IS NULL, h.village_code, h.household_no, 1 ${page}`,
    );
    return {
      list,
      ...head,
      rows: rows.map((r) => ({
        id: Number(r.id),
        personId: num(r.person_id),
        householdId: num(r.household_id),
        recordId: num(r.record_id),
        name: str(r.name),
        idNumber: r.id_number === null ? null : maskIdNumber(String(r.id_number)),
        relation: str(r.relation),
        householdNo: str(r.household_no),
        place: place(str(r.place)),
        outsideRegister: r.person_id === null,
        value: num(r.value),
      })),
    };
  }

  if (def === null) throw new Error(`${m.key}: register records are listed as persons`);
  // The records as the ledger's own list shows them (masked), each with the value summed.
  const s = recordSql(def);
  const rows = run(sql`
    SELECT r.*, ${sql.raw(s.subject)}${sql.raw(s.rollups)}, ${value} AS drill_value
    FROM ${sql.raw(s.from)}
    WHERE r.id IN (SELECT r.id FROM ${from} WHERE ${where})
    ORDER BY s_region_code IS NULL, s_region_code, s_household_no, r.id ${page}`);
  return {
    list,
    ...head,
    ledgerId: def.id,
    rows: rows.map((r) => ({ ...toView(def, r, place), value: num(r.drill_value) })),
  };
}

/** The label of the summed column (补助资金, 家庭人口数 …). */
function valueLabel(def: LedgerDef | null, m: Extract<ReportMeasure, { kind: 'sum' }>): string {
  if (def !== null && (m.on ?? 'record') === 'record')
    return def.fields.find((f) => f.column === m.column)?.label ?? m.label;
  return m.label;
}
