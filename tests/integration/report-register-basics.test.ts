// 建档立卡贫困人口基本情况汇总表 over a register with known contents: every code of 贫困户属性, 脱贫状态, 监测对象
// and 主要致贫原因 (and blanks), cancelled households and members that must not count, empty villages.
// Every cell of every row is checked against counts computed here from what the test wrote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_TABLES } from '../../shared/code-tables/index.ts';
import type { ResponseOf } from '../../shared/contract/index.ts';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';
import {
  insertRegister,
  villagesOf,
  type TestHousehold,
  type VillageRef,
  expectEveryCell,
} from '../helpers/report-ledger.ts';

let client: TestClient;
let households: TestHousehold[] = [];
let villages: VillageRef[] = [];
const cancelledHouseholds = new Set<number>();
const cancelledPersons = new Set<number>();

const codes = (key: keyof typeof CODE_TABLES) =>
  CODE_TABLES[key].items.filter((i) => !i.retired).map((i) => i.code);
const pick = <T>(list: readonly T[], i: number): T | null =>
  i % (list.length + 1) === list.length ? null : (list[i % (list.length + 1)] as T);

beforeAll(async () => {
  client = await openTestClient();
  await client.ok('ledger.create', { countyCode: '420626' });
  villages = villagesOf(client.core.ledger).filter((_, i) => i % 3 !== 2);
  const plan = Array.from({ length: 1500 }, (_, i) => Array.from({ length: 1 + (i % 5) }, (_, j) => ({ dibao: (i + j) % 4 === 0 ? 1 : (i + j) % 4 === 1 ? 0 : null })));
  households = insertRegister(client.core.ledger, villages, plan, (i) => ({
    poverty_attribute: pick(codes('poverty_attribute'), i),
    poverty_status: pick(codes('poverty_status'), i * 3 + 1),
    monitor_category: pick(codes('monitor_category'), i * 7 + 2),
    main_cause: pick(codes('poverty_cause'), i * 11 + 3),
  }));
  const db = client.core.ledger.sqlite;
  households.forEach((h, i) => {
    if (i % 37 === 0) {
      db.prepare(`UPDATE households SET status = 'cancelled' WHERE id = ?`).run(h.id);
      cancelledHouseholds.add(h.id);
    } else if (i % 11 === 0 && h.members.length > 1) {
      const p = h.members.at(-1);
      if (!p) return;
      db.prepare(`UPDATE persons SET status = 'cancelled' WHERE id = ?`).run(p.id);
      cancelledPersons.add(p.id);
    }
  });
}, 60_000); // prettier-ignore

afterAll(async () => {
  await client?.close();
});

function expected(inside: (h: TestHousehold) => boolean): Record<string, number> {
  const hs = households.filter((h) => inside(h) && !cancelledHouseholds.has(h.id));
  const members = (h: TestHousehold) => h.members.filter((p) => !cancelledPersons.has(p.id)).length;
  const out: Record<string, number> = { households: hs.length, persons: hs.reduce((n, h) => n + members(h), 0) };
  const groups: Array<[string, string, keyof typeof CODE_TABLES, boolean]> = [
    ['attribute', 'poverty_attribute', 'poverty_attribute', true],
    ['status', 'poverty_status', 'poverty_status', true],
    ['monitor', 'monitor_category', 'monitor_category', true],
    ['cause', 'main_cause', 'poverty_cause', false],
  ];
  for (const [prefix, column, table, withPersons] of groups)
    for (const code of codes(table)) {
      const with_ = hs.filter((h) => h.values[column] === code);
      out[`${prefix}_${code}_households`] = with_.length;
      if (withPersons) out[`${prefix}_${code}_persons`] = with_.reduce((n, h) => n + members(h), 0);
    }
  const dibao = (h: TestHousehold) => h.members.filter((p) => !cancelledPersons.has(p.id) && p.values.dibao === 1).length;
  out.dibao_persons = hs.reduce((n, h) => n + dibao(h), 0);
  out.dibao_in_attribute = hs.filter((h) => h.values.poverty_attribute === '2' || h.values.poverty_attribute === '4').reduce((n, h) => n + dibao(h), 0);
  return out;
} // prettier-ignore

function checkEveryCell(report: ResponseOf<'reports.run'>, township: string | null) {
  return expectEveryCell(report, township, (inside) => expected(inside));
}

describe('建档立卡贫困人口基本情况汇总表', () => {
  it('counts active households and members by attribute, status, monitoring and cause; every cell exact', async () => {
    const report = await client.ok('reports.run', { id: 'register_basics' });
    expect(report.rows[0]?.values.households).toBe(households.length - cancelledHouseholds.size);
    expect(report.rows.filter((r) => r.kind === 'unit').length).toBe(villagesOf(client.core.ledger).length);
    expect(report.header[0]?.map((c) => c.label)).toEqual(['合计', '贫困户属性', '脱贫状态', '监测对象', '主要致贫原因（户数）', '享受低保（人数）']);
    await checkEveryCell(report, null);
  });

  it('at township level: its villages, each cell exact', async () => {
    const township = villages[1]?.townshipCode as string;
    const report = await client.ok('reports.run', { id: 'register_basics', regionCode: township });
    expect(report.rows.slice(1).every((r) => r.kind === 'unit')).toBe(true);
    await checkEveryCell(report, township);
  });

  it('is in the catalog without a 年度 parameter', async () => {
    const list = await client.ok('reports.list', {});
    expect(list.find((r) => r.id === 'register_basics')).toEqual({ id: 'register_basics', title: '建档立卡贫困人口基本情况汇总表', parameters: ['region'], unit: '户、人' });
  });
}); // prettier-ignore
