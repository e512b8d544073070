// 扶贫小额信贷统计表 over a ledger with known contents: households with no, one or two loans, balances settled
// and owed, overdue amounts, 续贷 and 展期, loans 受疫情影响. Every cell of every row (county and one 乡镇) is
// checked against figures computed here from what the test wrote; a household with two loans counts once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';
import {
  expectEveryCell,
  insertRecords,
  insertRegister,
  villagesOf,
  type TestHousehold,
  type VillageRef,
  expectedRate,
} from '../helpers/report-ledger.ts';

type Rec = { household_id: number; contract_no: string; amount: number; repaid: number | null; balance: number; overdue_amount: number | null; extension_type: string | null; covid_affected: number | null; interest_subsidy: number | null }; // prettier-ignore
let client: TestClient;
let households: TestHousehold[] = [];
let villages: VillageRef[] = [];
const recs: Rec[] = [];

beforeAll(async () => {
  client = await openTestClient();
  await client.ok('ledger.create', { countyCode: '420626' });
  villages = villagesOf(client.core.ledger).filter((_, i) => i % 2 === 0);
  households = insertRegister(client.core.ledger, villages, Array.from({ length: 900 }, () => [{}]));
  households.forEach((h, i) => {
    const loans = i % 5 === 0 ? 0 : i % 4 === 0 ? 2 : 1;
    for (let k = 0; k < loans; k++) {
      const amount = [50_000, 30_000, 20_000][(i + k) % 3] as number;
      const repaid = (i + k) % 6 === 0 ? amount : (i + k) % 6 === 1 ? null : 5_000.5;
      const balance = Math.round((amount - (repaid ?? 0)) * 100) / 100;
      recs.push({ household_id: h.id, contract_no: `HT${i}-${k}`, amount, repaid, balance, overdue_amount: balance > 0 && (i + k) % 7 === 0 ? 3_000 + k : null, extension_type: [null, '01', '02', null][(i + k) % 4] ?? null, covid_affected: [1, 0, null][(i + 2 * k) % 3] ?? null, interest_subsidy: (i + k) % 2 === 0 ? 1_200.25 : null });
    }
  });
  insertRecords(client.core.ledger, 'micro_credit', recs);
}, 60_000); // prettier-ignore

afterAll(async () => {
  await client?.close();
});

const rate = expectedRate;

function expected(inside: (h: TestHousehold) => boolean): Record<string, number | null> {
  const ids = new Set(households.filter(inside).map((h) => h.id));
  const mine = recs.filter((r) => ids.has(r.household_id));
  const homes = (test: (r: Rec) => boolean) => new Set(mine.filter(test).map((r) => r.household_id)).size;
  const sum = (f: (r: Rec) => number) => Math.round(mine.reduce((s, r) => s + f(r), 0) * 100) / 100;
  const covid = (r: Rec) => r.covid_affected === 1;
  const balance = sum((r) => r.balance);
  const overdue = sum((r) => r.overdue_amount ?? 0);
  return {
    households: homes(() => true), loans: mine.length, amount: sum((r) => r.amount),
    balance_households: homes((r) => r.balance > 0), balance,
    overdue_households: homes((r) => (r.overdue_amount ?? 0) > 0), overdue, overdue_rate: rate(overdue, balance),
    renewed_households: homes((r) => r.extension_type === '01'), extended_households: homes((r) => r.extension_type === '02'),
    renewed_extended_amount: sum((r) => (r.extension_type === null ? 0 : r.amount)),
    covid_households: homes(covid), covid_balance: sum((r) => (covid(r) ? r.balance : 0)), covid_overdue: sum((r) => (covid(r) ? (r.overdue_amount ?? 0) : 0)),
    interest_subsidy: sum((r) => r.interest_subsidy ?? 0),
  };
} // prettier-ignore

describe('扶贫小额信贷统计表', () => {
  it('counts households once however many loans, sums amounts by loan; every cell exact', async () => {
    const report = await client.ok('reports.run', { id: 'micro_credit' });
    expect(report.rows[0]?.values.loans).toBe(recs.length);
    expect(Number(report.rows[0]?.values.households)).toBeLessThan(recs.length);
    await expectEveryCell(report, null, expected);
    const township = villages[0]?.townshipCode as string;
    await expectEveryCell(await client.ok('reports.run', { id: 'micro_credit', regionCode: township }), township, expected);
  });
}); // prettier-ignore
