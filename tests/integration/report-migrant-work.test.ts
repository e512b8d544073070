// 贫困劳动力外出务工情况统计表 over a county-sized 外出务工 ledger with known contents: the 保康县 figures
// (15,670 households / 23,495 persons planning to work away; 县内 6,531 户 9,062 人, 县外市内 1,321 户 1,572 人,
// 市外省内 1,997 户 2,316 人, 省外 8,073 户 10,545 人; 2,252 households with members both 县内 and 省外), plus
// departures, 有意愿未外出, 点对点, 交通补贴, another 年度 and households with no record. Every cell of every row
// is checked against counts computed here from the data the test wrote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../shared/contract/index.ts';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';
import { runLedgerCli } from '../helpers/run-cli.ts';
import {
  insertRecords,
  insertRegister,
  villagesOf,
  type TestHousehold,
  type VillageRef,
  expectEveryCell,
} from '../helpers/report-ledger.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';
import { shortRegionName } from '../../shared/region-name.ts';

type Rec = Record<string, string | number | null> & { person_id: number; year: number };
type Report = ResponseOf<'reports.run'>;

const file = tempLedgerPath();
let client: TestClient;
let households: TestHousehold[] = [];
const records: Rec[] = [];
let villages: VillageRef[] = [];

// Destination sets of the planning households: 县内 only, 省外 only, both, 县外市内, 市外省内.
const SHAPES: Array<{ count: number; dests: string[] }> = [
  { count: 6531 - 2252, dests: ['01'] },
  { count: 8073 - 2252, dests: ['04'] },
  { count: 2252, dests: ['01', '04'] },
  { count: 1321, dests: ['02'] },
  { count: 1997, dests: ['03'] },
];
/** Planned persons per 去向 (the first household of each gets one; the extra go to the first ones). */
const PERSONS: Record<string, number> = { '01': 9062, '02': 1572, '03': 2316, '04': 10545 };

beforeAll(async () => {
  client = await openTestClient(file);
  await client.ok('ledger.create', { countyCode: '420626' });
  const all = villagesOf(client.core.ledger);
  // Leave the last township and every fifth village empty: they must still be listed, with zeros.
  const lastTownship = all.at(-1)?.townshipCode;
  villages = all.filter((v, i) => v.townshipCode !== lastTownship && i % 5 !== 4);

  // Each planning household: its planned members per 去向, then one more member (departed, 有意愿未外出,
  // 未外出 or no record), so the register has people who plan nothing.
  const households_: Array<{ dests: Array<{ dest: string; n: number }> }> = [];
  for (const shape of SHAPES) for (let i = 0; i < shape.count; i++) households_.push({ dests: shape.dests.map((dest) => ({ dest, n: 1 })) });
  for (const dest of Object.keys(PERSONS)) {
    const holders = households_.filter((h) => h.dests.some((d) => d.dest === dest));
    let extra = (PERSONS[dest] as number) - holders.length;
    for (let i = 0; extra > 0; i = (i + 1) % holders.length, extra--) {
      const d = holders[i]?.dests.find((x) => x.dest === dest);
      if (d) d.n += 1;
    }
  }
  const plan = households_.map((h) => [...h.dests.flatMap((d) => Array.from({ length: d.n }, () => d.dest)), 'other']);
  // 600 households of the register with no 外出务工 record at all.
  for (let i = 0; i < 600; i++) plan.push(['none', 'none']);
  // Shuffle deterministically so that villages get a mix of shapes.
  const order = plan.map((_, i) => i).sort((a, b) => ((a * 7919) % 1009) - ((b * 7919) % 1009) || a - b);
  const shuffled = order.map((i) => plan[i] as string[]);
  households = insertRegister(
    client.core.ledger,
    villages,
    shuffled.map((members) => members.map((_, j) => ({ labor_skill: ['01', '02', '03', null][j % 4] ?? null }))),
  );

  let k = 0;
  households.forEach((h, i) => {
    const roles = shuffled[i] as string[];
    h.members.forEach((p, j) => {
      const role = roles[j] as string;
      k++;
      if (role === 'none') return;
      if (role !== 'other') {
        records.push({ person_id: p.id, year: 2020, planned: 1, planned_destination: role, status: '04', point_to_point: null, transport_subsidy: null });
        // An earlier 年度's plan of the same person: never counted with 2020.
        if (k % 10 === 0) records.push({ person_id: p.id, year: 2019, planned: 1, planned_destination: '04', status: '04', point_to_point: null, transport_subsidy: null });
        return;
      }
      switch (i % 4) {
        case 0: // departed (已外出 or 已返岗) to one of the five 去向 (境外 included), some 点对点, some subsidised
          records.push({ person_id: p.id, year: 2020, planned: null, planned_destination: null, status: i % 8 === 0 ? '01' : '02', destination: ['01', '02', '03', '04', '05'][i % 5] ?? null, point_to_point: i % 7 === 0 ? 1 : 0, transport_subsidy: i % 3 === 0 ? 200 + (i % 5) * 50.5 : null });
          return;
        case 1:
          records.push({ person_id: p.id, year: 2020, planned: null, planned_destination: null, status: '05', point_to_point: null, transport_subsidy: null });
          return;
        case 2:
          records.push({ person_id: p.id, year: 2020, planned: 0, planned_destination: null, status: '03', point_to_point: null, transport_subsidy: null });
          return;
      }
    });
  });
  insertRecords(client.core.ledger, 'migrant_work', records);
}, 120_000); // prettier-ignore

