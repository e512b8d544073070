// 户花名册 and 人员花名册: the register's rows under the list's own filters (householdListSql, the person
// search's match), every field of shared/fields with its label as header — so the file goes back through
// the importer (labels are what it recognises) and gives the same values. The person roster repeats its
// household's fields on each member row, the shape of the national system's export.
import type { z } from 'zod';
import type { householdExportQuery, personExportQuery } from '../../../shared/contract/exports.ts';
import type { FieldDef } from '../../../shared/fields/define.ts';
import { HOUSEHOLD_FIELDS } from '../../../shared/fields/household-fields.ts';
import { PERSON_FIELDS } from '../../../shared/fields/person-fields.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { householdListSql } from '../households/household-list.ts';
import { personMatch } from '../persons/person-match.ts';
import { countyRegion, findRegion, householdRegionFilter } from '../regions/region-tree.ts';
import { checkFullIds, type ExportSafety } from './export-guard.ts';
import type { CellValue } from '../xlsx-write/index.ts';
import { inChunks, rosterCell, writeRoster, type RosterColumn } from './roster-sheet.ts';

export type HouseholdExportQuery = z.output<typeof householdExportQuery>;
export type PersonExportQuery = z.output<typeof personExportQuery>;

export interface RosterResult {
  rows: number;
  fullIds: number;
  /** What the file is, for its name and the audit log: 户花名册 / 人员花名册. */
  what: string;
}

const PLACE_COLUMNS: readonly RosterColumn[] = [
  { header: '乡镇', kind: 'text' },
  { header: '村', kind: 'text' },
  { header: '组', kind: 'text' },
];
const PLACE_SELECT = `t.name AS p_township, v.name AS p_village, g.name AS p_group`;
const PLACE_JOIN = `JOIN regions t ON t.code = h.township_code
  JOIN regions v ON v.code = h.village_code
  LEFT JOIN regions g ON g.code = h.group_code`;

const fieldColumn = (f: FieldDef): RosterColumn => ({
  header: f.label,
  kind: f.type,
  ...(f.codeTable ? { codeTable: f.codeTable } : {}),
});
/** The person's 年度 is its household's (the importer derives it), so one 年度 column serves both. */
const PERSON_EXPORT_FIELDS = PERSON_FIELDS.filter((f) => f.column !== 'year');

/** "{地区}{名称}花名册": the county, township or village the list is narrowed to. */
export function rosterTitle(ledger: Ledger, regionCode: string | null, name: string): string {
  const region = regionCode === null ? countyRegion(ledger) : findRegion(ledger, regionCode);
  return `${region.name}${name}花名册`;
}

type Row = Record<string, string | number | null>;

const placeCells = (r: Row) =>
  [r.p_township, r.p_village, r.p_group].map((v) => rosterCell(PLACE_COLUMNS[0]!, v, false));

/**
 * Writes the rows of `ids` in their order, read a chunk at a time by `select` (its one parameter: the
 * chunk's ids as a JSON array), each turned into its cells by `cells`.
 */
async function writeRosterRows(
  ledger: Ledger,
  path: string,
  names: { title: string; sheetName: string },
  columns: readonly RosterColumn[],
  safety: ExportSafety,
  ids: readonly number[],
  select: string,
  cells: (r: Row) => CellValue[],
): Promise<number> {
  const chunk = ledger.sqlite.prepare(select);
  return writeRoster(
    path,
    { ...names, columns, exportedAt: new Date(), ...(safety.masked ? { note: '（已脱敏）' } : {}) },
    (add) =>
      inChunks(ids, (part) => {
        const byId = new Map((chunk.all(JSON.stringify(part)) as Row[]).map((r) => [Number(r.id), r]));
        for (const id of part) {
          const r = byId.get(id);
          if (r) add(cells(r));
        }
      }),
  );
}

