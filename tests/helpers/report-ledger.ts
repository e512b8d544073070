// A register and thematic-ledger records written straight into a real ledger file with prepared
// statements in one transaction — for report tests that need tens of thousands of households with
// known contents (the importer and the UI would take minutes and are tested elsewhere).
import { expect } from 'vitest';
import type { Ledger } from '../../main/core/db/open-ledger.ts';
import type { ResponseOf } from '../../shared/contract/index.ts';
import { expectReportWorkbook, type ExpectedRow } from './report-workbook.ts';

export { expectReportWorkbook } from './report-workbook.ts';

export interface VillageRef {
  code: string;
  townshipCode: string;
}

/** The villages of the ledger's county in tree order, with their township. */
export function villagesOf(ledger: Ledger): VillageRef[] {
  return ledger.sqlite
    .prepare(
      `SELECT v.code AS code, v.parent_code AS townshipCode FROM regions v JOIN regions t ON t.code = v.parent_code
       WHERE v.level = 'village' ORDER BY t.sort_order, t.code, v.sort_order, v.code`,
    )
    .all() as VillageRef[];
}

export interface TestPerson {
  id: number;
  householdId: number;
  values: Record<string, string | number | null>;
}

export interface TestHousehold {
  id: number;
  village: VillageRef;
  values: Record<string, string | number | null>;
  members: TestPerson[];
}

const NOW = '2026-12-06T00:00:00.000Z';
let serial = 0;
let personSerial = 0;

/**
 * Households with their members: `plan[i]` lists the person columns of each member of household i
 * (labor_skill …); `householdValues(i)` the household's own columns (poverty_attribute …).
 */
export function insertRegister(
  ledger: Ledger,
  villages: readonly VillageRef[],
  plan: readonly (readonly Record<string, string | number | null>[])[],
  householdValues: (i: number) => Record<string, string | number | null> = () => ({}),
): TestHousehold[] {
  const out: TestHousehold[] = [];
  ledger.sqlite.transaction(() => {
    plan.forEach((members, i) => {
      const village = villages[i % villages.length] as VillageRef;
      const values = householdValues(i);
      const cols = Object.keys(values);
      const hId = Number(
        ledger
          .prepare(
            `INSERT INTO households (household_no, township_code, village_code, year, origin, created_at, updated_at, member_count${cols.map((c) => `, ${c}`).join('')})
             VALUES (?, ?, ?, 2020, 'manual', ?, ?, ?${cols.map(() => ', ?').join('')})`,
          )
          .run(`T${String(++serial).padStart(11, '0')}`, village.townshipCode, village.code, NOW, NOW, members.length, ...Object.values(values))
          .lastInsertRowid,
      );
      const household: TestHousehold = { id: hId, village, values, members: [] };
      members.forEach((m, j) => {
        const mc = Object.keys(m);
        const pId = Number(
          ledger
            .prepare(
              `INSERT INTO persons (household_id, name, id_number, sex, relation, year, origin, created_at, updated_at${mc.map((c) => `, ${c}`).join('')})
               VALUES (?, ?, ?, ?, ?, 2020, 'manual', ?, ?${mc.map(() => ', ?').join('')})`,
            )
            .run(hId, `成员${serial}-${j}`, `T${String(++personSerial).padStart(17, '0')}`, j % 2 === 0 ? '1' : '2', j === 0 ? '01' : '10', NOW, NOW, ...Object.values(m))
            .lastInsertRowid,
        );
        household.members.push({ id: pId, householdId: hId, values: m });
      });
      out.push(household);
    });
  })();
  return out;
} // prettier-ignore

/** Records of one thematic ledger (its columns as given, plus origin and times), in one transaction. */
export function insertRecords(
  ledger: Ledger,
  ledgerId: string,
  rows: readonly Record<string, string | number | null>[],
): void {
  ledger.sqlite.transaction(() => {
    for (const row of rows) {
      const cols = Object.keys(row);
      ledger
        .prepare(
          `INSERT INTO ledger_${ledgerId} (${cols.join(', ')}, origin, created_at, updated_at)
           VALUES (${cols.map(() => '?').join(', ')}, 'manual', ?, ?)`,
        )
        .run(...Object.values(row), NOW, NOW);
    }
  })();
}

/**
 * Every row of a report (合计, 小计, each village) against what the test computes itself over the households
 * that row covers; `township`: the report's 乡镇, or null for the county. Then the same numbers in the
 * report's workbook, re-read cell by cell (expectReportWorkbook).
 */
export async function expectEveryCell(
  report: ResponseOf<'reports.run'>,
  township: string | null,
  expected: (inside: (h: TestHousehold) => boolean) => unknown,
): Promise<void> {
  const rows: ExpectedRow[] = [];
  for (const row of report.rows) {
    const inside =
      row.kind === 'total'
        ? (h: TestHousehold) => township === null || h.village.townshipCode === township
        : row.kind === 'subtotal'
          ? (h: TestHousehold) => h.village.townshipCode === row.regionCode
          : (h: TestHousehold) => h.village.code === row.regionCode;
    const values = expected(inside) as Record<string, number | null>;
    expect({ label: row.label, values: row.values }).toEqual({ label: row.label, values });
    rows.push({ label: row.label, kind: row.kind, values });
  }
  await expectReportWorkbook(report, rows);
}

/** A rate as the reports show it, computed independently: a ÷ b in %, one decimal; null when b is 0. */
export const expectedRate = (a: number, b: number): number | null =>
  b === 0 ? null : Math.round((a / b) * 1000) / 10;