afterAll(async () => {
  await client?.close();
});

/** Every cell of the report, computed from the rows this test wrote (households inside `inside`). */
function expected(inside: (h: TestHousehold) => boolean, year = 2020): Record<string, number> {
  const hs = households.filter(inside);
  const byPerson = new Map<number, TestHousehold>();
  for (const h of hs) for (const p of h.members) byPerson.set(p.id, h);
  const recs = records.filter((r) => r.year === year && byPerson.has(r.person_id));
  const count = (test: (r: Rec) => boolean) => {
    const persons = new Set<number>();
    const homes = new Set<number>();
    for (const r of recs)
      if (test(r)) {
        persons.add(r.person_id);
        homes.add((byPerson.get(r.person_id) as TestHousehold).id);
      }
    return { households: homes.size, persons: persons.size };
  };
  const out: Record<string, number> = {
    households: hs.length,
    persons: hs.reduce((n, h) => n + h.members.length, 0),
    labor: hs.reduce((n, h) => n + h.members.filter((p) => ['01', '02'].includes(String(p.values.labor_skill))).length, 0),
  };
  const groups: Array<[string, (r: Rec) => boolean]> = [
    ['planned_total', (r) => r.planned === 1],
    ['out_total', (r) => r.status === '01' || r.status === '02'],
  ];
  const dests: Array<[string, string]> = [['in_county', '01'], ['in_city', '02'], ['in_province', '03'], ['out_province', '04']];
  for (const [key, code] of dests) {
    groups.push([`planned_${key}`, (r) => r.planned === 1 && r.planned_destination === code]);
    groups.push([`out_${key}`, (r) => (r.status === '01' || r.status === '02') && r.destination === code]);
  }
  for (const [key, test] of groups) {
    const c = count(test);
    out[`${key}_households`] = c.households;
    out[`${key}_persons`] = c.persons;
  }
  out.point_to_point = count((r) => r.point_to_point === 1).persons;
  out.subsidy_persons = count((r) => Number(r.transport_subsidy ?? 0) > 0).persons;
  out.subsidy_amount = Math.round(recs.reduce((s, r) => s + Number(r.transport_subsidy ?? 0), 0) * 100) / 100;
  out.willing_not_out = count((r) => r.status === '05').persons;
  return out;
} // prettier-ignore

function checkEveryCell(report: Report) {
  const { regionCode } = report.parameters;
  const township = villages.some((v) => v.townshipCode === regionCode) ? regionCode : null;
  return expectEveryCell(report, township, (inside) => expected(inside, report.parameters.year ?? 2020));
}

