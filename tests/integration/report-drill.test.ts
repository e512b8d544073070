// 查看明细 (reports.drill) against the reports themselves: on the sample county with every thematic ledger
// filled, for every report of the catalog and every number of its 合计, one 小计 and one village row (at
// county level, and 合计 of a 乡镇-level report), the drill lists exactly that many distinct households,
// persons or records — every page read through — and a sum's listed values add up to the cell. A rate
// drills to its numerator. IDs come masked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../shared/contract/index.ts';
import { todayIso } from '../../shared/date-input.ts';
import { allReports } from '../../shared/reports/index.ts';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';

type Report = ResponseOf<'reports.run'>;
type Row = Report['rows'][number];
type Drill = ResponseOf<'reports.drill'>;

let client: TestClient;
const asOf = todayIso();

beforeAll(async () => {
  client = await openTestClient();
  await client.ok('ledger.loadDemo', { households: 1500, seed: 7, countyCode: '420626', ledgers: true });
  // A second 年度 in the ledgers kept by 年度 (a third of their records again, a year earlier), so that a
  // drill that forgot the report's 年度 would list more than the number.
  const db = client.core.ledger.sqlite;
  for (const [table, year] of [
    ['ledger_migrant_work', 'year'],
    ['ledger_medical_insurance', 'year'],
  ] as const) {
    const columns = (
      db
        .prepare(`SELECT name FROM pragma_table_info('${table}') WHERE name <> 'id'`)
        .pluck()
        .all() as string[]
    ).join(', ');
    const copied = columns.replace(/\byear\b/, `${year} - 1`);
    db.prepare(`INSERT INTO ${table} (${columns}) SELECT ${copied} FROM ${table} WHERE id % 3 = 0`).run();
  }
});
afterAll(async () => {
  await client?.close();
});

/** The row of a kind with the most behind it (a village with nothing would prove little). */
const busiest = (report: Report, kind: Row['kind']): Row | undefined =>
  report.rows.filter((r) => r.kind === kind && r.regionCode !== '').sort((a, b) => weight(b) - weight(a))[0];
const weight = (r: Row) => Object.values(r.values).reduce<number>((n, v) => n + (v ?? 0), 0);

/** Every page of a drill: the ids (distinct, checked) and the values listed. */
async function drillAll(report: Report, row: Row, measure: string) {
  const ids: number[] = [];
  const values: number[] = [];
  let first: Drill | undefined;
  for (let offset = 0; ; offset += 500) {
    const page = await client.ok('reports.drill', {
      id: report.id,
      regionCode: report.parameters.regionCode,
      year: report.parameters.year,
      asOf,
      rowRegionCode: row.regionCode,
      measure,
      offset,
      limit: 500,
    });
    first ??= page;
    for (const r of page.rows) {
      ids.push(r.id);
      if (r.value !== null) values.push(r.value);
    }
    if (page.rows.length < 500) break;
  }
  if (first === undefined) throw new Error('no page');
  return { first, ids, values };
}

async function expectDrillsMatch(report: Report, rows: readonly Row[]) {
  for (const row of rows)
    for (const c of report.columns) {
      const cell = row.values[c.key];
      const { first, ids, values } = await drillAll(report, row, c.key);
      const where = `${report.id} ${row.label} ${c.path.join('/')}`;
      expect(new Set(ids).size, `${where}: distinct`).toBe(ids.length);
      expect(first.total, `${where}: total = rows listed`).toBe(ids.length);
      if (c.kind === 'rate') {
        // A rate drills to its numerator: the list is that number's.
        const col = report.columns.find((x) => x.key === first.measure.key);
        expect(first.rate?.key, where).toBe(c.key);
        const numerator = row.values[first.measure.key] ?? 0;
        if (col?.kind === 'sum') expect(first.sum, where).toBeCloseTo(numerator, 2);
        else expect(first.total, where).toBe(numerator);
      } else if (c.kind === 'sum') {
        expect(first.sum, `${where}: Σ`).toBeCloseTo(cell ?? 0, 2);
        expect(
          values.reduce((a, b) => a + b, 0),
          `${where}: Σ of the values listed`,
        ).toBeCloseTo(cell ?? 0, 2);
      } else expect(first.total, where).toBe(cell);
    }
}

