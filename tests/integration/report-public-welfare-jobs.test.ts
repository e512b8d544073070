// 公益性岗位安置统计表 over a ledger with known posts: people holding one, two or three posts of different
// types and fund sources, so 安置人数 (distinct persons) differs from 岗位数 and from the sum of the type
// columns. Every cell of every row is checked against counts computed here from what the test wrote.
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
} from '../helpers/report-ledger.ts';

type Post = { person_id: number; job_type: string; fund_source: string | null; annual_paid: number | null };
let client: TestClient;
let households: TestHousehold[] = [];
let villages: VillageRef[] = [];
const posts: Post[] = [];
const TYPES = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '99'];
const FUNDS = ['01', '02', '99', null];

beforeAll(async () => {
  client = await openTestClient();
  await client.ok('ledger.create', { countyCode: '420626' });
  villages = villagesOf(client.core.ledger).filter((_, i) => i % 4 !== 1);
  households = insertRegister(client.core.ledger, villages, Array.from({ length: 900 }, (_, i) => Array.from({ length: 1 + (i % 4) }, () => ({}))));
  households.forEach((h, i) =>
    h.members.forEach((p, j) => {
      if ((i + j) % 3 === 2) return; // no post
      const n = 1 + ((i * 5 + j) % 3); // one to three posts of different types
      for (let k = 0; k < n; k++)
        posts.push({ person_id: p.id, job_type: TYPES[(i + j * 3 + k * 4) % TYPES.length] as string, fund_source: FUNDS[(i + k) % FUNDS.length] ?? null, annual_paid: (i + k) % 5 === 0 ? null : 500 + ((i * 13 + k) % 7) * 120.25 });
    }),
  );
  insertRecords(client.core.ledger, 'public_welfare_jobs', posts.map((p) => ({ ...p, job_type_note: p.job_type === '99' ? '村设公益岗' : null })));
}, 60_000); // prettier-ignore

afterAll(async () => {
  await client?.close();
});

function expected(inside: (h: TestHousehold) => boolean): Record<string, number> {
  const home = new Map<number, number>();
  for (const h of households) if (inside(h)) for (const p of h.members) home.set(p.id, h.id);
  const mine = posts.filter((p) => home.has(p.person_id));
  const persons = (test: (p: Post) => boolean) => new Set(mine.filter(test).map((p) => p.person_id)).size;
  const out: Record<string, number> = {
    persons: persons(() => true),
    households: new Set(mine.map((p) => home.get(p.person_id))).size,
    posts: mine.length,
    epidemic: persons((p) => ['06', '07', '08'].includes(p.job_type)),
    paid: Math.round(mine.reduce((s, p) => s + (p.annual_paid ?? 0), 0) * 100) / 100,
  };
  for (const t of TYPES) out[`type_${t}_persons`] = persons((p) => p.job_type === t);
  for (const f of ['01', '02', '99']) out[`fund_${f}_persons`] = persons((p) => p.fund_source === f);
  return out;
}

function checkEveryCell(report: ResponseOf<'reports.run'>, township: string | null) {
  return expectEveryCell(report, township, (inside) => expected(inside));
}

describe('公益性岗位安置统计表', () => {
  it('安置人数 counts persons, not posts; every cell exact at county and township level', async () => {
    const report = await client.ok('reports.run', { id: 'public_welfare_jobs' });
    const total = report.rows[0]?.values ?? {};
    expect(total.posts).toBe(posts.length);
    expect(total.persons).toBe(new Set(posts.map((p) => p.person_id)).size);
    expect(Number(total.persons)).toBeLessThan(Number(total.posts));
    expect(report.header[1]?.find((c) => c.key === 'fund_01_persons')?.label).toBe('光伏收益');
    await checkEveryCell(report, null);
    const township = villages[2]?.townshipCode as string;
    await checkEveryCell(await client.ok('reports.run', { id: 'public_welfare_jobs', regionCode: township }), township);
  });
}); // prettier-ignore
