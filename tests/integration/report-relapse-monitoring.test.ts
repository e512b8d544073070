// 返贫监测对象统计表 over a ledger with known contents: monitored households of each 监测对象类别 with 1–5
// members, one to three 致贫返贫风险 each, risks 消除 by 帮扶 or 自然, not 消除, or not filled in. Every cell of
// every row (county and one 乡镇) is checked against figures computed here from what the test wrote.
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

type Rec = { household_id: number; size: number; category: string; risks: string; eliminated: number | null; eliminate_method: string | null }; // prettier-ignore
const RISKS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '99'];
let client: TestClient;
let households: TestHousehold[] = [];
let villages: VillageRef[] = [];
const recs: Rec[] = [];

beforeAll(async () => {
  client = await openTestClient();
  await client.ok('ledger.create', { countyCode: '420626' });
  villages = villagesOf(client.core.ledger).filter((_, i) => i % 2 === 0);
  const sizes = Array.from({ length: 800 }, (_, i) => 1 + (i % 5));
  households = insertRegister(client.core.ledger, villages, sizes.map((n) => Array.from({ length: n }, () => ({}))));
  households.forEach((h, i) => {
    if (i % 3 === 2) return; // not monitored
    const risks = [...new Set([RISKS[i % 12], RISKS[(i * 7) % 12], RISKS[(i * 5 + 1) % 12]].slice(0, 1 + (i % 3)))].sort() as string[];
    const eliminated = [1, 1, 0, null][i % 4] ?? null;
    recs.push({ household_id: h.id, size: h.members.length, category: ['1', '2', '3'][i % 3] as string, risks: risks.join(','), eliminated, eliminate_method: eliminated === 1 ? (i % 8 < 4 ? '01' : '02') : null });
  });
  insertRecords(client.core.ledger, 'relapse_monitoring', recs.map(({ size: _, ...r }) => ({ ...r, risk_note: r.risks.includes('99') ? '其他' : null })));
}, 60_000); // prettier-ignore

afterAll(async () => {
  await client?.close();
});

const rate = expectedRate;

function expected(inside: (h: TestHousehold) => boolean): Record<string, number | null> {
  const ids = new Set(households.filter(inside).map((h) => h.id));
  const mine = recs.filter((r) => ids.has(r.household_id));
  const homes = (test: (r: Rec) => boolean) => mine.filter(test).length;
  const people = (test: (r: Rec) => boolean) => mine.filter(test).reduce((s, r) => s + r.size, 0);
  const all = homes(() => true);
  const eliminated = homes((r) => r.eliminated === 1);
  const out: Record<string, number | null> = { households: all, persons: people(() => true) };
  for (const c of ['1', '2', '3']) {
    out[`category_${c}_households`] = homes((r) => r.category === c);
    out[`category_${c}_persons`] = people((r) => r.category === c);
  }
  for (const risk of RISKS) out[`risk_${risk}_households`] = homes((r) => r.risks.split(',').includes(risk));
  return {
    ...out, eliminated, eliminated_persons: people((r) => r.eliminated === 1), eliminated_rate: rate(eliminated, all),
    eliminated_by_aid: homes((r) => r.eliminate_method === '01'), eliminated_naturally: homes((r) => r.eliminate_method === '02'),
    not_eliminated: homes((r) => r.eliminated !== 1),
  };
} // prettier-ignore

describe('返贫监测对象统计表', () => {
  it('counts households and their persons by 类别, households by each risk, and 消除; every cell exact', async () => {
    const report = await client.ok('reports.run', { id: 'relapse_monitoring' });
    expect(report.rows[0]?.values.households).toBe(recs.length);
    await expectEveryCell(report, null, expected);
    const township = villages[1]?.townshipCode as string;
    await expectEveryCell(await client.ok('reports.run', { id: 'relapse_monitoring', regionCode: township }), township, expected);
  });
}); // prettier-ignore
