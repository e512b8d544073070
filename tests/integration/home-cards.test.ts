// 首页 over the sample county: every number of every card is the report cell (or the sum of cells) it
// names, for the county, a 乡镇, a 村 and a 组 (shown as its village); the chart by region is the report's
// 乡镇/村 rows; the numbers that lead to the household list give the list's count; 低保 shows both
// measures and where they overlap; a change to the ledger shows at once (nothing stored).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../shared/contract/index.ts';
import { cellsValue, HOME_CARDS, homeCardCells } from '../../shared/home/cards.ts';
import { runQualityCheck } from '../../main/core/quality/run-check.ts';
import { countyRegion } from '../../main/core/regions/region-tree.ts';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';

let client: TestClient;
let township: string;
let village: string;
let group: string;

beforeAll(async () => {
  client = await openTestClient();
  await client.ok('ledger.loadDemo', { households: 600, seed: 5, ledgers: true });
  const tree = await client.ok('regions.tree', {});
  const g = tree.find((r) => r.level === 'group');
  if (!g?.parentCode) throw new Error('demo has no group');
  group = g.code;
  village = g.parentCode;
  township = tree.find((r) => r.code === village)?.parentCode as string;
}, 120_000);

afterAll(async () => {
  await client?.close();
});

const report = (id: string, regionCode: string | null) =>
  client.ok('reports.run', { id, regionCode, year: null, asOf: null });

