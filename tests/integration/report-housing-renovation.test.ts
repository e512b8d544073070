// 危房改造进度表 over a ledger with known contents: households of every 对象类别 and 危房等级, dates of 鉴定,
// 开工, 竣工, 验收 and 拨付 before, on and after the as-of date or missing. Every cell of every row is checked
// against figures computed here from what the test wrote; another as-of date moves the progress.
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

type Rec = { household_id: number; target_category: string; danger_level: string; appraisal_date: string | null; start_date: string | null; completion_date: string | null; acceptance_date: string | null; subsidy_standard: number | null; paid_amount: number | null; paid_date: string | null }; // prettier-ignore
let client: TestClient;
let households: TestHousehold[] = [];
let villages: VillageRef[] = [];
const recs: Rec[] = [];
const DATES = [null, '2020-03-01', '2020-06-30', '2020-07-01', '2020-11-20'];

beforeAll(async () => {
  client = await openTestClient();
  await client.ok('ledger.create', { countyCode: '420626' });
  villages = villagesOf(client.core.ledger).filter((_, i) => i % 2 === 0);
  households = insertRegister(client.core.ledger, villages, Array.from({ length: 1200 }, () => [{}]));
  households.forEach((h, i) => {
    if (i % 4 === 3) return; // not in the programme
    const d = (k: number) => DATES[(i + k) % DATES.length] ?? null;
    const paid = i % 3 === 0 ? null : 10_000 + (i % 4) * 2500.5;
    recs.push({ household_id: h.id, target_category: ['01', '02', '03', '04', '05'][i % 5] as string, danger_level: ['01', '02', '03'][i % 3] as string, appraisal_date: d(0), start_date: d(1), completion_date: d(2), acceptance_date: d(3), subsidy_standard: i % 7 === 0 ? null : i % 2 === 0 ? 20_000 : 15_000, paid_amount: paid, paid_date: paid === null ? null : d(4) });
  });
  insertRecords(client.core.ledger, 'housing_renovation', recs);
}, 60_000); // prettier-ignore

afterAll(async () => {
  await client?.close();
});

const rate = expectedRate;

function expected(inside: (h: TestHousehold) => boolean, asOf: string): Record<string, number | null> {
  const ids = new Set(households.filter(inside).map((h) => h.id));
  const mine = recs.filter((r) => ids.has(r.household_id));
  const homes = (test: (r: Rec) => boolean) => new Set(mine.filter(test).map((r) => r.household_id)).size;
  const by = (d: string | null) => d !== null && d <= asOf;
  const sum = (f: (r: Rec) => number) => Math.round(mine.reduce((s, r) => s + f(r), 0) * 100) / 100;
  const households_ = homes(() => true);
  const started = homes((r) => by(r.start_date));
  const completed = homes((r) => by(r.completion_date));
  const subsidy = sum((r) => r.subsidy_standard ?? 0);
  const paid = sum((r) => (by(r.paid_date) ? (r.paid_amount ?? 0) : 0));
  return {
    households: households_, priority: homes((r) => r.target_category !== '05'), poor: homes((r) => r.target_category === '01'),
    level_c: homes((r) => r.danger_level === '01'), level_d: homes((r) => r.danger_level === '02'),
    appraised: homes((r) => by(r.appraisal_date)), started, started_rate: rate(started, households_), completed, completed_rate: rate(completed, households_), accepted: homes((r) => by(r.acceptance_date)),
    subsidy, paid_households: homes((r) => (r.paid_amount ?? 0) > 0 && by(r.paid_date)), paid, paid_rate: rate(paid, subsidy),
  };
} // prettier-ignore

function checkEveryCell(report: ResponseOf<'reports.run'>, township: string | null) {
  return expectEveryCell(report, township, (inside) => expected(inside, report.parameters.asOf));
}

describe('危房改造进度表', () => {
  it('counts 鉴定/开工/竣工/验收/拨付 by their dates up to the as-of date; every cell exact', async () => {
    const report = await client.ok('reports.run', { id: 'housing_renovation', asOf: '2020-06-30' });
    expect(report.rows[0]?.values.households).toBe(recs.length);
    await checkEveryCell(report, null);
    const later = await client.ok('reports.run', { id: 'housing_renovation', asOf: '2020-12-31', regionCode: villages[0]?.townshipCode as string });
    expect(Number(later.rows[0]?.values.started)).toBeGreaterThan(0);
    await checkEveryCell(later, villages[0]?.townshipCode as string);
  });
}); // prettier-ignore