describe('reports.drill lists exactly what each number counts', () => {
  for (const def of allReports())
    it(`${def.title} (${def.id}): 合计, a 小计 and a village at county level; 合计 of a 乡镇`, async () => {
      const report = await client.ok('reports.run', { id: def.id, regionCode: null, year: null, asOf });
      const rows = [busiest(report, 'total'), busiest(report, 'subtotal'), busiest(report, 'unit')];
      expect(rows.every((r) => r !== undefined)).toBe(true);
      // The sample fills the report: the drill is tested on numbers, not zeros.
      expect(weight(rows[2] as Row)).toBeGreaterThan(0);
      await expectDrillsMatch(report, rows as Row[]);
      const township = rows[1] as Row;
      const local = await client.ok('reports.run', { id: def.id, regionCode: township.regionCode, year: null, asOf });
      await expectDrillsMatch(local, [local.rows[0] as Row]);
    });
}); // prettier-ignore

describe('reports.drill rows', () => {
  it('lists households with 户编号, 户主, place and members, masked IDs; persons with relation and masked IDs', async () => {
    const report = await client.ok('reports.run', { id: 'migrant_work', regionCode: null, year: null, asOf });
    const village = busiest(report, 'unit') as Row;
    const base = { id: 'migrant_work', regionCode: null, year: null, asOf, rowRegionCode: village.regionCode, offset: 0, limit: 100 };
    const households = await client.ok('reports.drill', { ...base, measure: 'planned_in_county_households' });
    expect(households.list).toBe('households');
    expect(households.rowLabel).toBe(village.label);
    expect(households.measure.path).toEqual(['计划外出务工', '县内', '户数']);
    const h = households.list === 'households' ? households.rows[0] : undefined;
    expect(h?.householdNo).toMatch(/^\d+$/);
    expect(h?.headIdNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(h?.place).toContain(village.label);
    expect(h?.members).toBeGreaterThan(0);

    const persons = await client.ok('reports.drill', { ...base, measure: 'persons' });
    expect(persons.list).toBe('persons');
    const p = persons.list === 'persons' ? persons.rows[0] : undefined;
    expect(p?.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(p?.relation).toMatch(/^\d{2}$/);
    expect(p?.recordId).toBeNull();
  });

  it('lists records (with the summed value) and people outside the register once per record', async () => {
    const credit = await client.ok('reports.drill', { id: 'micro_credit', regionCode: null, year: null, asOf, rowRegionCode: '420626000000', measure: 'balance', offset: 0, limit: 5 });
    expect(credit.list).toBe('records');
    expect(credit.valueLabel).toMatch(/余额/);
    if (credit.list === 'records') {
      expect(credit.ledgerId).toBe('micro_credit');
      expect(credit.rows[0]?.subject.idNumber ?? '').not.toMatch(/^\d{18}$/);
    }
    // People outside the register come after the register's members: read the last page.
    const drill = (offset: number, limit: number) => client.ok('reports.drill', { id: 'returnee_screening', regionCode: null, year: null, asOf, rowRegionCode: '420626000000', measure: 'persons', offset, limit });
    const { total } = await drill(0, 1);
    const screened = await drill(Math.max(0, total - 500), 500);
    const outsiders = screened.list === 'persons' ? screened.rows.filter((r) => r.outsideRegister) : [];
    expect(outsiders.length).toBeGreaterThan(0);
    expect(outsiders.every((r) => r.personId === null && r.recordId === -r.id && r.idNumber !== null && r.idNumber.includes('*'))).toBe(true);
  });

  it('refuses a row outside the report region, an unknown measure and a malformed request', async () => {
    const report = await client.ok('reports.run', { id: 'register_basics', regionCode: null, year: null, asOf: null });
    const [a, b] = report.rows.filter((r) => r.kind === 'subtotal') as [Row, Row];
    const outside = await client.fail('reports.drill', { id: 'register_basics', regionCode: a.regionCode, year: null, asOf: null, rowRegionCode: b.regionCode, measure: 'households', offset: 0, limit: 10 });
    expect(outside.code).toBe('bad-request');
    expect(outside.message).toContain('不在这张报表的区划');
    const unknown = await client.fail('reports.drill', { id: 'register_basics', regionCode: null, year: null, asOf: null, rowRegionCode: a.regionCode, measure: 'no_such', offset: 0, limit: 10 });
    expect(unknown.code).toBe('not-found');
    const bad = await client.fail('reports.drill', { id: 'register_basics', regionCode: null, year: null, asOf: null, rowRegionCode: a.regionCode, measure: 'households', offset: 0, limit: 5000 });
    expect(bad.code).toBe('bad-request');
  });
}); // prettier-ignore
