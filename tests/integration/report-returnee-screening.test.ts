// 返乡人员排查与隔离统计表 over a ledger with known contents: register members (some screened twice, on two
// return dates) and outsiders kept on the record with their village, of every 风险等级, 管控措施 and 健康码, and
// a few 疑似, 确诊 and 无症状感染者 among both. Every cell of every row is checked against figures computed here.
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

type Rec = { person_id: number | null; household_id: number | null; village: string; risk_level: string | null; control: string | null; health_code: string | null; case_status: string | null; return_date: string; released: boolean }; // prettier-ignore
let client: TestClient;
let households: TestHousehold[] = [];
let villages: VillageRef[] = [];
const recs: Rec[] = [];
const RISK = ['01', '02', '03', null];
const CONTROL = ['01', '02', '03', '04', null];
const HEALTH = ['01', '02', '03', null, '01'];
const CASES = ['01', '01', '02', '01', '03', '01', '04', null, '01'];

beforeAll(async () => {
  client = await openTestClient();
  await client.ok('ledger.create', { countyCode: '420626' });
  villages = villagesOf(client.core.ledger).filter((_, i) => i % 2 === 0);
  households = insertRegister(client.core.ledger, villages, Array.from({ length: 600 }, (_, i) => Array.from({ length: 1 + (i % 3) }, () => ({}))));
  let k = 0;
  const values = () => ({ risk_level: RISK[k % RISK.length] ?? null, control: CONTROL[Math.floor(k / 2) % CONTROL.length] ?? null, health_code: HEALTH[Math.floor(k / 3) % HEALTH.length] ?? null, case_status: CASES[Math.floor(k / 5) % CASES.length] ?? null });
  for (const h of households)
    for (const p of h.members) {
      k++;
      if (k % 4 === 0) continue; // not returned
      recs.push({ person_id: p.id, household_id: h.id, village: h.village.code, ...values(), return_date: '2020-01-20', released: k % 3 === 0 });
      if (k % 7 === 0) { k++; recs.push({ person_id: p.id, household_id: h.id, village: h.village.code, ...values(), return_date: '2020-02-03', released: false }); }
    }
  for (let i = 0; i < 500; i++) { k++; recs.push({ person_id: null, household_id: null, village: (villages[(i * 7) % villages.length] as VillageRef).code, ...values(), return_date: '2020-01-25', released: i % 2 === 0 }); }
  insertRecords(client.core.ledger, 'returnee_screening', recs.map((r, i) => ({ person_id: r.person_id, person_name: r.person_id === null ? `外来${i}` : null, person_id_number: r.person_id === null ? `W${String(i).padStart(17, '0')}` : null, region_code: r.person_id === null ? r.village : null, risk_level: r.risk_level, control: r.control, health_code: r.health_code, case_status: r.case_status, from_place: '广东省东莞市', return_date: r.return_date, control_start: r.control === '01' || r.control === '02' ? r.return_date : null, release_date: r.released ? '2020-02-10' : null })));
}, 60_000); // prettier-ignore

afterAll(async () => {
  await client?.close();
});

function expected(inside: (h: TestHousehold) => boolean): Record<string, number | null> {
  const villagesIn = new Set(households.filter(inside).map((h) => h.village.code));
  const homesIn = new Set(households.filter(inside).map((h) => h.id));
  const mine = recs.map((r, i) => ({ ...r, who: r.person_id ?? -(i + 1) })).filter((r) => (r.household_id === null ? villagesIn.has(r.village) : homesIn.has(r.household_id)));
  type R = (typeof mine)[number];
  const n = (test: (r: R) => boolean) => new Set(mine.filter(test).map((r) => r.who)).size;
  const poor = (r: R) => r.person_id !== null;
  const out: Record<string, number | null> = {
    persons: n(() => true), poor: n(poor),
    poor_households: new Set(mine.filter(poor).map((r) => r.household_id)).size,
  };
  for (const code of ['01', '02', '03']) out[`risk_${code}_persons`] = n((r) => r.risk_level === code);
  for (const code of ['01', '02', '03', '04']) out[`control_${code}_persons`] = n((r) => r.control === code);
  out.isolating = n((r) => (r.control === '01' || r.control === '02') && !r.released);
  out.yellow_red = n((r) => r.health_code === '02' || r.health_code === '03');
  for (const [key, code] of [['suspected', '02'], ['confirmed', '03'], ['asymptomatic', '04']] as const) {
    out[key] = n((r) => r.case_status === code);
    out[`${key}_poor`] = n((r) => r.case_status === code && poor(r));
  }
  return out;
} // prettier-ignore

function checkEveryCell(report: ResponseOf<'reports.run'>, township: string | null) {
  return expectEveryCell(report, township, expected);
}

describe('返乡人员排查与隔离统计表', () => {
  it('counts register members and outsiders, 贫困人口 among 确诊/疑似; every cell exact', async () => {
    const report = await client.ok('reports.run', { id: 'returnee_screening' });
    expect(Number(report.rows[0]?.values.persons)).toBeGreaterThan(Number(report.rows[0]?.values.poor));
    expect(Number(report.rows[0]?.values.confirmed_poor)).toBeGreaterThan(0);
    expect(Number(report.rows[0]?.values.confirmed)).toBeGreaterThan(Number(report.rows[0]?.values.confirmed_poor));
    await checkEveryCell(report, null);
    const township = await client.ok('reports.run', { id: 'returnee_screening', regionCode: villages[0]?.townshipCode as string });
    await checkEveryCell(township, villages[0]?.townshipCode as string);
  });
}); // prettier-ignore