export async function exportHouseholdRoster(
  ledger: Ledger,
  q: HouseholdExportQuery,
  path: string,
  safety: ExportSafety,
): Promise<RosterResult> {
  const s = householdListSql(ledger, { ...q, offset: 0, limit: 1 });
  const ids = ledger.sqlite
    .prepare(
      `SELECT h.id, h.head_id_number IS NOT NULL AND h.head_id_number <> '' AS full FROM ${s.from} WHERE ${s.where} ORDER BY ${s.order}`,
    )
    .raw()
    .all(...s.params) as Array<[number, number]>;
  const fullIds = safety.masked ? 0 : ids.reduce((n, [, full]) => n + full, 0);
  checkFullIds(fullIds, safety);
  const rows = await writeRosterRows(
    ledger,
    path,
    { title: rosterTitle(ledger, q.regionCode, '户'), sheetName: '户花名册' },
    [...PLACE_COLUMNS, ...HOUSEHOLD_FIELDS.map(fieldColumn)],
    safety,
    ids.map(([id]) => id),
    `SELECT h.*, ${PLACE_SELECT} FROM households h ${PLACE_JOIN} WHERE h.id IN (SELECT value FROM json_each(?))`,
    (r) => [
      ...placeCells(r),
      ...HOUSEHOLD_FIELDS.map((f) => rosterCell(fieldColumn(f), r[f.column], safety.masked)),
    ],
  );
  return { rows, fullIds, what: '户花名册' };
}

export async function exportPersonRoster(
  ledger: Ledger,
  q: PersonExportQuery,
  path: string,
  safety: ExportSafety,
): Promise<RosterResult> {
  const where: string[] = [];
  const params: unknown[] = [];
  const m = q.q === '' ? null : personMatch(q.q);
  if (m) {
    where.push(`p.id IN (${m.sql})`);
    params.push(...m.params);
  }
  if (q.status !== 'all') {
    where.push('p.status = ?');
    params.push(q.status);
  }
  if (q.regionCode !== null) {
    const f = householdRegionFilter(findRegion(ledger, q.regionCode));
    where.push(f.where);
    params.push(...f.params);
  }
  // Households together, 户主 first, as a roster is read and as the importer groups rows.
  const ids = ledger.sqlite
    .prepare(
      `SELECT p.id, p.id_number IS NOT NULL AND p.id_number <> '' AS full
       FROM persons p JOIN households h ON h.id = p.household_id
       WHERE ${where.length > 0 ? where.join(' AND ') : '1 = 1'}
       ORDER BY h.household_no, h.id, p.relation <> '01', p.id`,
    )
    .raw()
    .all(...params) as Array<[number, number]>;
  const fullIds = safety.masked ? 0 : ids.reduce((n, [, full]) => n + full, 0);
  checkFullIds(fullIds, safety);
  const householdColumns = HOUSEHOLD_FIELDS.map((f) => ({ f, prefixed: `h_${f.column}` }));
  const rows = await writeRosterRows(
    ledger,
    path,
    { title: rosterTitle(ledger, q.regionCode, '人员'), sheetName: '人员花名册' },
    [...PLACE_COLUMNS, ...HOUSEHOLD_FIELDS.map(fieldColumn), ...PERSON_EXPORT_FIELDS.map(fieldColumn)],
    safety,
    ids.map(([id]) => id),
    `SELECT p.*, ${householdColumns.map(({ f, prefixed }) => `h.${f.column} AS ${prefixed}`).join(', ')}, ${PLACE_SELECT}
     FROM persons p JOIN households h ON h.id = p.household_id ${PLACE_JOIN}
     WHERE p.id IN (SELECT value FROM json_each(?))`,
    (r) => [
      ...placeCells(r),
      ...householdColumns.map(({ f, prefixed }) => rosterCell(fieldColumn(f), r[prefixed], safety.masked)),
      ...PERSON_EXPORT_FIELDS.map((f) => rosterCell(fieldColumn(f), r[f.column], safety.masked)),
    ],
  );
  return { rows, fullIds, what: '人员花名册' };
}
