// 基本医疗参保情况表 over a ledger with known contents: two 年度 of records for the same people, insured or
// not (with every 不参保原因 or none), 职工医保, every 资助类别 and blanks, 慢特病证. Every cell of every row of
// each 年度 is checked against figures computed here from what the test wrote.
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

type Rec = { person_id: number; year: number; insured: number; employee_insured: number | null; subsidy_category: string | null; subsidy_amount: number | null; not_insured_reason: string | null; chronic_card: number | null }; // prettier-ignore
let client: TestClient;
let households: TestHousehold[] = [];
let villages: VillageRef[] = [];
const recs: Rec[] = [];
const REASONS = ['01', '02', '03', '04', '05', '06', '07', '99'];
const CATEGORIES = ['01', '02', '03', '04', '05', '06', '99', null];

beforeAll(async () => {
  client = await openTestClient();
  await client.ok('ledger.create', { countyCode: '420626' });
  villages = villagesOf(client.core.ledger).filter((_, i) => i % 3 !== 0);
  households = insertRegister(client.core.ledger, villages, Array.from({ length: 700 }, (_, i) => Array.from({ length: 1 + (i % 4) }, () => ({}))));
  let k = 0;
  for (const h of households)
    for (const p of h.members)
      for (const year of [2019, 2020]) {
        k++;
        if (k % 9 === 0) continue;
        const insured = k % 6 === 0 ? 0 : 1;
        const reason = insured === 0 ? (k % 12 === 0 ? null : (REASONS[k % REASONS.length] ?? null)) : null;
        const category = insured === 1 ? (CATEGORIES[k % CATEGORIES.length] ?? null) : null;
        recs.push({ person_id: p.id, year, insured, employee_insured: reason === '02' ? 1 : k % 5 === 0 ? 0 : null, subsidy_category: category, subsidy_amount: category !== null && category !== '06' ? 100 + (k % 3) * 60.5 : null, not_insured_reason: reason, chronic_card: k % 7 === 0 ? 1 : null });
      }
  insertRecords(client.core.ledger, 'medical_insurance', recs.map((r) => ({ ...r, reason_note: r.not_insured_reason === '99' ? '说明' : null })));
}, 60_000); // prettier-ignore

afterAll(async () => {
  await client?.close();
});

const rate = expectedRate;

function expected(inside: (h: TestHousehold) => boolean, year: number): Record<string, number | null> {
  const ids = new Set(households.filter(inside).flatMap((h) => h.members.map((p) => p.id)));
  const mine = recs.filter((r) => r.year === year && ids.has(r.person_id));
  const n = (test: (r: Rec) => boolean) => new Set(mine.filter(test).map((r) => r.person_id)).size;
  const should = n((r) => r.not_insured_reason === null);
  const insured = n((r) => r.insured === 1);
  const out: Record<string, number | null> = {
    persons: n(() => true), should, insured, insured_rate: rate(insured, should), employee: n((r) => r.employee_insured === 1),
    subsidised: n((r) => r.insured === 1 && r.subsidy_category !== null && r.subsidy_category !== '06'),
    subsidy_amount: Math.round(mine.reduce((s, r) => s + (r.subsidy_amount ?? 0), 0) * 100) / 100,
    not_subsidised: n((r) => r.insured === 1 && (r.subsidy_category === null || r.subsidy_category === '06')),
    not_insured: n((r) => r.insured === 0 && r.employee_insured !== 1),
    chronic_card: n((r) => r.chronic_card === 1),
  };
  for (const code of REASONS) out[`reason_${code}_persons`] = n((r) => r.insured === 0 && r.not_insured_reason === code);
  return out;
} // prettier-ignore

function checkEveryCell(report: ResponseOf<'reports.run'>, township: string | null) {
  return expectEveryCell(report, township, (inside) => expected(inside, report.parameters.year ?? 0));
}

describe('基本医疗参保情况表', () => {
  it('counts one 年度 at a time, the latest by default; every cell exact', async () => {
    const latest = await client.ok('reports.run', { id: 'medical_insurance' });
    expect(latest.parameters.year).toBe(2020);
    expect(latest.years).toEqual([2020, 2019]);
    await checkEveryCell(latest, null);
    const township = villages[0]?.townshipCode as string;
    const earlier = await client.ok('reports.run', { id: 'medical_insurance', year: 2019, regionCode: township });
    expect(earlier.parameters.year).toBe(2019);
    await checkEveryCell(earlier, township);
  });
}); // prettier-ignore
