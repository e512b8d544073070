// 安全饮水情况表 over a ledger with known contents: households solved or not (the unsolved with one or several 存在问题), of every 水源类型 and 解决措施 or
// none, 水质检测 passed, failed or blank, and households with no record. Every cell of every row is checked
// against figures computed here from what the test wrote, at county and at township level.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../shared/contract/index.ts';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';
import {
  insertRecords,
  insertRegister,
  villagesOf,
  type TestHousehold,
  type VillageRef,
  expectEveryCell,
  expectedRate,
} from '../helpers/report-ledger.ts';

type Rec = { household_id: number; solved: number; source_type: string | null; problems: string | null; measure: string | null; solved_date: string | null; water_quality_tested: number | null }; // prettier-ignore
let client: TestClient;
let households: TestHousehold[] = [];
let villages: VillageRef[] = [];
const recs: Rec[] = [];
const SOURCES = ['01', '02', '03', '04', '05', '06', '99', null];
const MEASURES = ['01', '02', '03', '04', '05', '06', null];

beforeAll(async () => {
  client = await openTestClient();
  await client.ok('ledger.create', { countyCode: '420626' });
  villages = villagesOf(client.core.ledger).filter((_, i) => i % 3 !== 1);
  households = insertRegister(client.core.ledger, villages, Array.from({ length: 900 }, () => [{}]));
  households.forEach((h, i) => {
    if (i % 5 === 4) return; // no record
    const solved = i % 6 === 0 ? 0 : 1;
    const measure = solved === 1 ? (MEASURES[Math.floor(i / 2) % MEASURES.length] ?? null) : null;
    recs.push({ household_id: h.id, solved, source_type: SOURCES[i % SOURCES.length] ?? null, problems: solved === 0 ? (i % 4 === 0 ? '01,02' : i % 5 === 1 ? '02,05,99' : '03') : null, measure, solved_date: measure === null ? null : '2020-05-01', water_quality_tested: i % 3 === 0 ? null : i % 3 === 1 ? 1 : 0 });
  });
  insertRecords(client.core.ledger, 'drinking_water', recs);
}, 60_000); // prettier-ignore

afterAll(async () => {
  await client?.close();
});

const rate = expectedRate;

function expected(inside: (h: TestHousehold) => boolean): Record<string, number | null> {
  const ids = new Set(households.filter(inside).map((h) => h.id));
  const mine = recs.filter((r) => ids.has(r.household_id));
  const homes = (test: (r: Rec) => boolean) => new Set(mine.filter(test).map((r) => r.household_id)).size;
  const all = homes(() => true);
  const solved = homes((r) => r.solved === 1);
  const out: Record<string, number | null> = { households: all, solved, solved_rate: rate(solved, all), unsolved: homes((r) => r.solved === 0) };
  for (const code of ['01', '02', '03', '04', '05', '06', '99']) out[`source_${code}_households`] = homes((r) => r.source_type === code);
  for (const code of ['01', '02', '03', '04', '05', '99']) out[`problem_${code}_households`] = homes((r) => r.solved === 0 && (r.problems ?? '').split(',').includes(code));
  for (const code of ['01', '02', '03', '04', '05', '06', '99']) out[`measure_${code}_households`] = homes((r) => r.measure === code);
  out.quality_passed = homes((r) => r.water_quality_tested === 1);
  return out;
} // prettier-ignore

function checkEveryCell(report: ResponseOf<'reports.run'>, township: string | null) {
  return expectEveryCell(report, township, expected);
}

describe('安全饮水情况表', () => {
  it('counts households solved or not, by 水源类型 and 解决措施, 水质检测合格; every cell exact', async () => {
    const report = await client.ok('reports.run', { id: 'drinking_water' });
    expect(report.rows[0]?.values.households).toBe(recs.length);
    expect(Number(report.rows[0]?.values.measure_06_households)).toBeGreaterThan(0);
    expect(Number(report.rows[0]?.values.problem_05_households)).toBeGreaterThan(0);
    await checkEveryCell(report, null);
    const township = await client.ok('reports.run', { id: 'drinking_water', regionCode: villages[0]?.townshipCode as string });
    await checkEveryCell(township, villages[0]?.townshipCode as string);
  });
}); // prettier-ignore
