// 义务教育控辍保学情况表 over a ledger with known contents: children of every 就学状态, dropouts with every 辍学原因
// or none, some brought back (复学日期 given), households with several children. Every cell of every row is
// checked against figures computed here from what the test wrote, at county and at township level.
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

type Rec = { person_id: number; attendance: string; dropout_reason: string | null; return_date: string | null; returned: number }; // prettier-ignore
let client: TestClient;
let households: TestHousehold[] = [];
let villages: VillageRef[] = [];
const recs: Rec[] = [];
const ATTENDANCE = ['01', '01', '02', '03', '04', '99', '01', '02'];
const REASONS = ['01', '02', '03', '04', '05', '06', '99', null];

beforeAll(async () => {
  client = await openTestClient();
  await client.ok('ledger.create', { countyCode: '420626' });
  villages = villagesOf(client.core.ledger).filter((_, i) => i % 2 === 1);
  households = insertRegister(client.core.ledger, villages, Array.from({ length: 800 }, (_, i) => Array.from({ length: 1 + (i % 4) }, () => ({}))));
  let k = 0;
  for (const h of households)
    for (const p of h.members) {
      k++;
      if (k % 3 === 0) continue; // not school-age
      const attendance = ATTENDANCE[k % ATTENDANCE.length] as string;
      const return_date = attendance === '01' && k % 5 === 0 ? '2020-09-01' : null;
      recs.push({ person_id: p.id, attendance, dropout_reason: attendance === '02' || k % 11 === 0 ? (REASONS[Math.floor(k / 8) % REASONS.length] ?? null) : null, return_date, returned: return_date === null ? 0 : 1 });
    }
  insertRecords(client.core.ledger, 'compulsory_education', recs.map((r) => ({ ...r, attendance_note: r.attendance === '99' ? '说明' : null })));
}, 60_000); // prettier-ignore

afterAll(async () => {
  await client?.close();
});

const rate = expectedRate;

function expected(inside: (h: TestHousehold) => boolean): Record<string, number | null> {
  const mineHomes = households.filter(inside);
  const homeOf = new Map(mineHomes.flatMap((h) => h.members.map((p) => [p.id, h.id] as const)));
  const mine = recs.filter((r) => homeOf.has(r.person_id));
  const n = (test: (r: Rec) => boolean) => new Set(mine.filter(test).map((r) => r.person_id)).size;
  const persons = n(() => true);
  const out: Record<string, number | null> = {
    households: new Set(mine.map((r) => homeOf.get(r.person_id))).size,
    persons,
  };
  for (const code of ['01', '02', '03', '04', '99']) out[`attendance_${code}_persons`] = n((r) => r.attendance === code);
  out.in_school_rate = rate(out.attendance_01_persons as number, persons);
  for (const code of ['01', '02', '03', '04', '05', '06', '99']) out[`reason_${code}_persons`] = n((r) => r.attendance === '02' && r.dropout_reason === code);
  out.returned = n((r) => r.returned === 1);
  return out;
} // prettier-ignore

function checkEveryCell(report: ResponseOf<'reports.run'>, township: string | null) {
  return expectEveryCell(report, township, expected);
}

describe('义务教育控辍保学情况表', () => {
  it('counts children by 就学状态, dropouts by 辍学原因 and 劝返复学; every cell exact', async () => {
    const report = await client.ok('reports.run', { id: 'compulsory_education' });
    expect(report.rows[0]?.values.persons).toBe(recs.length);
    expect(Number(report.rows[0]?.values.reason_05_persons)).toBeGreaterThan(0);
    await checkEveryCell(report, null);
    const township = await client.ok('reports.run', { id: 'compulsory_education', regionCode: villages[0]?.townshipCode as string });
    await checkEveryCell(township, villages[0]?.townshipCode as string);
  });
}); // prettier-ignore
