// Reports over ledgers whose records sit on a region (问题整改) or optionally on one (扶贫项目): records on
// villages, on groups of villages, on townships, on the county and (projects) nowhere. Villages list their
// own and their groups' records; township- and county-level records count in 小计/合计 only; unplaced
// projects get a 未定位 row. Rates (销号率, 开工率, 拨付率) and 逾期未改 on the as-of date. Every cell of every
// row is checked against figures computed here from what the test wrote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../shared/contract/index.ts';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';
import {
  insertRecords,
  villagesOf,
  type VillageRef,
  expectedRate,
  expectReportWorkbook,
} from '../helpers/report-ledger.ts';

type Row = Record<string, string | number | null> & { region_code: string | null };
let client: TestClient;
let villages: VillageRef[] = [];
let county = '';
const issues: Row[] = [];
const projects: Row[] = [];
const AS_OF = '2020-06-30';

const rate = expectedRate;
const money = (n: number) => Math.round(n * 100) / 100;

beforeAll(async () => {
  client = await openTestClient();
  await client.ok('ledger.create', { countyCode: '420626' });
  const db = client.core.ledger.sqlite;
  county = (db.prepare(`SELECT code FROM regions WHERE level = 'county'`).pluck().get() as string) ?? '';
  villages = villagesOf(client.core.ledger).filter((_, i) => i % 3 === 0);
  // A group under every other used village.
  const groups = villages.filter((_, i) => i % 2 === 0).map((v) => `${v.code}-01`);
  for (const g of groups)
    db.prepare(`INSERT INTO regions (code, parent_code, level, name, origin, created_at, updated_at) VALUES (?, ?, 'group', '一组', 'manual', '2020-01-01', '2020-01-01')`).run(g, g.slice(0, 12));
  const townships = [...new Set(villages.map((v) => v.townshipCode))];
  const places = [...villages.map((v) => v.code), ...groups, ...townships, county];
  for (let i = 0; i < 900; i++) {
    const status = ['01', '02', '03'][i % 3] as string;
    issues.push({ region_code: places[(i * 7) % places.length] as string, source: ['01', '02', '03', '04'][i % 4] as string, description: `问题${i}`, status, deadline: i % 5 === 0 ? null : `2020-0${1 + (i % 9)}-15`, closed_date: status === '03' ? '2020-05-01' : null });
  }
  for (let i = 0; i < 400; i++) {
    const funds = { fund_central: (i % 4) * 10000.5, fund_province: (i % 3) * 5000, fund_city_county: 1000, fund_integrated: i % 2 === 0 ? 2500.25 : null, fund_other: null };
    const total = Object.values(funds).reduce<number>((s, v) => s + (v ?? 0), 0);
    projects.push({ region_code: i % 17 === 0 ? null : (places[(i * 5) % places.length] as string), project_no: `XM${i}`, name: `项目${i}`, type: '01', status: i % 11 === 0 ? null : (['01', '02', '03', '04', '05'][i % 5] as string), ...funds, fund_total: total, paid_amount: i % 3 === 0 ? money(total / 2) : null });
  }
  insertRecords(client.core.ledger, 'rectification', issues);
  insertRecords(client.core.ledger, 'poverty_projects', projects);
}, 60_000); // prettier-ignore

afterAll(async () => {
  await client?.close();
});

/** Which records a row covers. */
function inside(row: ResponseOf<'reports.run'>['rows'][number], township: string | null) {
  return (code: string | null): boolean => {
    if (row.label === '未定位') return code === null;
    if (row.kind === 'total')
      return township === null || (code !== null && code.startsWith(township.slice(0, 9)));
    if (code === null) return false;
    if (row.kind === 'subtotal') return code !== county && code.startsWith(row.regionCode.slice(0, 9));
    return code === row.regionCode || code.startsWith(`${row.regionCode}-`);
  };
}

function expectedIssues(has: (code: string | null) => boolean) {
  const mine = issues.filter((r) => has(r.region_code));
  const n = (test: (r: Row) => boolean) => mine.filter(test).length;
  const closed = n((r) => r.status === '03');
  return { total: mine.length, pending: n((r) => r.status === '01'), in_progress: n((r) => r.status === '02'), closed, closed_rate: rate(closed, mine.length), overdue: n((r) => r.status !== '03' && r.deadline !== null && String(r.deadline) < AS_OF) };
} // prettier-ignore

function expectedProjects(has: (code: string | null) => boolean) {
  const mine = projects.filter((r) => has(r.region_code) && r.status !== '05');
  const all = projects.filter((r) => has(r.region_code));
  const sum = (col: string) => money(mine.reduce((s, r) => s + Number(r[col] ?? 0), 0));
  const started = all.filter((r) => ['02', '03', '04'].includes(String(r.status))).length;
  const completed = all.filter((r) => ['03', '04'].includes(String(r.status))).length;
  const out: Record<string, number | null> = { projects: mine.length, started, started_rate: rate(started, mine.length), completed, completed_rate: rate(completed, mine.length) };
  for (const c of ['fund_total', 'fund_central', 'fund_province', 'fund_city_county', 'fund_integrated', 'fund_other', 'paid_amount']) out[c] = sum(c);
  out.paid_rate = rate(Number(out.paid_amount), Number(out.fund_total));
  return out;
} // prettier-ignore

describe('reports over region-placed records', () => {
  it('问题整改进度表: 销号率 and 逾期未改 on the as-of date; every cell exact', async () => {
    const report = await client.ok('reports.run', { id: 'rectification', asOf: AS_OF });
    expect(report.parameters.asOf).toBe(AS_OF);
    expect(report.rows[0]?.values.total).toBe(issues.length);
    for (const row of report.rows) expect({ label: row.label, values: row.values }).toEqual({ label: row.label, values: expectedIssues(inside(row, null)) });
    const township = villages[0]?.townshipCode as string;
    await expectReportWorkbook(report, report.rows.map((row) => ({ label: row.label, kind: row.kind, values: expectedIssues(inside(row, null)) })));
    const local = await client.ok('reports.run', { id: 'rectification', asOf: AS_OF, regionCode: township });
    for (const row of local.rows) expect({ label: row.label, values: row.values }).toEqual({ label: row.label, values: expectedIssues(inside(row, township)) });
    await expectReportWorkbook(local, local.rows.map((row) => ({ label: row.label, kind: row.kind, values: expectedIssues(inside(row, township)) })));
    // Another as-of date moves 逾期未改 only.
    const early = await client.ok('reports.run', { id: 'rectification', asOf: '2020-01-01' });
    expect(early.rows[0]?.values.overdue).toBe(0);
  });

  it('扶贫项目与资金进度表: 开工率, 拨付率, cancelled projects out, unplaced projects in a 未定位 row; every cell exact', async () => {
    const report = await client.ok('reports.run', { id: 'poverty_projects' });
    expect(report.rows.at(-1)?.label).toBe('未定位');
    for (const row of report.rows) expect({ label: row.label, values: row.values }).toEqual({ label: row.label, values: expectedProjects(inside(row, null)) });
    await expectReportWorkbook(report, report.rows.map((row) => ({ label: row.label, kind: row.kind, values: expectedProjects(inside(row, null)) })));
    const empty = report.rows.find((r) => r.kind === 'unit' && r.values.projects === 0);
    expect(empty?.values.started_rate).toBeNull();
  });
}); // prettier-ignore