describe('首页 cards', () => {
  it.each([
    ['the county', () => null],
    ['a 乡镇', () => township],
    ['a 村', () => village],
  ])('for %s: every number and chart value is the cell of the report it names', async (_, code) => {
    const regionCode = code();
    for (const card of HOME_CARDS) {
      const got = await client.ok('home.card', { id: card.id, regionCode });
      const expected = await report(card.report, regionCode);
      const total = expected.rows.find((r) => r.kind === 'total')?.values ?? {};
      expect(got.reportId).toBe(card.report);
      for (const cell of homeCardCells(card)) expect([card.id, cell, got.total[cell]]).toEqual([card.id, cell, total[cell]]);
      for (const f of card.figures) {
        const value = cellsValue(f.cells, got.total);
        const direct = f.cells.reduce((n, c) => n + Number(total[c] ?? 0), 0);
        expect([card.id, f.key, value]).toEqual([card.id, f.key, f.cells.length === 1 ? (total[f.cells[0] as string] ?? null) : direct]);
      }
      const chart = card.chart;
      if (chart.kind === 'regions') {
        const below = expected.rows.filter((r) => r.kind === (regionCode === null ? 'subtotal' : 'unit'));
        expect(got.regions.map((r) => r.regionCode)).toEqual(below.map((r) => r.regionCode));
        got.regions.forEach((r, i) => {
          for (const s of chart.series) expect(cellsValue(s.cells, r.values)).toBe(cellsValue(s.cells, below[i]?.values ?? {}));
        });
      } else expect(got.regions).toEqual([]);
    }
  }, 120_000); // prettier-ignore

  it('the sample county has something to show on every card', async () => {
    for (const card of HOME_CARDS) {
      const got = await client.ok('home.card', { id: card.id, regionCode: null });
      const first = card.figures[0];
      expect([card.id, Number(cellsValue(first?.cells ?? [], got.total))]).not.toEqual([card.id, 0]);
    }
  }, 60_000);

  it('shows a 组 as its village', async () => {
    const got = await client.ok('home.card', { id: 'register', regionCode: group });
    expect(got.region.code).toBe(village);
    expect(got.total).toEqual((await client.ok('home.card', { id: 'register', regionCode: village })).total);
  });

  it('a number that leads to the household list matches the list’s count', async () => {
    for (const card of HOME_CARDS) {
      for (const regionCode of [null, township]) {
        const got = await client.ok('home.card', { id: card.id, regionCode });
        for (const f of card.figures) {
          if (f.link.to !== 'households') continue;
          const list = await client.ok('households.list', { regionCode, status: 'active', ...copy(f.link.filter), offset: 0, limit: 1 });
          expect([card.id, f.key, list.total]).toEqual([card.id, f.key, cellsValue(f.cells, got.total)]);
        }
      }
    }
  }, 60_000); // prettier-ignore

  it('低保: 享受低保人数 beside the members of 低保贫困户, and the persons in both', async () => {
    const db = client.core.ledger.sqlite;
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    const got = await client.ok('home.card', { id: 'dibao', regionCode: null });
    const active = `FROM persons p JOIN households h ON h.id = p.household_id WHERE p.status = 'active' AND h.status = 'active'`;
    const dibao = count(`SELECT COUNT(*) ${active} AND p.dibao = 1`);
    const members = count(`SELECT COUNT(*) ${active} AND h.poverty_attribute IN ('2', '4')`);
    const both = count(`SELECT COUNT(*) ${active} AND p.dibao = 1 AND h.poverty_attribute IN ('2', '4')`);
    expect(got.total.dibao_persons).toBe(dibao);
    expect(cellsValue(['attribute_2_persons', 'attribute_4_persons'], got.total)).toBe(members);
    expect(got.total.dibao_in_attribute).toBe(both);
    // The same 享受低保人数 as the old 首页 figure (stats.summary), now with its relation to 低保贫困户.
    expect(got.total.dibao_persons).toBe(
      (await client.ok('stats.summary', { regionCode: null })).dibaoPersons,
    );
  });

  it('is computed at request time: a cancelled household leaves the numbers at once', async () => {
    const before = await client.ok('home.card', { id: 'register', regionCode: village });
    const list = await client.ok('households.list', {
      regionCode: village,
      status: 'active',
      offset: 0,
      limit: 1,
    });
    const id = list.rows[0]?.id as number;
    client.core.ledger.sqlite.prepare(`UPDATE households SET status = 'cancelled' WHERE id = ?`).run(id);
    const after: ResponseOf<'home.card'> = await client.ok('home.card', {
      id: 'register',
      regionCode: village,
    });
    expect(after.total.households).toBe(Number(before.total.households) - 1);
  });

  it('refuses a card it does not have, in Chinese', async () => {
    const error = await client.fail('home.card', { id: 'nothing' as 'register', regionCode: null });
    expect(error.code).toBe('bad-request');
  });

  it('数据质量: says a region was never checked, then shows the last check’s findings per 100 households by 乡镇', async () => {
    const before = await client.ok('home.quality', { regionCode: null });
    expect([before.checkedAt, before.rows]).toEqual([null, []]);
    const ledger = client.core.ledger;
    await runQualityCheck(ledger, { region: countyRegion(ledger) });
    const got = await client.ok('home.quality', { regionCode: null });
    expect(got.checkedAt).not.toBeNull();
    const townships = (await client.ok('regions.tree', {})).filter((r) => r.level === 'township');
    expect(got.rows.map((r) => r.regionCode)).toEqual(townships.map((t) => t.code));
    const open = `(exempt_fingerprint IS NULL OR exempt_fingerprint <> fingerprint)`;
    for (const row of got.rows) {
      const findings = ledger.sqlite
        .prepare(`SELECT COUNT(*) FROM quality_findings WHERE township_code = ? AND ${open}`)
        .pluck()
        .get(row.regionCode) as number;
      const households = ledger.sqlite
        .prepare(`SELECT COUNT(*) FROM households WHERE township_code = ? AND status = 'active'`)
        .pluck()
        .get(row.regionCode) as number;
      expect([row.findings, row.households, row.per100]).toEqual([
        findings,
        households,
        households === 0 ? null : Math.round((findings / households) * 1000) / 10,
      ]);
    }
    expect(got.total.findings).toBe(got.rows.reduce((n, r) => n + r.findings, 0));
    expect(got.total.findings).toBeGreaterThan(0);
    // A 乡镇 (and a 组 below it) shows its own 乡镇, checked by the county-wide run.
    const local = await client.ok('home.quality', { regionCode: group });
    expect([local.checkedAt, local.rows.map((r) => r.regionCode)]).toEqual([got.checkedAt, [township]]);
  });
});

const copy = (filter: Record<string, readonly string[] | undefined>) =>
  Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, [...(v ?? [])]]));