describe('贫困劳动力外出务工情况统计表', () => {
  it('reproduces the 保康县 figures in 合计: 户数 once per column and once in 合计', async () => {
    const report = await client.ok('reports.run', { id: 'migrant_work' });
    expect(report.parameters.year).toBe(2020);
    expect(report.years).toEqual([2020, 2019]);
    const total = report.rows[0];
    expect(total?.kind).toBe('total');
    expect(total?.label).toBe('合计');
    expect(total?.values).toMatchObject({
      planned_total_households: 15670,
      planned_total_persons: 23495,
      planned_in_county_households: 6531,
      planned_in_county_persons: 9062,
      planned_in_city_households: 1321,
      planned_in_city_persons: 1572,
      planned_in_province_households: 1997,
      planned_in_province_persons: 2316,
      planned_out_province_households: 8073,
      planned_out_province_persons: 10545,
    });
    // The households with members both 县内 and 省外 are why 户数 do not add across columns.
    const v = total?.values ?? {};
    const byColumn = ['in_county', 'in_city', 'in_province', 'out_province'].reduce((s, k) => s + Number(v[`planned_${k}_households`]), 0);
    expect(byColumn - Number(v.planned_total_households)).toBe(2252);
    expect(report.notes.join('')).toContain('户数不能跨列相加');
  });

  it('lists 合计, then each 乡镇 小计 with all its villages (empty ones with zeros); every cell is exact', async () => {
    const report = await client.ok('reports.run', { id: 'migrant_work' });
    const tree = await client.ok('regions.tree', {});
    const townships = tree.filter((r) => r.level === 'township');
    const expectedOrder = [
      '合计',
      ...townships.flatMap((t) => [`${t.name}小计`, ...tree.filter((r) => r.parentCode === t.code && r.level === 'village').map((r) => shortRegionName(r.name))]),
    ];
    expect(report.rows.map((r) => r.label)).toEqual(expectedOrder);
    const empty = report.rows.find((r) => r.kind === 'unit' && !villages.some((v) => v.code === r.regionCode));
    expect(empty && Object.values(empty.values).every((n) => n === 0)).toBe(true);
    await checkEveryCell(report);
  }, 60_000);

  it('at township level lists its villages; another 年度 counts only that 年度', async () => {
    const township = villages[0]?.townshipCode as string;
    const report = await client.ok('reports.run', { id: 'migrant_work', regionCode: township });
    expect(report.rows.slice(1).every((r) => r.kind === 'unit')).toBe(true);
    await checkEveryCell(report);
    const earlier = await client.ok('reports.run', { id: 'migrant_work', regionCode: township, year: 2019 });
    expect(earlier.parameters.year).toBe(2019);
    expect(Number(earlier.rows[0]?.values.planned_out_province_persons)).toBeGreaterThan(0);
    await checkEveryCell(earlier);
  }, 60_000);

  it('has a header of merged rows over the measures', async () => {
    const report = await client.ok('reports.run', { id: 'migrant_work' });
    expect(report.header.length).toBe(3);
    expect(report.header[0]?.map((c) => c.label)).toEqual(['建档立卡', '贫困劳动力人数', '计划外出务工', '已外出务工', '其中“点对点”输送人数', '享受交通补贴', '有务工意愿未外出人数']);
    expect(report.header[0]?.find((c) => c.label === '计划外出务工')?.colSpan).toBe(10);
    expect(report.header[0]?.find((c) => c.label === '贫困劳动力人数')?.rowSpan).toBe(3);
    expect(report.columns.find((c) => c.key === 'planned_out_province_households')?.path).toEqual(['计划外出务工', '省外', '户数']);
  });

  it('is listed and run by the CLI with --json, the same numbers', async () => {
    const inCore = await client.ok('reports.run', { id: 'migrant_work', asOf: '2020-06-30' });
    await client.close();
    const list = runLedgerCli(['reports', '--json', '--db', file]);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toContainEqual({ id: 'migrant_work', title: '贫困劳动力外出务工情况统计表', parameters: ['region', 'year'], unit: '户、人、元' });
    const run = runLedgerCli(['report', 'migrant_work', '--year', '2020', '--as-of', '2020-06-30', '--json', '--db', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(inCore);
    const bad = runLedgerCli(['report', 'no_such', '--json', '--db', file]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('没有编号为“no_such”的报表');
    const badDate = runLedgerCli(['report', 'migrant_work', '--as-of', '2020-13-01', '--db', file]);
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toContain('统计日期不是有效日期');
    client = await openTestClient(file);
  }, 60_000);
}); // prettier-ignore
