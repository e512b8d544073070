// The 数据质量 engine on real ledgers: a 豁免 holds until the data it looked at changes; 转为整改 makes a
// 问题整改 record that the next check closes (销号 with the date) once the finding is gone; the 500-household
// sample county has findings on fewer than a tenth of its households; `check --json` prints the agreed shape.
import { afterAll, describe, expect, it } from 'vitest';
import {
  exemptFindings,
  listFindings,
  qualityFindingsByTownship,
} from '../../main/core/quality/findings-read.ts';
import { findingsToRectification } from '../../main/core/quality/rectify.ts';
import { runQualityCheck } from '../../main/core/quality/run-check.ts';
import { shortRegionName } from '../../shared/region-name.ts';
import { countyRegion } from '../../main/core/regions/region-tree.ts';
import { openCountyLedger, type TestClient } from '../helpers/core-client.ts';
import { addHousehold } from '../helpers/quality-ledger.ts';
import { villagesOf, type VillageRef } from '../helpers/report-ledger.ts';
import { runLedgerCli } from '../helpers/run-cli.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';

const clients: TestClient[] = [];
afterAll(async () => {
  for (const c of clients) await c.close();
});

async function county() {
  const c = await openCountyLedger();
  clients.push(c);
  return { c, ledger: c.core.ledger, village: villagesOf(c.core.ledger)[0] as VillageRef };
}

describe('豁免与整改', () => {
  it('豁免的问题不再计入，数据改动后重新报出', async () => {
    const { ledger, village } = await county();
    const built = addHousehold(ledger, village, [{ labor_skill: '04' }]); // P-LAB-06
    const region = countyRegion(ledger);
    const first = await runQualityCheck(ledger, { region });
    const [finding] = listFindings(ledger, region, { rule: 'P-LAB-06' }).rows;
    expect(finding?.householdId).toBe(built.id);
    // Lists name the place as a clerk says it (云溪沟村, not 云溪沟村委会).
    const official = ledger
      .prepare('SELECT name FROM regions WHERE code = ?')
      .pluck()
      .get(village.code) as string;
    expect(official).toMatch(/委员?会$/);
    expect(finding?.region).toContain(shortRegionName(official));
    expect(finding?.region).not.toMatch(/委员?会/);
    expect(first.findings).toBe(listFindings(ledger, region, {}).total);
    expect(first.exempt).toBe(0);
    expect(() => exemptFindings(ledger, [finding?.id ?? 0], '  ')).toThrow(/豁免理由/);
    exemptFindings(ledger, [finding?.id ?? 0], '已入户核实：常年照顾病人');
    // The check's result counts the open findings only and names the exempt one apart.
    const second = await runQualityCheck(ledger, { region });
    expect(second).toMatchObject({ findings: first.findings - 1, exempt: 1, newFindings: 0 });
    expect(listFindings(ledger, region, { rule: 'P-LAB-06' }).total).toBe(0);
    expect(listFindings(ledger, region, { rule: 'P-LAB-06', state: 'exempt' }).rows[0]?.exemptReason).toBe(
      '已入户核实：常年照顾病人',
    );
    // The values it looked at change (still wrong): the finding is open again.
    ledger.prepare(`UPDATE persons SET labor_skill = '05' WHERE id = ?`).run(built.persons[0]);
    expect(await runQualityCheck(ledger, { region })).toMatchObject({ findings: first.findings, exempt: 0 });
    expect(listFindings(ledger, region, { rule: 'P-LAB-06' }).total).toBe(1);
  });

  it('转为整改生成问题整改记录；问题消除后再次核查即销号', async () => {
    const { ledger, village } = await county();
    const built = addHousehold(ledger, village, [{}], { member_count: 4 }); // H-CNT-01
    const region = countyRegion(ledger);
    await runQualityCheck(ledger, { region }, { today: '2026-12-01' });
    const [finding] = listFindings(ledger, region, { rule: 'H-CNT-01' }).rows;
    expect(findingsToRectification(ledger, [finding?.id ?? 0], '2026-12-01')).toBe(1);
    const record = ledger.prepare('SELECT * FROM ledger_rectification').get() as Record<string, unknown>;
    expect(record).toMatchObject({
      source: '04',
      status: '01',
      household_id: built.id,
      found_date: '2026-12-01',
    });
    expect(String(record.description)).toContain('H-CNT-01');
    // Turning it again makes no second record.
    expect(findingsToRectification(ledger, [finding?.id ?? 0], '2026-12-01')).toBe(0);
    ledger.prepare('UPDATE households SET member_count = 1 WHERE id = ?').run(built.id);
    const summary = await runQualityCheck(ledger, { region }, { today: '2026-12-05' });
    expect(summary.closedRectifications).toBe(1);
    expect(ledger.prepare('SELECT status, closed_date, closed_by FROM ledger_rectification').get()).toEqual({
      status: '03',
      closed_date: '2026-12-05',
      closed_by: '数据质量核查',
    });
    expect(listFindings(ledger, region, { rule: 'H-CNT-01' }).total).toBe(0);
  });

  it('取消的核查不写入任何结果，进度逐条规则报告', async () => {
    const { ledger, village } = await county();
    addHousehold(ledger, village, [{}], { member_count: 2 });
    const seen: number[] = [];
    const summary = await runQualityCheck(
      ledger,
      { region: countyRegion(ledger) },
      {
        onProgress: (done) => seen.push(done),
        cancelled: () => seen.length >= 3,
      },
    );
    expect(summary.cancelled).toBe(true);
    expect(seen).toEqual([1, 2, 3]);
    expect(ledger.prepare('SELECT COUNT(*) FROM quality_findings').pluck().get()).toBe(0);
    expect(ledger.prepare('SELECT COUNT(*) FROM quality_runs').pluck().get()).toBe(0);
  });

  it('只核查导入涉及的户时，不动其他户的问题', async () => {
    const { ledger, village } = await county();
    const a = addHousehold(ledger, village, [{}], { member_count: 2 });
    const b = addHousehold(ledger, village, [{}], { member_count: 3 });
    const region = countyRegion(ledger);
    await runQualityCheck(ledger, { region });
    ledger.prepare('UPDATE households SET member_count = 1 WHERE id = ?').run(a.id);
    const summary = await runQualityCheck(ledger, { region, householdIds: [a.id] });
    expect(summary.households).toBe(1);
    expect(listFindings(ledger, region, { rule: 'H-CNT-01' }).rows.map((f) => f.householdId)).toEqual([b.id]);
  });
});

describe('示例县与 check 命令', () => {
  it('500 户的示例县（含专项台账）中有问题的户少于十分之一；check --json 输出约定的结构', () => {
    const db = tempLedgerPath();
    expect(runLedgerCli(['demo', '--db', db, '--households', '500']).code).toBe(0);
    const r = runLedgerCli(['check', '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      rules: Record<string, unknown>[];
      findings: Record<string, unknown>[];
    };
    expect(out.rules.length).toBeGreaterThanOrEqual(40);
    for (const rule of out.rules)
      expect(Object.keys(rule)).toEqual(['id', 'level', 'scope', 'title', 'count']);
    expect(out.rules.reduce((n, x) => n + Number(x.count), 0)).toBe(out.findings.length);
    for (const f of out.findings) {
      expect(f).toEqual(
        expect.objectContaining({
          rule: expect.any(String),
          level: expect.stringMatching(/^(错误|疑点)$/),
          message: expect.any(String),
        }),
      );
      expect(f).toHaveProperty('region');
      expect(f).toHaveProperty('household');
      expect(f).toHaveProperty('person');
      expect(String(f.message)).not.toMatch(/\d{17}[\dX]/); // 证件号码 masked
    }
    const households = new Set(out.findings.map((f) => f.household).filter((h) => h !== null));
    expect(households.size).toBeGreaterThan(0);
    expect(households.size).toBeLessThan(50);
  }, 300_000);

  it('按乡镇的每百户问题数', async () => {
    const { ledger, village } = await county();
    addHousehold(ledger, village, [{}], { member_count: 2 });
    addHousehold(ledger, village);
    await runQualityCheck(ledger, { region: countyRegion(ledger) });
    const row = qualityFindingsByTownship(ledger, countyRegion(ledger)).find(
      (t) => t.code === village.townshipCode,
    );
    expect(row).toMatchObject({ households: 2, findings: 1, householdsWithFindings: 1, per100: 50 });
  });
});
